import { evaluate, type Facts } from '../../../common/policies/index.js';
import { CLOSED_CLAIM_STATUSES, type ClaimStatus, type PolicyMessage } from '../../../common/values/policies.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { rowFromJson } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import { pgErrorOf } from '../../platform/pg-errors.js';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings.js';
import { accountSpecs, ensureAccount, resolveReservation, transfer } from '../ledger/index.js';
import { applyLimits, type StoredTrace } from './claims.limits.js';
import * as repo from './claims.repo.js';
import type { ClaimFilter, ClaimRow } from './claims.repo.js';
import { claims } from '../../db/schema/policies.js';
import { enterpriseName, policyById, versionById } from './policies.repo.js';

/**
 * Claims: one policy × one enterprise × one qualifying event, from the match (or the enterprise's application)
 * through review, public notice, approval by a second person and payment. Money moves only through the
 * ledger, in the same transaction as the claim's step, with keys derived from the claim's business event, so
 * a retried or duplicated request never pays twice. Matching and applications: claims.match.ts; stacking and
 * caps: claims.limits.ts; notices and objections: notices.service.ts.
 */
export type { ClaimRow, ClaimStatus };
export { applyFor, matchEvents } from './claims.match.js';
export { addObjection, createNotice, listNotices, noticeWithClaims, resolveObjection } from './notices.service.js';
const CLOSED = CLOSED_CLAIM_STATUSES;

export const lockClaim = (tx: Db, id: string): Promise<ClaimRow> => findOr404(repo.claimForUpdate(tx, id), id);

export const refuse = (c: ClaimRow, action: string) => new AppError(409, 'claim_state', { status: c.status, action });

/** The enterprise answers a fast-application task: documents provided, then the bureau reviews. */
export async function submitDocuments(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { checklist: { key: string; provided: boolean; note?: string | undefined }[]; note?: string | undefined },
): Promise<ClaimRow> {
  return db.transaction(async (tx) => {
    const c = await lockClaim(tx, id);
    if (c.status !== 'needs_data') throw refuse(c, 'submit');
    const checklist = (c.checklist ?? []).map((d) => {
      const given = input.checklist.find((x) => x.key === d.key);
      return { ...d, provided: given?.provided ?? d.provided, ...(given?.note ? { note: given.note } : {}) };
    });
    const row = await findOr404(
      repo.updateClaim(tx, id, { status: 'applied', checklist, applicationNote: input.note ?? c.applicationNote, updatedAt: new Date() }),
      id,
    );
    await repo.recordStep(tx, ctx, id, 'applied', input.note);
    return row;
  });
}

/**
 * Bureau review: the reviewer confirms the facts the documents prove; the decision is re-run with them and
 * must be eligible. The confirmed facts are kept in the trace beside the register's.
 */
export async function reviewClaim(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { facts?: Facts | undefined; note?: string | undefined },
): Promise<ClaimRow> {
  return db.transaction(async (tx) => {
    const c = await lockClaim(tx, id);
    if (!['matched', 'applied', 'needs_data'].includes(c.status)) throw refuse(c, 'review');
    const v = await findOr404(versionById(tx, c.versionId), `version ${c.versionId}`);
    const p = await findOr404(policyById(tx, c.policyId), `policy ${c.policyId}`);
    const old = c.trace as StoredTrace;
    const confirmed = { ...(old.confirmedFacts ?? {}), ...(input.facts ?? {}) };
    const trace = evaluate({
      policyCode: p.code,
      version: v.version,
      versionId: v.id,
      rule: v.rule,
      parameters: v.parameters,
      facts: { ...old.facts, ...confirmed },
      date: old.date,
    });
    if (trace.eligibility !== 'eligible' || trace.amount.fen === null)
      throw new AppError(409, 'claim_not_eligible', { eligibility: trace.eligibility });
    const limits = await applyLimits(
      tx,
      ctx,
      v,
      { id, enterpriseId: c.enterpriseId, fiscalYear: c.fiscalYear, policyId: c.policyId },
      trace.amount.fen,
      trace,
    );
    const status = limits.stacked ? 'stacked' : 'reviewed';
    const row = await findOr404(
      repo.updateClaim(tx, id, {
        status,
        eligibility: 'eligible',
        amountFen: limits.fen,
        trace: { ...trace, adjustments: limits.adjustments, confirmedFacts: confirmed } as StoredTrace,
        reviewedBy: ctx.userId,
        reviewedAt: new Date(),
        updatedAt: new Date(),
      }),
      id,
    );
    await repo.recordStep(tx, ctx, id, status, input.note, { amountFen: limits.fen });
    return row;
  });
}

