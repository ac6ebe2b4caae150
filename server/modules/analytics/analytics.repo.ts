import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db.js';

export interface RawRow {
  de: string;
  ou: string;
  period: string;
  value: number;
  approved: boolean;
}

/**
 * Current values under a subtree; drafts are never counted, unapproved submissions only when asked.
 * Rows come back as arrays (no per-row objects): this query reads every value of a province.
 */
export async function valuesUnder(db: Db, rootPath: string, opts: { approvedOnly: boolean; dataElements?: string[] }): Promise<RawRow[]> {
  const statuses = opts.approvedOnly ? ['approved'] : ['approved', 'submitted'];
  const des = opts.dataElements;
  const res = await db.execute<{ de: string; ou: string; period: string; value: number; approved: boolean }>(sql`
    select v.data_element_code as de, v.org_unit_code as ou, v.period, v.value, v.status = 'approved' as approved
    from data_values v join org_units u on u.code = v.org_unit_code
    where v.is_current and u.path like ${`${rootPath}%`}
      and v.status in (${sql.join(
        statuses.map((s) => sql`${s}`),
        sql`, `,
      )})
      ${
        des && des.length
          ? sql`and v.data_element_code in (${sql.join(
              des.map((d) => sql`${d}`),
              sql`, `,
            )})`
          : sql``
      }`);
  return rowsOf<RawRow>(res).map((r) => ({ ...r, value: Number(r.value) }));
}

export async function unitsUnder(
  db: Db,
  rootPath: string,
): Promise<{ code: string; parentCode: string | null; name: string; path: string }[]> {
  const res = await db.execute<{ code: string; parentCode: string | null; name: string; path: string }>(
    sql`select code, parent_code as "parentCode", name, path from org_units where path like ${`${rootPath}%`}`,
  );
  return rowsOf<{ code: string; parentCode: string | null; name: string; path: string }>(res);
}

export async function aggregations(db: Db): Promise<Map<string, string>> {
  const res = await db.execute<{ code: string; aggregation: string }>(sql`select code, aggregation from data_elements`);
  return new Map(rowsOf<{ code: string; aggregation: string }>(res).map((r) => [r.code, r.aggregation]));
}
