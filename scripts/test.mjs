#!/usr/bin/env node
// npm test: every test, in two lanes side by side. The browser journeys run one file at a time (each drives
// a Chromium against its own server) while the unit and API files run in a second vitest process, so neither waits
// for the other. With arguments (`npm test -- server/modules/ledger`) it is one plain `vitest run` instead.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = process.argv.slice(2);

function run(label, vitestArgs, env = {}, niceness = 0) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', ...vitestArgs], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
    // Its workers are forked after this, so they inherit the priority.
    if (niceness && child.pid) setPriority(child.pid, niceness);
    child.on('exit', (code, signal) => resolve({ label, code: code ?? (signal ? 1 : 0) }));
  });
}

if (args.length > 0) {
  const { code } = await run('vitest', args);
  process.exit(code);
}

const dir = mkdtempSync(path.join(tmpdir(), 'kc-test-'));
const summary = (lane) => path.join(dir, `${lane}.json`);
// The API lane uses every core but at a lower priority: the journeys (Chromium and its server, which wait on
// timers and the screen) get the CPU when they want it and the API files take what is left, so no core idles
// once either lane runs alone. (Measured on the 2-core machine: one API worker beside the journeys left the API
// lane running alone on one core for its last ten minutes.)
const apiWorkers = String(Math.max(2, availableParallelism() - 1));
const projects = ['unit', 'api-pglite', ...(process.env.TEST_DATABASE_URL ? ['api-postgres'] : [])];
const lanes = await Promise.all([
  run('api', [...projects.flatMap((p) => ['--project', p]), `--maxWorkers=${apiWorkers}`], { KC_TEST_SUMMARY: summary('api') }, 10),
  run('e2e', ['--project', 'e2e'], { KC_TEST_SUMMARY: summary('e2e') }),
]);

const total = { passed: 0, failed: 0, skipped: 0 };
for (const { label, code } of lanes) {
  let counts;
  try {
    counts = JSON.parse(readFileSync(summary(label), 'utf8'));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 }; // the lane died before its reporter wrote
  }
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  for (const k of Object.keys(total)) total[k] += counts[k];
  process.stdout.write(`[${label}] ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (exit ${code})\n`);
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(lanes.every((l) => l.code === 0) ? 0 : 1);
