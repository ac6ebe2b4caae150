import { and, asc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { orgUnits } from '../../db/schema/orgunits.js';
import type { Db } from '../../platform/db.js';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export interface ListFilter {
  withinPath?: string | undefined;
  /** Only units valid on this ISO date; absent = all. */
  activeOn?: string | undefined;
}

export function listUnits(db: Db, f: ListFilter = {}): Promise<OrgUnitRow[]> {
  const conds = [];
  if (f.withinPath) conds.push(like(orgUnits.path, `${f.withinPath}%`));
  if (f.activeOn) {
    conds.push(or(isNull(orgUnits.validFrom), sql`${orgUnits.validFrom} <= ${f.activeOn}`));
    conds.push(or(isNull(orgUnits.validTo), sql`${orgUnits.validTo} >= ${f.activeOn}`));
  }
  return db
    .select()
    .from(orgUnits)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(orgUnits.path));
}

export async function findUnit(db: Db, code: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  return row;
}

export function findUnits(db: Db, codes: string[]): Promise<OrgUnitRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select().from(orgUnits).where(inArray(orgUnits.code, codes));
}

export function childrenOf(db: Db, code: string): Promise<OrgUnitRow[]> {
  return db.select().from(orgUnits).where(eq(orgUnits.parentCode, code)).orderBy(asc(orgUnits.code));
}

export async function insertUnits(db: Db, rows: (typeof orgUnits.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(orgUnits).values(rows.slice(i, i + 500));
}

export async function updateUnit(db: Db, code: string, patch: Partial<typeof orgUnits.$inferInsert>): Promise<OrgUnitRow> {
  const [row] = await db
    .update(orgUnits)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(orgUnits.code, code))
    .returning();
  return row!;
}

/** After a move: every descendant's path starts with the new prefix. */
export async function rewriteDescendantPaths(db: Db, oldPath: string, newPath: string): Promise<void> {
  await db
    .update(orgUnits)
    .set({ path: sql`${newPath} || substr(${orgUnits.path}, ${oldPath.length + 1})` })
    .where(and(like(orgUnits.path, `${oldPath}%`), sql`${orgUnits.path} <> ${oldPath}`));
}

export async function countUnits(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnits);
  return row?.n ?? 0;
}
