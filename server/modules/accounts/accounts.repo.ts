import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { loginThrottle, sessions, userRoles, users } from '../../db/schema/accounts.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { dataElementsRead } from '../plans/index.js';
import { enterprisesRead } from '../registry/index.js';
import { escapeLike, inScope } from '../../platform/access.js';
import { textArray } from '../../platform/bulk-insert.js';
import { rowsOf, type Db } from '../../platform/db.js';

export type UserRow = typeof users.$inferSelect;
export interface GrantRow {
  userId: string;
  role: string;
  orgUnitCode: string;
  orgUnitName: string;
  path: string;
  dataElements: string[] | null;
  enterpriseId: string | null;
  /** The enterprise an enterprise grant acts for, from the register's read view. */
  enterpriseName?: string | null;
  enterpriseCreditCode?: string | null;
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

/** Users with a grant in one of the scopes (filtered in SQL), optionally by text, role and state. */
export async function listUsers(
  db: Db,
  f: { scopes: readonly string[]; q?: string | undefined; role?: string | undefined; disabled?: boolean | undefined },
): Promise<UserRow[]> {
  const like = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return db
    .select()
    .from(users)
    .where(
      and(
        sql`exists (select 1 from user_roles r join org_units o on o.code = r.org_unit_code
                    where r.user_id = ${users.id} and ${inScope(sql`o.path`, f.scopes)})`,
        like ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined,
        f.role ? sql`exists (select 1 from user_roles r where r.user_id = ${users.id} and r.role = ${f.role})` : undefined,
        f.disabled === undefined ? undefined : eq(users.disabled, f.disabled),
      ),
    )
    .orderBy(asc(users.username));
}

/**
 * Active users holding `role` on the unit at `path` or on a unit above it (their grant covers it), by display
 * name: e.g. who may approve a unit's figures.
 */
export function usersWithRoleOver(db: Db, role: string, path: string): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.disabled, false),
        sql`exists (select 1 from ${userRoles} r join ${orgUnitsRead} o on o.code = r.org_unit_code
                    where r.user_id = ${users.id} and r.role = ${role} and left(${path}, length(o.path)) = o.path)`,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function grantsOf(db: Db, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: userRoles.userId,
      role: userRoles.role,
      orgUnitCode: userRoles.orgUnitCode,
      orgUnitName: orgUnitsRead.name,
      path: orgUnitsRead.path,
      dataElements: userRoles.dataElements,
      enterpriseId: userRoles.enterpriseId,
      enterpriseName: enterprisesRead.name,
      enterpriseCreditCode: enterprisesRead.creditCode,
    })
    .from(userRoles)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, userRoles.orgUnitCode))
    .leftJoin(enterprisesRead, eq(enterprisesRead.id, userRoles.enterpriseId))
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
    .select({ id: enterprisesRead.id, path: orgUnitsRead.path })
    .from(enterprisesRead)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprisesRead.orgUnitCode))
    .where(inArray(enterprisesRead.id, ids));
  return new Map(rows.map((r) => [r.id, r.path]));
}

export async function knownDataElements(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: dataElementsRead.code }).from(dataElementsRead).where(inArray(dataElementsRead.code, codes));
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

/**
 * Takes one attempt with a password for (username, ip) from its allowance, in one statement: the upsert locks
 * the counter row, so parallel attempts are counted one after the other and at most `limit` of them per
 * window get through. A window starts at the first attempt; an expired one starts again. Returns false when
 * the allowance is used up (locked out): the password must then not be checked at all.
 */
export async function takeAttempt(db: Db, username: string, ip: string, limit: number, minutes: number): Promise<boolean> {
  const expired = sql`t.window_start <= now() - make_interval(mins => ${minutes}::int)`;
  const res = await db.execute(sql`
    insert into login_throttle as t (username, ip, attempts, window_start)
    values (${username.toLowerCase()}, ${ip}, 1, now())
    on conflict (username, ip) do update
      set attempts = case when ${expired} then 1 else t.attempts + 1 end,
          window_start = case when ${expired} then now() else t.window_start end
      where ${expired} or t.attempts < ${limit}::int
    returning t.attempts`);
  return rowsOf(res).length > 0;
}

/** A successful sign-in (or password change) from this IP: its counter starts again. */
export async function clearFailures(db: Db, username: string, ip: string): Promise<void> {
  await db.delete(loginThrottle).where(and(eq(loginThrottle.username, username.toLowerCase()), eq(loginThrottle.ip, ip)));
}

/** An administrator reset the password: every IP's counter for the user starts again. */
export async function clearFailuresForUser(db: Db, username: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.username, username.toLowerCase()));
}

/** Which of the usernames exist already (lower case, as sign-in compares them). */
export async function existingUsernames(db: Db, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const lower = names.map((n) => n.toLowerCase());
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(sql`lower(${users.username}) = any(${textArray(lower)})`);
  return new Set(rows.map((r) => r.username.toLowerCase()));
}
