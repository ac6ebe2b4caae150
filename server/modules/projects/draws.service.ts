import type { DrawInfeasible } from '../../../common/contracts/panels.js';
import type { AssignmentResult } from '../../../common/review/index.js';
import type { ReviewStage } from '../../../common/values/review.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import type { CallRow } from './calls.service.js';
import * as repo from './draws.repo.js';
import { isLive, problemOf, solve, stageSize, type DrawInput, type Target } from './draws.problem.js';
import { stageParams } from './states.js';

/**
 * Reviewer draws for every stage — the application review, and the expert panels of the mid-term check and of
 * acceptance — with one machinery: min-cost flow with conflicts as hard exclusions, load caps per call and
 * stage, no two experts of one organisation on one application, quotas, and a seeded jitter. Every draw stores
 * its inputs, so it can be re-run and checked by its checksum. After a draw an expert may decline; the bureau
 * puts the next ranked alternate that still meets every rule in the place of a declined or unavailable expert
 * (a swap, swap.service.ts), or fills the open places again with a new seed (a redraw). Each change is a draw
 * record and an audit event.
 */
export type Stage = ReviewStage;
export { panelRulesOf, stageSize } from './draws.problem.js';

export const lockCall = (tx: Db, id: string): Promise<CallRow> => findOr404(repo.lockedCallRows(tx, id), id);

/** Saves a draw (or redraw): its record with inputs and result, the new assignments, and the audit event. */
async function saveDraw(
  tx: Db,
  ctx: RequestContext,
  call: CallRow,
  stage: Stage,
  kind: 'draw' | 'redraw',
  seed: number,
  targets: Target[],
  input: DrawInput,
  result: AssignmentResult,
  extra: { parentId?: string | null; reason?: string } = {},
) {
  const reportOf = new Map(targets.map((x) => [x.app.id, x.reportId]));
  const [draw] = await repo.insertDraw(tx, {
    callId: call.id,
    stage,
    kind,
    parentId: extra.parentId ?? null,
    seed,
    params: {
      ...result.log.params,
      size: stageSize(call, stage),
      loadCap: call.reviewTemplate.expertLoadCap,
      quotas: call.reviewTemplate.quotas,
      exact: result.log.exact,
      lowerBound: result.log.lowerBound,
      ...(extra.reason ? { reason: extra.reason } : {}),
      input,
    },
    result: {
      targets: targets.map((x) => ({ applicationId: x.app.id, reportId: x.reportId, required: x.required })),
      assignments: result.assignments.map((a) => ({ ...a, reportId: reportOf.get(a.applicationId) ?? null })),
      alternates: result.alternates,
      totalCost: result.totalCost,
      ended: targets.flatMap((x) => x.ending.map((r) => ({ reviewId: r.id, applicationId: r.applicationId, expertId: r.expertId }))),
    },
    checksum: result.log.checksum,
    createdBy: ctx.userId,
  });
  const ending = targets.flatMap((x) => x.ending.map((r) => r.id));
  await repo.endReviews(tx, ending, extra.reason ?? null);
  await repo.insertReviews(
    tx,
    result.assignments.map((x) => ({
      applicationId: x.applicationId,
      expertId: x.expertId,
      drawId: draw!.id,
      stage,
      reportId: reportOf.get(x.applicationId) ?? null,
    })),
  );
  await audit(tx, ctx, {
    action: kind,
    entity: 'call',
    entityId: call.id,
    note: {
      stage,
      seed,
      checksum: result.log.checksum,
      assignments: result.assignments.length,
      ...(ending.length ? { replaced: ending.length } : {}),
      ...(extra.reason ? { reason: extra.reason } : {}),
    },
  });
  return {
    drawId: draw!.id,
    stage,
    kind,
    seed,
    checksum: result.log.checksum,
    totalCost: result.totalCost,
    assignments: result.assignments.length,
    alternates: result.alternates,
  };
}

/** A draw that cannot be met: how many applications fall short, and why each place stays empty (codes the web words). */
function infeasible(result: AssignmentResult, targets: Target[]): AppError {
  const title = (id: string) => targets.find((x) => x.app.id === id)?.app.title ?? '';
  const details: DrawInfeasible = { unfilled: result.unfilled.map((u) => ({ ...u, applicationTitle: title(u.applicationId) })) };
  return new AppError(409, 'assignment_infeasible', { n: new Set(result.unfilled.map((u) => u.applicationId)).size }, undefined, details);
}

