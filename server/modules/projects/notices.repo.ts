import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { LISTED_APPLICATION_STATUSES } from '../../../common/values/projects.js';
import { applications, calls, projectNotices, projectObjections, projectPayments, projectReports } from '../../db/schema/projects.js';
import type { Db } from '../../platform/db.js';
import { findOr404 } from '../../platform/errors.js';

/** Queries of the approval notice (公示) and its objections (notices.service.ts holds the rules). */
export type NoticeRow = typeof projectNotices.$inferSelect;
export type ObjectionRow = typeof projectObjections.$inferSelect;

export async function noticeOfCall(db: Db, callId: string): Promise<NoticeRow | null> {
  const [n] = await db.select().from(projectNotices).where(eq(projectNotices.callId, callId));
  return n ?? null;
}

export const findNotice = (db: Db, id: string): Promise<NoticeRow> =>
  findOr404(db.select().from(projectNotices).where(eq(projectNotices.id, id)), id);

/** The applications a call's notice lists, highest score first. */
export const listedApplications = (db: Db, callId: string) =>
  db
    .select()
    .from(applications)
    .where(and(eq(applications.callId, callId), inArray(applications.status, [...LISTED_APPLICATION_STATUSES])))
    .orderBy(asc(applications.rank), asc(applications.createdAt));

/** A new notice, or null when the call has one already. */
export async function insertNotice(tx: Db, values: typeof projectNotices.$inferInsert): Promise<NoticeRow | null> {
  const [row] = await tx.insert(projectNotices).values(values).onConflictDoNothing({ target: projectNotices.callId }).returning();
  return row ?? null;
}

export const objectionsOf = (db: Db, noticeId: string) =>
  db.select().from(projectObjections).where(eq(projectObjections.noticeId, noticeId)).orderBy(desc(projectObjections.createdAt));

export async function objectionCount(db: Db, noticeId: string): Promise<number> {
  return (await db.select({ id: projectObjections.id }).from(projectObjections).where(eq(projectObjections.noticeId, noticeId))).length;
}

export const callTitleOf = (db: Db, callId: string) =>
  findOr404(db.select({ title: calls.title, code: calls.code }).from(calls).where(eq(calls.id, callId)), callId);

export const allNotices = (db: Db) =>
  db.select().from(projectNotices).orderBy(desc(projectNotices.startsOn), desc(projectNotices.createdAt));

export const insertObjection = (tx: Db, values: typeof projectObjections.$inferInsert): Promise<ObjectionRow> =>
  findOr404(tx.insert(projectObjections).values(values).returning(), 'objection');

export const lockObjection = (tx: Db, id: string): Promise<ObjectionRow> =>
  findOr404(tx.select().from(projectObjections).where(eq(projectObjections.id, id)).for('update'), id);

export const updateObjection = (tx: Db, id: string, set: Partial<typeof projectObjections.$inferInsert>): Promise<ObjectionRow> =>
  findOr404(tx.update(projectObjections).set(set).where(eq(projectObjections.id, id)).returning(), id);

/** An application an upheld objection names, locked; null when it is gone. */
export async function lockApplicationIfAny(tx: Db, id: string) {
  const [a] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  return a ?? null;
}

/**
 * Withdraws a project's approval: not funded after all, and its unpaid schedule and reports go (nothing was
 * released before the contract).
 */
export async function withdrawApproval(tx: Db, applicationId: string, note: string): Promise<void> {
  await tx
    .update(applications)
    .set({ status: 'not_funded', approvedFen: null, decisionNote: note, decisionOverride: null, updatedAt: new Date() })
    .where(eq(applications.id, applicationId));
  await tx.delete(projectPayments).where(and(eq(projectPayments.applicationId, applicationId), eq(projectPayments.status, 'scheduled')));
  await tx.delete(projectReports).where(and(eq(projectReports.applicationId, applicationId), eq(projectReports.status, 'due')));
}

/** Objections still open about the application or about the whole list. */
export async function openObjectionsAbout(tx: Db, noticeId: string, applicationId: string): Promise<number> {
  const rows = await tx
    .select({ id: projectObjections.id })
    .from(projectObjections)
    .where(
      and(
        eq(projectObjections.noticeId, noticeId),
        eq(projectObjections.status, 'open'),
        or(eq(projectObjections.applicationId, applicationId), isNull(projectObjections.applicationId)),
      ),
    );
  return rows.length;
}
