import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { panelRules } from '../../../common/contracts/projects.js';
import {
  assignExperts,
  conflictKey,
  detectConflicts,
  type AssignmentApplication,
  type AssignmentExpert,
  type AssignmentResult,
} from '../../../common/review/index.js';
import { applications, assignmentDraws, calls, conflicts, experts, projectReports, reviews, users } from '../../db/schema/index.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { ApplicationRow, CallRow } from './calls.service.js';
import { conflictExpert, poolOfCall, type ExpertRow } from './review.service.js';
import { stageParams, stateError } from './states.js';

/**
 * Reviewer draws for every stage — the application review, and the expert panels of the mid-term check and of
 * acceptance — with one machinery: min-cost flow with conflicts as hard exclusions, load caps per call and
 * stage, no two experts of one organisation on one application, quotas, and a seeded jitter. Every draw stores
 * its inputs, so it can be re-run and checked by its checksum. After a draw an expert may decline; the bureau
 * puts the next ranked alternate that still meets every rule in the place of a declined or unavailable expert
 * (a swap), or fills the open places again with a new seed (a redraw). Each change is a draw record and an
 * audit event.
 */
export type Stage = 'review' | 'midterm' | 'acceptance';
export type ReviewRow = typeof reviews.$inferSelect;
type DrawRow = typeof assignmentDraws.$inferSelect;

/** Statuses of an assignment that still counts (a place taken). */
export const LIVE = ['assigned', 'submitted'];

/** The call's panel rules; calls stored before panels existed get the contract's defaults. */
export const panelRulesOf = (call: CallRow) => panelRules.parse(call.fundingParams.panels);

/** Reviewers per application (review stage) or per report (a panel). */
export const stageSize = (call: CallRow, stage: Stage) =>
  stage === 'review' ? call.reviewTemplate.reviewsPerApplication : panelRulesOf(call)[stage].experts;

/** A place to fill: an application in the review stage, or a report's panel. */
interface Target {
  app: ApplicationRow;
  reportId: string | null;
  /** Live reviews that stay (submitted). */
  kept: ReviewRow[];
  /** Open reviews a redraw ends (assigned, not scored). */
  ending: ReviewRow[];
  required: number;
}

/** The inputs of a draw as stored with it: enough to re-run it exactly. */
interface DrawInput {
  applications: AssignmentApplication[];
  experts: AssignmentExpert[];
  conflicts: string[];
}

const sha = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);

async function lockCall(tx: Db, id: string): Promise<CallRow> {
  const [c] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
  if (!c) throw new AppError(404, 'not_found', { what: id });
  return c;
}

/** Every assignment of a call's stage, whatever its status. */
async function stageReviews(tx: Db, callId: string, stage: Stage): Promise<ReviewRow[]> {
  const rows = await tx
    .select({ r: reviews })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .where(and(eq(applications.callId, callId), eq(reviews.stage, stage)))
    .orderBy(asc(reviews.id));
  return rows.map((x) => x.r);
}

/** Reviews of the same place: the application (review stage, no report) or the same report (a panel). */
const samePlace = (r: ReviewRow, applicationId: string, reportId: string | null) =>
  r.applicationId === applicationId && r.reportId === reportId;

/**
 * The assignment problem of some places: the available pool with what is left of each expert's load cap in
 * this call and stage, conflicts (recorded suggestions and confirmations, plus any the records detect now that
 * no one dismissed), and per place the experts already on it, those who declined it and their organisations'
 * colleagues excluded; quotas count the experts who stay.
 */
