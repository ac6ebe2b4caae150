import { asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { benchmarkIndicators, indexRuns, peerGroups } from '../../db/schema/benchmarks.js';
import { inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { orgUnitsRead } from '../orgunits/index.js';

/** The benchmarks module's queries: indicators, peer groups and stored composite-index runs. */
export type IndicatorRow = typeof benchmarkIndicators.$inferSelect;
export type GroupRow = typeof peerGroups.$inferSelect;
export type RunRow = typeof indexRuns.$inferSelect;

export function indicators(db: Db): Promise<IndicatorRow[]> {
  return db.select().from(benchmarkIndicators).orderBy(asc(benchmarkIndicators.sortOrder));
}

export function indicatorByCode(db: Db, code: string): Promise<IndicatorRow[]> {
  return db.select().from(benchmarkIndicators).where(eq(benchmarkIndicators.code, code));
}

/** Groups of these scopes and of their ancestors (shared down), and the installation's own. */
export async function groupsIn(db: Db, scopes: readonly string[]): Promise<GroupRow[]> {
  const rows = await db
    .select({ group: peerGroups })
    .from(peerGroups)
    .leftJoin(orgUnitsRead, eq(orgUnitsRead.code, peerGroups.orgUnitCode))
    .where(or(isNull(peerGroups.orgUnitCode), inScope(orgUnitsRead.path, scopes, { sharedDown: true })))
    .orderBy(asc(peerGroups.createdAt));
  return rows.map((r) => r.group);
}

/** A group with the path and name of the unit it belongs to (null: the installation's own). */
export function groupByCode(db: Db, code: string) {
  return db
    .select({ group: peerGroups, path: orgUnitsRead.path, unitName: orgUnitsRead.name })
    .from(peerGroups)
    .leftJoin(orgUnitsRead, eq(orgUnitsRead.code, peerGroups.orgUnitCode))
    .where(eq(peerGroups.code, code));
}

/** A new group, or undefined when its code is taken. */
export async function insertGroup(
  tx: Db,
  g: { code: string; nameZh: string; nameEn: string; members: string[]; orgUnitCode: string | null },
): Promise<GroupRow | undefined> {
  const [row] = await tx.insert(peerGroups).values(g).onConflictDoNothing().returning();
  return row;
}

export async function unitNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: orgUnitsRead.code, name: orgUnitsRead.name })
    .from(orgUnitsRead)
    .where(inArray(orgUnitsRead.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function insertRun(tx: Db, run: typeof indexRuns.$inferInsert) {
  return tx.insert(indexRuns).values(run).returning({ id: indexRuns.id });
}

/** Stored runs of units in these scopes, newest first (at most 200). */
export function runsIn(db: Db, scopes: readonly string[]) {
  return db
    .select({
      id: indexRuns.id,
      name: indexRuns.name,
      year: indexRuns.year,
      groupCode: indexRuns.groupCode,
      createdAt: indexRuns.createdAt,
    })
    .from(indexRuns)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, indexRuns.orgUnitCode))
    .where(inScope(orgUnitsRead.path, scopes))
    .orderBy(desc(indexRuns.createdAt))
    .limit(200);
}

export function runById(db: Db, id: string): Promise<RunRow[]> {
  return db.select().from(indexRuns).where(eq(indexRuns.id, id));
}
