#!/usr/bin/env node
// Builds what is missing or stale: the server (tsc → dist/) and the web app (vite → dist/web).
// Usage: node scripts/build.mjs [--if-needed] [server] [web]   (no target = both)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ifNeeded = args.includes('--if-needed');
const targets = args.filter((a) => !a.startsWith('--'));
const want = (t) => targets.length === 0 || targets.includes(t);

function newest(...entries) {
  let max = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      if (path.basename(p) === 'node_modules') return;
      for (const e of readdirSync(p)) walk(path.join(p, e));
    } else if (!/\.test\.tsx?$/.test(p)) max = Math.max(max, st.mtimeMs);
  };
  for (const e of entries) walk(path.join(root, e));
  return max;
}
const mtime = (f) => (existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0);

function run(label, cmd, cmdArgs) {
  const t0 = Date.now();
  process.stderr.write(`[build] ${label}…\n`);
  const res = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: false });
  if (res.status !== 0) {
    process.stderr.write(`[build] ${label} failed\n`);
    process.exit(res.status ?? 1);
  }
  process.stderr.write(`[build] ${label} done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (want('server')) {
  const stamp = 'dist/.server-built';
  if (
    !ifNeeded ||
    newest('server', 'common', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.build.json', 'package-lock.json') > mtime(stamp)
  ) {
    run('server (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
    writeFileSync(path.join(root, stamp), new Date().toISOString());
  }
}
if (want('web')) {
  const out = 'dist/web/index.html';
  if (!ifNeeded || newest('web', 'common', 'tsconfig.base.json', 'package-lock.json') > mtime(out)) {
    run('web (vite)', bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  }
}
