import { and, asc, eq, inArray } from 'drizzle-orm';
import { today } from '../../platform/clock.js';
import type { z } from 'zod';
import type { expertInput } from '../../../common/contracts/projects.js';
import {
  aggregateReviews,
  declaredWithoutSupport,
  detectConflicts,
  rankWithTies,
  type ConflictExpert,
  type ConflictType,
} from '../../../common/review/index.js';
import { applications, calls, conflicts, experts, projectReports, reviews, users } from '../../db/schema/index.js';
import { expertVisibleFields } from '../../../common/project-team.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { CallRow } from './calls.service.js';

/**
 * The expert pool, conflicts of interest, reviewer draws, scoring and aggregation. Experts see only their own
 * assignments, and other experts' scores (anonymised) only after submitting their own; applicants never see
 * who reviewed them.
 */
export type ExpertRow = typeof experts.$inferSelect;

export async function createExpert(db: Db, ctx: RequestContext, input: z.infer<typeof expertInput>): Promise<ExpertRow> {
  let userId: string | null = null;
  if (input.username) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (!u) throw new AppError(400, 'not_found', { what: input.username }, 'username');
    userId = u.id;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(experts)
      .values({
        userId,
        name: input.name,
        orgCreditCode: input.orgCreditCode ?? null,
        orgName: input.orgName ?? null,
        fields: input.fields,
        titles: input.titles ?? null,
        contact: input.contact ?? null,
        history: input.history,
      })
      .onConflictDoNothing({ target: experts.userId })
      .returning();
    if (!row) throw new AppError(409, 'duplicate', { what: input.username ?? input.name }, 'username');
    await audit(tx, ctx, {
      action: 'create',
      entity: 'expert',
      entityId: row.id,
      after: { name: row.name, org: row.orgCreditCode, fields: row.fields },
    });
    return row;
  });
}

export async function listExperts(db: Db): Promise<ExpertRow[]> {
  return db.select().from(experts).orderBy(asc(experts.name));
}

export async function expertOfUser(db: Db, userId: string): Promise<ExpertRow> {
  const [e] = await db.select().from(experts).where(eq(experts.userId, userId));
  if (!e) throw new AppError(403, 'forbidden');
  return e;
}

type History = {
  employment?: { creditCode: string; from: string; to?: string }[];
  advice?: { creditCode: string; from: string; to?: string }[];
  relatives?: { name: string; creditCode?: string }[];
  shareholdings?: { creditCode: string }[];
  disputes?: { creditCode: string; date: string }[];
  draftedCalls?: string[];
};
export const conflictExpert = (e: ExpertRow): ConflictExpert => {
  const h = e.history as History;
  return {
    id: e.id,
    name: e.name,
    ...(e.orgCreditCode ? { orgCreditCode: e.orgCreditCode } : {}),
    employmentHistory: h.employment ?? [],
    adviceHistory: h.advice ?? [],
    relatives: h.relatives ?? [],
    shareholdings: h.shareholdings ?? [],
    disputes: h.disputes ?? [],
    draftedCalls: h.draftedCalls ?? [],
  };
};

async function callApplications(db: Db, callId: string, statuses: string[]) {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.callId, callId), inArray(applications.status, statuses)))
    .orderBy(asc(applications.createdAt));
}

/** Automatic detection over a call's applications: new suggestions, which a person confirms or dismisses. */
export async function detectForCall(db: Db, ctx: RequestContext, callId: string): Promise<number> {
  // Later stages too: a mid-term or acceptance panel is drawn from the same records.
  const apps = await callApplications(db, callId, [
    'submitted',
    'accepted',
    'under_review',
    'scored',
    'consensus',
    'approved',
    'contracted',
  ]);
  const pool = await listExperts(db);
  const found = detectConflicts(
    pool.map(conflictExpert),
    apps.map((a) => ({
      id: a.id,
      callId,
      applicantCreditCode: a.applicantCreditCode ?? '',
      partnerCreditCodes: a.partnerCreditCodes,
      teamMembers: a.teamMembers,
    })),
    today(),
  );
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ e: conflicts.expertId, a: conflicts.applicationId, t: conflicts.type })
      .from(conflicts)
      .where(inArray(conflicts.applicationId, apps.length ? apps.map((a) => a.id) : ['00000000-0000-0000-0000-000000000000']));
    const have = new Set(existing.map((x) => `${x.e}|${x.a}|${x.t}`));
    const fresh = found.filter((f) => !have.has(`${f.expertId}|${f.applicationId}|${f.type}`));
    if (fresh.length)
      await tx.insert(conflicts).values(
        fresh.map((f) => ({
          expertId: f.expertId,
          applicationId: f.applicationId,
          type: f.type,
          source: 'automatic',
          evidence: f.evidence,
          status: 'suggested',
          createdBy: ctx.userId,
        })),
      );
    await audit(tx, ctx, { action: 'detect', entity: 'conflict', entityId: callId, note: { suggestions: fresh.length } });
    return fresh.length;
  });
}