async function problemOf(tx: Db, call: CallRow, stage: Stage, targets: Target[], all: ReviewRow[]): Promise<DrawInput> {
  const t = call.reviewTemplate;
  const ending = new Set(targets.flatMap((x) => x.ending.map((r) => r.id)));
  const load = new Map<string, number>();
  for (const r of all) if (LIVE.includes(r.status) && !ending.has(r.id)) load.set(r.expertId, (load.get(r.expertId) ?? 0) + 1);
  // The call's pool (its unit's subtree and the units above), available, with room under the load cap.
  const pool = (await poolOfCall(tx, call, true)).filter((e) => t.expertLoadCap - (load.get(e.id) ?? 0) > 0);
  const byId = new Map(pool.map((e) => [e.id, e]));
  const appIds = targets.map((x) => x.app.id);
  const excluded = new Set<string>();
  const recorded = appIds.length ? await tx.select().from(conflicts).where(inArray(conflicts.applicationId, appIds)) : [];
  const dismissed = new Set(recorded.filter((c) => c.status === 'dismissed').map((c) => `${c.expertId}|${c.applicationId}|${c.type}`));
  for (const c of recorded) if (c.status !== 'dismissed') excluded.add(conflictKey(c.expertId, c.applicationId!));
  const detected = detectConflicts(
    pool.map(conflictExpert),
    targets.map((x) => ({
      id: x.app.id,
      callId: call.id,
      applicantCreditCode: x.app.applicantCreditCode ?? '',
      partnerCreditCodes: x.app.partnerCreditCodes,
      teamMembers: x.app.teamMembers,
    })),
    today(),
  );
  for (const d of detected)
    if (!dismissed.has(`${d.expertId}|${d.applicationId}|${d.type}`)) excluded.add(conflictKey(d.expertId, d.applicationId));
  const apps: AssignmentApplication[] = [];
  for (const x of targets) {
    const keptIds = new Set(x.kept.map((r) => r.expertId));
    const keptOrgs = new Set(x.kept.map((r) => byId.get(r.expertId)?.orgCreditCode).filter((o): o is string => Boolean(o)));
    const declined = all.filter((r) => r.status === 'declined' && samePlace(r, x.app.id, x.reportId)).map((r) => r.expertId);
    for (const e of pool)
      if (keptIds.has(e.id) || declined.includes(e.id) || (e.orgCreditCode && keptOrgs.has(e.orgCreditCode)))
        excluded.add(conflictKey(e.id, x.app.id));
    const quotas = t.quotas
      .map((q) => ({
        field: q.field,
        min: Math.min(x.required, q.min - x.kept.filter((r) => byId.get(r.expertId)?.fields.includes(q.field)).length),
      }))
      .filter((q) => q.min > 0);
    apps.push({ id: x.app.id, requiredReviews: x.required, fields: call.categories, ...(quotas.length ? { quotas } : {}) });
  }
  return {
    applications: apps.sort((a, b) => a.id.localeCompare(b.id)),
    experts: pool
      .map((e) => ({
        id: e.id,
        ...(e.orgCreditCode ? { org: e.orgCreditCode } : {}),
        fields: e.fields,
        cap: t.expertLoadCap - (load.get(e.id) ?? 0),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    conflicts: [...excluded].sort(),
  };
}

const solve = (input: DrawInput, seed: number): AssignmentResult => assignExperts({ ...input, conflicts: new Set(input.conflicts), seed });

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
  const [draw] = await tx
    .insert(assignmentDraws)
    .values({
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
    })
    .returning();
  const ending = targets.flatMap((x) => x.ending.map((r) => r.id));
  if (ending.length)
    await tx
      .update(reviews)
      .set({ status: 'replaced', reason: extra.reason ?? null, closedAt: new Date() })
      .where(inArray(reviews.id, ending));
  if (result.assignments.length)
    await tx.insert(reviews).values(
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

const infeasible = (result: AssignmentResult) =>
  new AppError(409, 'assignment_infeasible', { detail: result.unfilled.map((u) => u.reason).join('；') });

/**
 * Draws reviewers: in the review stage for every accepted application; for a mid-term or acceptance panel for
 * every submitted report of that kind without a panel (or the named ones). An infeasible draw is explained and
 * saves nothing.
 */
export async function drawStage(db: Db, ctx: RequestContext, callId: string, opts: { seed: number; stage: Stage; reportIds?: string[] }) {
  const { seed, stage } = opts;
  return db.transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    const all = await stageReviews(tx, call.id, stage);
    const size = stageSize(call, stage);
    let targets: Target[];
    if (stage === 'review') {
      const apps = await tx
        .select()
        .from(applications)
        .where(and(eq(applications.callId, call.id), eq(applications.status, 'accepted')))
        .orderBy(asc(applications.createdAt));
      targets = apps.map((app) => ({ app, reportId: null, kept: [], ending: [], required: size }));
    } else {
      const rows = await tx
        .select({ r: projectReports, app: applications })
        .from(projectReports)
        .innerJoin(applications, eq(applications.id, projectReports.applicationId))
        .where(and(eq(applications.callId, call.id), eq(projectReports.kind, stage), eq(projectReports.status, 'submitted')))
        .orderBy(asc(projectReports.submittedAt));
      targets = rows
        .filter((x) => !opts.reportIds || opts.reportIds.includes(x.r.id))
        .filter((x) => !all.some((r) => r.reportId === x.r.id && LIVE.includes(r.status)))
        .map((x) => ({ app: x.app, reportId: x.r.id, kept: [], ending: [], required: size }));
    }
    if (targets.length === 0) throw new AppError(409, 'draw_nothing', stageParams(stage));
    const input = await problemOf(tx, call, stage, targets, all);
    const result = solve(input, seed);
    if (result.unfilled.length) throw infeasible(result);
    const out = await saveDraw(tx, ctx, call, stage, 'draw', seed, targets, input, result);
    if (stage === 'review')
      await tx
        .update(applications)
        .set({ status: 'under_review', updatedAt: new Date() })
        .where(
          inArray(
            applications.id,
            targets.map((x) => x.app.id),
          ),
        );
    return out;
  });
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
    const all = await stageReviews(tx, call.id, stage);
    const size = stageSize(call, stage);
    const places = new Map<string, { applicationId: string; reportId: string | null }>();
    for (const r of all) {
      if (stage !== 'review' && (!r.reportId || (opts.reportIds && !opts.reportIds.includes(r.reportId)))) continue;
      places.set(`${r.applicationId}|${r.reportId ?? ''}`, { applicationId: r.applicationId, reportId: r.reportId });
    }
    const appRows = places.size
      ? await tx
          .select()
          .from(applications)
          .where(inArray(applications.id, [...new Set([...places.values()].map((p) => p.applicationId))]))
      : [];
    const openReports =
      stage === 'review' || places.size === 0
        ? new Set<string>()
        : new Set(
            (
              await tx
                .select({ id: projectReports.id })
                .from(projectReports)
                .where(
                  and(
                    inArray(
                      projectReports.id,
                      [...places.values()].map((p) => p.reportId!),
                    ),
                    eq(projectReports.status, 'submitted'),
                  ),
                )
            ).map((x) => x.id),
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
    if (targets.length === 0) throw new AppError(409, 'redraw_nothing', stageParams(stage));
    const input = await problemOf(tx, call, stage, targets, all);
    const result = solve(input, seed);
    if (result.unfilled.length) throw infeasible(result);
    const parent = targets.flatMap((x) => [...x.ending, ...x.kept]).find((r) => r.drawId)?.drawId ?? null;
    return saveDraw(tx, ctx, call, stage, 'redraw', seed, targets, input, result, { parentId: parent, reason: opts.reason });
  });
}

/** The draw whose ranked alternates a place uses: a swap record points to the draw it worked on. */
async function rootDraw(tx: Db, drawId: string | null): Promise<DrawRow | null> {
  let id = drawId;
  for (let depth = 0; id && depth < 50; depth++) {
    const [d] = await tx.select().from(assignmentDraws).where(eq(assignmentDraws.id, id));
    if (!d) return null;
    if (d.kind !== 'swap') return d;
    id = d.parentId;
  }
  return null;
}

/**
 * Swap: the next ranked alternate of the place that still meets every rule — available, no conflict (recorded
 * or detected now and not dismissed), not already on it and not one who declined it, no colleague of its
 * organisation on it, below the load cap, and holding any quota field the place would otherwise miss — takes
 * the place of a declined expert, or of an assigned one the bureau finds unavailable. The skipped alternates
 * are logged with their reasons.
 */
export async function swapExpert(db: Db, ctx: RequestContext, reviewId: string, reason?: string) {
  return db.transaction(async (tx) => {
    const [head] = await tx
      .select({ callId: applications.callId })
      .from(reviews)
      .innerJoin(applications, eq(applications.id, reviews.applicationId))
      .where(eq(reviews.id, reviewId));
    if (!head) throw new AppError(404, 'not_found', { what: reviewId });
    const call = await lockCall(tx, head.callId);
    const [r] = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).for('update');
    const stage = r!.stage as Stage;
    if (r!.replacedBy || (r!.status !== 'declined' && r!.status !== 'assigned')) throw stateError(r!.status, 'swap');
    if (r!.status === 'assigned' && !reason) throw new AppError(400, 'import_required', {}, 'reason');
    const all = await stageReviews(tx, call.id, stage);
    const size = stageSize(call, stage);
    const place = all.filter((x) => samePlace(x, r!.applicationId, r!.reportId));
    const others = place.filter((x) => LIVE.includes(x.status) && x.id !== r!.id);
    if (r!.status === 'declined' && others.length >= size) throw new AppError(409, 'swap_no_place', { size });
    const root = await rootDraw(tx, r!.drawId);
    const ranked =
      ((root?.result.alternates ?? []) as { applicationId: string; experts: string[] }[]).find((a) => a.applicationId === r!.applicationId)
        ?.experts ?? [];
    const [app] = await tx.select().from(applications).where(eq(applications.id, r!.applicationId));
    const pool = await poolOfCall(tx, call);
    const byId = new Map(pool.map((e) => [e.id, e]));
    const recorded = await tx.select().from(conflicts).where(eq(conflicts.applicationId, app!.id));
    const dismissed = new Set(recorded.filter((c) => c.status === 'dismissed').map((c) => `${c.expertId}|${c.type}`));
    const conflicted = new Set(recorded.filter((c) => c.status !== 'dismissed').map((c) => c.expertId));
    const candidates = ranked.map((id) => byId.get(id)).filter((e): e is ExpertRow => Boolean(e));
    for (const d of detectConflicts(
      candidates.map(conflictExpert),
      [
        {
          id: app!.id,
          callId: call.id,
          applicantCreditCode: app!.applicantCreditCode ?? '',
          partnerCreditCodes: app!.partnerCreditCodes,
          teamMembers: app!.teamMembers,
        },
      ],
      today(),
    ))
      if (!dismissed.has(`${d.expertId}|${d.type}`)) conflicted.add(d.expertId);
    const t = call.reviewTemplate;
    const load = new Map<string, number>();
    for (const x of all) if (LIVE.includes(x.status) && x.id !== r!.id) load.set(x.expertId, (load.get(x.expertId) ?? 0) + 1);
    const orgs = new Set(others.map((x) => byId.get(x.expertId)?.orgCreditCode).filter((o): o is string => Boolean(o)));
    const missing = t.quotas
      .filter((q) => others.filter((x) => byId.get(x.expertId)?.fields.includes(q.field)).length < Math.min(q.min, size))
      .map((q) => q.field);
    const skipped: { expertId: string; name: string; reason: string }[] = [];
    let chosen: ExpertRow | null = null;
    for (const e of candidates) {
      const why = !e.available
        ? '不可用 / unavailable'
        : place.some((x) => x.expertId === e.id && (LIVE.includes(x.status) || x.status === 'declined'))
          ? '已在本项目评审中或已谢绝 / already on it, or declined it'
          : conflicted.has(e.id)
            ? '存在回避关系 / conflict of interest'
            : e.orgCreditCode && orgs.has(e.orgCreditCode)
              ? '与本项目其他评审专家同一单位 / same organisation as another reviewer'
              : (load.get(e.id) ?? 0) >= t.expertLoadCap
                ? `评审数量已达上限 ${t.expertLoadCap} / at the load cap ${t.expertLoadCap}`
                : missing.find((f) => !e.fields.includes(f))
                  ? `不满足配额 ${missing.join('、')} / misses the quota ${missing.join(', ')}`
                  : null;
      if (!why) {
        chosen = e;
        break;
      }
      skipped.push({ expertId: e.id, name: e.name, reason: why });
    }
    if (!chosen)
      throw new AppError(409, 'no_alternate', {
        detail: skipped.length ? skipped.map((s) => `${s.name}：${s.reason}`).join('；') : '无备选 / no alternates',
      });
    const record = {
      replaced: { reviewId: r!.id, expertId: r!.expertId, status: r!.status },
      assignments: [{ applicationId: r!.applicationId, expertId: chosen.id, reportId: r!.reportId }],
      skipped,
    };
    const [draw] = await tx
      .insert(assignmentDraws)
      .values({
        callId: call.id,
        stage,
        kind: 'swap',
        parentId: root?.id ?? null,
        seed: root?.seed ?? 0,
        params: { reason: reason ?? r!.reason ?? null, size, loadCap: t.expertLoadCap, quotas: t.quotas, missingQuotas: missing },
        result: record,
        checksum: sha({ parent: root?.checksum ?? null, ...record }),
        createdBy: ctx.userId,
      })
      .returning();
    const [fresh] = await tx
      .insert(reviews)
      .values({ applicationId: r!.applicationId, expertId: chosen.id, drawId: draw!.id, stage, reportId: r!.reportId })
      .returning();
    await tx
      .update(reviews)
      .set({
        replacedBy: fresh!.id,
        ...(r!.status === 'assigned' ? { status: 'replaced', reason: reason ?? null, closedAt: new Date() } : {}),
      })
      .where(eq(reviews.id, r!.id));
    await audit(tx, ctx, {
      action: 'swap',
      entity: 'review',
      entityId: r!.id,
      before: { expertId: r!.expertId, status: r!.status },
      after: { expertId: chosen.id, reviewId: fresh!.id },
      note: { drawId: draw!.id, skipped: skipped.length, ...(reason ? { reason } : {}) },
    });
    return { drawId: draw!.id, reviewId: fresh!.id, expertId: chosen.id, expertName: chosen.name, skipped };
  });
}

