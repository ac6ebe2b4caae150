import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { ledgerAccounts, ledgerTransfers } from '../../db/schema/index.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { rowsOf, type Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pgErrorOf } from '../../platform/pg-errors.js';

/**
 * The ledger (domain-rules §5). The database enforces the guarantees (migration 0006); this service names
 * accounts, derives content hashes for idempotency and turns refusals into clear errors. Every function runs
 * inside the caller's transaction, so a payment and the claim it pays commit together or not at all.
 */
export type AccountRow = typeof ledgerAccounts.$inferSelect;
export type TransferRow = typeof ledgerTransfers.$inferSelect;
export type TransferKind = 'posted' | 'pending' | 'post_pending' | 'void_pending';

export interface AccountSpec {
  code: string;
  kind: 'funding' | 'budget' | 'payable' | 'paid';
  nameZh: string;
  nameEn: string;
  fiscalYear?: number;
  fundSource?: string;
  policyCode?: string;
  enterpriseId?: string;
  noOverdraft: boolean;
}

/** Fund sources by their usual names; any other source code is shown as written. */
const SOURCE_NAMES: Record<string, [string, string]> = {
  county: ['县级财政', 'county budget'],
  municipal: ['市级财政', 'municipal budget'],
  national: ['中央财政', 'central budget'],
};
const zhSource = (s: string) => SOURCE_NAMES[s]?.[0] ?? s;
const enSource = (s: string) => SOURCE_NAMES[s]?.[1] ?? s;

export const accountSpecs = {
  /** Where a fiscal year's appropriation comes from (may run negative: it is the source). */
  funding: (year: number, source: string): AccountSpec => ({
    code: `funding:${year}:${source}`,
    kind: 'funding',
    nameZh: `${year} 年度资金来源（${zhSource(source)}）`,
    nameEn: `${year} funding (${enSource(source)})`,
    fiscalYear: year,
    fundSource: source,
    noOverdraft: false,
  }),
  /** The budget of one policy for a fiscal year and fund source: can never be overdrawn. */
  budget: (year: number, source: string, policyCode: string): AccountSpec => ({
    code: `budget:${year}:${source}:${policyCode}`,
    kind: 'budget',
    nameZh: `${year} 年度预算（${zhSource(source)}）· ${policyCode}`,
    nameEn: `${year} budget (${enSource(source)}) · ${policyCode}`,
    fiscalYear: year,
    fundSource: source,
    policyCode,
    noOverdraft: true,
  }),
  /** What the bureau owes one enterprise: approved and not yet paid out. */
  payable: (enterpriseId: string, enterpriseName: string): AccountSpec => ({
    code: `payable:${enterpriseId}`,
    kind: 'payable',
    nameZh: `应付：${enterpriseName}`,
    nameEn: `Payable: ${enterpriseName}`,
    enterpriseId,
    noOverdraft: true,
  }),
  /**
   * Money that has left: paid out in a fiscal year, per policy when one is named (as budgets are), so that
   * payments of different policies never queue on one paid-out row.
   */
  paid: (year: number, source: string, policyCode?: string): AccountSpec => ({
    code: policyCode ? `paid:${year}:${source}:${policyCode}` : `paid:${year}:${source}`,
    kind: 'paid',
    nameZh: `${year} 年度已支付（${zhSource(source)}）${policyCode ? ` · ${policyCode}` : ''}`,
    nameEn: `${year} paid out (${enSource(source)})${policyCode ? ` · ${policyCode}` : ''}`,
    fiscalYear: year,
    fundSource: source,
    ...(policyCode ? { policyCode } : {}),
    noOverdraft: false,
  }),
};

/** The account with this code, opened (at zero) if it does not exist yet. */
export async function ensureAccount(tx: Db, spec: AccountSpec): Promise<AccountRow> {
  const [created] = await tx
    .insert(ledgerAccounts)
    .values({
      code: spec.code,
      kind: spec.kind,
      nameZh: spec.nameZh,
      nameEn: spec.nameEn,
      fiscalYear: spec.fiscalYear ?? null,
      fundSource: spec.fundSource ?? null,
      policyCode: spec.policyCode ?? null,
      enterpriseId: spec.enterpriseId ?? null,
      debitsMustNotExceedCredits: spec.noOverdraft,
    })
    .onConflictDoNothing({ target: ledgerAccounts.code })
    .returning();
  if (created) return created;
  const [row] = await tx.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, spec.code));
  return row!;
}

