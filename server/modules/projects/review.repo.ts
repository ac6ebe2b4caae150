import { and, asc, eq, inArray } from 'drizzle-orm';
import { applications, calls, projectReports, reviews } from '../../db/schema/projects.js';
import type { ApplicationStatus } from '../../../common/values/projects.js';
import type { ReviewStage } from '../../../common/values/review.js';
import type { Db } from '../../platform/db.js';

/** Assignments and their sheets, and the application scores the aggregation writes. */
export type ReviewRow = typeof reviews.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
/** A call's applications (in these statuses), oldest first. */
export async function applicationsOfCall(db: Db, callId: string, statuses?: readonly ApplicationStatus[]): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.callId, callId), statuses ? inArray(applications.status, [...statuses]) : undefined))
    .orderBy(asc(applications.createdAt));
}

export const reviewRows = (db: Db, id: string) => db.select().from(reviews).where(eq(reviews.id, id));
export const lockedReviewRows = (tx: Db, id: string) => tx.select().from(reviews).where(eq(reviews.id, id)).for('update');
export const applicationRows = (db: Db, id: string) => db.select().from(applications).where(eq(applications.id, id));
export const lockedApplicationRows = (tx: Db, id: string) => tx.select().from(applications).where(eq(applications.id, id)).for('update');
export const callRows = (db: Db, id: string) => db.select().from(calls).where(eq(calls.id, id));

/** The sheets of one stage of an application (every status). */
export async function sheetsOf(db: Db, applicationId: string, stage: ReviewStage): Promise<ReviewRow[]> {
  return db
    .select()
    .from(reviews)
    .where(and(eq(reviews.applicationId, applicationId), eq(reviews.stage, stage)));
}

/** The application-review sheets of these applications (not the mid-term or acceptance panels'). */
export async function reviewStageSheets(db: Db, applicationIds: readonly string[]): Promise<ReviewRow[]> {
  if (!applicationIds.length) return [];
  return db
    .select()
    .from(reviews)
    .where(and(inArray(reviews.applicationId, [...applicationIds]), eq(reviews.stage, 'review')));
}

/** An expert's own assignments with what they are about (never the other experts). */
export async function reviewsOfExpert(db: Db, expertId: string) {
  return db
    .select({ r: reviews, title: applications.title, applicantName: applications.applicantName, callTitle: calls.title, callId: calls.id })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(reviews.expertId, expertId))
    .orderBy(asc(reviews.id));
}

/** The report a mid-term or acceptance panel judges. */
export async function panelReport(db: Db, id: string) {
  const [rep] = await db
    .select({ id: projectReports.id, kind: projectReports.kind, text: projectReports.text, submittedAt: projectReports.submittedAt })
    .from(projectReports)
    .where(eq(projectReports.id, id));
  return rep ?? null;
}

export async function saveScores(
  tx: Db,
  id: string,
  sheet: { scores: Record<string, number>; total: number; comment: string | null },
): Promise<ReviewRow[]> {
  return tx
    .update(reviews)
    .set({ ...sheet, status: 'submitted', submittedAt: new Date() })
    .where(eq(reviews.id, id))
    .returning();
}

// Aggregation

/** A call's scored applications with their stored scores. */
export async function scoredOfCall(tx: Db, callId: string) {
  return tx
    .select({ id: applications.id, score: applications.score })
    .from(applications)
    .where(and(eq(applications.callId, callId), inArray(applications.status, ['scored', 'consensus'])));
}

export async function setRank(tx: Db, id: string, rank: number): Promise<void> {
  await tx.update(applications).set({ rank }).where(eq(applications.id, id));
}

export async function setScore(
  tx: Db,
  id: string,
  set: { score: number; status: 'scored' | 'consensus'; decisionNote?: string },
): Promise<void> {
  await tx
    .update(applications)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(applications.id, id));
}
