import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { today } from '../../platform/clock.js';
import type { z } from 'zod';
import type { ExpertPatch, expertInput } from '../../../common/contracts/projects.js';
import {
  aggregateReviews,
  declaredWithoutSupport,
  detectConflicts,
  rankWithTies,
  type ConflictExpert,
  type ConflictType,
} from '../../../common/review/index.js';
import { applications, auditEvents, calls, conflicts, experts, orgUnits, projectReports, reviews, users } from '../../db/schema/index.js';
import { expertVisibleFields } from '../../../common/project-team.js';
import { policyOfTemplate } from '../../../common/review/decision.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { checkCreditCode } from '../registry/index.js';
import type { CallRow } from './calls.service.js';

/**
 * The expert pool, conflicts of interest, reviewer draws, scoring and aggregation. Experts see only their own
 * assignments, and other experts' scores (anonymised) only after submitting their own; applicants never see
 * who reviewed them.
 */
export type ExpertRow = typeof experts.$inferSelect;
type ReviewRow = typeof reviews.$inferSelect;

/** An assignment that is still the expert's: to be scored, or scored (an expert keeps what it judged). */
export const LIVE_REVIEW_STATUSES: ReadonlySet<string> = new Set(['assigned', 'submitted']);

/** An organisation's credit code as stored (normalised, its check character verified), or null for none. */
const orgCode = (code: string | null | undefined) => (code?.trim() ? checkCreditCode(code, 'orgCreditCode') : null);

export async function createExpert(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof expertInput> & { orgUnitCode: string },
): Promise<ExpertRow> {
  const orgCreditCode = orgCode(input.orgCreditCode);
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
        orgCreditCode,
        orgName: input.orgName ?? null,
        fields: input.fields,
        titles: input.titles ?? null,
        contact: input.contact ?? null,
        history: input.history,
        orgUnitCode: input.orgUnitCode,
      })
      .onConflictDoNothing({ target: experts.userId })
      .returning();
    if (!row) throw new AppError(409, 'duplicate', { what: input.username ?? input.name }, 'username');
    await audit(tx, ctx, {
      action: 'create',
      entity: 'expert',
      entityId: row.id,
      after: { name: row.name, org: row.orgCreditCode, fields: row.fields, orgUnitCode: row.orgUnitCode },
    });
    return row;
  });
}

/**
 * The pool filtered by the path of each expert's unit (`where`: e.g. the reader's scopes shared down), each
 * expert with its unit's name.
 */
export async function listExperts(
  db: Db,
  where: (unitPath: SQL | typeof orgUnits.path) => SQL,
): Promise<(ExpertRow & { orgUnitName: string })[]> {
  const rows = await db
    .select({ e: experts, orgUnitName: orgUnits.name })
    .from(experts)
    .innerJoin(orgUnits, eq(orgUnits.code, experts.orgUnitCode))
    .where(where(orgUnits.path))
    .orderBy(asc(experts.name));
  return rows.map((r) => ({ ...r.e, orgUnitName: r.orgUnitName }));
}

/**
 * The pool a call draws from: the experts of the call's unit and of the units above it (a county's call draws
 * from the county's, the city's and the province's experts; never a neighbour's, nor a town's own pool).
 */
export async function poolOfCall(db: Db, call: Pick<CallRow, 'regionCode'>, onlyAvailable = false): Promise<ExpertRow[]> {
  const callPath = sql`(select path from org_units where code = ${call.regionCode})`;
  const rows = await db
    .select({ e: experts })
    .from(experts)
    .innerJoin(orgUnits, eq(orgUnits.code, experts.orgUnitCode))
    .where(and(sql`starts_with(${callPath}, ${orgUnits.path})`, onlyAvailable ? eq(experts.available, true) : undefined))
    .orderBy(asc(experts.name));
  return rows.map((r) => r.e);
}

/** One expert with its unit's path and name (for a scope check). */
export async function findExpert(db: Db, id: string): Promise<ExpertRow & { path: string; unitName: string }> {
  const [row] = await db
    .select({ e: experts, path: orgUnits.path, unitName: orgUnits.name })
    .from(experts)
    .innerJoin(orgUnits, eq(orgUnits.code, experts.orgUnitCode))
    .where(eq(experts.id, id));
  if (!row) throw new AppError(404, 'not_found', { what: id });
  return { ...row.e, path: row.path, unitName: row.unitName };
}