/** A report with the call it belongs to (for its panel draw). */
export async function reportWithCall(db: Db, id: string) {
  const [row] = await db
    .select({ id: projectReports.id, kind: projectReports.kind, callId: applications.callId })
    .from(projectReports)
    .innerJoin(applications, eq(applications.id, projectReports.applicationId))
    .where(eq(projectReports.id, id));
  if (!row) throw new AppError(404, 'not_found', { what: id });
  return row;
}

/** An expert declines an assignment not yet scored, with a reason the bureau reads. */
export async function declineReview(db: Db, ctx: RequestContext, expertId: string, reviewId: string, reason: string) {
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).for('update');
    if (!r || r.expertId !== expertId) throw new AppError(404, 'expert_not_assigned');
    if (r.status !== 'assigned') throw stateError(r.status, 'decline');
    const [row] = await tx
      .update(reviews)
      .set({ status: 'declined', reason, closedAt: new Date() })
      .where(eq(reviews.id, reviewId))
      .returning();
    await audit(tx, ctx, {
      action: 'decline',
      entity: 'review',
      entityId: reviewId,
      before: { status: r.status },
      after: { status: 'declined' },
      note: { reason },
    });
    return row!;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Read-back (the bureau only: expert names appear here)
// ---------------------------------------------------------------------------------------------------------

