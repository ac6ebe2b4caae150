import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { dataElements, enterprises, loginFailures, orgUnits, sessions, userRoles, users } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';

export type UserRow = typeof users.$inferSelect;
export interface GrantRow {
  userId: string;
  role: string;
  orgUnitCode: string;
  orgUnitName: string;
  path: string;
  dataElements: string[] | null;
  enterpriseId: string | null;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.username));
}

export async function grantsOf(db: Db, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: userRoles.userId,
      role: userRoles.role,
      orgUnitCode: userRoles.orgUnitCode,
      orgUnitName: orgUnits.name,
      path: orgUnits.path,
      dataElements: userRoles.dataElements,
      enterpriseId: userRoles.enterpriseId,
    })
    .from(userRoles)
    .innerJoin(orgUnits, eq(orgUnits.code, userRoles.orgUnitCode))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role), asc(userRoles.orgUnitCode));
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  return created!;
}

export async function patchUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function replaceGrants(
  db: Db,
  userId: string,
  grants: { role: string; orgUnitCode: string; dataElements?: string[] | undefined; enterpriseId?: string | undefined }[],
): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  const unique = [...new Map(grants.map((g) => [`${g.role}|${g.orgUnitCode}`, g])).values()];
  if (unique.length) {
    await db.insert(userRoles).values(
      unique.map((g) => ({
        userId,
        role: g.role,
        orgUnitCode: g.orgUnitCode,
        dataElements: g.role === 'department' && g.dataElements?.length ? [...new Set(g.dataElements)].sort() : null,
        enterpriseId: g.role === 'enterprise' ? (g.enterpriseId ?? null) : null,
      })),
    );
  }
}

/** Enterprises by id with the path of the unit they are registered in. */
export async function enterprisePaths(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: enterprises.id, path: orgUnits.path })
    .from(enterprises)
    .innerJoin(orgUnits, eq(orgUnits.code, enterprises.orgUnitCode))
    .where(inArray(enterprises.id, ids));
  return new Map(rows.map((r) => [r.id, r.path]));
}

export async function knownDataElements(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: dataElements.code }).from(dataElements).where(inArray(dataElements.code, codes));
  return new Set(rows.map((r) => r.code));
}

export async function countActiveAdmins(db: Db, exceptUserId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'admin'), eq(users.disabled, false), exceptUserId ? sql`${users.id} <> ${exceptUserId}` : undefined));
  return row?.n ?? 0;
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function recentFailures(db: Db, username: string, ip: string, minutes: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.username, username.toLowerCase()),
        eq(loginFailures.ip, ip),
        gt(loginFailures.at, sql`now() - make_interval(mins => ${minutes})`),
      ),
    );
  return row?.n ?? 0;
}

export async function recordFailure(db: Db, username: string, ip: string): Promise<void> {
  await db.insert(loginFailures).values({ username: username.toLowerCase(), ip });
}

export async function clearFailures(db: Db, username: string, ip: string): Promise<void> {
  await db.delete(loginFailures).where(and(eq(loginFailures.username, username.toLowerCase()), eq(loginFailures.ip, ip)));
}

export async function clearFailuresForUser(db: Db, username: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.username, username.toLowerCase()));
}
