import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { claims, policies, policyVersions } from '../../db/schema/policies.js';
import { inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { enterprisesRead } from '../registry/index.js';

/** The catalogue's queries: policies, their versions, and the units and enterprises they are read against. */
export type PolicyRow = typeof policies.$inferSelect;
export type VersionRow = typeof policyVersions.$inferSelect;
type NewPolicy = typeof policies.$inferInsert;
type NewVersion = typeof policyVersions.$inferInsert;

/** Inserts a policy unless its code exists (then nothing is returned). */
export async function insertPolicy(tx: Db, values: NewPolicy): Promise<PolicyRow | undefined> {
  const [row] = await tx.insert(policies).values(values).onConflictDoNothing({ target: policies.code }).returning();
  return row;
}

export const insertVersion = (tx: Db, values: NewVersion) => tx.insert(policyVersions).values(values).returning();

export const policyByIdOrCode = (db: Db, idOrCode: string, isUuid: boolean) =>
  db
    .select()
    .from(policies)
    .where(isUuid ? eq(policies.id, idOrCode) : eq(policies.code, idOrCode));

export const policyById = (db: Db, id: string) => db.select().from(policies).where(eq(policies.id, id));

export const versionsOf = (db: Db, policyId: string): Promise<VersionRow[]> =>
  db.select().from(policyVersions).where(eq(policyVersions.policyId, policyId)).orderBy(desc(policyVersions.version));

export const versionById = (db: Db, id: string) => db.select().from(policyVersions).where(eq(policyVersions.id, id));

/** The latest approved version of a policy (none: no row). */
export const latestApproved = (db: Db, policyId: string) =>
  db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.status, 'approved')))
    .orderBy(desc(policyVersions.version))
    .limit(1);

/** The latest version, locked for a new draft. */
export const latestVersionForUpdate = (tx: Db, policyId: string) =>
  tx
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.policyId, policyId))
    .orderBy(desc(policyVersions.version))
    .limit(1)
    .for('update');

export const versionForUpdate = (tx: Db, policyId: string, version: number) =>
  tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.version, version)))
    .for('update');

export const updateVersion = (tx: Db, id: string, set: Partial<NewVersion>) =>
  tx.update(policyVersions).set(set).where(eq(policyVersions.id, id)).returning();

/** The approved version of a policy becomes superseded (another is being approved). */
export async function supersedeApproved(tx: Db, policyId: string): Promise<void> {
  await tx
    .update(policyVersions)
    .set({ status: 'superseded' })
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.status, 'approved')));
}

/**
 * Which policies a reader sees: those of their subtree and its ancestors (`scopes`, shared down), or for an
 * enterprise those whose owner's area holds one of its units (`within`: the enterprise units' paths).
 */
export type PolicyFilter = { scopes: readonly string[] } | { within: readonly string[] };

function policyFilter(f: PolicyFilter): SQL {
  if ('scopes' in f) return inScope(orgUnitsRead.path, f.scopes, { sharedDown: true });
  if (f.within.length === 0) return sql`false`;
  return sql`exists (select 1 from unnest(${sql`array[${sql.join(
    f.within.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`}) w(p) where starts_with(w.p, ${orgUnitsRead.path}))`;
}

export async function selectPolicies(db: Db, filter?: PolicyFilter): Promise<PolicyRow[]> {
  return db
    .select({ p: policies })
    .from(policies)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, policies.regionCode))
    .where(filter ? policyFilter(filter) : undefined)
    .orderBy(asc(policies.sortOrder))
    .then((r) => r.map((x) => x.p));
}

export async function versionsOfPolicies(db: Db, policyIds: string[]): Promise<VersionRow[]> {
  if (policyIds.length === 0) return [];
  return db.select().from(policyVersions).where(inArray(policyVersions.policyId, policyIds)).orderBy(desc(policyVersions.version));
}

/** An org unit's path and name (a policy's region, a notice's owner). */
export const unitByCode = (db: Db, code: string) =>
  db
    .select({ code: orgUnitsRead.code, path: orgUnitsRead.path, name: orgUnitsRead.name })
    .from(orgUnitsRead)
    .where(eq(orgUnitsRead.code, code));

/** An enterprise's name (a payable account's), by id. */
export const enterpriseName = (db: Db, id: string) =>
  db.select({ name: enterprisesRead.name }).from(enterprisesRead).where(eq(enterprisesRead.id, id));

/** Where enterprises are registered: their units' paths and names. */
export async function enterpriseUnits(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: enterprisesRead.id, name: enterprisesRead.name, path: orgUnitsRead.path, unitName: orgUnitsRead.name })
    .from(enterprisesRead)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprisesRead.orgUnitCode))
    .where(inArray(enterprisesRead.id, [...ids]));
}

export const enterpriseByCreditCode = (db: Db, creditCode: string) =>
  db
    .select({ id: enterprisesRead.id, path: orgUnitsRead.path, name: enterprisesRead.name })
    .from(enterprisesRead)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprisesRead.orgUnitCode))
    .where(eq(enterprisesRead.creditCode, creditCode));

/** The registry events of a policy already approved or paid: out of a what-if's remaining budget. */
export async function committedEventIds(db: Db, policyId: string): Promise<Set<number | null>> {
  const rows = await db
    .select({ eventId: claims.eventId })
    .from(claims)
    .where(and(eq(claims.policyId, policyId), inArray(claims.status, ['approved', 'paid'])));
  return new Set(rows.map((c) => c.eventId));
}
