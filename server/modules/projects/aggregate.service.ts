import { createHash } from 'node:crypto';
import { aggregateReviews, rankWithTies } from '../../../common/review/index.js';
import { policyOfTemplate } from '../../../common/review/decision.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import type { CallRow } from './calls.service.js';
import { consensusInForce, dropConsensus, saveConsensus, type ConsensusInForce } from './consensus.repo.js';
import * as repo from './review.repo.js';
import type { ApplicationRow, ReviewRow } from './review.repo.js';

/**
 * Aggregation of a call's application reviews under the template's recorded policy, and the consensus step of
 * high-spread applications (table review_consensus: the agreed score holds while the sheets it was agreed on are
 * unchanged).
 */

/**
 * A fingerprint of an application's submitted sheets (each review's id and scores): a recorded consensus holds
 * while it is unchanged.
 */
export function reviewsFingerprint(rows: readonly Pick<ReviewRow, 'id' | 'status' | 'scores'>[]): string {
  const sheets = rows
    .filter((r) => r.status === 'submitted')
    .map((r) => [r.id, Object.entries(r.scores ?? {}).sort(([x], [y]) => x.localeCompare(y))] as const)
    .sort(([x], [y]) => x.localeCompare(y));
  return createHash('sha256').update(JSON.stringify(sheets)).digest('hex').slice(0, 16);
}

/** Whether the sheets are those a consensus was agreed on (older ones without a fingerprint: none submitted since). */
const stillAgreed = (consensus: ConsensusInForce, sheets: readonly ReviewRow[]) =>
  consensus.reviews
    ? consensus.reviews === reviewsFingerprint(sheets)
    : !sheets.some((r) => r.status === 'submitted' && r.submittedAt && r.submittedAt > consensus.at);

/** Ranks a call's scored applications again by their stored score (ties share the best rank). */
async function rerank(tx: Db, callId: string): Promise<Map<string, number>> {
  const scored = await repo.scoredOfCall(tx, callId);
  const ranks = new Map<string, number>();
  for (const { item, rank } of rankWithTies(scored, (x) => x.score ?? 0)) {
    await repo.setRank(tx, item.id, rank);
    ranks.set(item.id, rank);
  }
  return ranks;
}

type Kept = { applicationId: string; title: string; score: number | null };
type Reopened = { applicationId: string; title: string; agreedScore: number | null; score: number; status: 'scored' | 'consensus' };

/**
 * Aggregates a call's reviews under the template's recorded policy: the score, the spread, high-spread
 * applications sent to a consensus step, and the ranking (ties share the best rank). Running it again keeps a
 * consensus already recorded — its agreed score and status — as long as the submitted reviews are those it was
 * agreed on; if they changed since, the application is scored afresh (and asked again if its spread is still
 * high), and the answer says which.
 */
export async function aggregateCall(db: Db, ctx: RequestContext, call: CallRow) {
  const apps = await repo.applicationsOfCall(db, call.id, ['under_review', 'scored', 'consensus']);
  const all = await repo.reviewStageSheets(
    db,
    apps.map((a) => a.id),
  );
  const pending = all.filter((r) => r.status === 'assigned');
  const done = apps.filter((a) => !pending.some((r) => r.applicationId === a.id));
  const agg = aggregateReviews(
    policyOfTemplate(call.reviewTemplate),
    done.map((a) => ({
      applicationId: a.id,
      sheets: all
        .filter((r) => r.applicationId === a.id && r.status === 'submitted')
        .map((r) => ({ expertId: r.expertId, scores: r.scores ?? {} })),
    })),
  );
  const byId = new Map(apps.map((a) => [a.id, a]));
  const inForce = await consensusInForce(
    db,
    done.filter((a) => a.status === 'scored').map((a) => a.id),
  );
  const kept: Kept[] = [];
  const reopened: Reopened[] = [];
  const ranks = await db.transaction(async (tx) => {
    for (const res of agg.ranking) {
      const a = byId.get(res.applicationId)!;
      const consensus = inForce.get(a.id);
      const status = res.highSpread ? 'consensus' : 'scored';
      if (consensus) {
        if (
          stillAgreed(
            consensus,
            all.filter((r) => r.applicationId === a.id),
          )
        ) {
          kept.push({ applicationId: a.id, title: a.title, score: a.score });
          continue;
        }
        reopened.push({ applicationId: a.id, title: a.title, agreedScore: a.score, score: res.total.value, status });
        await reopen(tx, ctx, a, res.total.value, status);
      }
      await repo.setScore(tx, res.applicationId, { score: res.total.value, status });
    }
    const ranks = await rerank(tx, call.id);
    await audit(tx, ctx, {
      action: 'aggregate',
      entity: 'call',
      entityId: call.id,
      note: {
        policy: agg.policy,
        applications: agg.ranking.length,
        ...(kept.length ? { consensusKept: kept.map((k) => k.applicationId) } : {}),
        ...(reopened.length ? { consensusReopened: reopened.map((k) => k.applicationId) } : {}),
      },
    });
    return ranks;
  });
  const keptIds = new Set(kept.map((k) => k.applicationId));
  const ranking = agg.ranking
    .map((r) => ({
      ...r,
      rank: ranks.get(r.applicationId) ?? r.rank,
      /** The score that ranks it: an agreed score that still holds, or the aggregate. */
      score: keptIds.has(r.applicationId) ? (byId.get(r.applicationId)!.score ?? r.total.value) : r.total.value,
    }))
    .sort((x, y) => x.rank - y.rank);
  return {
    policy: agg.policy,
    waitingFor: pending.length,
    ranking,
    consensus: agg.consensus.filter((id) => !keptIds.has(id)),
    /** Agreed scores kept: the submitted reviews are those the consensus was reached on. */
    consensusKept: kept,
    /** Consensus recorded earlier but the reviews changed since: scored afresh (asked again if the spread is high). */
    consensusReopened: reopened,
  };
}

/** The reviews changed since the consensus: it no longer holds (the audit log keeps the reset). */
async function reopen(tx: Db, ctx: RequestContext, a: ApplicationRow, score: number, status: 'scored' | 'consensus') {
  await dropConsensus(tx, a.id);
  await audit(tx, ctx, {
    action: 'consensus_reset',
    entity: 'application',
    entityId: a.id,
    before: { score: a.score, status: a.status },
    after: { score, status },
    note: { reason: 'reviews_changed' },
  });
}

/**
 * The consensus step for a high-spread application: the panel agrees a score, recorded with its reason and the
 * fingerprint of the sheets it was agreed on; the call's scored applications are ranked again (ties share the
 * best rank).
 */
export async function recordConsensus(db: Db, ctx: RequestContext, id: string, score: number, note: string): Promise<void> {
  await db.transaction(async (tx) => {
    const a = await findOr404(repo.lockedApplicationRows(tx, id), id);
    if (a.status !== 'consensus') throw new AppError(409, 'project_state', { status: a.status, action: 'consensus' });
    const fingerprint = reviewsFingerprint(await repo.sheetsOf(tx, id, 'review'));
    await repo.setScore(tx, id, { score, status: 'scored', decisionNote: note });
    await rerank(tx, a.callId);
    // The sheets it was agreed on: a later aggregation keeps the agreed score while they are unchanged.
    await saveConsensus(tx, { applicationId: id, score, note, reviewsFingerprint: fingerprint, recordedBy: ctx.userId });
    await audit(tx, ctx, {
      action: 'consensus',
      entity: 'application',
      entityId: id,
      before: { score: a.score },
      after: { score, note },
      note: { reviews: fingerprint },
    });
  });
}
