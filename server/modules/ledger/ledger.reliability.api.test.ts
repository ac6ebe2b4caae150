import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, cloneTemplate } from '../../../test/db-template.js';
import { createFixtures, pool, TRANSIENT, type FixtureClaim } from '../../../test/ledger-pay-batch.js';
import { systemContext } from '../../platform/audit.js';
import { PROJECT_ROOT } from '../../platform/config.js';
import { openDatabase, rowsOf, type Database, type Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pgErrorOf } from '../../platform/pg-errors.js';
import { approveClaim, payClaim } from '../policies/index.js';
import { accountSpecs, ensureAccount, fundBudget, transfer, verifyLedger } from './index.js';

/**
 * The ledger under real concurrency and crashes, on PostgreSQL only (PGlite has one connection):
 *  - concurrent transfers sharing an account, and concurrent uses of one idempotency key;
 *  - budget contention: approvals beyond a budget are refused with ledger_insufficient_funds, never overdraw;
 *  - a storm of payment requests from 20 workers with duplicate deliveries and aborted requests (rolled back
 *    after the work, a statement cancelled mid-way, acknowledgement lost), redelivered until done: each claim
 *    paid exactly once;
 *  - a payment batch in a child process killed with SIGKILL mid-way, then run again to completion.
 *
 * Sizes: LEDGER_STORM_REQUESTS (default 10 000, as issue #5 asks: about 60–90 s on 2 cores, payClaim runs at
 * ~150–200 payments/s here; set a smaller number for a quick local run);
 * LEDGER_SEED replays a run's random choices (the interleaving is the scheduler's).
 */
const STORM_REQUESTS = Number(process.env.LEDGER_STORM_REQUESTS ?? 10_000);
/** A storm (or the contended approvals) still running after this fails the test instead of hanging it. */
const STORM_DEADLINE_MS = Number(process.env.LEDGER_STORM_DEADLINE_MS ?? 240_000);
const APPROVALS_DEADLINE_MS = 30_000;
const SEED = Number(process.env.LEDGER_SEED ?? Math.floor(Math.random() * 2 ** 31));
const WORKERS = 20;
const ctx = systemContext('reliability');

