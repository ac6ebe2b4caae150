import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.js';
import { ledgerAccounts, ledgerTransfers } from '../../db/schema/ledger.js';
import { claims, claimSteps } from '../../db/schema/policies.js';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { createFixtures, type FixtureClaim } from '../../../test/ledger-pay-batch.js';
import { systemContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { transfer, verifyLedger } from '../ledger/index.js';
import { payClaim } from './index.js';

/**
 * payClaim is one database statement (kc_pay_claim, migration 0010): it must leave exactly what the
 * step-by-step payment left — the two transfers with the content hashes the application computes, their
 * audit events, the claim's step — and open the paid-out account when an older approval did not.
 */
let t: TestContext;
let db: Db;
const ctx = systemContext('test');
const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

type Transfer = typeof ledgerTransfers.$inferSelect;
type Account = typeof ledgerAccounts.$inferSelect;

/** Step 1: two approved claims are paid; the paid-out account is opened and the first claim's transfers chain up. */
async function payTwoAndCheckTransfers(first: FixtureClaim, second: FixtureClaim) {
  const before = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, 'paid:2031:county:high_tech_new'));
  expect(before).toHaveLength(0);

  const r = await payClaim(db, ctx, first.id);
  expect(r.replayed).toBe(false);
  // The claim returned is the row as stored, typed as the ORM types it.
  const [stored] = await db.select().from(claims).where(eq(claims.id, first.id));
  expect(r.claim).toEqual(stored);
  expect(r.claim.paidAt).toBeInstanceOf(Date);
  expect(r.claim.status).toBe('paid');
  await payClaim(db, ctx, second.id);

  const [paid] = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, 'paid:2031:county:high_tech_new'));
  expect(paid).toMatchObject({
    kind: 'paid',
    fiscalYear: 2031,
    fundSource: 'county',
    policyCode: 'high_tech_new',
    creditsPosted: 12_345 + 67_890,
  });
  const ts = await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.claimId, first.id)).orderBy(asc(ledgerTransfers.id));
  expect(ts.map((x) => [x.kind, x.idempotencyKey, x.amount])).toEqual([
    ['pending', `claim:${first.eventKey}:reserve`, 12_345],
    ['post_pending', `claim:${first.eventKey}:post`, 12_345],
    ['posted', `claim:${first.eventKey}:payout`, 12_345],
  ]);
  const [reserve, post, payout] = ts;
  expect(post).toMatchObject({
    pendingId: reserve!.id,
    debitAccountId: reserve!.debitAccountId,
    creditAccountId: reserve!.creditAccountId,
  });
  expect(payout).toMatchObject({ debitAccountId: reserve!.creditAccountId, creditAccountId: paid!.id });
  return { paid: paid!, reserve: reserve!, post: post!, payout: payout! };
}

/** Step 2: the content hashes the database computed replay through transfer(); other content is refused. */
async function expectHashesAsTheApplication(firstId: string, reserve: Transfer, post: Transfer, payout: Transfer) {
  // The database computed the content hashes as the application does: the same key and content replays
  // through transfer(), other content under the key is refused.
  const again = await db.transaction((tx) =>
    transfer(tx, ctx, {
      key: payout.idempotencyKey,
      debitAccountId: payout.debitAccountId,
      creditAccountId: payout.creditAccountId,
      amount: payout.amount,
      kind: 'posted',
      claimId: firstId,
    }),
  );
  expect(again).toMatchObject({ replayed: true, transfer: { id: payout.id } });
  const postAgain = await db.transaction((tx) =>
    transfer(tx, ctx, {
      key: post.idempotencyKey,
      debitAccountId: post.debitAccountId,
      creditAccountId: post.creditAccountId,
      amount: post.amount,
      kind: 'post_pending',
      pendingId: reserve.id,
    }),
  );
  expect(postAgain).toMatchObject({ replayed: true, transfer: { id: post.id } });
  await expect(
    db.transaction((tx) =>
      transfer(tx, ctx, {
        key: payout.idempotencyKey,
        debitAccountId: payout.debitAccountId,
        creditAccountId: payout.creditAccountId,
        amount: payout.amount + 1,
        kind: 'posted',
      }),
    ),
  ).rejects.toSatisfy((e) => code(e) === 'ledger_key_conflict');
}

/** Step 3: the audit events and the claim step, as transfer() and the claim step write them. */
async function expectAuditAndStep(firstId: string, post: Transfer, payout: Transfer, paid: Account) {
  // Audit events as transfer() and the claim step write them.
  const audits = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entity, 'ledger_transfer'),
        inArray(
          auditEvents.entityId,
          [post.id, payout.id].map((x) => String(x)),
        ),
      ),
    )
    .orderBy(asc(auditEvents.id));
  expect(audits.map((a) => [a.action, a.username, a.changes])).toEqual([
    [
      'transfer',
      'test',
      {
        key: { before: null, after: post.idempotencyKey },
        kind: { before: null, after: 'post_pending' },
        debit: { before: null, after: post.debitAccountId },
        credit: { before: null, after: post.creditAccountId },
        amount: { before: null, after: 12_345 },
      },
    ],
    [
      'transfer',
      'test',
      {
        key: { before: null, after: payout.idempotencyKey },
        kind: { before: null, after: 'posted' },
        debit: { before: null, after: payout.debitAccountId },
        credit: { before: null, after: paid.id },
        amount: { before: null, after: 12_345 },
      },
    ],
  ]);
  const [paidAudit] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'claim'), eq(auditEvents.entityId, firstId), eq(auditEvents.action, 'paid')));
  expect(paidAudit!.changes).toEqual({ amountFen: { before: null, after: 12_345 } });
  expect((await db.select().from(claimSteps).where(eq(claimSteps.claimId, firstId))).map((s) => s.step)).toContain('paid');
}

describe('payClaim in one statement', () => {
  it('pays into the policy’s paid-out account, with transfers, hashes, audit and step as the ledger writes them', async () => {
    const amounts = [12_345, 67_890];
    const fx = await createFixtures(db, {
      tag: 41,
      year: 2031,
      enterprisesPerGroup: 2,
      // Approved before approval opened paid-out accounts: payClaim opens it.
      paidAccounts: false,
      groups: [
        { policyCode: 'high_tech_new', amounts, fundFen: 100_000, state: 'approved' },
        { policyCode: 'patent_grant', amounts: [500], fundFen: 500, state: 'in_notice' },
      ],
    });
    const [first, second] = fx.claims.filter((c) => c.state === 'approved');
    const waiting = fx.claims.find((c) => c.state === 'in_notice')!;
    const { paid, reserve, post, payout } = await payTwoAndCheckTransfers(first!, second!);
    await expectHashesAsTheApplication(first!.id, reserve, post, payout);
    await expectAuditAndStep(first!.id, post, payout, paid);

    // A repeat returns the claim, paid once; a claim not yet approved is refused and nothing changes.
    const replay = await payClaim(db, ctx, first!.id);
    expect(replay).toMatchObject({ replayed: true, claim: { id: first!.id, status: 'paid' } });
    expect(await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.claimId, first!.id))).toHaveLength(3);
    await expect(payClaim(db, ctx, waiting.id)).rejects.toSatisfy((e) => code(e) === 'claim_state');
    expect(await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.claimId, waiting.id))).toHaveLength(0);
    await expect(payClaim(db, ctx, '00000000-0000-4000-8000-000000000000')).rejects.toSatisfy((e) => code(e) === 'not_found');
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