type StoredAssignment = { applicationId: string; expertId: string; cost?: number; reportId?: string | null };

/** A call's draws, newest first: seed, checksum, parameters, assignments and alternates with names. */
export async function drawsOfCall(db: Db, callId: string, stage?: Stage) {
  const rows = await db
    .select({ d: assignmentDraws, by: users.displayName })
    .from(assignmentDraws)
    .leftJoin(users, eq(users.id, assignmentDraws.createdBy))
    .where(and(eq(assignmentDraws.callId, callId), stage ? eq(assignmentDraws.stage, stage) : undefined))
    .orderBy(desc(assignmentDraws.createdAt));
  const names = new Map((await db.select({ id: experts.id, name: experts.name }).from(experts)).map((e) => [e.id, e.name]));
  const titles = new Map(
    (await db.select({ id: applications.id, title: applications.title }).from(applications).where(eq(applications.callId, callId))).map(
      (a) => [a.id, a.title],
    ),
  );
  const expert = (id: string) => ({ id, name: names.get(id) ?? '—' });
  return rows.map(({ d, by }) => {
    const p = d.params as Record<string, unknown> & { input?: DrawInput };
    const res = d.result as {
      assignments?: StoredAssignment[];
      alternates?: { applicationId: string; experts: string[] }[];
      totalCost?: number;
      ended?: { reviewId: string; applicationId: string; expertId: string }[];
      replaced?: { reviewId: string; expertId: string; status: string };
      skipped?: { expertId: string; reason: string }[];
    };
    return {
      id: d.id,
      stage: d.stage as Stage,
      kind: d.kind as 'draw' | 'swap' | 'redraw',
      parentId: d.parentId,
      seed: d.seed,
      checksum: d.checksum,
      createdAt: d.createdAt,
      createdBy: by,
      rerunnable: d.kind !== 'swap' && Boolean(p.input),
      params: {
        base: p.base ?? null,
        jitter: p.jitter ?? null,
        fieldMismatch: p.fieldMismatch ?? null,
        loadStep: p.loadStep ?? null,
        alternates: p.alternates ?? null,
        size: p.size ?? null,
        loadCap: p.loadCap ?? null,
        quotas: (p.quotas ?? []) as { field: string; min: number }[],
        exact: p.exact ?? null,
        reason: (p.reason as string | null | undefined) ?? null,
        pool: p.input?.experts.length ?? null,
        exclusions: p.input?.conflicts.length ?? null,
      },
      totalCost: res.totalCost ?? null,
      assignments: (res.assignments ?? []).map((a) => ({
        applicationId: a.applicationId,
        applicationTitle: titles.get(a.applicationId) ?? '—',
        reportId: a.reportId ?? null,
        expert: expert(a.expertId),
        cost: a.cost ?? null,
      })),
      alternates: (res.alternates ?? []).map((a) => ({
        applicationId: a.applicationId,
        applicationTitle: titles.get(a.applicationId) ?? '—',
        experts: a.experts.map(expert),
      })),
      ended: [
        ...(res.ended ?? []),
        ...(res.replaced ? [{ ...res.replaced, applicationId: res.assignments?.[0]?.applicationId ?? '' }] : []),
      ].map((x) => ({ reviewId: x.reviewId, applicationId: x.applicationId, expert: expert(x.expertId) })),
      skipped: (res.skipped ?? []).map((s) => ({ expert: expert(s.expertId), reason: s.reason })),
    };
  });
}

