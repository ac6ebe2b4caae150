import type { ClaimStatus, NoticeDetail } from '../../api/claims';
import { ApiError } from '../../api/http';
import { bureauToday } from '../isoDate';

/**
 * Why 审批 is not open yet for a claim in notice, as the server decides it (claims.service.ts approveClaim):
 * the notice runs until its last day inclusive, and every objection to it must be resolved. Null: it may be
 * approved (the server still checks, e.g. four eyes). Issue #14: the button was offered and refused after confirming.
 */
export type ApproveBlock = { reason: 'notice_open'; endsOn: string } | { reason: 'objections_open'; n: number } | { reason: 'loading' };

export function approveBlock(
  claim: { status: ClaimStatus; noticeId: string | null },
  notice: Pick<NoticeDetail, 'notice' | 'objections'> | undefined,
  today = bureauToday(),
): ApproveBlock | null {
  if (claim.status !== 'in_notice' || !claim.noticeId) return null;
  if (!notice) return { reason: 'loading' };
  if (today <= notice.notice.endsOn) return { reason: 'notice_open', endsOn: notice.notice.endsOn };
  const open = notice.objections.filter((o) => o.status === 'open').length;
  return open > 0 ? { reason: 'objections_open', n: open } : null;
}

/** The approval was refused for want of budget: the claim's policy's budget of its fiscal year needs a top-up. */
export const needsBudget = (error: unknown): boolean => error instanceof ApiError && error.code === 'ledger_insufficient_funds';

/**
 * What 追加预算 opens with from a claim: the claim's fiscal year (often last year's, not this one) and its policy,
 * the budget its approval reserves from (issue #14: it opened on the current year).
 */
export const budgetDefaults = (claim: { fiscalYear: number; policyCode: string }) => ({
  year: claim.fiscalYear,
  policyCode: claim.policyCode,
});