/** mulberry32: a small seeded generator, so that a failing run can be replayed with LEDGER_SEED. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rows = async <T>(db: Db, q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));

class InjectedAbort extends Error {}

/** What went wrong with one attempt: a refusal, an abort we caused, a transient failure, or a bug. */
function classify(e: unknown): { kind: 'refused' | 'injected' | 'transient' | 'unexpected'; code: string } {
  if (e instanceof InjectedAbort) return { kind: 'injected', code: e.message };
  if (e instanceof AppError) return { kind: 'refused', code: e.code };
  const pg = pgErrorOf(e);
  // query_canceled: only our pg_cancel_backend cancels statements here (it may land on the next user of the
  // connection, whose request is then delivered again like any aborted one).
  if (pg?.code === '57014') return { kind: 'injected', code: 'cancel' };
  if (pg && TRANSIENT.has(pg.code)) return { kind: 'transient', code: pg.code };
  return { kind: 'unexpected', code: pg ? `${pg.code} ${pg.message}` : e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

describe.skipIf(backend() !== 'postgres')('ledger reliability (PostgreSQL, real concurrency)', () => {
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

  it('concurrent transfers sharing an account never deadlock, and never lose an update', async () => {
    const { budget } = await db.transaction((tx) =>
      fundBudget(tx, ctx, { year: 2030, source: 'county', policyCode: 'shared', amount: 10_000_000, key: 'rel:shared:fund', reason: 'r' }),
    );
    const paid = await db.transaction((tx) => ensureAccount(tx, accountSpecs.paid(2030, 'county')));
    const N = 200;
    const amountOf = (i: number) => 1 + (i % 7);
    const done: number[] = [];
    const failed: Record<string, number> = {};
    const started = performance.now();
    await pool(
      Array.from({ length: N }, (_, i) => i),
      WORKERS,
      async (i) => {
        try {
          await db.transaction((tx) =>
            transfer(tx, ctx, {
              key: `rel:shared:${i}`,
              debitAccountId: budget.id,
              creditAccountId: paid.id,
              amount: amountOf(i),
              kind: 'posted',
            }),
          );
          done.push(i);
        } catch (e) {
          const code = classify(e).code;
          failed[code] = (failed[code] ?? 0) + 1;
        }
      },
    );
    const ms = performance.now() - started;
    console.log(
      `[ledger reliability] ${N} concurrent transfers on one account pair (${WORKERS} workers): ${ms.toFixed(0)} ms, failed: ${JSON.stringify(failed)}`,
    );
    // Whatever committed is in the balance, exactly.
    const [acc] = await rows<{ dpo: string }>(db, sql`select debits_posted::text as dpo from ledger_accounts where id = ${budget.id}`);
    expect(Number(acc!.dpo)).toBe(done.reduce((s, i) => s + amountOf(i), 0));
    expect((await verifyLedger(db)).ok).toBe(true);
    // Two transactions that touch one account must queue, not deadlock: each deadlock is a payment or an
    // approval rolled back (and, with the default deadlock_timeout, a second lost).
    expect(failed, `of ${N} transfers, ${N - done.length} failed (40P01 = deadlock_detected)`).toEqual({});
  }, 120_000);

  it('one idempotency key used concurrently: one transfer, the others replay it or are refused', async () => {
    const { budget } = await db.transaction((tx) =>
      fundBudget(tx, ctx, { year: 2030, source: 'county', policyCode: 'keys', amount: 1_000_000, key: 'rel:keys:fund', reason: 'r' }),
    );
    const paid = await db.transaction((tx) => ensureAccount(tx, accountSpecs.paid(2030, 'county')));
    const attempt = (amount: number) =>
      db
        .transaction((tx) =>
          transfer(tx, ctx, { key: 'rel:keys:same', debitAccountId: budget.id, creditAccountId: paid.id, amount, kind: 'posted' }),
        )
        .then(
          (r) => ({ id: r.transfer.id, replayed: r.replayed, amount: r.transfer.amount }),
          (e: unknown) => ({ error: classify(e).code }),
        );
    // Same content: one creates, the rest replay the same transfer.
    const same = await Promise.all(Array.from({ length: WORKERS }, () => attempt(500)));
    const ids = new Set(same.map((r) => ('id' in r ? r.id : r.error)));
    expect(ids.size, JSON.stringify(same)).toBe(1);
    expect(same.filter((r) => 'replayed' in r && !r.replayed)).toHaveLength(1);
    // Other content under that key: refused, every time, whoever races.
    const other = await Promise.all(Array.from({ length: WORKERS }, (_, i) => attempt(501 + i)));
    expect(
      other.every((r) => 'error' in r && r.error === 'ledger_key_conflict'),
      JSON.stringify(other),
    ).toBe(true);
    const [n] = await rows<{ n: number; s: string }>(
      db,
      sql`select count(*)::int as n, sum(amount)::text as s from ledger_transfers where idempotency_key = 'rel:keys:same'`,
    );
    expect(n).toEqual({ n: 1, s: '500' });
  }, 60_000);

  it(`${STORM_REQUESTS} payment requests from ${WORKERS} workers, duplicates and aborts: each claim paid exactly once`, async () => {
    const random = rng(SEED);
    const YEAR = 2026;
    const unique = Math.round(STORM_REQUESTS * 0.95);
    const contended = Math.round(unique * 0.1);
    const direct = unique - contended;
    const amount = (i: number) => 1_000 + ((i * 7919) % 99_000);
    const DIRECT_CODES = ['high_tech_new', 'innovation_demo_new', 'high_growth_new', 'specialized_new'];
    const DIRECT_MORE = ['little_giant_new', 'hidden_champion_new', 'incubator_recognition', 'patent_grant'];
    const CONTENDED_CODES = ['tenant_high_tech', 'rd_platform_new'];
    const directCodes = [...DIRECT_CODES, ...DIRECT_MORE];
    const split = (total: number, parts: number, at: number) => Math.floor(total / parts) + (at < total % parts ? 1 : 0);
    let k = 0;
    const groups = [
      ...directCodes.map((policyCode, g) => {
        const amounts = Array.from({ length: split(direct, directCodes.length, g) }, () => amount(k++));
        return { policyCode, amounts, fundFen: amounts.reduce((a, b) => a + b, 0) + 1_000_000, state: 'approved' as const };
      }),
      // Contended budgets hold 55 % of what is claimed against them.
      ...CONTENDED_CODES.map((policyCode, g) => {
        const amounts = Array.from({ length: split(contended, CONTENDED_CODES.length, g) }, () => amount(k++));
        return { policyCode, amounts, fundFen: Math.floor(amounts.reduce((a, b) => a + b, 0) * 0.55), state: 'in_notice' as const };
      }),
    ];
    let t0 = performance.now();
    const fx = await createFixtures(db, { tag: 1, year: YEAR, enterprisesPerGroup: 20, groups, concurrency: 2 });
    const setupMs = performance.now() - t0;

    // Budget contention: the contended claims are approved by 20 workers at once.
    const toApprove = fx.claims.filter((c) => c.state === 'in_notice');
    const refusedApproval = new Set<string>();
    const approvalTransient: string[] = [];
    const approvalUnexpected: string[] = [];
    t0 = performance.now();
    const approveDeadline = performance.now() + APPROVALS_DEADLINE_MS;
    await pool(toApprove, WORKERS, async (c) => {
      while (performance.now() < approveDeadline) {
        try {
          await approveClaim(db, ctx, c.id, `${YEAR}-02-01`);
          return;
        } catch (e) {
          const r = classify(e);
          if (r.kind === 'transient') approvalTransient.push(r.code);
          else if (r.code === 'ledger_insufficient_funds') return void refusedApproval.add(c.id);
          else return void approvalUnexpected.push(`${c.id}: ${r.code}`);
        }
      }
    });
    const approveMs = performance.now() - t0;
    expect(approvalUnexpected).toEqual([]);
    expect(
      performance.now() < approveDeadline,
      `the approvals did not finish within ${APPROVALS_DEADLINE_MS} ms (${approvalTransient.length} rolled back by ${[...new Set(approvalTransient)].join(', ')} and retried)`,
    ).toBe(true);
    expect(refusedApproval.size).toBeGreaterThan(0);
    expect(refusedApproval.size).toBeLessThan(toApprove.length);
    for (const code of CONTENDED_CODES) {
      const [b] = await rows<{ dp: string; dpo: string; cpo: string }>(
        db,
        sql`select debits_pending::text as dp, debits_posted::text as dpo, credits_posted::text as cpo from ledger_accounts where code = ${`budget:${YEAR}:county:${code}`}`,
      );
      const available = Number(b!.cpo) - Number(b!.dp) - Number(b!.dpo);
      const mine = toApprove.filter((c) => c.policyCode === code);
      const reserved = mine.filter((c) => !refusedApproval.has(c.id)).reduce((s, c) => s + c.amountFen, 0);
      expect(Number(b!.dp)).toBe(reserved);
      expect(available).toBeGreaterThanOrEqual(0);
      // Available only fell during the approvals: every refused claim was larger than what is left now.
      for (const c of mine.filter((x) => refusedApproval.has(x.id))) expect(c.amountFen).toBeGreaterThan(available);
    }

    // The payment requests: every claim once, 5 % delivered twice (close together, so they race), in an
    // order of the generator's choosing; refused approvals are asked to pay too (and must be refused).
    const deliveries: string[] = [];
    const ids = fx.claims.map((c) => c.id);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    deliveries.push(...ids);
    for (let d = 0; d < STORM_REQUESTS - unique; d++) {
      const at = Math.floor(random() * deliveries.length);
      deliveries.splice(Math.min(deliveries.length, at + 1 + Math.floor(random() * 40)), 0, deliveries[at]!);
    }
    expect(deliveries).toHaveLength(STORM_REQUESTS);

    const stats = {
      requests: 0,
      paid: 0,
      replayed: 0,
      refused: 0,
      injected: { rollback: 0, cancel: 0, lostAck: 0 },
      transient: {} as Record<string, number>,
      unexpected: [] as string[],
    };
    const paidOnce = new Map<string, number>();
    const queue = [...deliveries];
    let head = 0;
    let inFlight = 0;
    const deadline = performance.now() + STORM_DEADLINE_MS;
    const cancels: Promise<unknown>[] = [];

    /** One attempt, in one of four ways the generator picks. Rejects with InjectedAbort when we aborted it. */
    const attempt = async (id: string, r: number): Promise<{ replayed: boolean }> => {
      if (r < 0.04) {
        // Crash after the work, before the commit: payClaim's transaction is a savepoint in ours.
        stats.injected.rollback += 1;
        await db.transaction(async (outer) => {
          await payClaim(outer, ctx, id);
          throw new InjectedAbort('rollback');
        });
      }
      if (r < 0.08) {
        // The statement running at a random moment of the payment is cancelled (as by statement_timeout or an
        // operator); if none is, the payment is rolled back at the end. (Killing the connection instead makes
        // postgres-js 3.4.9 throw an uncaught TypeError from its rollback: porsager/postgres#1208. Killed
        // connections are covered by the SIGKILL test below, where the whole process dies.)
        stats.injected.cancel += 1;
        await db.transaction(async (outer) => {
          const [me] = await rows<{ pid: number }>(outer, sql`select pg_backend_pid() as pid`);
          let live = true;
          const timer = setTimeout(() => {
            if (live) cancels.push(admin`select pg_cancel_backend(${me!.pid})`.catch(() => undefined));
          }, random() * 10);
          try {
            await payClaim(outer, ctx, id);
          } finally {
            live = false;
            clearTimeout(timer);
          }
          throw new InjectedAbort('cancel');
        });
      }
      const res = await payClaim(db, ctx, id);
      if (r < 0.12) {
        // Paid, but the worker dies before it acknowledges: the queue delivers the request again.
        stats.injected.lostAck += 1;
        if (!res.replayed) {
          stats.paid += 1;
          paidOnce.set(id, (paidOnce.get(id) ?? 0) + 1);
        }
        throw new InjectedAbort('lost ack');
      }
      return res;
    };

    t0 = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (performance.now() < deadline) {
          if (head >= queue.length) {
            if (inFlight === 0) return;
            await sleep(2);
            continue;
          }
          const id = queue[head++]!;
          inFlight += 1;
          stats.requests += 1;
          try {
            const res = await attempt(id, random());
            if (res.replayed) stats.replayed += 1;
            else {
              stats.paid += 1;
              paidOnce.set(id, (paidOnce.get(id) ?? 0) + 1);
            }
          } catch (e) {
            const c = classify(e);
            if (c.kind === 'refused' && c.code === 'claim_state' && refusedApproval.has(id)) stats.refused += 1;
            else if (c.kind === 'injected') queue.push(id);
            else if (c.kind === 'transient') {
              stats.transient[c.code] = (stats.transient[c.code] ?? 0) + 1;
              queue.push(id);
            } else stats.unexpected.push(`${id}: ${c.code}`);
          } finally {
            inFlight -= 1;
          }
        }
      }),
    );
    const stormMs = performance.now() - t0;
    await Promise.all(cancels);
    const approved = fx.claims.filter((c) => !refusedApproval.has(c.id));
    console.log(
      `[ledger reliability] setup: ${fx.claims.length} claims in ${(setupMs / 1000).toFixed(1)} s; ` +
        `${toApprove.length} contended approvals in ${(approveMs / 1000).toFixed(1)} s (${refusedApproval.size} refused: ledger_insufficient_funds; ` +
        `transient failures retried: ${approvalTransient.length})`,
    );
    console.log(
      `[ledger reliability] storm: ${stats.requests} payment requests (${STORM_REQUESTS} deliveries + ${stats.requests - STORM_REQUESTS} redeliveries) ` +
        `in ${(stormMs / 1000).toFixed(1)} s = ${((stats.requests / stormMs) * 1000).toFixed(0)} requests/s, ` +
        `${((stats.paid / stormMs) * 1000).toFixed(0)} payments/s; paid ${stats.paid}, replayed ${stats.replayed}, refused ${stats.refused}, ` +
        `aborted ${JSON.stringify(stats.injected)}, transient ${JSON.stringify(stats.transient)}, left undelivered ${queue.length - head}`,
    );

    expect(stats.unexpected).toEqual([]);
    expect(queue.length - head, `the storm did not finish within ${STORM_DEADLINE_MS} ms`).toBe(0);
    // Exactly one request saw each approved claim become paid; none saw a refused one paid.
    expect(stats.paid).toBe(approved.length);
    expect(paidOnce.size).toBe(approved.length);
    expect([...paidOnce.values()].every((n) => n === 1)).toBe(true);
    expect(approved.every((c) => paidOnce.has(c.id))).toBe(true);
    await checkPaidExactlyOnce(db, approved, [...refusedApproval]);
    const budgets = await rows<{ code: string; dp: string; dpo: string; cpo: string }>(
      db,
      sql`select code, debits_pending::text as dp, debits_posted::text as dpo, credits_posted::text as cpo from ledger_accounts where kind = 'budget' and fiscal_year = ${YEAR}`,
    );
    expect(budgets).toHaveLength(directCodes.length + CONTENDED_CODES.length);
    for (const b of budgets) {
      expect(Number(b.dp) + Number(b.dpo), `${b.code} overdrawn`).toBeLessThanOrEqual(Number(b.cpo));
      const spent = approved.filter((c) => b.code === `budget:${YEAR}:county:${c.policyCode}`).reduce((s, c) => s + c.amountFen, 0);
      expect({ code: b.code, pending: Number(b.dp), posted: Number(b.dpo) }).toEqual({ code: b.code, pending: 0, posted: spent });
    }
    const total = approved.reduce((s, c) => s + c.amountFen, 0);
    const [paidAcc] = await rows<{ cpo: string }>(
      db,
      sql`select coalesce(sum(credits_posted), 0)::text as cpo from ledger_accounts where code like ${`paid:${YEAR}:county:%`}`,
    );
    const [claimed] = await rows<{ s: string }>(
      db,
      sql`select coalesce(sum(amount_fen), 0)::text as s from claims where fiscal_year = ${YEAR} and status = 'paid'`,
    );
    expect(Number(paidAcc!.cpo)).toBe(total);
    expect(Number(claimed!.s)).toBe(total);
    // Every transfer that exists was audited, and nothing rolled back left an audit row behind.
    const [audits] = await rows<{ a: number; t: number }>(
      db,
      sql`select (select count(*)::int from audit_events where entity = 'ledger_transfer') as a, (select count(*)::int from ledger_transfers) as t`,
    );
    expect(audits!.a).toBe(audits!.t);
    const v = await verifyLedger(db);
    expect(v).toMatchObject({ ok: true, mismatches: [], overdrawn: [], doubleResolved: [] });
    // Deadlocks are retried above, so the money is right either way; but each one is a rolled-back payment.
    expect.soft(stats.transient, 'payments rolled back by deadlocks').toEqual({});
  }, 300_000);

  it('a payment batch killed with SIGKILL mid-way and run again pays every claim exactly once', async () => {
    const YEAR = 2027;
    const N = 800;
    const fx = await createFixtures(db, {
      tag: 2,
      year: YEAR,
      enterprisesPerGroup: 20,
      groups: ['high_tech_new', 'patent_grant'].map((policyCode, g) => {
        const amounts = Array.from({ length: N / 2 }, (_, i) => 5_000 + ((i * 31 + g) % 500));
        return { policyCode, amounts, fundFen: amounts.reduce((a, b) => a + b, 0), state: 'approved' as const };
      }),
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-pay-batch-'));
    const idsFile = path.join(dir, 'ids.txt');
    writeFileSync(idsFile, fx.claims.map((c) => c.id).join('\n'));
    try {
      const first = runBatch(url, idsFile);
      const progress = await first.waitFor((s) => s.paid >= 150 || s.exited, 60_000);
      expect(progress.exited, 'the batch finished before it could be killed').toBe(false);
      process.kill(progress.pid!, 'SIGKILL');
      const killed = await first.done;
      expect(killed.signal ?? killed.code).not.toBe(0);
      const reported = killed.paid;
      // The killed process's sessions end as PostgreSQL notices their sockets closed: wait for that, so
      // that nothing of it is still in flight when the database is counted.
      for (let waited = 0; ; waited += 50) {
        const [busy] = await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = ${BATCH_APP} and state <> 'idle'`,
        );
        if (busy!.n === 0) break;
        if (waited > 10_000) throw new Error('sessions of the killed batch are still busy after 10 s');
        await sleep(50);
      }
      const [mid] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from claims where fiscal_year = ${YEAR} and status = 'paid'`,
      );
      console.log(
        `[ledger reliability] SIGKILL after ${reported} payments reported; ${mid!.n} of ${N} claims paid in the database; done line: ${killed.doneLine ?? '(none)'}`,
      );
      // What the killed process reported was committed; what it had not finished was rolled back.
      expect(mid!.n).toBeGreaterThanOrEqual(reported);
      expect(mid!.n).toBeLessThan(N);
      expect(killed.doneLine).toBeUndefined();

      const second = await runBatch(url, idsFile).done;
      expect(second.code, `${second.doneLine ?? 'no done line'}\n${second.stderr.slice(-1500)}`).toBe(0);
      const m = /done paid=(\d+) replayed=(\d+) failed=(\d+) retries=(\d+)/.exec(second.doneLine ?? '');
      expect(m, second.stdoutTail).not.toBeNull();
      const [paid2, replayed2, failed2, retries2] = m!.slice(1).map(Number);
      console.log(`[ledger reliability] second run: ${second.doneLine}`);
      expect(failed2).toBe(0);
      // The second run found paid exactly what the first had committed, and paid the rest.
      expect(replayed2).toBe(mid!.n);
      expect(paid2! + replayed2!).toBe(N);
      await checkPaidExactlyOnce(db, fx.claims, []);
      const total = fx.claims.reduce((s, c) => s + c.amountFen, 0);
      const [paidAcc] = await rows<{ cpo: string }>(
        db,
        sql`select coalesce(sum(credits_posted), 0)::text as cpo from ledger_accounts where code like ${`paid:${YEAR}:county:%`}`,
      );
      expect(Number(paidAcc!.cpo)).toBe(total);
      expect((await verifyLedger(db)).ok).toBe(true);
      expect.soft(retries2, 'payments of the second run rolled back by deadlocks').toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** Every claim in `paid` is paid with exactly one post_pending and one payout; every claim in `unpaid` has no transfer. */
async function checkPaidExactlyOnce(db: Db, paid: FixtureClaim[], unpaid: string[]) {
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
const BATCH_APP = 'kc-ledger-batch';

function runBatch(url: string, idsFile: string) {
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