const EDITABLE = ['name', 'orgCreditCode', 'orgName', 'fields', 'titles', 'contact', 'available', 'history'] as const;
const blankToNull = (v: string | null) => (v?.trim() ? v.trim() : null);
/** JSON with object keys sorted: jsonb keeps its own key order, so equal values must compare equal. */
const canonical = (v: unknown) =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/**
 * The bureau changes an expert: availability, organisation (its credit code checked), fields, titles, contact or
 * history; only what is sent changes, and the audit keeps each changed field's before and after. An unavailable
 * expert is left out of every later draw, swap and redraw; its open assignments stay until the bureau swaps them,
 * so the answer counts them.
 */
export async function updateExpert(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: ExpertPatch,
): Promise<ExpertRow & { openAssignments: number }> {
  const orgCreditCode = patch.orgCreditCode === undefined ? undefined : orgCode(patch.orgCreditCode);
  return db.transaction(async (tx) => {
    const [e] = await tx.select().from(experts).where(eq(experts.id, id)).for('update');
    if (!e) throw new AppError(404, 'not_found', { what: id });
    const wanted: Partial<ExpertRow> = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(orgCreditCode !== undefined ? { orgCreditCode } : {}),
      ...(patch.orgName !== undefined ? { orgName: blankToNull(patch.orgName) } : {}),
      ...(patch.fields !== undefined ? { fields: [...new Set(patch.fields)] } : {}),
      ...(patch.titles !== undefined ? { titles: blankToNull(patch.titles) } : {}),
      ...(patch.contact !== undefined ? { contact: blankToNull(patch.contact) } : {}),
      ...(patch.available !== undefined ? { available: patch.available } : {}),
      // What the form edits replaces its lists; anything else kept in the history (drafted calls) stays.
      ...(patch.history !== undefined ? { history: { ...e.history, ...patch.history } } : {}),
    };
    const changed = EDITABLE.filter((k) => k in wanted && canonical(wanted[k]) !== canonical(e[k]));
    let row = e;
    if (changed.length) {
      const set = Object.fromEntries(changed.map((k) => [k, wanted[k]])) as Partial<typeof experts.$inferInsert>;
      [row] = (await tx.update(experts).set(set).where(eq(experts.id, id)).returning()) as [ExpertRow];
      const pick = (x: ExpertRow) => Object.fromEntries(changed.map((k) => [k, x[k]]));
      await audit(tx, ctx, { action: 'update', entity: 'expert', entityId: id, before: pick(e), after: pick(row) });
    }
    const open = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.expertId, id), eq(reviews.status, 'assigned')));
    return { ...row, openAssignments: open.length };
  });
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
  const [call] = await db.select({ regionCode: calls.regionCode }).from(calls).where(eq(calls.id, callId));
  if (!call) throw new AppError(404, 'not_found', { what: callId });
  const pool = await poolOfCall(db, call);
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
  // Declined, replaced or superseded: the application is no longer the expert's to read (as with its files); the
  // assignment itself stays in the expert's list with its status.
  if (!LIVE_REVIEW_STATUSES.has(r.status)) throw new AppError(403, 'review_declined', { status: r.status });
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

/**
 * The consensus in force for each application: its last `consensus` audit event, unless a `consensus_reset` came
 * after it; with the fingerprint of the sheets it was agreed on (older events have none: their time serves).
 */
export async function consensusInForce(
  db: Db,
  ids: string[],
): Promise<Map<string, { reviews: string | null; at: Date; note: string | null }>> {
  const out = new Map<string, { reviews: string | null; at: Date; note: string | null }>();
  if (!ids.length) return out;
  const rows = await db
    .select({ entityId: auditEvents.entityId, action: auditEvents.action, changes: auditEvents.changes, at: auditEvents.at })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entity, 'application'),
        inArray(auditEvents.action, ['consensus', 'consensus_reset']),
        inArray(auditEvents.entityId, ids),
      ),
    )
    .orderBy(asc(auditEvents.id));
  for (const r of rows) {
    if (r.action === 'consensus_reset') out.delete(r.entityId);
    else {
      const fp = r.changes.reviews?.after;
      const note = r.changes.note?.after;
      out.set(r.entityId, { reviews: typeof fp === 'string' ? fp : null, at: r.at, note: typeof note === 'string' ? note : null });
    }
  }
  return out;
}

