import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { PUBLISHED_CALL_STATUSES } from '../../../common/values/projects.js';
import { applications, attachments, calls } from '../../db/schema/projects.js';
import { orgUnitsRead as orgUnits } from '../orgunits/index.js';
import { enterprisesRead as enterprises } from '../registry/index.js';
import { inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { findOr404 } from '../../platform/errors.js';

/** Queries of calls, applications and their attachments (calls.service.ts holds the rules). */
export type CallRow = typeof calls.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
export type CallInsert = typeof calls.$inferInsert;
export type ApplicationInsert = typeof applications.$inferInsert;

export const findCall = (db: Db, id: string): Promise<CallRow> => findOr404(db.select().from(calls).where(eq(calls.id, id)), id);
export const lockCall = (tx: Db, id: string): Promise<CallRow> =>
  findOr404(tx.select().from(calls).where(eq(calls.id, id)).for('update'), id);

/** The region of the call with this code, if there is one (the unit owning its budgets in the ledger). */
export const callRegionByCode = async (db: Db, code: string): Promise<string | undefined> =>
  (await db.select({ regionCode: calls.regionCode }).from(calls).where(eq(calls.code, code)))[0]?.regionCode;

/** A new call, or null when its code is taken. */
export async function insertCall(tx: Db, values: CallInsert): Promise<CallRow | null> {
  const [row] = await tx.insert(calls).values(values).onConflictDoNothing({ target: calls.code }).returning();
  return row ?? null;
}

export const updateCall = (tx: Db, id: string, set: Partial<CallInsert>): Promise<CallRow> =>
  findOr404(tx.update(calls).set(set).where(eq(calls.id, id)).returning(), id);

/**
 * The calls a reader sees: staff those of their scopes' subtrees (drafts too) and the published ones of the
 * units above (a county sees the city's calls); an applicant (`published`) every published call.
 */
export async function listCalls(db: Db, view: { scopes: readonly string[]; published: boolean }): Promise<CallRow[]> {
  const pub = inArray(calls.status, [...PUBLISHED_CALL_STATUSES]);
  const staff = view.scopes.length
    ? and(inScope(orgUnits.path, view.scopes, { sharedDown: true }), or(pub, inScope(orgUnits.path, view.scopes)))
    : sql`false`;
  const rows = await db
    .select({ c: calls })
    .from(calls)
    .innerJoin(orgUnits, eq(orgUnits.code, calls.regionCode))
    .where(view.published ? or(pub, staff) : staff)
    .orderBy(desc(calls.createdAt));
  return rows.map((r) => r.c);
}

/** Whether the enterprise is registered in the call's region (its unit lies in the region's subtree). */
export async function registeredInRegion(db: Db, enterpriseId: string, regionCode: string): Promise<boolean> {
  const [e] = await db
    .select({ path: orgUnits.path, region: sql<string>`(select path from kc_org_units_read where code = ${regionCode})` })
    .from(enterprises)
    .innerJoin(orgUnits, eq(orgUnits.code, enterprises.orgUnitCode))
    .where(eq(enterprises.id, enterpriseId));
  return !!e && e.path.startsWith(e.region);
}

export const findApplication = (db: Db, id: string): Promise<ApplicationRow> =>
  findOr404(db.select().from(applications).where(eq(applications.id, id)), id);
export const lockApplication = (tx: Db, id: string): Promise<ApplicationRow> =>
  findOr404(tx.select().from(applications).where(eq(applications.id, id)).for('update'), id);

export const insertApplication = (tx: Db, values: ApplicationInsert): Promise<ApplicationRow> =>
  findOr404(tx.insert(applications).values(values).returning(), 'application');

export const updateApplication = (tx: Db, id: string, set: Partial<ApplicationInsert>): Promise<ApplicationRow> =>
  findOr404(tx.update(applications).set(set).where(eq(applications.id, id)).returning(), id);

/** The path of an application's call's unit, and of its applicant enterprise's (null for a team), as SQL. */
const appCallPath = sql`(select ou.path from calls c join kc_org_units_read ou on ou.code = c.region_code where c.id = ${applications.callId})`;
const appEnterprisePath = sql`(select ou.path from kc_enterprises_read e join kc_org_units_read ou on ou.code = e.org_unit_code where e.id = ${applications.enterpriseId})`;

/**
 * Applications of a call or of an owner; with `scopes`, only those whose call or applicant enterprise lies in
 * one of them (a town's staff see their enterprises' applications to the county's call, not the others').
 */
export async function listApplications(db: Db, f: { callId?: string; ownerUserId?: string; scopes?: readonly string[] }) {
  return db
    .select()
    .from(applications)
    .where(
      and(
        f.callId ? eq(applications.callId, f.callId) : undefined,
        f.ownerUserId ? eq(applications.ownerUserId, f.ownerUserId) : undefined,
        f.scopes ? or(inScope(appCallPath, f.scopes), inScope(appEnterprisePath, f.scopes)) : undefined,
      ),
    )
    .orderBy(asc(applications.createdAt));
}

export async function insertAttachment(tx: Db, values: typeof attachments.$inferInsert): Promise<{ id: string }> {
  return findOr404(tx.insert(attachments).values(values).returning({ id: attachments.id }), 'attachment');
}

/** Removes the files an application holds under one attachment key (a re-upload replaces them); returns what they were. */
export async function deleteAttachmentsOfKey(tx: Db, applicationId: string, key: string) {
  return tx
    .delete(attachments)
    .where(and(eq(attachments.applicationId, applicationId), eq(attachments.key, key)))
    .returning({ id: attachments.id, fileName: attachments.fileName, sha256: attachments.sha256, size: attachments.size });
}

/** An application's files, described (never their content). */
export async function attachmentsOf(db: Db, applicationId: string) {
  return db
    .select({
      id: attachments.id,
      key: attachments.key,
      fileName: attachments.fileName,
      mime: attachments.mime,
      size: attachments.size,
      sha256: attachments.sha256,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.createdAt));
}

/** One file of an application, with its content. */
export const attachmentContent = (db: Db, applicationId: string, attachmentId: string) =>
  findOr404(
    db
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, applicationId))),
    attachmentId,
  );

/** The unit a call is created in (by its code), or null. */
export async function unitByCode(db: Db, code: string): Promise<{ path: string; name: string } | null> {
  const [unit] = await db.select({ path: orgUnits.path, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, code));
  return unit ?? null;
}

/** The enterprise an applicant's grant names: what an application records of it. */
export const enterpriseOf = (db: Db, id: string) =>
  findOr404(
    db
      .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
      .from(enterprises)
      .where(eq(enterprises.id, id)),
    id,
  );