/** A conflict an expert declares (or the bureau enters): honoured at once; flagged if nothing supports it. */
export async function declareConflict(
  db: Db,
  ctx: RequestContext,
  input: { expertId: string; applicationId: string; type: string; evidence: string; source: 'declared' | 'admin' },
) {
  const [a] = await db.select().from(applications).where(eq(applications.id, input.applicationId));
  if (!a) throw new AppError(404, 'not_found', { what: input.applicationId });
  const [e] = await db.select().from(experts).where(eq(experts.id, input.expertId));
  if (!e) throw new AppError(404, 'not_found', { what: input.expertId });
  const detected = detectConflicts(
    [conflictExpert(e)],
    [
      {
        id: a.id,
        callId: a.callId,
        applicantCreditCode: a.applicantCreditCode ?? '',
        partnerCreditCodes: a.partnerCreditCodes,
        teamMembers: a.teamMembers,
      },
    ],
    today(),
  );
  const unsupported =
    input.source === 'declared' &&
    declaredWithoutSupport([{ expertId: e.id, applicationId: a.id, type: input.type as ConflictType }], detected).length > 0;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(conflicts)
      .values({ ...input, status: 'confirmed', unsupported, createdBy: ctx.userId, decidedBy: ctx.userId })
      .returning();
    await audit(tx, ctx, { action: 'declare', entity: 'conflict', entityId: row!.id, after: { ...input, unsupported } });
    return row!;
  });
}

export async function decideConflict(db: Db, ctx: RequestContext, id: string, status: 'confirmed' | 'dismissed') {
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(conflicts).where(eq(conflicts.id, id)).for('update');
    if (!c) throw new AppError(404, 'not_found', { what: id });
    const [row] = await tx.update(conflicts).set({ status, decidedBy: ctx.userId }).where(eq(conflicts.id, id)).returning();
    await audit(tx, ctx, { action: status, entity: 'conflict', entityId: id, before: { status: c.status }, after: { status } });
    return row!;
  });
}

export async function conflictsOfCall(db: Db, callId: string) {
  return db
    .select({ c: conflicts, expertName: experts.name, applicantName: applications.applicantName })
    .from(conflicts)
    .innerJoin(applications, eq(applications.id, conflicts.applicationId))
    .innerJoin(experts, eq(experts.id, conflicts.expertId))
    .where(eq(applications.callId, callId))
    .orderBy(asc(conflicts.createdAt));
}

/** An expert's own assignments (application content; never the other experts). */
export async function myReviews(db: Db, expertId: string) {
  return db
    .select({ r: reviews, title: applications.title, applicantName: applications.applicantName, callTitle: calls.title, callId: calls.id })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(reviews.expertId, expertId))
    .orderBy(asc(reviews.id));
}

/**
 * One review for its expert: the application, the expert's own scores, and the others' scores (as 专家 1, 2, …)
 * only once the expert has submitted.
 */
export async function reviewForExpert(db: Db, expertId: string, reviewId: string) {
  const [r] = await db.select().from(reviews).where(eq(reviews.id, reviewId));
  if (!r || r.expertId !== expertId) throw new AppError(404, 'expert_not_assigned');
  const [a] = await db.select().from(applications).where(eq(applications.id, r.applicationId));
  const [call] = await db.select().from(calls).where(eq(calls.id, a!.callId));
  const others =
    r.status === 'submitted'
      ? (
          await db
            .select()
            .from(reviews)
            .where(and(eq(reviews.applicationId, r.applicationId), eq(reviews.stage, r.stage)))
        )
          .filter((x) => x.id !== r.id && x.status === 'submitted')
          .map((x, i) => ({ expert: `专家 ${i + 1} / Expert ${i + 1}`, scores: x.scores, total: x.total, comment: x.comment }))
      : [];
  return {
    review: r,
    application: {
      id: a!.id,
      title: a!.title,
      applicantName: a!.applicantName,
      // A team's contact is for the bureau, not the experts.
      fields: expertVisibleFields(a!.fields),
      requestedFen: a!.requestedFen,
      teamMembers: a!.teamMembers,
    },
    template: call!.reviewTemplate,
    others,
    // A mid-term or acceptance panel judges the report the project handed in.
    report: r.reportId ? await panelReport(db, r.reportId) : null,
  };
}

async function panelReport(db: Db, id: string) {
  const [rep] = await db
    .select({ id: projectReports.id, kind: projectReports.kind, text: projectReports.text, submittedAt: projectReports.submittedAt })
    .from(projectReports)
    .where(eq(projectReports.id, id));
  return rep ?? null;
}

