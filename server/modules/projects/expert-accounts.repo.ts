import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { experts } from '../../db/schema/projects.js';
import { escapeLike } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { orgUnitsRead } from '../orgunits/index.js';

/** The expert pool as the user administration sees it: entries by their linked user, and entries without one. */

export async function entriesOfUsers(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: experts.userId,
      id: experts.id,
      name: experts.name,
      orgUnitCode: experts.orgUnitCode,
      orgUnitName: orgUnitsRead.name,
    })
    .from(experts)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, experts.orgUnitCode))
    .where(inArray(experts.userId, [...userIds]));
}

/** Entries without an account whose unit lies under `unitPath`, matching `q` by name or organisation. */
export async function entriesWithoutUser(db: Db, unitPath: string, q: string | undefined, limit: number) {
  const like = q ? `%${escapeLike(q)}%` : undefined;
  return db
    .select({ id: experts.id, name: experts.name, orgName: experts.orgName, orgUnitName: orgUnitsRead.name })
    .from(experts)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, experts.orgUnitCode))
    .where(
      and(
        isNull(experts.userId),
        sql`starts_with(${orgUnitsRead.path}, ${unitPath})`,
        like ? or(ilike(experts.name, like), ilike(experts.orgName, like)) : undefined,
      ),
    )
    .orderBy(asc(experts.name))
    .limit(limit);
}

/** One entry, locked, with its unit's path and name. */
export async function lockedEntry(tx: Db, id: string) {
  const [row] = await tx
    .select({
      id: experts.id,
      name: experts.name,
      userId: experts.userId,
      path: orgUnitsRead.path,
      unitName: orgUnitsRead.name,
    })
    .from(experts)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, experts.orgUnitCode))
    .where(eq(experts.id, id))
    .for('update', { of: experts });
  return row;
}

export async function setEntryUser(tx: Db, id: string, userId: string): Promise<void> {
  await tx.update(experts).set({ userId }).where(eq(experts.id, id));
}