export interface TransferInput {
  /** Derived from the business event: the same event always gives the same key. */
  key: string;
  debitAccountId: number;
  creditAccountId: number;
  amount: number;
  kind: TransferKind;
  pendingId?: number;
  reversesId?: number;
  claimId?: string;
  reason?: string;
}

const hashOf = (t: TransferInput) =>
  createHash('sha256')
    .update(JSON.stringify([t.debitAccountId, t.creditAccountId, t.amount, t.kind, t.pendingId ?? null, t.reversesId ?? null]))
    .digest('hex');

/**
 * Records one transfer. A retry with the same key and the same content returns the first transfer
 * (`replayed`); the same key with different content is refused. The database applies the transfer to both
 * balances and refuses an overdraft or a second resolution of a reservation.
 */
export async function transfer(tx: Db, ctx: RequestContext, t: TransferInput): Promise<{ transfer: TransferRow; replayed: boolean }> {
  if (!Number.isSafeInteger(t.amount) || t.amount <= 0) throw new AppError(400, 'ledger_bad_amount', { amount: t.amount }, 'amount');
  const contentHash = hashOf(t);
  let created: TransferRow | undefined;
  try {
    // A savepoint, so a refusal by the database leaves the caller's transaction usable for its own error path.
    created = await tx.transaction(async (sp) => {
      const [row] = await sp
        .insert(ledgerTransfers)
        .values({
          idempotencyKey: t.key,
          contentHash,
          debitAccountId: t.debitAccountId,
          creditAccountId: t.creditAccountId,
          amount: t.amount,
          kind: t.kind,
          pendingId: t.pendingId ?? null,
          reversesId: t.reversesId ?? null,
          claimId: t.claimId ?? null,
          reason: t.reason ?? null,
          createdBy: ctx.userId,
        })
        .onConflictDoNothing({ target: ledgerTransfers.idempotencyKey })
        .returning();
      return row;
    });
  } catch (e) {
    throw ledgerError(e, t);
  }
  if (!created) {
    const [first] = await tx.select().from(ledgerTransfers).where(eq(ledgerTransfers.idempotencyKey, t.key));
    if (!first || first.contentHash !== contentHash) throw new AppError(409, 'ledger_key_conflict', { key: t.key });
    return { transfer: first, replayed: true };
  }
  await audit(tx, ctx, {
    action: 'transfer',
    entity: 'ledger_transfer',
    entityId: String(created.id),
    after: { key: t.key, kind: t.kind, debit: t.debitAccountId, credit: t.creditAccountId, amount: t.amount, reason: t.reason },
  });
  return { transfer: created, replayed: false };
}

function ledgerError(e: unknown, t: TransferInput): unknown {
  const pg = pgErrorOf(e);
  if (!pg) return e;
  if (pg.constraint === 'ledger_accounts_no_overdraft_chk' || pg.message.includes('ledger_accounts_no_overdraft_chk'))
    return new AppError(409, 'ledger_insufficient_funds', { amount: t.amount });
  if (pg.constraint === 'ledger_transfers_resolution_uq' || pg.message.includes('ledger_transfers_resolution_uq'))
    return new AppError(409, 'ledger_already_resolved', { id: t.pendingId ?? '' });
  if (pg.constraint === 'ledger_transfers_account_exists' || pg.message.includes('ledger: account'))
    return new AppError(404, 'not_found', { what: `ledger account ${t.debitAccountId} / ${t.creditAccountId}` });
  if (pg.constraint === 'ledger_pending_target' || pg.message.includes('ledger: '))
    return new AppError(409, 'ledger_not_pending', { id: t.pendingId ?? '' });
  return e;
}