export const keyOf = (c: ClaimRow, stepName: string) => `claim:${c.eventKey}:${stepName}`;

/**
 * Approval by a second person after the notice has ended with every objection resolved: reserves the amount
 * in the policy's budget for the fiscal year (a pending transfer to the enterprise's payable account).
 */
export async function approveClaim(db: Db, ctx: RequestContext, id: string, today: string): Promise<ClaimRow> {
  return db.transaction(async (tx) => {
    const c = await lockClaim(tx, id);
    if (c.status === 'approved' || c.status === 'paid') return c;
    if (c.status !== 'in_notice') throw refuse(c, 'approve');
    if (c.reviewedBy === ctx.userId) throw new AppError(403, 'claim_four_eyes');
    const above = await fourEyesThreshold(tx);
    if (c.amountFen > above && (!ctx.userId || c.editors.includes(ctx.userId)))
      throw new AppError(403, 'claim_four_eyes_threshold', { threshold: above });
    const [n] = c.noticeId ? await repo.noticeById(tx, c.noticeId) : [];
    if (!n || today <= n.endsOn) throw new AppError(409, 'claim_notice_open', { endsOn: n?.endsOn ?? '' });
    const open = await repo.openObjections(tx, n.id);
    if (open > 0) throw new AppError(409, 'claim_objections_open', { n: open });
    const p = await findOr404(policyById(tx, c.policyId), `policy ${c.policyId}`);
    const e = await findOr404(enterpriseName(tx, c.enterpriseId), `enterprise ${c.enterpriseId}`);
    if (c.amountFen > 0) {
      const budget = await ensureAccount(tx, accountSpecs.budget(c.fiscalYear, c.fundSource, p.code));
      const payable = await ensureAccount(tx, accountSpecs.payable(c.enterpriseId, e.name));
      await ensureAccount(tx, accountSpecs.paid(c.fiscalYear, c.fundSource, p.code));
      await transfer(tx, ctx, {
        key: keyOf(c, 'reserve'),
        debitAccountId: budget.id,
        creditAccountId: payable.id,
        amount: c.amountFen,
        kind: 'pending',
        claimId: c.id,
      });
    }
    const row = await findOr404(
      repo
        .updateClaim(tx, id, { status: 'approved', approvedBy: ctx.userId, approvedAt: new Date(), updatedAt: new Date() })
        .catch((e: unknown) => {
          // The database's rule (migration 0014) refuses what the check above let through.
          if (pgErrorOf(e)?.constraint === 'claims_four_eyes_threshold')
            throw new AppError(403, 'claim_four_eyes_threshold', { threshold: above });
          throw e;
        }),
      id,
    );
    await repo.recordStep(tx, ctx, id, 'approved', null, { amountFen: c.amountFen });
    return row;
  });
}

/**
 * Payment: posts the reservation (budget → payable) and pays the enterprise out (payable → the policy's paid-out
 * account of the year), marks the claim paid, with its step and audit events, all in one statement
 * (kc_pay_claim, migration 0010): the budget's row stays locked for that statement only, not for a dozen
 * round trips, so payments of one budget do not queue behind each other's network waits. The ledger's
 * triggers apply and guard both transfers as for any other. A repeated request (a retry, a double click, a
 * duplicate delivery) finds the claim paid and returns it.
 */
