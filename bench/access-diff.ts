import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * How the access matrix changed against an older commit (default: a659488, main before issue #12): runs the
 * access-matrix test here (which writes every cell), replays the same cells on the older checkout, and counts
 * the cells that were let through there and are refused now. Usage: npm run bench:access [-- <commit>]
 */
const base = process.argv[2] ?? 'a659488';
const root = process.cwd();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kc-access-'));
const run = (cwd: string, args: string[], env: Record<string, string>) =>
  execFileSync('npx', ['vitest', 'run', '--project', 'api-pglite', ...args], { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });

run(root, ['server/platform/access-matrix.api.test.ts'], { ACCESS_MATRIX_OUT: path.join(tmp, 'new.json') });
const wt = path.join(tmp, 'base');
execFileSync('git', ['worktree', 'add', '--force', '--detach', wt, base], { cwd: root, stdio: 'inherit' });
try {
  symlinkSync(path.join(root, 'node_modules'), path.join(wt, 'node_modules'));
  copyFileSync(path.join(root, 'test', 'access-probe.ts'), path.join(wt, 'test', 'access-probe.ts'));
  // The replay lives in test/ here (no project runs it); there it runs as an api test under server/.
  const replay = readFileSync(path.join(root, 'test', 'access-replay.api.test.ts'), 'utf8').replace(
    /'\.\/(access-probe|harness)\.js'/g,
    "'../test/$1.js'",
  );
  writeFileSync(path.join(wt, 'server', 'access-replay.api.test.ts'), replay);
  run(wt, ['server/access-replay.api.test.ts'], {
    ACCESS_MATRIX_IN: path.join(tmp, 'new.json'),
    ACCESS_MATRIX_OUT: path.join(tmp, 'old.json'),
  });
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', wt], { cwd: root });
}

type Cell = { op: string; role: string; relation: string; observed: string; old: string; oldStatus: number };
const fresh = JSON.parse(readFileSync(path.join(tmp, 'new.json'), 'utf8')) as { summary: Record<string, unknown>; cells: unknown[] };
const cells = JSON.parse(readFileSync(path.join(tmp, 'old.json'), 'utf8')) as Cell[];
const refusedNow = cells.filter((c) => c.observed === 'refused');
/** What a cell refused now answered on the older commit, by status (its own refusals under "refused"). */
const before = new Map<string, number>();
for (const c of refusedNow) {
  const k = c.old === 'refused' ? 'refused' : String(c.oldStatus);
  before.set(k, (before.get(k) ?? 0) + 1);
}
const ran = refusedNow.filter((c) => c.old === 'allowed' && ((c.oldStatus >= 200 && c.oldStatus < 300) || c.oldStatus === 409));
const allowedNow = cells.filter((c) => c.observed === 'allowed' && c.old === 'refused');
const byOp = new Map<string, number>();
for (const c of ran) byOp.set(c.op, (byOp.get(c.op) ?? 0) + 1);
console.log(`\naccess matrix now: ${JSON.stringify(fresh.summary)}`);
console.log(`cells replayed on ${base}: ${cells.length} of ${fresh.cells.length}; refused now: ${refusedNow.length}`);
console.log(`what those answered on ${base}: ${JSON.stringify(Object.fromEntries([...before].sort()))}`);
console.log(`  allowed there and refused now (its handler ran: 2xx, or 409 from a business rule): ${ran.length}`);
console.log(`  400 there (its validation ran before its role check, which was never reached): ${before.get('400') ?? 0}`);
console.log(`  404 there (hidden or not found) and 403 of a handler's own: ${(before.get('404') ?? 0) + (before.get('403') ?? 0)}`);
console.log(`refused on ${base}, allowed now: ${allowedNow.length}`);
for (const c of allowedNow.slice(0, 20)) console.log(`  ${c.op} ${c.role}@${c.relation}`);
console.log('operations with the most cells changed from allowed to refused:');
for (const [op, n] of [...byOp.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${n}\t${op}`);