/** Ranks a call's scored applications again by their stored score (ties share the best rank). */
async function rerank(tx: Db, callId: string): Promise<Map<string, number>> {
  const scored = await tx
    .select({ id: applications.id, score: applications.score })
    .from(applications)
    .where(and(eq(applications.callId, callId), inArray(applications.status, ['scored', 'consensus'])));
  const ranks = new Map<string, number>();
  for (const { item, rank } of rankWithTies(scored, (x) => x.score ?? 0)) {
    await tx.update(applications).set({ rank }).where(eq(applications.id, item.id));
    ranks.set(item.id, rank);
  }
  return ranks;
}

/** The application-review sheets of these applications (not the mid-term or acceptance panels'). */
export async function reviewStageSheets(db: Db, applicationIds: string[]) {
  if (!applicationIds.length) return [];
  return db
    .select()
    .from(reviews)
    .where(and(inArray(reviews.applicationId, applicationIds), eq(reviews.stage, 'review')));
}

/**
 * Aggregates a call's reviews under the template's recorded policy: the score, the spread, high-spread
 * applications sent to a consensus step, and the ranking (ties share the best rank). Running it again keeps a
 * consensus already recorded — its agreed score and status — as long as the submitted reviews are those it was
 * agreed on; if they changed since, the application is scored afresh (and asked again if its spread is still
 * high), and the answer says which.
 */
export async function aggregateCall(db: Db, ctx: RequestContext, call: CallRow) {
  const apps = await callApplications(db, call.id, ['under_review', 'scored', 'consensus']);
  const all = await reviewStageSheets(
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
  const kept: { applicationId: string; title: string; score: number | null }[] = [];
  const reopened: { applicationId: string; title: string; agreedScore: number | null; score: number; status: 'scored' | 'consensus' }[] =
    [];
  const ranks = await db.transaction(async (tx) => {
    for (const res of agg.ranking) {
      const a = byId.get(res.applicationId)!;
      const consensus = inForce.get(a.id);
      const status = res.highSpread ? 'consensus' : 'scored';
      if (consensus) {
        const sheets = all.filter((r) => r.applicationId === a.id);
        const unchanged = consensus.reviews
          ? consensus.reviews === reviewsFingerprint(sheets)
          : !sheets.some((r) => r.status === 'submitted' && r.submittedAt && r.submittedAt > consensus.at);
        if (unchanged) {
          kept.push({ applicationId: a.id, title: a.title, score: a.score });
          continue;
        }
        reopened.push({ applicationId: a.id, title: a.title, agreedScore: a.score, score: res.total.value, status });
        await audit(tx, ctx, {
          action: 'consensus_reset',
          entity: 'application',
          entityId: a.id,
          before: { score: a.score, status: a.status },
          after: { score: res.total.value, status },
          note: { reason: 'reviews_changed' },
        });
      }
      await tx
        .update(applications)
        .set({ score: res.total.value, status, updatedAt: new Date() })
        .where(eq(applications.id, res.applicationId));
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
    const sheets = await tx
      .select()
      .from(reviews)
      .where(and(eq(reviews.applicationId, id), eq(reviews.stage, 'review')));
    await tx
      .update(applications)
      .set({ score, status: 'scored', decisionNote: note, updatedAt: new Date() })
      .where(eq(applications.id, id));
    await rerank(tx, a.callId);
    // The sheets it was agreed on: a later aggregation keeps the agreed score while they are unchanged.
    await audit(tx, ctx, {
      action: 'consensus',
      entity: 'application',
      entityId: id,
      before: { score: a.score },
      after: { score, note },
      note: { reviews: reviewsFingerprint(sheets) },
    });
  });
}
