/**
 * What the ledger's reliability tests on PostgreSQL share (server/modules/ledger/ledger.concurrency.api.test.ts,
 * ledger.storm.api.test.ts, ledger.reliability.api.test.ts): their sizes and knobs, a seeded generator, how an
 * attempt's failure is classified, the exactly-once check, the payment batch as a child process
 * (test/ledger-pay-batch.ts), and the cloned database each file's describe runs on.
 *
 * Sizes: LEDGER_STORM_REQUESTS (default 10 000, as issue #5 asks: about 60–90 s on 2 cores, payClaim runs at
 * ~150–200 payments/s here; set a smaller number for a quick local run);
 * LEDGER_SEED replays a run's random choices (the interleaving is the scheduler's).
 */
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, expect } from 'vitest';
import { systemContext } from '../server/platform/audit.js';
import { PROJECT_ROOT } from '../server/platform/config.js';
import { openDatabase, rowsOf, type Database, type Db } from '../server/platform/db.js';
import { AppError } from '../server/platform/errors.js';
import { pgErrorOf } from '../server/platform/pg-errors.js';
import { cloneTemplate } from './db-template.js';
import { TRANSIENT, type FixtureClaim } from './ledger-pay-batch.js';

export const STORM_REQUESTS = Number(process.env.LEDGER_STORM_REQUESTS ?? 10_000);
/** A storm (or the contended approvals) still running after this fails the test instead of hanging it. */
export const STORM_DEADLINE_MS = Number(process.env.LEDGER_STORM_DEADLINE_MS ?? 240_000);
export const APPROVALS_DEADLINE_MS = 30_000;
export const SEED = Number(process.env.LEDGER_SEED ?? Math.floor(Math.random() * 2 ** 31));
export const WORKERS = 20;
export const ctx = systemContext('reliability');

/** mulberry32: a small seeded generator, so that a failing run can be replayed with LEDGER_SEED. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const rows = async <T>(db: Db, q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));

export class InjectedAbort extends Error {}

/** What went wrong with one attempt: a refusal, an abort we caused, a transient failure, or a bug. */
export function classify(e: unknown): { kind: 'refused' | 'injected' | 'transient' | 'unexpected'; code: string } {
  if (e instanceof InjectedAbort) return { kind: 'injected', code: e.message };
  if (e instanceof AppError) return { kind: 'refused', code: e.code };
  const pg = pgErrorOf(e);
  // query_canceled: only our pg_cancel_backend cancels statements here (it may land on the next user of the
  // connection, whose request is then delivered again like any aborted one).
  if (pg?.code === '57014') return { kind: 'injected', code: 'cancel' };
  if (pg && TRANSIENT.has(pg.code)) return { kind: 'transient', code: pg.code };
  return { kind: 'unexpected', code: pg ? `${pg.code} ${pg.message}` : e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

/**
 * Registers, in the calling describe, the beforeAll/afterAll of a cloned PostgreSQL database: `db` (the app
 * role, a pool of one connection per worker), its `url`, and `admin` (the superuser). Read them through the
 * getters, inside tests.
 */
export function usePostgresClone() {
  let database: Database;
  let db: Db;
  let url: string;
  let admin: postgres.Sql;
  let dispose: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const clone = await cloneTemplate();
    await clone.database.close();
    dispose = clone.dispose;
    url = clone.url!;
    // The superuser: ALTER DATABASE, and pg_cancel_backend of the app role's sessions.
    admin = postgres(clone.adminUrl!, { max: 2, onnotice: () => undefined });
    // PostgreSQL looks for a deadlock after deadlock_timeout (1 s): checking sooner changes nothing about what
    // deadlocks, only how long a deadlock-prone build takes to show it.
    await admin.unsafe(`alter database "${new URL(url).pathname.slice(1)}" set deadlock_timeout = '50ms'`);
    // One connection per worker (and two spare): openDatabase's default pool is 10.
    database = await openDatabase({ url, poolSize: WORKERS + 2 });
    db = database.db;
    console.log(`[ledger reliability] seed ${SEED} (LEDGER_SEED replays it)`);
  });
  afterAll(async () => {
    await database?.close();
    await admin?.end();
    await dispose();
  });

  return { db: () => db, url: () => url, admin: () => admin };
}