export async function payClaim(db: Db, ctx: RequestContext, id: string): Promise<{ claim: ClaimRow; replayed: boolean }> {
  const call = () => repo.payInDatabase(db, id, ctx);
  let out = await call();
  if (out.outcome === 'no_paid_account') {
    // Approved before approval opened the paid-out account (migration 0010): open it, then pay.
    await ensurePaidAccount(db, rowFromJson(claims, out.claim!));
    out = await call();
  }
  if (!out.claim) throw new AppError(404, 'not_found', { what: id });
  const row = rowFromJson(claims, out.claim);
  if (out.outcome === 'paid' || out.outcome === 'replayed') return { claim: row, replayed: out.outcome === 'replayed' };
  if (out.outcome === 'no_reservation') throw new AppError(409, 'ledger_not_pending', { id: keyOf(row, 'reserve') });
  throw refuse(row, 'pay');
}

/** The paid-out account a claim's payment goes to: its policy's, for its fiscal year and fund source. */
async function ensurePaidAccount(tx: Db, c: ClaimRow) {
  const p = await findOr404(policyById(tx, c.policyId), `policy ${c.policyId}`);
  return ensureAccount(tx, accountSpecs.paid(c.fiscalYear, c.fundSource, p.code));
}

/**
 * Rejects a claim. `reason`: the staff's words (kept as they are, and the voided reservation's reason);
 * `message`: a rejection the system makes (an upheld objection), stored as a code the web renders.
 */
export async function rejectIn(tx: Db, ctx: RequestContext, id: string, reason: string, message?: PolicyMessage): Promise<ClaimRow> {
  const c = await lockClaim(tx, id);
  if (c.status === 'rejected') return c;
  if (c.status === 'paid' || CLOSED.includes(c.status)) throw refuse(c, 'reject');
  if (c.status === 'approved' && c.amountFen > 0) {
    await resolveReservation(tx, ctx, {
      reserveKey: keyOf(c, 'reserve'),
      key: keyOf(c, 'void'),
      kind: 'void_pending',
      claimId: c.id,
      reason,
    });
  }
  const row = await findOr404(
    repo.updateClaim(tx, id, {
      status: 'rejected',
      rejectionReason: message ? null : reason,
      rejection: message ?? null,
      updatedAt: new Date(),
    }),
    id,
  );
  await repo.recordStep(tx, ctx, id, 'rejected', message ?? reason);
  return row;
}

/** Rejection with a reason, at any step before payment; an approved claim's reservation is voided. */
export async function rejectClaim(db: Db, ctx: RequestContext, id: string, reason: string): Promise<ClaimRow> {
  return db.transaction((tx) => rejectIn(tx, ctx, id, reason));
}

/** The default threshold of claims' four eyes (100 000 元), when the installation has not written its own. */
const DEFAULT_FOUR_EYES_ABOVE_FEN = 10_000_000;

/** Above this amount (fen) a claim is approved by none of those who reviewed or changed it (kc_settings). */
export async function fourEyesThreshold(db: Db): Promise<number> {
  return (await readSetting(db, SETTING_KEYS.claimFourEyesAboveFen)) ?? DEFAULT_FOUR_EYES_ABOVE_FEN;
}

/** Writes the installation's threshold (configuration) where the database's rule reads it. */
export async function storeFourEyesThreshold(db: Db, fen: number): Promise<void> {
  await writeSetting(db, SETTING_KEYS.claimFourEyesAboveFen, fen);
}

export const withEditor = (editors: string[], userId: string | null) =>
  userId && !editors.includes(userId) ? [...editors, userId] : editors;

/** Claims with their policy's and enterprise's names, newest first (at most 2 000). */
export const listClaims = (db: Db, f: ClaimFilter) => repo.selectClaims(db, f);

export const stepsOf = (db: Db, id: string) => repo.stepsOf(db, id);
