import { asc, eq, inArray } from 'drizzle-orm';
import { applications, calls, conflicts, experts } from '../../db/schema/projects.js';
import type { ConflictStatus } from '../../../common/values/projects.js';
import type { Db } from '../../platform/db.js';

/** Conflicts of interest: recorded suggestions, declarations and decisions. */
export type ConflictRow = typeof conflicts.$inferSelect;
export type ConflictInsert = typeof conflicts.$inferInsert;

export const callRegionRows = (db: Db, id: string) => db.select({ regionCode: calls.regionCode }).from(calls).where(eq(calls.id, id));
export const expertRows = (db: Db, id: string) => db.select().from(experts).where(eq(experts.id, id));

/** Every conflict recorded on these applications. */
export async function conflictsOfApplications(db: Db, applicationIds: readonly string[]): Promise<ConflictRow[]> {
  if (!applicationIds.length) return [];
  return db
    .select()
    .from(conflicts)
    .where(inArray(conflicts.applicationId, [...applicationIds]));
}

export async function insertConflicts(tx: Db, rows: ConflictInsert[]): Promise<ConflictRow[]> {
  if (!rows.length) return [];
  return tx.insert(conflicts).values(rows).returning();
}

export const lockedConflictRows = (tx: Db, id: string) => tx.select().from(conflicts).where(eq(conflicts.id, id)).for('update');

export async function setConflictStatus(tx: Db, id: string, status: ConflictStatus, decidedBy: string | null): Promise<ConflictRow[]> {
  return tx.update(conflicts).set({ status, decidedBy }).where(eq(conflicts.id, id)).returning();
}

/** A call's conflicts with the expert's and the applicant's names, oldest first. */
export async function conflictsOfCall(db: Db, callId: string) {
  return db
    .select({ c: conflicts, expertName: experts.name, applicantName: applications.applicantName })
    .from(conflicts)
    .innerJoin(applications, eq(applications.id, conflicts.applicationId))
    .innerJoin(experts, eq(experts.id, conflicts.expertId))
    .where(eq(applications.callId, callId))
    .orderBy(asc(conflicts.createdAt));
}