/** Every claim in `paid` is paid with exactly one post_pending and one payout; every claim in `unpaid` has no transfer. */
export async function checkPaidExactlyOnce(db: Db, paid: FixtureClaim[], unpaid: string[]) {
  const got = await rows<{ id: string; status: string; post: number; payout: number; pending: number; steps: number }>(
    db,
    sql`select c.id::text as id, c.status,
          (select count(*)::int from ledger_transfers t where t.claim_id = c.id and t.kind = 'post_pending') as post,
          (select count(*)::int from ledger_transfers t where t.claim_id = c.id and t.kind = 'posted') as payout,
          (select count(*)::int from ledger_transfers t where t.claim_id = c.id and t.kind = 'pending') as pending,
          (select count(*)::int from claim_steps s where s.claim_id = c.id and s.step = 'paid') as steps
        from claims c where c.id = any(${sql.raw(`array[${[...paid.map((c) => c.id), ...unpaid].map((x) => `'${x}'::uuid`).join(',')}]`)})`,
  );
  const byId = new Map(got.map((r) => [r.id, r]));
  const wrong: string[] = [];
  for (const c of paid) {
    const r = byId.get(c.id);
    if (!r || r.status !== 'paid' || r.post !== 1 || r.payout !== 1 || r.pending !== 1 || r.steps !== 1)
      wrong.push(JSON.stringify(r ?? c.id));
  }
  for (const id of unpaid) {
    const r = byId.get(id);
    if (!r || r.status !== 'in_notice' || r.post + r.payout + r.pending + r.steps !== 0) wrong.push(JSON.stringify(r ?? id));
  }
  expect(wrong.slice(0, 5), `${wrong.length} claims not paid exactly once`).toEqual([]);
}

interface BatchState {
  pid: number | undefined;
  paid: number;
  exited: boolean;
}

/** test/ledger-pay-batch.ts as a child process (npx tsx), in a process group of its own. */
export const BATCH_APP = 'kc-ledger-batch';

export function runBatch(url: string, idsFile: string) {
  const child = spawn('npx', ['tsx', 'test/ledger-pay-batch.ts', '--workers', '4', '--ids', idsFile], {
    cwd: PROJECT_ROOT,
    // Its sessions carry their own name, so the test can tell when the killed ones have ended.
    env: { ...process.env, DATABASE_URL: url, PGAPPNAME: BATCH_APP },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const state: BatchState = { pid: undefined, paid: 0, exited: false };
  let doneLine: string | undefined;
  let buf = '';
  let tail = '';
  let stderr = '';
  const watchers: (() => void)[] = [];
  const notify = () => watchers.forEach((w) => w());
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    tail = (tail + chunk).slice(-2000);
    const lines = buf.split('\n');
    buf = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('pid ')) state.pid = Number(line.slice(4));
      else if (line.startsWith('paid ')) state.paid = Math.max(state.paid, Number(line.split(' ')[1]));
      else if (line.startsWith('done ')) doneLine = line;
    }
    notify();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    paid: number;
    doneLine?: string;
    stderr: string;
    stdoutTail: string;
  }>((resolve) =>
    child.on('close', (code, signal) => {
      state.exited = true;
      notify();
      // The npx wrapper and tsx's loader process: make sure nothing of the group outlives the batch.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
      resolve({ code, signal, paid: state.paid, ...(doneLine ? { doneLine } : {}), stderr, stdoutTail: tail });
    }),
  );
  const waitFor = (pred: (s: BatchState) => boolean, timeoutMs: number) =>
    new Promise<BatchState>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`batch: no progress in ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      const check = () => {
        if (pred(state)) {
          clearTimeout(timer);
          resolve({ ...state });
        }
      };
      watchers.push(check);
      check();
    });
  return { done, waitFor };
}