/** The places a draw fills: the accepted applications (review), or the submitted reports without a live panel. */
async function drawTargets(tx: Db, call: CallRow, stage: Stage, all: repo.ReviewRow[], reportIds?: string[]): Promise<Target[]> {
  const size = stageSize(call, stage);
  if (stage === 'review')
    return (await repo.acceptedApplications(tx, call.id)).map((app) => ({ app, reportId: null, kept: [], ending: [], required: size }));
  return (await repo.submittedReports(tx, call.id, stage))
    .filter((x) => !reportIds || reportIds.includes(x.r.id))
    .filter((x) => !all.some((r) => r.reportId === x.r.id && isLive(r.status)))
    .map((x) => ({ app: x.app, reportId: x.r.id, kept: [], ending: [], required: size }));
}

/**
 * Draws reviewers: in the review stage for every accepted application; for a mid-term or acceptance panel for
 * every submitted report of that kind without a panel (or the named ones). An infeasible draw is explained and
 * saves nothing.
 */
export async function drawStage(db: Db, ctx: RequestContext, callId: string, opts: { seed: number; stage: Stage; reportIds?: string[] }) {
  const { seed, stage } = opts;
  return db.transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    const all = await repo.stageReviews(tx, call.id, stage);
    const targets = await drawTargets(tx, call, stage, all, opts.reportIds);
    if (targets.length === 0) throw new AppError(409, 'draw_nothing', stageParams(stage));
    const input = await problemOf(tx, call, targets, all);
    const result = solve(input, seed);
    if (result.unfilled.length) throw infeasible(result, targets);
    const out = await saveDraw(tx, ctx, call, stage, 'draw', seed, targets, input, result);
    if (stage === 'review')
      await repo.markUnderReview(
        tx,
        targets.map((x) => x.app.id),
      );
    return out;
  });
}

/** The places of a redraw: each one short of its reviewers (open or declined), with the submitted reviews it keeps. */
async function redrawTargets(tx: Db, call: CallRow, stage: Stage, all: repo.ReviewRow[], reportIds?: string[]): Promise<Target[]> {
  const size = stageSize(call, stage);
  const places = new Map<string, { applicationId: string; reportId: string | null }>();
  for (const r of all) {
    if (stage !== 'review' && (!r.reportId || (reportIds && !reportIds.includes(r.reportId)))) continue;
    places.set(`${r.applicationId}|${r.reportId ?? ''}`, { applicationId: r.applicationId, reportId: r.reportId });
  }
  const appRows = await repo.applicationsByIds(tx, [...new Set([...places.values()].map((p) => p.applicationId))]);
  const openReports =
    stage === 'review'
      ? new Set<string>()
      : await repo.submittedReportIds(
          tx,
          [...places.values()].map((p) => p.reportId!),
        );
  const targets: Target[] = [];
  for (const p of places.values()) {
    const app = appRows.find((a) => a.id === p.applicationId)!;
    if (stage === 'review' ? app.status !== 'under_review' : !openReports.has(p.reportId!)) continue;
    const mine = all.filter((r) => r.applicationId === p.applicationId && r.reportId === p.reportId);
    const kept = mine.filter((r) => r.status === 'submitted');
    const ending = mine.filter((r) => r.status === 'assigned');
    const required = size - kept.length;
    if (required > 0 && (ending.length > 0 || kept.length + ending.length < size))
      targets.push({ app, reportId: p.reportId, kept, ending, required });
  }
  return targets;
}

/**
 * Redraw: the open assignments of a stage (not yet scored) end as replaced, and every place short of its
 * reviewers — open, declined — is filled again with a new seed; submitted reviews stay, and count towards
 * the quotas and against their organisations.
 */
export async function redrawStage(
  db: Db,
  ctx: RequestContext,
  callId: string,
  opts: { seed: number; stage: Stage; reason: string; reportIds?: string[] },
) {
  const { seed, stage } = opts;
  return db.transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    const all = await repo.stageReviews(tx, call.id, stage);
    const targets = await redrawTargets(tx, call, stage, all, opts.reportIds);
    if (targets.length === 0) throw new AppError(409, 'redraw_nothing', stageParams(stage));
    const input = await problemOf(tx, call, targets, all);
    const result = solve(input, seed);
    if (result.unfilled.length) throw infeasible(result, targets);
    const parent = targets.flatMap((x) => [...x.ending, ...x.kept]).find((r) => r.drawId)?.drawId ?? null;
    return saveDraw(tx, ctx, call, stage, 'redraw', seed, targets, input, result, { parentId: parent, reason: opts.reason });
  });
}

/** A report with the call it belongs to (for its panel draw). */
export async function reportWithCall(db: Db, id: string) {
  return findOr404(repo.reportWithCallRows(db, id), id);
}
