import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { dataValues } from '../../db/schema/datavalues.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { dataElementsRead } from '../plans/index.js';
import type { Db } from '../../platform/db.js';

export type DataValueRow = typeof dataValues.$inferSelect;
export type DataElementRow = typeof dataElementsRead.$inferSelect;
export interface Key {
  dataElement: string;
  orgUnit: string;
  period: string;
}

const keyTuple = (k: Key) => sql`(${k.dataElement}, ${k.orgUnit}, ${k.period})`;

/** Current versions of the given keys, locked for the rest of the transaction (fixed order: no deadlocks). */
export async function lockCurrent(db: Db, keys: Key[]): Promise<DataValueRow[]> {
  if (keys.length === 0) return [];
  const out: DataValueRow[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await db
      .select()
      .from(dataValues)
      .where(
        and(
          eq(dataValues.isCurrent, true),
          sql`(${dataValues.dataElementCode}, ${dataValues.orgUnitCode}, ${dataValues.period}) in (${sql.join(chunk.map(keyTuple), sql`, `)})`,
        ),
      )
      .orderBy(asc(dataValues.id))
      .for('update');
    out.push(...rows);
  }
  return out;
}

export async function retire(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.update(dataValues).set({ isCurrent: false }).where(inArray(dataValues.id, ids));
}

export async function insertVersions(db: Db, rows: (typeof dataValues.$inferInsert)[]): Promise<DataValueRow[]> {
  const out: DataValueRow[] = [];
  for (let i = 0; i < rows.length; i += 500)
    out.push(
      ...(await db
        .insert(dataValues)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  return out;
}

export async function setStatus(db: Db, ids: number[], patch: Partial<typeof dataValues.$inferInsert>): Promise<void> {
  if (ids.length) await db.update(dataValues).set(patch).where(inArray(dataValues.id, ids));
}

export function history(db: Db, k: Key): Promise<DataValueRow[]> {
  return db
    .select()
    .from(dataValues)
    .where(and(eq(dataValues.dataElementCode, k.dataElement), eq(dataValues.orgUnitCode, k.orgUnit), eq(dataValues.period, k.period)))
    .orderBy(desc(dataValues.version));
}

/** Current values of some data elements for some units and periods. */
export function currentValues(db: Db, f: { orgUnits: string[]; periods: string[]; dataElements?: string[] }): Promise<DataValueRow[]> {
  if (f.orgUnits.length === 0 || f.periods.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(dataValues)
    .where(
      and(
        eq(dataValues.isCurrent, true),
        inArray(dataValues.orgUnitCode, f.orgUnits),
        inArray(dataValues.period, f.periods),
        f.dataElements ? inArray(dataValues.dataElementCode, f.dataElements) : undefined,
      ),
    );
}

/**
 * Current values of the (data element, unit) pairs of the keys, of every period before the latest key's
 * year: what the earlier values of the keys are picked from (common/plausibility.ts latestEarlier).
 */
export async function valuesOfPairs(db: Db, keys: Key[]): Promise<DataValueRow[]> {
  if (keys.length === 0) return [];
  const pairs = new Set(keys.map((k) => `${k.dataElement}|${k.orgUnit}`));
  const units = [...new Set(keys.map((k) => k.orgUnit))];
  const elements = [...new Set(keys.map((k) => k.dataElement))];
  const until = String(Math.max(...keys.map((k) => Number(k.period.slice(0, 4)))));
  const out: DataValueRow[] = [];
  // Units × elements in one lookup per 100 units (PGlite 0.5 fails on a few hundred keys at once), then the pairs.
  for (let i = 0; i < units.length; i += 100) {
    const rows = await db
      .select()
      .from(dataValues)
      .where(
        and(
          eq(dataValues.isCurrent, true),
          sql`${dataValues.period} < ${until}`,
          inArray(dataValues.orgUnitCode, units.slice(i, i + 100)),
          inArray(dataValues.dataElementCode, elements),
        ),
      );
    out.push(...rows.filter((r) => pairs.has(`${r.dataElementCode}|${r.orgUnitCode}`)));
  }
  return out;
}

export const allDataElements = (db: Db) => db.select().from(dataElementsRead).orderBy(asc(dataElementsRead.code));

export function findDataElements(db: Db, codes: string[]): Promise<DataElementRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select().from(dataElementsRead).where(inArray(dataElementsRead.code, codes));
}

export function unitPaths(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select({ code: orgUnitsRead.code, name: orgUnitsRead.name, path: orgUnitsRead.path })
    .from(orgUnitsRead)
    .where(inArray(orgUnitsRead.code, codes));
}

/**
 * For each key, everyone who entered or submitted a version since its last approved one (the current version
 * included): the people who may not approve it (four eyes).
 */
export async function editorsSinceApproval(db: Db, keys: Key[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await db
      .select({
        dataElement: dataValues.dataElementCode,
        orgUnit: dataValues.orgUnitCode,
        period: dataValues.period,
        createdBy: dataValues.createdBy,
        submittedBy: dataValues.submittedBy,
      })
      .from(dataValues)
      .where(
        and(
          sql`(${dataValues.dataElementCode}, ${dataValues.orgUnitCode}, ${dataValues.period}) in (${sql.join(chunk.map(keyTuple), sql`, `)})`,
          sql`${dataValues.version} > coalesce((select max(a.version) from data_values a
                where a.data_element_code = ${dataValues.dataElementCode} and a.org_unit_code = ${dataValues.orgUnitCode}
                  and a.period = ${dataValues.period} and a.status = 'approved'), 0)`,
        ),
      );
    for (const r of rows) {
      const k = `${r.dataElement}|${r.orgUnit}|${r.period}`;
      const set = out.get(k) ?? new Set<string>();
      if (r.createdBy) set.add(r.createdBy);
      if (r.submittedBy) set.add(r.submittedBy);
      out.set(k, set);
    }
  }
  return out;
}

/**
 * Current values that count in a figure: submitted or approved, never drafts (docs/METHODS.md §2). Rankings,
 * profiles and the composite index read these.
 */
export function countedValues(db: Db, f: { orgUnits: string[]; periods: string[]; dataElements?: string[] }): Promise<DataValueRow[]> {
  if (f.orgUnits.length === 0 || f.periods.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(dataValues)
    .where(
      and(
        eq(dataValues.isCurrent, true),
        inArray(dataValues.status, ['submitted', 'approved']),
        inArray(dataValues.orgUnitCode, f.orgUnits),
        inArray(dataValues.period, f.periods),
        f.dataElements ? inArray(dataValues.dataElementCode, f.dataElements) : undefined,
      ),
    );
}
