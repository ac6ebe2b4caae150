/**
 * npm run bench:startup — issue #2's figures:
 *  - cold start (empty data directory: migrations, reference data, first admin) to a healthy /api/health
 *  - warm start (existing data directory) to a healthy /api/health
 *  each the median of 3 runs; and the JavaScript the login page loads, gzipped, measured in Chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, median, startServer, stop, waitHealthy } from './lib.js';
import { CHROMIUM } from '../e2e/chromium.js';
import { measureLoginPageJs, type LoginPageJs } from './login-js.js';

const RUNS = 3;

async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = startServer({ KECHUANG_DATA_DIR: dataDir, PORT: String(port), KECHUANG_ADMIN_PASSWORD: 'Bench-chief-pass-1' });
  try {
    await waitHealthy(`http://127.0.0.1:${port}/api/health`, 120_000, child);
    return (performance.now() - t0) / 1000;
  } finally {
    await stop(child);
  }
}

/** The login page's JavaScript, served by the built server over a fresh data directory. */
async function loginPageJs(): Promise<LoginPageJs> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-js-'));
  const port = await freePort();
  const child = startServer({ KECHUANG_DATA_DIR: dataDir, PORT: String(port), KECHUANG_ADMIN_PASSWORD: 'Bench-chief-pass-1' });
  try {
    await waitHealthy(`http://127.0.0.1:${port}/api/health`, 120_000, child);
    return await measureLoginPageJs(`http://127.0.0.1:${port}`);
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-start-'));
  cold.push(await timeStart(dir));
  warm.push(await timeStart(dir));
  rmSync(dir, { recursive: true, force: true });
}
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
console.log(`cold start (empty data dir) to healthy: median ${median(cold).toFixed(2)} s  [runs: ${fmt(cold)}]  goal ≤ 20 s`);
console.log(`warm start (existing data) to healthy:  median ${median(warm).toFixed(2)} s  [runs: ${fmt(warm)}]  goal ≤ 8 s`);
if (existsSync(CHROMIUM)) {
  const js = await loginPageJs();
  console.log(
    `login page JavaScript: ${js.files} files, ${(js.rawBytes / 1024).toFixed(0)} KB raw, ${(js.gzipBytes / 1024).toFixed(0)} KB gzipped  goal ≤ 400 KB`,
  );
} else {
  console.log('login page JavaScript: not measured (no /usr/bin/chromium)');
}
