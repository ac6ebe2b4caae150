import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeEnterprise, type TestContext } from '../../../test/harness.js';
import { systemContext } from '../../platform/audit.js';
import { rowsOf, type Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { accountSpecs, ensureAccount, fundBudget, reverseTransfer, transfer, verifyLedger } from './index.js';

/** The ledger's guarantees, held by the database itself (PGlite and PostgreSQL). */
let t: TestContext;
let db: Db;
const ctx = systemContext('test');
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe('ledger', () => {
  it('funds a budget, reserves, posts and voids exactly once; a retry returns the first result', async () => {
    const entId = await makeEnterprise(t);
    const { budget } = await db.transaction((tx) =>
      fundBudget(tx, ctx, { year: 2026, source: 'county', policyCode: 'p1', amount: 100_000, key: 'fund:p1:1', reason: 'test' }),
    );
    const payable = await db.transaction((tx) => ensureAccount(tx, accountSpecs.payable(entId, '测试企业')));
    const reserve = { key: 'c1:reserve', debitAccountId: budget.id, creditAccountId: payable.id, amount: 60_000, kind: 'pending' as const };
    const first = await db.transaction((tx) => transfer(tx, ctx, reserve));
    const again = await db.transaction((tx) => transfer(tx, ctx, reserve));
    expect(again).toMatchObject({ replayed: true, transfer: { id: first.transfer.id } });
    // The same key with other content is refused.
    await expect(db.transaction((tx) => transfer(tx, ctx, { ...reserve, amount: 1 }))).rejects.toSatisfy(
      (e) => code(e) === 'ledger_key_conflict',
    );
    // Only 40 000 left: a second reservation of 60 000 would overdraw the budget.
    await expect(db.transaction((tx) => transfer(tx, ctx, { ...reserve, key: 'c2:reserve' }))).rejects.toSatisfy(
      (e) => code(e) === 'ledger_insufficient_funds',
    );
    const post = { ...reserve, key: 'c1:post', kind: 'post_pending' as const, pendingId: first.transfer.id };
    await db.transaction((tx) => transfer(tx, ctx, post));
    await expect(db.transaction((tx) => transfer(tx, ctx, { ...post, key: 'c1:void', kind: 'void_pending' }))).rejects.toSatisfy(
      (e) => code(e) === 'ledger_already_resolved',
    );
    const [acc] = rowsOf<{ dp: string; dpo: string; cpo: string }>(
      await db.execute(
        sql`select debits_pending::text dp, debits_posted::text dpo, credits_posted::text cpo from ledger_accounts where id = ${budget.id}`,
      ),
    );
    expect(acc).toEqual({ dp: '0', dpo: '60000', cpo: '100000' });
    const v = await verifyLedger(db);
    expect(v).toMatchObject({ ok: true, mismatches: [], overdrawn: [], doubleResolved: [] });
    expect(v.totals.debitsPosted).toBe(v.totals.creditsPosted);
  });

  it('refuses direct balance edits, updates, deletes and truncation; corrections are reversing transfers', async () => {
    const deny = async (q: ReturnType<typeof sql>) => {
      await expect(db.execute(q)).rejects.toThrow();
    };
    await deny(sql`update ledger_accounts set credits_posted = credits_posted + 1`);
    await deny(sql`update ledger_transfers set amount = 1`);
    await deny(sql`delete from ledger_transfers`);
    await deny(sql`delete from ledger_accounts`);
    await deny(sql`truncate ledger_transfers cascade`);
    await deny(sql`insert into ledger_accounts (code, kind, credits_posted) values ('x', 'budget', 5)`);
    // Balances move only through transfers, whatever column the update names alongside them.
    await deny(sql`update ledger_accounts set holder_name = holder_name, debits_posted = 0 where code = 'budget:2026:county:p1'`);
    // A transfer naming an account that does not exist is refused by the apply trigger (there is no foreign
    // key: migration 0012), and nothing is written.
    const [budgetRow] = rowsOf<{ id: string }>(
      await db.execute(sql`select id::text from ledger_accounts where code = 'budget:2026:county:p1'`),
    );
    const before = await verifyLedger(db);
    await expect(
      db.transaction((tx) =>
        transfer(tx, ctx, { key: 'ghost', debitAccountId: Number(budgetRow!.id), creditAccountId: 987_654_321, amount: 1, kind: 'posted' }),
      ),
    ).rejects.toSatisfy((e) => code(e) === 'not_found');
    await expect(
      db.transaction((tx) =>
        transfer(tx, ctx, { key: 'ghost', debitAccountId: 987_654_321, creditAccountId: Number(budgetRow!.id), amount: 1, kind: 'posted' }),
      ),
    ).rejects.toSatisfy((e) => code(e) === 'not_found');
    expect(await verifyLedger(db)).toEqual(before);
    // Correcting a payable's holder (no balance change) is allowed.
    await db.execute(sql`update ledger_accounts set holder_name = holder_name where code = 'budget:2026:county:p1'`);
    const [fund] = rowsOf<{ id: string }>(await db.execute(sql`select id::text from ledger_transfers where idempotency_key = 'fund:p1:1'`));
    // Reversing the funding would overdraw the budget (60 000 already spent): refused.
    await expect(db.transaction((tx) => reverseTransfer(tx, ctx, Number(fund!.id), 'entered twice'))).rejects.toSatisfy(
      (e) => code(e) === 'ledger_insufficient_funds',
    );
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
