import { createHash } from 'node:crypto';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ledgerAccounts, ledgerTransfers, orgUnits, users } from '../../db/schema/index.js';
import { inScope } from '../../platform/access.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { rowsOf, type Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pgErrorOf } from '../../platform/pg-errors.js';
import type { AccountKind, BudgetRequestStatus, TransferKind } from '../../../common/values/ledger.js';

/**
 * The ledger (domain-rules §5). The database enforces the guarantees (migration 0006); this service names
 * accounts, derives content hashes for idempotency and turns refusals into clear errors. Every function runs
 * inside the caller's transaction, so a payment and the claim it pays commit together or not at all.
 */
export type AccountRow = typeof ledgerAccounts.$inferSelect;
export type TransferRow = typeof ledgerTransfers.$inferSelect;
export type { TransferKind };

export interface AccountSpec {
  code: string;
  kind: AccountKind;
  nameZh: string;
  nameEn: string;
  fiscalYear?: number;
  fundSource?: string;
  policyCode?: string;
  enterpriseId?: string;
  /** The unit the account belongs to; when not given, its policy's or call's, else its enterprise's. */
  orgUnitCode?: string;
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
  /**
   * Where a fiscal year's appropriation comes from (may run negative: it is the source), one per unit that owns
   * budgets, so that one county's funding is not another's.
   */
  funding: (year: number, source: string, unitCode?: string): AccountSpec => ({
    code: unitCode ? `funding:${year}:${source}:${unitCode}` : `funding:${year}:${source}`,
    kind: 'funding',
    nameZh: `${year} 年度资金来源（${zhSource(source)}）${unitCode ? ` · ${unitCode}` : ''}`,
    nameEn: `${year} funding (${enSource(source)})${unitCode ? ` · ${unitCode}` : ''}`,
    fiscalYear: year,
    fundSource: source,
    ...(unitCode ? { orgUnitCode: unitCode } : {}),
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

/** The unit of an account not given one: its policy's (or call's, `call_<code>`), else its enterprise's. */
function ownerUnitOf(spec: AccountSpec): SQL | string | null {
  if (spec.orgUnitCode) return spec.orgUnitCode;
  const parts: SQL[] = [];
  if (spec.policyCode?.startsWith('call_'))
    parts.push(sql`(select region_code from calls where code = ${spec.policyCode.slice('call_'.length)})`);
  else if (spec.policyCode) parts.push(sql`(select region_code from policies where code = ${spec.policyCode})`);
  if (spec.enterpriseId) parts.push(sql`(select org_unit_code from enterprises where id = ${spec.enterpriseId}::uuid)`);
  return parts.length ? sql`coalesce(${sql.join(parts, sql`, `)})` : null;
}

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
      orgUnitCode: ownerUnitOf(spec),
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
  if (
    pg.constraint === 'ledger_budget_four_eyes' ||
    pg.message.includes('budget is funded by a request') ||
    pg.message.includes('budget request')
  )
    return new AppError(403, 'ledger_budget_four_eyes');
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

/** The unit owning the budgets of a policy code (a policy's region, or a call's for `call_<code>`), if known. */
async function budgetUnit(tx: Db, policyCode: string): Promise<string | undefined> {
  const rows = rowsOf<{ code: string }>(
    await tx.execute(
      policyCode.startsWith('call_')
        ? sql`select region_code as code from calls where code = ${policyCode.slice('call_'.length)}`
        : sql`select region_code as code from policies where code = ${policyCode}`,
    ),
  );
  return rows[0]?.code;
}

async function budgetAccounts(tx: Db, year: number, source: string, policyCode: string) {
  const unit = await budgetUnit(tx, policyCode);
  const funding = await ensureAccount(tx, accountSpecs.funding(year, source, unit));
  const budget = await ensureAccount(tx, { ...accountSpecs.budget(year, source, policyCode), ...(unit ? { orgUnitCode: unit } : {}) });
  return { funding, budget };
}

/**
 * Credits a policy's budget in one step: only for the system (seed, command line, fixtures), which records no
 * person. A person requests budget (requestBudget) and a second person approves it; the database refuses a
 * person's one-step funding (migration 0014).
 */
export async function fundBudget(
  tx: Db,
  ctx: RequestContext,
  input: { year: number; source: string; policyCode: string; amount: number; key: string; reason: string },
): Promise<{ transfer: TransferRow; replayed: boolean; budget: AccountRow }> {
  if (ctx.userId) throw new AppError(403, 'ledger_budget_four_eyes');
  const { funding, budget } = await budgetAccounts(tx, input.year, input.source, input.policyCode);
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

/**
 * A request for budget: a pending transfer from the funding source to the policy's budget. It adds nothing to
 * what the budget can spend until a second person approves it (approveBudget). Idempotent by key.
 */
export async function requestBudget(
  tx: Db,
  ctx: RequestContext,
  input: { year: number; source: string; policyCode: string; amount: number; key: string; reason: string },
): Promise<{ transfer: TransferRow; replayed: boolean; budget: AccountRow }> {
  const { funding, budget } = await budgetAccounts(tx, input.year, input.source, input.policyCode);
  const r = await transfer(tx, ctx, {
    key: input.key,
    debitAccountId: funding.id,
    creditAccountId: budget.id,
    amount: input.amount,
    kind: 'pending',
    reason: input.reason,
  });
  return { ...r, budget };
}

/** A budget request by its id: the pending transfer from a funding account to a budget. */
async function budgetRequestOf(tx: Db, id: number): Promise<TransferRow> {
  const rows = await tx
    .select({ t: ledgerTransfers })
    .from(ledgerTransfers)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerTransfers.creditAccountId))
    .where(and(eq(ledgerTransfers.id, id), eq(ledgerTransfers.kind, 'pending'), eq(ledgerAccounts.kind, 'budget')));
  if (!rows[0]) throw new AppError(404, 'not_found', { what: `budget request ${id}` });
  return rows[0].t;
}

/**
 * Approves (posts) or rejects (voids) a budget request. Approval is by someone other than the requester (four
 * eyes, also refused by the database); the requester may withdraw their own request. Repeating the same
 * decision returns the first; the other decision after one is refused.
 */
export async function decideBudget(
  tx: Db,
  ctx: RequestContext,
  id: number,
  decision: 'approve' | 'reject',
  reason?: string,
): Promise<{ transfer: TransferRow; replayed: boolean }> {
  const request = await budgetRequestOf(tx, id);
  if (decision === 'approve' && (!ctx.userId || request.createdBy === ctx.userId)) throw new AppError(403, 'ledger_budget_four_eyes');
  const [resolution] = await tx.select().from(ledgerTransfers).where(eq(ledgerTransfers.pendingId, id));
  const kind = decision === 'approve' ? 'post_pending' : 'void_pending';
  if (resolution && resolution.kind !== kind) throw new AppError(409, 'ledger_already_resolved', { id });
  return transfer(tx, ctx, {
    key: `${request.idempotencyKey}:${decision}`,
    debitAccountId: request.debitAccountId,
    creditAccountId: request.creditAccountId,
    amount: request.amount,
    kind,
    pendingId: id,
    ...(reason ? { reason } : {}),
  });
}

export interface BudgetRequestRow {
  id: number;
  amount: number;
  reason: string | null;
  createdAt: Date;
  requestedBy: string | null;
  requestedByName: string | null;
  budgetId: number;
  budgetCode: string;
  fiscalYear: number | null;
  fundSource: string | null;
  policyCode: string | null;
  status: BudgetRequestStatus;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
}

/** Budget requests (newest first), in the reader's scope, with who asked and who decided. */
export async function listBudgetRequests(
  db: Db,
  f: { scopes: readonly string[]; status?: BudgetRequestStatus | undefined; limit?: number },
) {
  const rows = rowsOf<{
    id: string;
    amount: string;
    reason: string | null;
    created_at: string | Date;
    requested_by: string | null;
    requested_by_name: string | null;
    budget_id: string;
    budget_code: string;
    fiscal_year: number | null;
    fund_source: string | null;
    policy_code: string | null;
    resolution: string | null;
    decided_by: string | null;
    decided_by_name: string | null;
    decided_at: string | Date | null;
  }>(
    await db.execute(sql`
      select t.id::text, t.amount::text, t.reason, t.created_at, t.created_by as requested_by, ru.display_name as requested_by_name,
        b.id::text as budget_id, b.code as budget_code, b.fiscal_year, b.fund_source, b.policy_code,
        r.kind as resolution, r.created_by as decided_by, du.display_name as decided_by_name, r.created_at as decided_at
      from ledger_transfers t
      join ledger_accounts b on b.id = t.credit_account_id and b.kind = 'budget'
      join ledger_accounts fa on fa.id = t.debit_account_id and fa.kind = 'funding'
      left join ${orgUnits} u on u.code = b.org_unit_code
      left join ledger_transfers r on r.pending_id = t.id
      left join ${users} ru on ru.id = t.created_by
      left join ${users} du on du.id = r.created_by
      where t.kind = 'pending' and ${inScope(sql`coalesce(u.path, '/')`, f.scopes, { sharedDown: true })}
        ${f.status === 'pending' ? sql`and r.id is null` : f.status === 'approved' ? sql`and r.kind = 'post_pending'` : f.status === 'rejected' ? sql`and r.kind = 'void_pending'` : sql``}
      order by t.id desc
      limit ${f.limit ?? 500}`),
  );
  return rows.map((r): BudgetRequestRow => ({
    id: Number(r.id),
    amount: Number(r.amount),
    reason: r.reason,
    createdAt: new Date(r.created_at),
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    budgetId: Number(r.budget_id),
    budgetCode: r.budget_code,
    fiscalYear: r.fiscal_year,
    fundSource: r.fund_source,
    policyCode: r.policy_code,
    status: r.resolution === 'post_pending' ? 'approved' : r.resolution === 'void_pending' ? 'rejected' : 'pending',
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at ? new Date(r.decided_at) : null,
  }));
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
export async function verifyLedger(db: Db, canSee?: (path: string) => boolean): Promise<Reconciliation> {
  return db.transaction((tx) => reconcile(tx, canSee), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/** `canSee`: the accounts a reader may be told about by code (the totals and the verdict are the whole ledger's). */
async function reconcile(db: Db, canSee: (path: string) => boolean = () => true): Promise<Reconciliation> {
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
    path: string;
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
      a.debits_must_not_exceed_credits as flag, coalesce(u.path, '/') as path
    from ledger_accounts a left join sums s on s.acc = a.id left join org_units u on u.code = a.org_unit_code order by a.id`);
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
    const code = canSee(r.path) ? r.code : '—';
    if (stored.some((v, i) => v !== computed[i])) mismatches.push({ code, stored, computed });
    if (r.flag && stored[0]! + stored[1]! > stored[3]!) overdrawn.push(code);
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

/** The path of an account's unit (the root for an account of no unit), for scope filters. */
const accountPath = (id: SQL | AnyPgColumn) =>
  sql`(select coalesce(u.path, '/') from ledger_accounts a left join org_units u on u.code = a.org_unit_code where a.id = ${id})`;

/** `scopes`: only accounts of the reader's subtree and its ancestors (budgets are shared down); none given: all. */
export async function listAccounts(
  db: Db,
  f: {
    id?: number;
    code?: string;
    kind?: AccountKind;
    enterpriseId?: string;
    fiscalYear?: number;
    policyCode?: string;
    scopes?: readonly string[];
  } = {},
) {
  return db
    .select({ a: ledgerAccounts, path: sql<string>`coalesce(${orgUnits.path}, '/')` })
    .from(ledgerAccounts)
    .leftJoin(orgUnits, eq(orgUnits.code, ledgerAccounts.orgUnitCode))
    .where(
      and(
        f.scopes ? inScope(sql`coalesce(${orgUnits.path}, '/')`, f.scopes, { sharedDown: true }) : undefined,
        f.id ? eq(ledgerAccounts.id, f.id) : undefined,
        f.code ? eq(ledgerAccounts.code, f.code) : undefined,
        f.kind ? eq(ledgerAccounts.kind, f.kind) : undefined,
        f.enterpriseId ? eq(ledgerAccounts.enterpriseId, f.enterpriseId) : undefined,
        f.fiscalYear ? eq(ledgerAccounts.fiscalYear, f.fiscalYear) : undefined,
        f.policyCode ? eq(ledgerAccounts.policyCode, f.policyCode) : undefined,
      ),
    )
    .orderBy(asc(ledgerAccounts.id))
    .then((rows) => rows.map((r) => r.a));
}

/** `scopes`: only transfers both of whose accounts the reader may see (shared down); none given: all. */
export async function listTransfers(db: Db, f: { accountId?: number; claimId?: string; limit?: number; scopes?: readonly string[] } = {}) {
  return db
    .select()
    .from(ledgerTransfers)
    .where(
      and(
        f.accountId
          ? sql`(${ledgerTransfers.debitAccountId} = ${f.accountId} or ${ledgerTransfers.creditAccountId} = ${f.accountId})`
          : undefined,
        f.claimId ? eq(ledgerTransfers.claimId, f.claimId) : undefined,
        f.scopes ? inScope(accountPath(ledgerTransfers.debitAccountId), f.scopes, { sharedDown: true }) : undefined,
        f.scopes ? inScope(accountPath(ledgerTransfers.creditAccountId), f.scopes, { sharedDown: true }) : undefined,
      ),
    )
    .orderBy(asc(ledgerTransfers.id))
    .limit(f.limit ?? 1000);
}
