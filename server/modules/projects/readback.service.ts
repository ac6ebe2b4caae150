import type { ApplicationResultView, AttachmentMeta, CallResults } from '../../../common/contracts/project-readback.js';
import { aggregateReviews, recordPolicy, type ApplicationReview } from '../../../common/review/index.js';
import { decisionBlockers, policyOfTemplate, thresholdMisses, type ThresholdMiss } from '../../../common/review/decision.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { attachmentContent, attachmentsOf, type CallRow } from './calls.service.js';
import { consensusInForce } from './consensus.repo.js';
import * as repo from './review.repo.js';
import { isLiveReview } from './review.service.js';

/**
 * Read-backs of a call's review: the aggregation recomputed from the stored reviews (the same pure function and
 * recorded policy as POST /api/calls/:id/aggregate, so a reopened page shows what the aggregation showed), with
 * the stored score and rank, and whether a consensus step is pending or resolved; and the files of an application
 * for the experts assigned to it.
 */

/** The applications that keep a call from being decided, as list items (the parameter of `decision_pending`). */
export { blockerItems } from '../../../common/review/decision.js';

/** Statuses in which an application has been aggregated (its stored score and rank stand). */
const AGGREGATED = new Set(['scored', 'consensus', 'approved', 'not_funded', 'contracted', 'completed', 'terminated']);

/** A call's applications split: waiting for reviews (pending), and every sheet in (done: to aggregate). */
function splitByProgress(apps: readonly repo.ApplicationRow[], all: readonly repo.ReviewRow[]) {
  const pending: CallResults['pending'] = [];
  const done: ApplicationReview[] = [];
  for (const a of apps) {
    const mine = all.filter((r) => r.applicationId === a.id);
    if (!mine.length) continue;
    const submitted = mine.filter((r) => r.status === 'submitted');
    const assigned = mine.filter((r) => r.status === 'assigned').length;
    if (assigned > 0 || submitted.length === 0)
      pending.push({ applicationId: a.id, title: a.title, status: a.status, submitted: submitted.length, assigned });
    else done.push({ applicationId: a.id, sheets: submitted.map((r) => ({ expertId: r.expertId, scores: r.scores ?? {} })) });
  }
  return { pending, done };
}

export async function callResults(db: Db, call: CallRow): Promise<CallResults> {
  const apps = await repo.applicationsOfCall(db, call.id);
  const all = await repo.reviewStageSheets(
    db,
    apps.map((a) => a.id),
  );
  const { pending, done } = splitByProgress(apps, all);
  const t = call.reviewTemplate;
  const policy = policyOfTemplate(t);
  const agg = aggregateReviews(policy, done);
  const notes = await consensusInForce(
    db,
    agg.ranking.filter((r) => r.highSpread).map((r) => r.applicationId),
  );
  const results = agg.ranking.map((r): ApplicationResultView => {
    const a = apps.find((x) => x.id === r.applicationId)!;
    const aggregated = AGGREGATED.has(a.status);
    const consensus = !r.highSpread ? 'none' : a.status === 'consensus' || !aggregated ? 'pending' : 'resolved';
    const agreedScore = consensus === 'resolved' ? a.score : null;
    const misses = thresholdMisses(r, t.totalThreshold ?? null, agreedScore);
    return {
      applicationId: a.id,
      title: a.title,
      applicantName: a.applicantName,
      status: a.status,
      experts: r.experts,
      expertTotals: r.expertTotals.map((x) => x.total).sort((x, y) => y - x),
      total: r.total,
      criteria: r.criteria,
      spread: r.spread,
      highSpread: r.highSpread,
      consensus,
      agreedScore,
      consensusNote: consensus === 'resolved' ? (notes.get(a.id)?.note ?? null) : null,
      computedRank: r.rank,
      score: aggregated ? a.score : null,
      rank: aggregated ? a.rank : null,
      misses,
      passed: misses.length === 0,
    };
  });
  results.sort((x, y) => (x.rank ?? x.computedRank) - (y.rank ?? y.computedRank) || x.computedRank - y.computedRank);
  return {
    policy: recordPolicy(policy),
    waitingFor: all.filter((r) => r.status === 'assigned').length,
    pending,
    results,
    consensus: results.filter((r) => r.consensus === 'pending').map((r) => r.applicationId),
    blockers: decisionBlockers(apps).map((a) => ({ applicationId: a.id, title: a.title, status: a.status })),
  };
}

/** The thresholds each of these applications missed on its final score (empty when it passed or has no result). */
export async function thresholdMissesOf(db: Db, call: CallRow, ids: readonly string[]): Promise<Map<string, ThresholdMiss[]>> {
  if (!ids.length) return new Map();
  const { results } = await callResults(db, call);
  return new Map(results.filter((r) => ids.includes(r.applicationId)).map((r) => [r.applicationId, r.misses]));
}

/**
 * An expert's own assignment, as long as it is live (to be scored, or scored: an expert keeps what it judged). A
 * declined one (the expert stood aside), or one the bureau replaced, no longer opens the application's files, as it
 * no longer opens the application (reviewForExpert); someone else's is not found.
 */
async function liveAssignment(db: Db, expertId: string, reviewId: string) {
  const [r] = await repo.reviewRows(db, reviewId);
  if (!r || r.expertId !== expertId) throw new AppError(404, 'expert_not_assigned');
  if (!isLiveReview(r.status)) throw new AppError(403, 'review_declined', { status: r.status });
  return r;
}

const presentAttachment = (a: Awaited<ReturnType<typeof attachmentsOf>>[number]): AttachmentMeta => ({
  id: a.id,
  key: a.key,
  fileName: a.fileName,
  mime: a.mime,
  size: a.size,
  sha256: a.sha256,
  createdAt: a.createdAt.toISOString(),
});

export async function reviewAttachments(db: Db, expertId: string, reviewId: string): Promise<AttachmentMeta[]> {
  const r = await liveAssignment(db, expertId, reviewId);
  return (await attachmentsOf(db, r.applicationId)).map(presentAttachment);
}

/** One file of the assigned application; a file of any other application is not found. */
export async function reviewAttachment(db: Db, expertId: string, reviewId: string, attachmentId: string) {
  const r = await liveAssignment(db, expertId, reviewId);
  return attachmentContent(db, r.applicationId, attachmentId);
}
