import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { applications, assignmentDraws, calls, experts, projectReports, reviews } from '../../db/schema/projects.js';
import { usersRead } from '../accounts/index.js';
import type { Db } from '../../platform/db.js';
import type { PanelStage, ReviewStage } from '../../../common/values/review.js';

/** Draw records and the assignments they make. */
export type DrawRow = typeof assignmentDraws.$inferSelect;
export type DrawInsert = typeof assignmentDraws.$inferInsert;
export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewInsert = typeof reviews.$inferInsert;

export const lockedCallRows = (tx: Db, id: string) => tx.select().from(calls).where(eq(calls.id, id)).for('update');

/** Every assignment of a call's stage, whatever its status. */
export async function stageReviews(tx: Db, callId: string, stage: ReviewStage): Promise<ReviewRow[]> {
  const rows = await tx
    .select({ r: reviews })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .where(and(eq(applications.callId, callId), eq(reviews.stage, stage)))
    .orderBy(asc(reviews.id));
  return rows.map((x) => x.r);
}

/** A call's accepted applications (the review stage's places), oldest first. */
export async function acceptedApplications(tx: Db, callId: string) {
  return tx
    .select()
    .from(applications)
    .where(and(eq(applications.callId, callId), eq(applications.status, 'accepted')))
    .orderBy(asc(applications.createdAt));
}

/** A call's submitted reports of a panel stage with their applications, in the order they came in. */
export async function submittedReports(tx: Db, callId: string, kind: PanelStage) {
  return tx
    .select({ r: projectReports, app: applications })
    .from(projectReports)
    .innerJoin(applications, eq(applications.id, projectReports.applicationId))
    .where(and(eq(applications.callId, callId), eq(projectReports.kind, kind), eq(projectReports.status, 'submitted')))
    .orderBy(asc(projectReports.submittedAt));
}

export async function applicationsByIds(tx: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return tx
    .select()
    .from(applications)
    .where(inArray(applications.id, [...ids]));
}

/** Which of these reports are submitted (still waiting for their panel's judgement). */
export async function submittedReportIds(tx: Db, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: projectReports.id })
    .from(projectReports)
    .where(and(inArray(projectReports.id, [...ids]), eq(projectReports.status, 'submitted')));
  return new Set(rows.map((x) => x.id));
}

export async function markUnderReview(tx: Db, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await tx
    .update(applications)
    .set({ status: 'under_review', updatedAt: new Date() })
    .where(inArray(applications.id, [...ids]));
}

export const drawRows = (db: Db, id: string) => db.select().from(assignmentDraws).where(eq(assignmentDraws.id, id));

export async function insertDraw(tx: Db, values: DrawInsert): Promise<DrawRow[]> {
  return tx.insert(assignmentDraws).values(values).returning();
}

export async function insertReviews(tx: Db, rows: ReviewInsert[]): Promise<ReviewRow[]> {
  if (!rows.length) return [];
  return tx.insert(reviews).values(rows).returning();
}

/** Ends open assignments as replaced, with the reason. */
export async function endReviews(tx: Db, ids: readonly string[], reason: string | null): Promise<void> {
  if (!ids.length) return;
  await tx
    .update(reviews)
    .set({ status: 'replaced', reason, closedAt: new Date() })
    .where(inArray(reviews.id, [...ids]));
}

export const lockedReviewRows = (tx: Db, id: string) => tx.select().from(reviews).where(eq(reviews.id, id)).for('update');

export async function updateReview(tx: Db, id: string, set: Partial<ReviewInsert>): Promise<ReviewRow[]> {
  return tx.update(reviews).set(set).where(eq(reviews.id, id)).returning();
}

/** The call of an assignment (to lock it before the assignment). */
export const callOfReviewRows = (tx: Db, reviewId: string) =>
  tx
    .select({ callId: applications.callId })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .where(eq(reviews.id, reviewId));

/** A report with the call it belongs to (for its panel draw). */
export const reportWithCallRows = (db: Db, id: string) =>
  db
    .select({ id: projectReports.id, kind: projectReports.kind, callId: applications.callId })
    .from(projectReports)
    .innerJoin(applications, eq(applications.id, projectReports.applicationId))
    .where(eq(projectReports.id, id));

// Read-back

/** A call's draws (of a stage), newest first, with the name of who made each. */
export async function drawsOfCall(db: Db, callId: string, stage?: ReviewStage) {
  return db
    .select({ d: assignmentDraws, by: usersRead.displayName })
    .from(assignmentDraws)
    .leftJoin(usersRead, eq(usersRead.id, assignmentDraws.createdBy))
    .where(and(eq(assignmentDraws.callId, callId), stage ? eq(assignmentDraws.stage, stage) : undefined))
    .orderBy(desc(assignmentDraws.createdAt));
}

/** Every expert's name by id. */
export async function expertNames(db: Db): Promise<Map<string, string>> {
  return new Map((await db.select({ id: experts.id, name: experts.name }).from(experts)).map((e) => [e.id, e.name]));
}

/** A call's application titles by id. */
export async function applicationTitles(db: Db, callId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: applications.id, title: applications.title })
    .from(applications)
    .where(eq(applications.callId, callId));
  return new Map(rows.map((a) => [a.id, a.title]));
}

/** The assignments of a call (of a stage) with their applications and experts. */
export async function assignmentsOfCall(db: Db, callId: string, stage?: ReviewStage) {
  return db
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
}
