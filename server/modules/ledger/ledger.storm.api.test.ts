import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { backend } from '../../../test/db-template.js';
import { createFixtures, pool, type Fixtures } from '../../../test/ledger-pay-batch.js';
import {
  APPROVALS_DEADLINE_MS,
  checkPaidExactlyOnce,
  classify,
  ctx,
  InjectedAbort,
  rng,
  rows,
  SEED,
  sleep,
  STORM_DEADLINE_MS,
  STORM_REQUESTS,
  usePostgresClone,
  WORKERS,
} from '../../../test/ledger-reliability.js';
import type { Db } from '../../platform/db.js';
import { approveClaim, payClaim } from '../policies/index.js';
import { verifyLedger } from './index.js';

/**
 * The ledger under real concurrency and aborts, on PostgreSQL only (PGlite has one connection):
 *  - budget contention: approvals beyond a budget are refused with ledger_insufficient_funds, never overdraw;
 *  - a storm of payment requests from 20 workers with duplicate deliveries and aborted requests (rolled back
 *    after the work, a statement cancelled mid-way, acknowledgement lost), redelivered until done: each claim
 *    paid exactly once.
 * Concurrent transfers are in ledger.concurrency.api.test.ts, a batch killed mid-way in
 * ledger.reliability.api.test.ts; what they share is in test/ledger-reliability.ts.
 *
 * Sizes: LEDGER_STORM_REQUESTS (default 10 000, as issue #5 asks: about 60–90 s on 2 cores, payClaim runs at
 * ~150–200 payments/s here; set a smaller number for a quick local run);
 * LEDGER_SEED replays a run's random choices (the interleaving is the scheduler's).
 */
const YEAR = 2026;
const unique = Math.round(STORM_REQUESTS * 0.95);
const DIRECT_CODES = ['high_tech_new', 'innovation_demo_new', 'high_growth_new', 'specialized_new'];
const DIRECT_MORE = ['little_giant_new', 'hidden_champion_new', 'incubator_recognition', 'patent_grant'];
const CONTENDED_CODES = ['tenant_high_tech', 'rd_platform_new'];
const directCodes = [...DIRECT_CODES, ...DIRECT_MORE];

type Approvals = Awaited<ReturnType<typeof approveContended>>;
type Storm = Awaited<ReturnType<typeof runStorm>>;

/** The budgets and claims: direct ones approved already, contended ones (10 %) in notice, for approveContended. */
async function buildFixtures(db: Db) {
  const contended = Math.round(unique * 0.1);
  const direct = unique - contended;
  const amount = (i: number) => 1_000 + ((i * 7919) % 99_000);
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
  const t0 = performance.now();
  const fx = await createFixtures(db, { tag: 1, year: YEAR, enterprisesPerGroup: 20, groups, concurrency: 2 });
  const setupMs = performance.now() - t0;
  return { fx, setupMs };
}

/** Budget contention: the contended claims are approved by 20 workers at once. */
async function approveContended(db: Db, fx: Fixtures) {
  const toApprove = fx.claims.filter((c) => c.state === 'in_notice');
  const refusedApproval = new Set<string>();
  const approvalTransient: string[] = [];
  const approvalUnexpected: string[] = [];
  const t0 = performance.now();
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
  return { toApprove, refusedApproval, approvalTransient, approveMs };
}

/**
 * The payment requests: every claim once, 5 % delivered twice (close together, so they race), in an
 * order of the generator's choosing; refused approvals are asked to pay too (and must be refused).
 */
function buildDeliveries(fx: Fixtures, random: () => number) {
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
  return deliveries;
}

/** The storm: WORKERS workers take the deliveries from one queue, and put back what was aborted or rolled back. */
async function runStorm(db: Db, admin: postgres.Sql, deliveries: string[], refusedApproval: Set<string>, random: () => number) {
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
      // connections are covered by the SIGKILL test in ledger.reliability.api.test.ts, where the whole process dies.)
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

  const t0 = performance.now();
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
  return { stats, paidOnce, queue, head, stormMs };
}

/** The logs, then: each approved claim paid exactly once, no budget overdrawn, every transfer audited, the ledger verified. */
async function checkStorm(db: Db, fx: Fixtures, setupMs: number, approvals: Approvals, storm: Storm) {
  const { toApprove, refusedApproval, approvalTransient, approveMs } = approvals;
  const { stats, paidOnce, queue, head, stormMs } = storm;
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
}

describe.skipIf(backend() !== 'postgres')('ledger reliability (PostgreSQL, real concurrency)', () => {
  const pg = usePostgresClone();

  it(`${STORM_REQUESTS} payment requests from ${WORKERS} workers, duplicates and aborts: each claim paid exactly once`, async () => {
    const db = pg.db();
    const random = rng(SEED);
    const { fx, setupMs } = await buildFixtures(db);
    const approvals = await approveContended(db, fx);
    const deliveries = buildDeliveries(fx, random);
    const storm = await runStorm(db, pg.admin(), deliveries, approvals.refusedApproval, random);
    await checkStorm(db, fx, setupMs, approvals, storm);
  }, 300_000);
});
