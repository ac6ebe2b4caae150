import type { BudgetDecision, BudgetRequestStatus } from '../../../common/values/ledger.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import * as repo from './ledger.repo.js';
import { budgetUnit } from './owners.js';
import { accountSpecs, ensureAccount, transfer, type AccountRow, type TransferRow } from './ledger.service.js';

/**
 * Budgets: funding a policy's (or call's) budget for a fiscal year and fund source, by the system in one step
 * or by a person's request that a second person approves (four eyes, also the database's rule); and the
 * correction of a posted transfer by its mirror image. Every function runs inside the caller's transaction.
 */

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
const budgetRequestOf = (tx: Db, id: number): Promise<TransferRow> => findOr404(repo.budgetRequestRows(tx, id), `budget request ${id}`);

/**
 * Approves (posts) or rejects (voids) a budget request. Approval is by someone other than the requester (four
 * eyes, also refused by the database); the requester may withdraw their own request. Repeating the same
 * decision returns the first; the other decision after one is refused.
 */
export async function decideBudget(
  tx: Db,
  ctx: RequestContext,
  id: number,
  decision: BudgetDecision,
  reason?: string,
): Promise<{ transfer: TransferRow; replayed: boolean }> {
  const request = await budgetRequestOf(tx, id);
  if (decision === 'approve' && (!ctx.userId || request.createdBy === ctx.userId)) throw new AppError(403, 'ledger_budget_four_eyes');
  const [resolution] = await repo.resolutionOf(tx, id);
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
  const rows = await repo.selectBudgetRequests(db, f);
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
  const orig = await findOr404(repo.transferById(tx, id), `transfer ${id}`);
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
