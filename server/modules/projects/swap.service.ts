import { createHash } from 'node:crypto';
import { detectConflicts } from '../../../common/review/index.js';
import { noAlternateDetail, type SwapSkip } from '../../../common/review/skips.js';
import type { ReviewStage } from '../../../common/values/review.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import type { CallRow } from './calls.service.js';
import { conflictsOfApplications } from './conflicts.repo.js';
import { conflictApplication } from './conflicts.service.js';
import * as repo from './draws.repo.js';
import type { DrawRow, ReviewRow } from './draws.repo.js';
import { isLive, loadOf, samePlace, stageSize } from './draws.problem.js';
import { lockCall } from './draws.service.js';
import { conflictExpert, poolOfCall, type ExpertRow } from './experts.service.js';
import { applicationRows } from './review.repo.js';
import { stateError } from './states.js';

/**
 * After a draw: an expert declines an assignment; the bureau puts the next ranked alternate that still meets
 * every rule in the place of a declined or unavailable expert (a swap). Each is a draw record (a swap) and an
 * audit event.
 */

const sha = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);

/** The draw whose ranked alternates a place uses: a swap record points to the draw it worked on. */
async function rootDraw(tx: Db, drawId: string | null): Promise<DrawRow | null> {
  let id = drawId;
  for (let depth = 0; id && depth < 50; depth++) {
    const [d] = await repo.drawRows(tx, id);
    if (!d) return null;
    if (d.kind !== 'swap') return d;
    id = d.parentId;
  }
  return null;
}

/** What a swap weighs each ranked alternate against. */
interface SwapPlace {
  /** The place's assignments, every status. */
  place: ReviewRow[];
  /** Experts with a conflict on the application (recorded or detected, not dismissed). */
  conflicted: Set<string>;
  /** Organisations of the experts who stay on the place. */
  orgs: Set<string>;
  load: Map<string, number>;
  loadCap: number;
  /** Quota fields the place would miss without the newcomer. */
  missing: string[];
}

export type Skipped = SwapSkip & { expertId: string; name: string };

/** Why an alternate cannot take the place, or null when it can. */
function skipOf(e: ExpertRow, p: SwapPlace): SwapSkip | null {
  if (!e.available) return { reason: 'unavailable' };
  if (p.place.some((x) => x.expertId === e.id && (isLive(x.status) || x.status === 'declined'))) return { reason: 'on_place' };
  if (p.conflicted.has(e.id)) return { reason: 'conflict' };
  if (e.orgCreditCode && p.orgs.has(e.orgCreditCode)) return { reason: 'same_org' };
  if ((p.load.get(e.id) ?? 0) >= p.loadCap) return { reason: 'load_cap', params: { cap: p.loadCap } };
  if (p.missing.find((f) => !e.fields.includes(f))) return { reason: 'quota', params: { fields: p.missing } };
  return null;
}

/** The first ranked alternate that meets every rule, and those passed over with why. */
export function pickAlternate(candidates: readonly ExpertRow[], p: SwapPlace): { chosen: ExpertRow | null; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  for (const e of candidates) {
    const why = skipOf(e, p);
    if (!why) return { chosen: e, skipped };
    skipped.push({ expertId: e.id, name: e.name, ...why });
  }
  return { chosen: null, skipped };
}

/** The conflicts that keep these candidates off an application: recorded and not dismissed, or detected now. */
async function conflictedOn(tx: Db, call: CallRow, applicationId: string, candidates: ExpertRow[]): Promise<Set<string>> {
  const app = await findOr404(applicationRows(tx, applicationId), applicationId);
  const recorded = await conflictsOfApplications(tx, [app.id]);
  const dismissed = new Set(recorded.filter((c) => c.status === 'dismissed').map((c) => `${c.expertId}|${c.type}`));
  const conflicted = new Set(recorded.filter((c) => c.status !== 'dismissed').map((c) => c.expertId));
  for (const d of detectConflicts(candidates.map(conflictExpert), [conflictApplication({ ...app, callId: call.id })], today()))
    if (!dismissed.has(`${d.expertId}|${d.type}`)) conflicted.add(d.expertId);
  return conflicted;
}

/**
 * Swap: the next ranked alternate of the place that still meets every rule — available, no conflict (recorded
 * or detected now and not dismissed), not already on it and not one who declined it, no colleague of its
 * organisation on it, below the load cap, and holding any quota field the place would otherwise miss — takes
 * the place of a declined expert, or of an assigned one the bureau finds unavailable. The skipped alternates
 * are logged with their reasons (codes, common/review/skips.ts).
 */
