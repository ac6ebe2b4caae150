/**
 * The OpenAPI document, checked by a tool no one here wrote: builds the app (a migrated in-memory PGlite,
 * never listening), writes /api/docs/json to a temporary file and runs
 * `redocly lint` with the recommended rules (redocly.yaml). Fails on any error or warning.
 *
 *   npm run lint:openapi            # lint
 *   npm run lint:openapi -- --out=openapi.json   # also keep the document
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { PROJECT_ROOT, loadConfig } from '../server/platform/config.js';
import { openDatabase } from '../server/platform/db.js';

/** The OpenAPI document the server publishes at /api/docs/json. */
export async function openapiDocument(): Promise<unknown> {
  const database = await openDatabase({});
  await database.migrate();
  const app = await buildApp({ database, config: loadConfig({ KECHUANG_WEB_DIR: '/nonexistent' }) });
  try {
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    if (res.statusCode !== 200) throw new Error(`/api/docs/json answered ${res.statusCode}`);
    return res.json();
  } finally {
    await app.close();
    await database.close();
  }
}

/** Lints the document; returns the number of problems (errors and warnings) and prints redocly's report. */
export function lintOpenapi(doc: unknown): { problems: number; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const bin = path.join(PROJECT_ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    const res = spawnSync(
      process.execPath,
      [bin, 'lint', '--format=stylish', `--config=${path.join(PROJECT_ROOT, 'redocly.yaml')}`, file],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      },
    );
    const output = `${res.stdout}${res.stderr}`;
    const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(output)?.[1] ?? 0);
    const found = count('errors?') + count('warnings?');
    // A failure that names no count (redocly could not run) is one problem too.
    const problems = found === 0 && res.status !== 0 ? 1 : found;
    return { problems, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const doc = await openapiDocument();
  const out = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  if (out) writeFileSync(out, JSON.stringify(doc, null, 2));
  const { problems, output } = lintOpenapi(doc);
  process.stdout.write(output);
  console.log(`openapi lint: ${problems} problem(s)`);
  process.exit(problems === 0 ? 0 : 1);
}
