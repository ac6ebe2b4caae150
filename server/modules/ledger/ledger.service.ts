import { createHash } from 'node:crypto';
import type { AccountName } from '../../../common/contracts/ledger.js';
import type { AccountKind, TransferKind } from '../../../common/values/ledger.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import { pgErrorOf } from '../../platform/pg-errors.js';
import * as repo from './ledger.repo.js';

/**
 * The ledger (domain-rules §5). The database enforces the guarantees (migration 0006); this service opens
 * accounts, derives content hashes for idempotency and turns refusals into clear errors. Every function runs
 * inside the caller's transaction, so a payment and the claim it pays commit together or not at all.
 */
export type AccountRow = repo.AccountRow;
export type TransferRow = repo.TransferRow;
export type { TransferKind };

export interface AccountSpec {
  code: string;
  kind: AccountKind;
  fiscalYear?: number;
  fundSource?: string;
  policyCode?: string;
  enterpriseId?: string;
  /** A payable's holder: the enterprise's (or applicant's) name, kept as it was when the account opened. */
  holderName?: string;
  /** The unit the account belongs to; when not given, its budget's (same year, source and policy), else its enterprise's. */
  orgUnitCode?: string;
  noOverdraft: boolean;
}

/**
 * The accounts the ledger opens. They carry no display text (issue #13): the web names an account from its kind
 * and parameters (accountName).
 */
export const accountSpecs = {
  /**
   * Where a fiscal year's appropriation comes from (may run negative: it is the source), one per unit that owns
   * budgets, so that one county's funding is not another's.
   */
  funding: (year: number, source: string, unitCode?: string): AccountSpec => ({
    code: unitCode ? `funding:${year}:${source}:${unitCode}` : `funding:${year}:${source}`,
    kind: 'funding',
    fiscalYear: year,
    fundSource: source,
    ...(unitCode ? { orgUnitCode: unitCode } : {}),
    noOverdraft: false,
  }),
  /** The budget of one policy for a fiscal year and fund source: can never be overdrawn. */
  budget: (year: number, source: string, policyCode: string): AccountSpec => ({
    code: `budget:${year}:${source}:${policyCode}`,
    kind: 'budget',
    fiscalYear: year,
    fundSource: source,
    policyCode,
    noOverdraft: true,
  }),
  /** What the bureau owes one enterprise: approved and not yet paid out. */
  payable: (enterpriseId: string, holderName: string): AccountSpec => ({
    code: `payable:${enterpriseId}`,
    kind: 'payable',
    enterpriseId,
    holderName,
    noOverdraft: true,
  }),
  /**
   * Money that has left: paid out in a fiscal year, per policy when one is named (as budgets are), so that
   * payments of different policies never queue on one paid-out row.
   */
  paid: (year: number, source: string, policyCode?: string): AccountSpec => ({
    code: policyCode ? `paid:${year}:${source}:${policyCode}` : `paid:${year}:${source}`,
    kind: 'paid',
    fiscalYear: year,
    fundSource: source,
    ...(policyCode ? { policyCode } : {}),
    noOverdraft: false,
  }),
};

/** An account's name as codes and parameters (common/contracts/ledger.ts), for the web to render. */
export function accountName(
  a: Pick<AccountRow, 'kind' | 'fiscalYear' | 'fundSource' | 'policyCode' | 'orgUnitCode' | 'holderName'>,
): AccountName {
  const period = { year: a.fiscalYear, source: a.fundSource };
  switch (a.kind) {
    case 'funding':
      return { kind: 'funding', ...period, unitCode: a.orgUnitCode };
    case 'budget':
      return { kind: 'budget', ...period, policyCode: a.policyCode };
    case 'payable':
      return { kind: 'payable', holder: a.holderName };
    case 'paid':
      return { kind: 'paid', ...period, policyCode: a.policyCode };
  }
}

/** The unit of an account not given one: its budget's (same year, source and policy), else its enterprise's. */
const ownerUnitOf = (spec: AccountSpec) =>
  spec.orgUnitCode ??
  repo.ownerUnitSql({
    budgetCode:
      spec.policyCode && spec.fiscalYear !== undefined && spec.fundSource
        ? accountSpecs.budget(spec.fiscalYear, spec.fundSource, spec.policyCode).code
        : undefined,
    enterpriseId: spec.enterpriseId,
  });

/** The account with this code, opened (at zero) if it does not exist yet. */
export async function ensureAccount(tx: Db, spec: AccountSpec): Promise<AccountRow> {
  const created = await repo.insertAccount(tx, {
    code: spec.code,
    kind: spec.kind,
    holderName: spec.holderName ?? null,
    fiscalYear: spec.fiscalYear ?? null,
    fundSource: spec.fundSource ?? null,
    policyCode: spec.policyCode ?? null,
    enterpriseId: spec.enterpriseId ?? null,
    orgUnitCode: ownerUnitOf(spec),
    debitsMustNotExceedCredits: spec.noOverdraft,
  });
  if (created) return created;
  return findOr404(repo.accountByCode(tx, spec.code), `ledger account ${spec.code}`);
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
    created = await tx.transaction((sp) =>
      repo.insertTransfer(sp, {
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
      }),
    );
  } catch (e) {
    throw ledgerError(e, t);
  }
  if (!created) {
    const [first] = await repo.transferByKey(tx, t.key);
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
  const [pending] = await repo.transferByKey(tx, r.reserveKey);
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

/** `scopes`: only accounts of the reader's subtree and its ancestors (budgets are shared down); none given: all. */
export const listAccounts = (db: Db, f: repo.AccountFilter = {}) => repo.selectAccounts(db, f);

/** `scopes`: only transfers both of whose accounts the reader may see (shared down); none given: all. */
export const listTransfers = (db: Db, f: { accountId?: number; claimId?: string; limit?: number; scopes?: readonly string[] } = {}) =>
  repo.selectTransfers(db, f);

/** What a policy's budget of a fiscal year and fund source can still reserve (0 when it has none). */
export const budgetAvailable = (db: Db, year: number, source: string, policyCode: string) =>
  repo.availableOf(db, accountSpecs.budget(year, source, policyCode).code);
