import { sql } from 'drizzle-orm';
import { qualifications } from '../../db/schema/registry.js';
import { rowsOf, type Db } from '../../platform/db.js';
import { validOnSql } from './validity.js';

/** A figure derived from the register for one unit and year (as of 31 December). */
export interface RegisterFact {
  de: string;
  ou: string;
  period: string;
  value: number;
}

/**
 * 表1 indicators 3–10 computed from the register, for every year in the range and every unit under the
 * root where records are registered (towns, parks); the hierarchy rollup adds them up to the county.
 * Each record counts where it is registered: an enterprise's town, a platform's unit, a park membership's park.
 */
/** The figures the register knows completely: where it has no record, the count is 0. */
export const REGISTER_COUNTS: ReadonlySet<string> = new Set([
  'high_tech_enterprises',
  'tech_enterprises',
  'park_enterprises',
  'park_tech_enterprises',
  'rd_institutions',
  'st_service_institutions',
  'incubation_area',
  'valid_invention_patents',
  'patents_granted',
]);

export async function registerFacts(
  db: Db,
  rootPath: string,
  fromYear: number,
  toYear: number,
): Promise<{ rows: RegisterFact[]; inUse: boolean }> {
  const under = `${rootPath}%`;
  // A register nobody has filled says nothing: its zeros would hide that the data is simply missing.
  const [use] = rowsOf<{ n: number }>(
    await db.execute(sql`select (select count(*) from enterprises e join org_units u on u.code = e.org_unit_code where u.path like ${under})
      + (select count(*) from platforms p join org_units u on u.code = p.org_unit_code where u.path like ${under})
      + (select count(*) from park_memberships m join org_units u on u.code = m.park_code where u.path like ${under}) as n`),
  );
  if (!use || Number(use.n) === 0) return { rows: [], inUse: false };
  const res = await db.execute(sql`
    with years as (select y, make_date(y, 12, 31) as d from generate_series(${fromYear}::int, ${toYear}::int) as y),
    ent as (select e.id, e.org_unit_code from enterprises e join org_units u on u.code = e.org_unit_code where u.path like ${under}),
    valid_q as (
      select ${qualifications.enterpriseId} as enterprise_id, ${qualifications.typeCode} as type_code, years.y
      from ${qualifications} cross join years where ${validOnSql(sql`years.d`)}
    ),
    parks as (
      select m.enterprise_id, m.park_code, years.y from park_memberships m cross join years
      join org_units pu on pu.code = m.park_code
      where pu.path like ${under} and m.from_date <= years.d and (m.to_date is null or m.to_date >= years.d)
    )
    select 'high_tech_enterprises' as de, ent.org_unit_code as ou, v.y as year, count(distinct ent.id)::float8 as value
      from ent join valid_q v on v.enterprise_id = ent.id and v.type_code = 'high_tech' group by 2, 3
    union all
    select 'tech_enterprises', ent.org_unit_code, v.y, count(distinct ent.id)::float8
      from ent join valid_q v on v.enterprise_id = ent.id and v.type_code = 'cq_tech_enterprise' group by 2, 3
    union all
    select 'park_enterprises', p.park_code, p.y, count(distinct p.enterprise_id)::float8 from parks p group by 2, 3
    union all
    select 'park_tech_enterprises', p.park_code, p.y, count(distinct p.enterprise_id)::float8
      from parks p join valid_q v on v.enterprise_id = p.enterprise_id and v.y = p.y and v.type_code = 'cq_tech_enterprise' group by 2, 3
    union all
    select case t.category when 'rd' then 'rd_institutions' else 'st_service_institutions' end, p.org_unit_code, years.y, count(*)::float8
      from platforms p join platform_types t on t.code = p.type_code join org_units u on u.code = p.org_unit_code cross join years
      where u.path like ${under} and p.recognized_on <= years.d and (p.revoked_on is null or p.revoked_on > years.d) group by 1, 2, 3
    union all
    select 'incubation_area', p.org_unit_code, years.y, sum(coalesce(p.floor_area, 0))::float8
      from platforms p join platform_types t on t.code = p.type_code and t.incubator join org_units u on u.code = p.org_unit_code cross join years
      where u.path like ${under} and p.recognized_on <= years.d and (p.revoked_on is null or p.revoked_on > years.d) group by 2, 3
    union all
    select 'valid_invention_patents', ent.org_unit_code, years.y, count(distinct pt.id)::float8
      from patents pt join patent_owners o on o.patent_id = pt.id join ent on ent.id = o.enterprise_id cross join years
      where pt.type = 'invention' and pt.granted_on <= years.d and pt.expires_on >= years.d and pt.status <> 'invalidated'
        and (pt.lapsed_on is null or pt.lapsed_on > years.d) group by 2, 3
    union all
    select 'patents_granted', ent.org_unit_code, extract(year from pt.granted_on)::int, count(distinct pt.id)::float8
      from patents pt join patent_owners o on o.patent_id = pt.id join ent on ent.id = o.enterprise_id
      where pt.granted_on is not null and extract(year from pt.granted_on) between ${fromYear} and ${toYear} group by 2, 3
    union all
    select 'new_product_sales', ent.org_unit_code, s.year, sum(s.new_product_sales)::float8
      from enterprise_stats s join ent on ent.id = s.enterprise_id
      where s.status = 'approved' and s.new_product_sales is not null and s.year between ${fromYear} and ${toYear} group by 2, 3
    union all
    select 'product_sales', ent.org_unit_code, s.year, sum(s.product_sales)::float8
      from enterprise_stats s join ent on ent.id = s.enterprise_id
      where s.status = 'approved' and s.product_sales is not null and s.year between ${fromYear} and ${toYear} group by 2, 3`);
  const rows = rowsOf<{ de: string; ou: string; year: number; value: number }>(res).map((r) => ({
    de: r.de,
    ou: r.ou,
    period: String(r.year),
    value: Number(r.value),
  }));
  return { rows, inUse: true };
}
