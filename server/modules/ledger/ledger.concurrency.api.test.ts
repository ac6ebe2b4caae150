import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backend } from '../../../test/db-template.js';
import { pool } from '../../../test/ledger-pay-batch.js';
import { classify, ctx, rows, usePostgresClone, WORKERS } from '../../../test/ledger-reliability.js';
import { accountSpecs, ensureAccount, fundBudget, transfer, verifyLedger } from './index.js';

/**
 * The ledger under real concurrency, on PostgreSQL only (PGlite has one connection): concurrent transfers
 * sharing an account, and concurrent uses of one idempotency key. Budget contention and the payment storm are
 * in ledger.storm.api.test.ts, a batch killed mid-way in ledger.reliability.api.test.ts; what they share is in
 * test/ledger-reliability.ts.
 */
describe.skipIf(backend() !== 'postgres')('ledger reliability (PostgreSQL, real concurrency)', () => {
  const pg = usePostgresClone();

  it('concurrent transfers sharing an account never deadlock, and never lose an update', async () => {
    const db = pg.db();
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
    const db = pg.db();
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
});
