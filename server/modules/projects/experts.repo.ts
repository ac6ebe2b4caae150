import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { experts, reviews } from '../../db/schema/projects.js';
import { usersRead } from '../accounts/index.js';
import { orgUnitsRead } from '../orgunits/index.js';
import type { Db } from '../../platform/db.js';

/** The expert pool's queries. */
export type ExpertRow = typeof experts.$inferSelect;
export type ExpertInsert = typeof experts.$inferInsert;

export async function userIdOfUsername(db: Db, username: string): Promise<string | null> {
  const [u] = await db.select({ id: usersRead.id }).from(usersRead).where(eq(usersRead.username, username));
  return u?.id ?? null;
}

/** A unit's path and name by its code (the pool an expert joins). */
export async function unitOfCode(db: Db, code: string): Promise<{ path: string; name: string } | null> {
  const [unit] = await db
    .select({ path: orgUnitsRead.path, name: orgUnitsRead.name })
    .from(orgUnitsRead)
    .where(eq(orgUnitsRead.code, code));
  return unit ?? null;
}

/** Inserts an expert; null when the linked user already is one. */
export async function insertExpert(tx: Db, values: ExpertInsert): Promise<ExpertRow | null> {
  const [row] = await tx.insert(experts).values(values).onConflictDoNothing({ target: experts.userId }).returning();
  return row ?? null;
}

/** The experts whose unit's path passes `where`, each with its unit's name, by name. */
export async function expertsWithUnit(db: Db, where: (unitPath: SQL | typeof orgUnitsRead.path) => SQL) {
  const rows = await db
    .select({ e: experts, orgUnitName: orgUnitsRead.name })
    .from(experts)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, experts.orgUnitCode))
    .where(where(orgUnitsRead.path))
    .orderBy(asc(experts.name));
  return rows.map((r) => ({ ...r.e, orgUnitName: r.orgUnitName }));
}

/** The experts of the unit `regionCode` and of the units above it, by name. */
export async function poolOfRegion(db: Db, regionCode: string, onlyAvailable: boolean): Promise<ExpertRow[]> {
  const callPath = sql`(select path from kc_org_units_read where code = ${regionCode})`;
  const rows = await db
    .select({ e: experts })
    .from(experts)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, experts.orgUnitCode))
    .where(and(sql`starts_with(${callPath}, ${orgUnitsRead.path})`, onlyAvailable ? eq(experts.available, true) : undefined))
    .orderBy(asc(experts.name));
  return rows.map((r) => r.e);
}

export async function expertWithUnit(db: Db, id: string) {
  const [row] = await db
    .select({ e: experts, path: orgUnitsRead.path, unitName: orgUnitsRead.name })
    .from(experts)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, experts.orgUnitCode))
    .where(eq(experts.id, id));
  return row ? { ...row.e, path: row.path, unitName: row.unitName } : null;
}

export const expertRows = (db: Db, id: string) => db.select().from(experts).where(eq(experts.id, id));
export const lockedExpertRows = (tx: Db, id: string) => tx.select().from(experts).where(eq(experts.id, id)).for('update');
export const expertRowsOfUser = (db: Db, userId: string) => db.select().from(experts).where(eq(experts.userId, userId));

export async function updateExpertRow(tx: Db, id: string, set: Partial<ExpertInsert>): Promise<ExpertRow[]> {
  return tx.update(experts).set(set).where(eq(experts.id, id)).returning();
}

/** How many of an expert's assignments are still to be scored. */
export async function openAssignmentCount(tx: Db, expertId: string): Promise<number> {
  const open = await tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.expertId, expertId), eq(reviews.status, 'assigned')));
  return open.length;
}
