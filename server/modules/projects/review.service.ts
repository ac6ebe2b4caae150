import { expertVisibleFields } from '../../../common/project-team.js';
import { LIVE_REVIEW_STATUSES } from '../../../common/values/review.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import * as repo from './review.repo.js';
import type { ReviewRow } from './review.repo.js';

/**
 * An expert's workbench: its own assignments, one assignment with the application (and the report a panel
 * judges), and its scores. Experts see only their own assignments, and other experts' scores (anonymised) only
 * after submitting their own; applicants never see who reviewed them.
 */
export type { ReviewRow };

/** An assignment that is still the expert's: to be scored, or scored (an expert keeps what it judged). */
export const isLiveReview = (status: string): boolean => (LIVE_REVIEW_STATUSES as readonly string[]).includes(status);

/** An expert's own assignments (application content; never the other experts). */
export async function myReviews(db: Db, expertId: string) {
  return (await repo.reviewsOfExpert(db, expertId)).map(({ r, ...about }) => ({ ...r, ...about }));
}

/** The expert's own assignment, or not found (someone else's is not found either). */
async function ownReview(db: Db, expertId: string, reviewId: string): Promise<ReviewRow> {
  const [r] = await repo.reviewRows(db, reviewId);
  if (!r || r.expertId !== expertId) throw new AppError(404, 'expert_not_assigned');
  return r;
}

/**
 * One review for its expert: the application, the expert's own scores, and the others' scores (numbered 1, 2, …
 * and never named) only once the expert has submitted.
 */
export async function reviewForExpert(db: Db, expertId: string, reviewId: string) {
  const r = await ownReview(db, expertId, reviewId);
  // Declined, replaced or superseded: the application is no longer the expert's to read (as with its files); the
  // assignment itself stays in the expert's list with its status.
  if (!isLiveReview(r.status)) throw new AppError(403, 'review_declined', { status: r.status });
  const a = await findOr404(repo.applicationRows(db, r.applicationId), r.applicationId);
  const call = await findOr404(repo.callRows(db, a.callId), a.callId);
  const others =
    r.status === 'submitted'
      ? (await repo.sheetsOf(db, r.applicationId, r.stage))
          .filter((x) => x.id !== r.id && x.status === 'submitted')
          .map((x, i) => ({ n: i + 1, scores: x.scores, total: x.total, comment: x.comment }))
      : [];
  return {
    review: r,
    application: {
      id: a.id,
      title: a.title,
      applicantName: a.applicantName,
      // A team's contact is for the bureau, not the experts.
      fields: expertVisibleFields(a.fields),
      requestedFen: a.requestedFen,
      teamMembers: a.teamMembers,
    },
    template: call.reviewTemplate,
    others,
    // A mid-term or acceptance panel judges the report the project handed in.
    report: r.reportId ? await repo.panelReport(db, r.reportId) : null,
  };
}

export async function submitScores(
  db: Db,
  ctx: RequestContext,
  expertId: string,
  reviewId: string,
  input: { scores: Record<string, number>; comment?: string | undefined },
): Promise<ReviewRow> {
  return db.transaction(async (tx) => {
    const [r] = await repo.lockedReviewRows(tx, reviewId);
    if (!r || r.expertId !== expertId) throw new AppError(404, 'expert_not_assigned');
    if (r.status !== 'assigned') throw new AppError(409, 'project_state', { status: r.status, action: 'score' });
    const a = await findOr404(repo.applicationRows(tx, r.applicationId), r.applicationId);
    const call = await findOr404(repo.callRows(tx, a.callId), a.callId);
    const criteria = call.reviewTemplate.criteria;
    const keys = new Set(criteria.map((c) => c.key));
    const wrong = [
      ...criteria.filter((c) => input.scores[c.key] === undefined).map((c) => c.key),
      ...Object.keys(input.scores).filter((k) => !keys.has(k)),
    ];
    if (wrong.length) throw new AppError(400, 'score_criteria', { keys: wrong.join('、') }, 'scores');
    const total = Math.round(criteria.reduce((s, c) => s + (input.scores[c.key]! * c.weight) / 100, 0) * 100) / 100;
    const row = await findOr404(repo.saveScores(tx, reviewId, { scores: input.scores, total, comment: input.comment ?? null }), reviewId);
    await audit(tx, ctx, { action: 'score', entity: 'review', entityId: reviewId, after: { total } });
    return row;
  });
}