/** The assignments of a call as they stand, each with its expert, status and what ended it. */
export async function assignmentsOfCall(db: Db, callId: string, stage?: Stage) {
  const rows = await db
    .select({
      r: reviews,
      title: applications.title,
      applicantName: applications.applicantName,
      expertName: experts.name,
      expertOrg: experts.orgName,
      expertFields: experts.fields,
    })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(experts, eq(experts.id, reviews.expertId))
    .where(and(eq(applications.callId, callId), stage ? eq(reviews.stage, stage) : undefined))
    .orderBy(asc(applications.createdAt), asc(reviews.stage), asc(experts.name));
  return rows.map(({ r, ...x }) => ({
    id: r.id,
    applicationId: r.applicationId,
    applicationTitle: x.title,
    applicantName: x.applicantName,
    stage: r.stage as Stage,
    reportId: r.reportId,
    drawId: r.drawId,
    expertId: r.expertId,
    expertName: x.expertName,
    expertOrg: x.expertOrg,
    expertFields: x.expertFields,
    status: r.status,
    total: r.total,
    submittedAt: r.submittedAt,
    reason: r.reason,
    closedAt: r.closedAt,
    replacedBy: r.replacedBy,
  }));
}

/** Re-runs a stored draw from its stored inputs and seed: the same checksum means the same draw. */
export async function verifyDraw(db: Db, drawId: string) {
  const [d] = await db.select().from(assignmentDraws).where(eq(assignmentDraws.id, drawId));
  if (!d) throw new AppError(404, 'not_found', { what: drawId });
  const input = (d.params as { input?: DrawInput }).input;
  if (d.kind === 'swap' || !input) throw new AppError(409, 'draw_not_rerunnable');
  const again = solve(input, d.seed);
  const stored = ((d.result as { assignments?: StoredAssignment[] }).assignments ?? [])
    .map((a) => `${a.applicationId}|${a.expertId}`)
    .sort();
  const now = again.assignments.map((a) => `${a.applicationId}|${a.expertId}`).sort();
  return {
    drawId: d.id,
    callId: d.callId,
    checksum: d.checksum,
    recomputed: again.log.checksum,
    reproduced: again.log.checksum === d.checksum && JSON.stringify(stored) === JSON.stringify(now),
  };
}