export async function submitScores(
  db: Db,
  ctx: RequestContext,
  expertId: string,
  reviewId: string,
  input: { scores: Record<string, number>; comment?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).for('update');
    if (!r || r.expertId !== expertId) throw new AppError(404, 'expert_not_assigned');
    if (r.status !== 'assigned') throw new AppError(409, 'project_state', { status: r.status, action: 'score' });
    const [a] = await tx.select({ callId: applications.callId }).from(applications).where(eq(applications.id, r.applicationId));
    const [call] = await tx.select().from(calls).where(eq(calls.id, a!.callId));
    const criteria = call!.reviewTemplate.criteria;
    const keys = new Set(criteria.map((c) => c.key));
    const wrong = [
      ...criteria.filter((c) => input.scores[c.key] === undefined).map((c) => c.key),
      ...Object.keys(input.scores).filter((k) => !keys.has(k)),
    ];
    if (wrong.length) throw new AppError(400, 'score_criteria', { keys: wrong.join('、') }, 'scores');
    const total = Math.round(criteria.reduce((s, c) => s + (input.scores[c.key]! * c.weight) / 100, 0) * 100) / 100;
    const [row] = await tx
      .update(reviews)
      .set({ scores: input.scores, total, comment: input.comment ?? null, status: 'submitted', submittedAt: new Date() })
      .where(eq(reviews.id, reviewId))
      .returning();
    await audit(tx, ctx, { action: 'score', entity: 'review', entityId: reviewId, after: { total } });
    return row!;
  });
}

/**
 * Aggregates a call's reviews under the template's recorded policy: the score, the spread, high-spread
 * applications sent to a consensus step, and the ranking (ties share the best rank).
 */
export async function aggregateCall(db: Db, ctx: RequestContext, call: CallRow) {
  const apps = await callApplications(db, call.id, ['under_review', 'scored', 'consensus']);
  const all = apps.length
    ? await db
        .select()
        .from(reviews)
        .where(
          and(
            inArray(
              reviews.applicationId,
              apps.map((a) => a.id),
            ),
            eq(reviews.stage, 'review'),
          ),
        )
    : [];
  const pending = all.filter((r) => r.status === 'assigned');
  const done = apps.filter((a) => !pending.some((r) => r.applicationId === a.id));
  const t = call.reviewTemplate;
  const method = t.aggregation === 'trimmed' ? 'trimmed-mean' : t.aggregation;
  const agg = aggregateReviews(
    {
      method,
      criteria: t.criteria.map((c) => ({
        id: c.key,
        nameZh: c.zh,
        nameEn: c.en,
        weight: c.weight,
        ...(c.threshold !== undefined ? { threshold: c.threshold } : {}),
      })),
      ...(t.totalThreshold !== undefined ? { totalThreshold: t.totalThreshold } : {}),
      spreadThreshold: t.spreadThreshold,
    },
    done.map((a) => ({
      applicationId: a.id,
      sheets: all
        .filter((r) => r.applicationId === a.id && r.status === 'submitted')
        .map((r) => ({ expertId: r.expertId, scores: r.scores ?? {} })),
    })),
  );
  await db.transaction(async (tx) => {
    for (const res of agg.ranking) {
      await tx
        .update(applications)
        .set({ score: res.total.value, rank: res.rank, status: res.highSpread ? 'consensus' : 'scored', updatedAt: new Date() })
        .where(eq(applications.id, res.applicationId));
    }
    await audit(tx, ctx, {
      action: 'aggregate',
      entity: 'call',
      entityId: call.id,
      note: { policy: agg.policy, applications: agg.ranking.length },
    });
  });
  return { policy: agg.policy, waitingFor: pending.length, ranking: agg.ranking, consensus: agg.consensus };
}

/** After a review session: the bureau rates an expert (1–5); the pool shows the running average. */
export async function rateExpert(db: Db, ctx: RequestContext, id: string, rating: number, note?: string) {
  return db.transaction(async (tx) => {
    const [e] = await tx.select().from(experts).where(eq(experts.id, id)).for('update');
    if (!e) throw new AppError(404, 'not_found', { what: id });
    const [row] = await tx
      .update(experts)
      .set({ ratingSum: e.ratingSum + rating, ratingCount: e.ratingCount + 1 })
      .where(eq(experts.id, id))
      .returning();
    await audit(tx, ctx, { action: 'rate', entity: 'expert', entityId: id, note: { rating, ...(note ? { note } : {}) } });
    return row!;
  });
}

/**
 * The consensus step for a high-spread application: the panel agrees a score, recorded with its reason; the
 * call's scored applications are ranked again (ties share the best rank).
 */
export async function recordConsensus(db: Db, ctx: RequestContext, id: string, score: number, note: string) {
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!a) throw new AppError(404, 'not_found', { what: id });
    if (a.status !== 'consensus') throw new AppError(409, 'project_state', { status: a.status, action: 'consensus' });
    await tx
      .update(applications)
      .set({ score, status: 'scored', decisionNote: note, updatedAt: new Date() })
      .where(eq(applications.id, id));
    const scored = await tx
      .select({ id: applications.id, score: applications.score })
      .from(applications)
      .where(and(eq(applications.callId, a.callId), inArray(applications.status, ['scored', 'consensus'])));
    for (const { item, rank } of rankWithTies(scored, (x) => x.score ?? 0))
      await tx.update(applications).set({ rank }).where(eq(applications.id, item.id));
    await audit(tx, ctx, { action: 'consensus', entity: 'application', entityId: id, before: { score: a.score }, after: { score, note } });
  });
}