export async function swapExpert(db: Db, ctx: RequestContext, reviewId: string, reason?: string) {
  return db.transaction(async (tx) => {
    const head = await findOr404(repo.callOfReviewRows(tx, reviewId), reviewId);
    const call = await lockCall(tx, head.callId);
    const r = await findOr404(repo.lockedReviewRows(tx, reviewId), reviewId);
    const stage = r.stage as ReviewStage;
    if (r.replacedBy || (r.status !== 'declined' && r.status !== 'assigned')) throw stateError(r.status, 'swap');
    if (r.status === 'assigned' && !reason) throw new AppError(400, 'import_required', {}, 'reason');
    const all = await repo.stageReviews(tx, call.id, stage);
    const size = stageSize(call, stage);
    const place = all.filter((x) => samePlace(x, r.applicationId, r.reportId));
    const others = place.filter((x) => isLive(x.status) && x.id !== r.id);
    if (r.status === 'declined' && others.length >= size) throw new AppError(409, 'swap_no_place', { size });
    const root = await rootDraw(tx, r.drawId);
    const ranked =
      ((root?.result.alternates ?? []) as { applicationId: string; experts: string[] }[]).find((a) => a.applicationId === r.applicationId)
        ?.experts ?? [];
    const byId = new Map((await poolOfCall(tx, call)).map((e) => [e.id, e]));
    const candidates = ranked.map((id) => byId.get(id)).filter((e): e is ExpertRow => Boolean(e));
    const t = call.reviewTemplate;
    const missing = t.quotas
      .filter((q) => others.filter((x) => byId.get(x.expertId)?.fields.includes(q.field)).length < Math.min(q.min, size))
      .map((q) => q.field);
    const { chosen, skipped } = pickAlternate(candidates, {
      place,
      conflicted: await conflictedOn(tx, call, r.applicationId, candidates),
      orgs: new Set(others.map((x) => byId.get(x.expertId)?.orgCreditCode).filter((o): o is string => Boolean(o))),
      load: loadOf(all, (x) => x.id === r.id),
      loadCap: t.expertLoadCap,
      missing,
    });
    if (!chosen) throw new AppError(409, 'no_alternate', { detail: noAlternateDetail(skipped) });
    const record = {
      replaced: { reviewId: r.id, expertId: r.expertId, status: r.status },
      assignments: [{ applicationId: r.applicationId, expertId: chosen.id, reportId: r.reportId }],
      skipped,
    };
    const [draw] = await repo.insertDraw(tx, {
      callId: call.id,
      stage,
      kind: 'swap',
      parentId: root?.id ?? null,
      seed: root?.seed ?? 0,
      params: { reason: reason ?? r.reason ?? null, size, loadCap: t.expertLoadCap, quotas: t.quotas, missingQuotas: missing },
      result: record,
      checksum: sha({ parent: root?.checksum ?? null, ...record }),
      createdBy: ctx.userId,
    });
    const [fresh] = await repo.insertReviews(tx, [
      { applicationId: r.applicationId, expertId: chosen.id, drawId: draw!.id, stage, reportId: r.reportId },
    ]);
    await repo.updateReview(tx, r.id, {
      replacedBy: fresh!.id,
      ...(r.status === 'assigned' ? { status: 'replaced', reason: reason ?? null, closedAt: new Date() } : {}),
    });
    await audit(tx, ctx, {
      action: 'swap',
      entity: 'review',
      entityId: r.id,
      before: { expertId: r.expertId, status: r.status },
      after: { expertId: chosen.id, reviewId: fresh!.id },
      note: { drawId: draw!.id, skipped: skipped.length, ...(reason ? { reason } : {}) },
    });
    return { drawId: draw!.id, reviewId: fresh!.id, expertId: chosen.id, expertName: chosen.name, skipped };
  });
}

/** An expert declines an assignment not yet scored, with a reason the bureau reads. */
export async function declineReview(db: Db, ctx: RequestContext, expertId: string, reviewId: string, reason: string) {
  return db.transaction(async (tx) => {
    const [r] = await repo.lockedReviewRows(tx, reviewId);
    if (!r || r.expertId !== expertId) throw new AppError(404, 'expert_not_assigned');
    if (r.status !== 'assigned') throw stateError(r.status, 'decline');
    const row = await findOr404(repo.updateReview(tx, reviewId, { status: 'declined', reason, closedAt: new Date() }), reviewId);
    await audit(tx, ctx, {
      action: 'decline',
      entity: 'review',
      entityId: reviewId,
      before: { status: r.status },
      after: { status: 'declined' },
      note: { reason },
    });
    return row;
  });
}