/**
 * Posts or voids the reservation recorded under `reserveKey`, repeating its accounts and amount (the database
 * refuses anything else). Returns the reservation, so a caller can go on from its accounts.
 */
export async function resolveReservation(
  tx: Db,
  ctx: RequestContext,
  r: { reserveKey: string; key: string; kind: 'post_pending' | 'void_pending'; claimId?: string; reason?: string },
): Promise<TransferRow> {
  const [pending] = await tx.select().from(ledgerTransfers).where(eq(ledgerTransfers.idempotencyKey, r.reserveKey));
  if (!pending) throw new AppError(409, 'ledger_not_pending', { id: r.reserveKey });
  await transfer(tx, ctx, {
    key: r.key,
    debitAccountId: pending.debitAccountId,
    creditAccountId: pending.creditAccountId,
    amount: pending.amount,
    kind: r.kind,
    pendingId: pending.id,
    ...(r.claimId ? { claimId: r.claimId } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
  });
  return pending;
}

/** Credits a policy's budget for a fiscal year from that year's funding source. */
export async function fundBudget(
  tx: Db,
  ctx: RequestContext,
  input: { year: number; source: string; policyCode: string; amount: number; key: string; reason: string },
): Promise<{ transfer: TransferRow; replayed: boolean; budget: AccountRow }> {
  const funding = await ensureAccount(tx, accountSpecs.funding(input.year, input.source));
  const budget = await ensureAccount(tx, accountSpecs.budget(input.year, input.source, input.policyCode));
  const r = await transfer(tx, ctx, {
    key: input.key,
    debitAccountId: funding.id,
    creditAccountId: budget.id,
    amount: input.amount,
    kind: 'posted',
    reason: input.reason,
  });
  return { ...r, budget };
}

/** A posted transfer undone by its mirror image, with a reason; the original stays in the history. */
export async function reverseTransfer(
  tx: Db,
  ctx: RequestContext,
  id: number,
  reason: string,
): Promise<{ transfer: TransferRow; replayed: boolean }> {
  const [orig] = await tx.select().from(ledgerTransfers).where(eq(ledgerTransfers.id, id));
  if (!orig) throw new AppError(404, 'not_found', { what: `transfer ${id}` });
  if (orig.kind !== 'posted' && orig.kind !== 'post_pending') throw new AppError(409, 'ledger_not_reversible', { id });
  return transfer(tx, ctx, {
    key: `reverse:${id}`,
    debitAccountId: orig.creditAccountId,
    creditAccountId: orig.debitAccountId,
    amount: orig.amount,
    kind: 'posted',
    reversesId: id,
    reason,
    ...(orig.claimId ? { claimId: orig.claimId } : {}),
  });
}

export interface Reconciliation {
  ok: boolean;
  accounts: number;
  transfers: number;
  totals: { debitsPosted: number; creditsPosted: number; debitsPending: number; creditsPending: number };
  /** Accounts whose stored balance differs from the sum of their entries. */
  mismatches: { code: string; stored: number[]; computed: number[] }[];
  /** Flagged accounts spending more than they hold (impossible while the constraints stand). */
  overdrawn: string[];
  /** Reservations resolved more than once (impossible while the unique index stands). */
  doubleResolved: number[];
}

/**
 * Proves the ledger: debits equal credits, every stored balance equals the sum of its entries, nothing is
 * overdrawn, no reservation was resolved twice. Read in one repeatable-read snapshot on PostgreSQL.
 */
export async function verifyLedger(db: Db): Promise<Reconciliation> {
  return db.transaction((tx) => reconcile(tx), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function reconcile(db: Db): Promise<Reconciliation> {
  type Row = {
    code: string;
    dp: string;
    dpo: string;
    cp: string;
    cpo: string;
    xdp: string;
    xdpo: string;
    xcp: string;
    xcpo: string;
    flag: boolean;
  };
  const res = await db.execute(sql`
    with resolved as (select pending_id, kind from ledger_transfers where pending_id is not null),
    entries as (
      select t.debit_account_id as acc, t.amount, t.kind, 'd' as side, r.kind as resolution
        from ledger_transfers t left join resolved r on r.pending_id = t.id
      union all
      select t.credit_account_id, t.amount, t.kind, 'c', r.kind
        from ledger_transfers t left join resolved r on r.pending_id = t.id
    ),
    sums as (
      select acc,
        sum(amount) filter (where side = 'd' and kind = 'pending' and resolution is null) as dp,
        sum(amount) filter (where side = 'd' and (kind = 'posted' or kind = 'post_pending')) as dpo,
        sum(amount) filter (where side = 'c' and kind = 'pending' and resolution is null) as cp,
        sum(amount) filter (where side = 'c' and (kind = 'posted' or kind = 'post_pending')) as cpo
      from entries group by acc
    )
    select a.code, a.debits_pending::text as dp, a.debits_posted::text as dpo, a.credits_pending::text as cp, a.credits_posted::text as cpo,
      coalesce(s.dp, 0)::text as xdp, coalesce(s.dpo, 0)::text as xdpo, coalesce(s.cp, 0)::text as xcp, coalesce(s.cpo, 0)::text as xcpo,
      a.debits_must_not_exceed_credits as flag
    from ledger_accounts a left join sums s on s.acc = a.id order by a.id`);
  const list = rowsOf<Row>(res);
  const totals = { debitsPosted: 0, creditsPosted: 0, debitsPending: 0, creditsPending: 0 };
  const mismatches: Reconciliation['mismatches'] = [];
  const overdrawn: string[] = [];
  for (const r of list) {
    const stored = [r.dp, r.dpo, r.cp, r.cpo].map(Number);
    const computed = [r.xdp, r.xdpo, r.xcp, r.xcpo].map(Number);
    totals.debitsPending += stored[0]!;
    totals.debitsPosted += stored[1]!;
    totals.creditsPending += stored[2]!;
    totals.creditsPosted += stored[3]!;
    if (stored.some((v, i) => v !== computed[i])) mismatches.push({ code: r.code, stored, computed });
    if (r.flag && stored[0]! + stored[1]! > stored[3]!) overdrawn.push(r.code);
  }
  const doubleResolved = rowsOf<{ id: string }>(
    await db.execute(
      sql`select pending_id::text as id from ledger_transfers where pending_id is not null group by pending_id having count(*) > 1`,
    ),
  ).map((r) => Number(r.id));
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerTransfers);
  return {
    ok:
      mismatches.length === 0 &&
      overdrawn.length === 0 &&
      doubleResolved.length === 0 &&
      totals.debitsPosted === totals.creditsPosted &&
      totals.debitsPending === totals.creditsPending,
    accounts: list.length,
    transfers: count?.n ?? 0,
    totals,
    mismatches,
    overdrawn,
    doubleResolved,
  };
}

export async function listAccounts(
  db: Db,
  f: { code?: string; kind?: string; enterpriseId?: string; fiscalYear?: number; policyCode?: string } = {},
) {
  return db
    .select()
    .from(ledgerAccounts)
    .where(
      and(
        f.code ? eq(ledgerAccounts.code, f.code) : undefined,
        f.kind ? eq(ledgerAccounts.kind, f.kind) : undefined,
        f.enterpriseId ? eq(ledgerAccounts.enterpriseId, f.enterpriseId) : undefined,
        f.fiscalYear ? eq(ledgerAccounts.fiscalYear, f.fiscalYear) : undefined,
        f.policyCode ? eq(ledgerAccounts.policyCode, f.policyCode) : undefined,
      ),
    )
    .orderBy(asc(ledgerAccounts.id));
}

export async function listTransfers(db: Db, f: { accountId?: number; claimId?: string; limit?: number } = {}) {
  return db
    .select()
    .from(ledgerTransfers)
    .where(
      and(
        f.accountId
          ? sql`(${ledgerTransfers.debitAccountId} = ${f.accountId} or ${ledgerTransfers.creditAccountId} = ${f.accountId})`
          : undefined,
        f.claimId ? eq(ledgerTransfers.claimId, f.claimId) : undefined,
      ),
    )
    .orderBy(asc(ledgerTransfers.id))
    .limit(f.limit ?? 1000);
}
