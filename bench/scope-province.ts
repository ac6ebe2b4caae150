/**
 * The synthetic province of `npm run bench:scope` (bench/scope.ts): 3 011 units (1 province → 10 prefectures →
 * 100 counties → 2 900 towns), 100 000 enterprises over the towns, 2 policies per county and 2 of the province,
 * 50 000 claims and 200 000 audit events, loaded into a scratch PostgreSQL database.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { creditCodeCheckChar } from '../common/registry/index.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { insertUnnest } from '../server/platform/bulk-insert.js';
import { rowsOf, type Database, type Db } from '../server/platform/db.js';

export const PREFECTURES = 10;
export const COUNTIES = 10; // per prefecture
export const TOWNS = 29; // per county
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
const OTHER_AUDIT = 50_000;
export const ROOT = '990000';

const prefCode = (p: number) => `99${String(p).padStart(2, '0')}00`;
export const countyCode = (p: number, c: number) => `99${String(p).padStart(2, '0')}${String(c).padStart(2, '0')}`;
const townCode = (p: number, c: number, t: number) => `${countyCode(p, c)}${String(t).padStart(3, '0')}`;

interface Unit {
  code: string;
  name: string;
  level: string;
  parent: string | null;
  path: string;
}

function syntheticUnits(): Unit[] {
  const units: Unit[] = [{ code: ROOT, name: '合成省', level: 'province', parent: null, path: `/${ROOT}/` }];
  for (let p = 1; p <= PREFECTURES; p++) {
    const pc = prefCode(p);
    const pPath = `/${ROOT}/${pc}/`;
    units.push({ code: pc, name: `合成市${p}`, level: 'prefecture', parent: ROOT, path: pPath });
    for (let c = 1; c <= COUNTIES; c++) {
      const cc = countyCode(p, c);
      const cPath = `${pPath}${cc}/`;
      units.push({ code: cc, name: `合成市${p}县${c}`, level: 'county', parent: pc, path: cPath });
      for (let t = 1; t <= TOWNS; t++) {
        const tc = townCode(p, c, t);
        units.push({ code: tc, name: `合成市${p}县${c}镇${t}`, level: 'township', parent: cc, path: `${cPath}${tc}/` });
      }
    }
  }
  return units;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode(i: number): string {
  let n = i;
  let body = '';
  for (let k = 0; k < 7; k++) {
    body = ALPHABET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91500241MC${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/** Name syllables so that the default sort (by name) does not follow the insertion or the town order. */
const SYL = ['华', '创', '科', '瑞', '达', '信', '源', '智', '恒', '远', '博', '通', '安', '泰', '鑫', '睿', '航', '新', '峰', '联'];
const nameOf = (i: number) => {
  const h = (i * 2_654_435_761) >>> 0;
  return `${SYL[h % 20]}${SYL[(h >>> 5) % 20]}${SYL[(h >>> 10) % 20]}合成企业${i}有限公司`;
};

const exec = async <T>(db: Db, q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));

async function auditUnitColumn(db: Db): Promise<{ name: string; holds: 'code' | 'path' } | null> {
  const cols = (
    await exec<{ column_name: string }>(
      db,
      sql`select column_name from information_schema.columns where table_name = 'audit_events' and table_schema = current_schema()`,
    )
  ).map((r) => r.column_name);
  const known = ['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'changes', 'request_id', 'ip'];
  for (const c of cols.filter((x) => !known.includes(x))) {
    if (/path/.test(c)) return { name: c, holds: 'path' };
    if (/org_unit|unit_code/.test(c)) return { name: c, holds: 'code' };
  }
  return null;
}

/** The units of the synthetic province, and 100 000 enterprises spread over its towns. */
async function populateUnitsAndEnterprises(db: Db, units: Unit[]) {
  await insertUnnest(
    db,
    'org_units',
    [
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'level', type: 'text' },
      { name: 'parent_code', type: 'text' },
      { name: 'path', type: 'text' },
    ],
    units.map((u) => [u.code, u.name, u.level, u.parent, u.path]),
  );
  const towns = units.filter((u) => u.level === 'township');
  const sizes = ['large', 'medium', 'small', 'micro'];
  const tags = ['中医药', '数字经济', '新材料', '智能制造'];
  // Enterprises spread over the towns in a scattered order (not town by town).
  await insertUnnest(
    db,
    'enterprises',
    [
      { name: 'id', type: 'uuid' },
      { name: 'credit_code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'org_unit_code', type: 'text' },
      { name: 'founded_on', type: 'date' },
      { name: 'tags', type: 'text', expr: (v) => sql`string_to_array(${v}, ',')` },
      { name: 'size_class', type: 'text' },
      { name: 'legal_representative', type: 'text' },
      { name: 'address', type: 'text' },
    ],
    Array.from({ length: ENTERPRISES }, (_, i) => {
      const town = towns[(i * 7919) % towns.length]!;
      return [
        randomUUID(),
        creditCode(i),
        nameOf(i),
        town.code,
        `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
        tags[i % 4]!,
        sizes[i % 4]!,
        `法人${i % 997}`,
        `${town.name}工业路${i % 300}号`,
      ];
    }),
  );
}

/** Policies: two per county and two of the province; claims of every other enterprise. */
async function populatePoliciesAndClaims(db: Db, units: Unit[]) {
  // Policies: two per county and two of the province, approved, with the rule of a seeded catalogue policy.
  const owners = units.filter((u) => u.level === 'county' || u.level === 'province').map((u) => u.code);
  await db.execute(sql`
    with tpl as (
      select p.code, p.name_zh, p.name_en, p.clause_ref, p.clause_text, v.rule, v.parameters, v.tests,
             row_number() over (order by p.sort_order, p.code) as k
      from policies p join policy_versions v on v.policy_id = p.id and v.version = 1
    ), owner as (select unnest(${`{${owners.join(',')}}`}::text[]) as code),
    made as (
      insert into policies (code, name_zh, name_en, clause_ref, clause_text, region_code, sort_order)
      select tpl.code || '_' || owner.code, tpl.name_zh || '（' || owner.code || '）', tpl.name_en, tpl.clause_ref, tpl.clause_text,
             owner.code, tpl.k
      from owner cross join tpl where tpl.k <= 2
      returning id, sort_order
    )
    insert into policy_versions (policy_id, version, status, rule, parameters, tests, note, approved_at)
    select made.id, 1, 'approved', tpl.rule, tpl.parameters, tpl.tests, 'bench', now()
    from made join tpl on tpl.k = made.sort_order`);

  // Claims: every other enterprise has one, 1 in 5 under a province policy, the others under its county's.
  await db.execute(sql`
    with e as (
      select e.id, e.name, o.parent_code as county, row_number() over (order by e.credit_code) as rn
      from enterprises e join org_units o on o.code = e.org_unit_code
      where o.path like ${`/${ROOT}/%`}
    ), pol as (
      select p.id, p.code, p.region_code, v.id as version_id,
             row_number() over (partition by p.region_code order by p.code) as k
      from policies p join policy_versions v on v.policy_id = p.id and v.status = 'approved'
      where p.region_code like '99%'
    )
    insert into claims (policy_id, version_id, enterprise_id, event_key, fiscal_year, fund_source, status, eligibility,
                        amount_fen, trace, created_at, updated_at)
    select pol.id, pol.version_id, e.id, pol.code || '|' || e.id || '|bench', 2026,
           case when pol.region_code = ${ROOT} then 'province' else 'county' end,
           (array['matched','reviewed','in_notice','approved','paid','rejected','needs_data','applied'])[1 + (e.rn / 2) % 8],
           'eligible', 1000000 + (e.rn % 90) * 10000,
           jsonb_build_object('policyCode', pol.code, 'version', 1, 'date', '2026-06-01',
             'facts', jsonb_build_object('enterpriseName', e.name, 'qualification', 'high_tech', 'grantedOn', '2026-05-20'),
             'conditions', jsonb_build_array(jsonb_build_object('key', 'qualified', 'ok', true, 'zh', '取得资格', 'en', 'qualified')),
             'amount', jsonb_build_object('fen', 1000000 + (e.rn % 90) * 10000, 'explanation', '按政策条款定额奖励', 'capped', false),
             'eligibility', 'eligible', 'unsetParameters', '[]'::jsonb, 'documentsNeeded', '[]'::jsonb,
             'evaluatedAt', '2026-06-01T08:00:00.000Z'),
           now() - ((e.rn * 7919) % 31536000) * interval '1 second',
           now() - ((e.rn * 7919) % 31536000) * interval '1 second'
    from e join pol on pol.region_code = case when e.rn % 10 = 0 then ${ROOT} else e.county end
                   and pol.k = 1 + (e.rn / 2) % 2
    where e.rn % 2 = 0`);
}

async function populateAudit(db: Db, units: Unit[]) {
  // Audit events, interleaved in time: one per enterprise (its creation), one per claim (its review), and
  // 50 000 staff sign-ins and edits at a county or town. Each names the unit it concerns when the table
  // has a column for it.
  const col = await auditUnitColumn(db);
  const unitOf = (code: string) =>
    col?.holds === 'path' ? sql`(select path from org_units where code = ${sql.raw(code)})` : sql.raw(code);
  const colSql = col ? sql`, ${sql.raw(`"${col.name}"`)}` : sql``;
  await db.execute(sql`
    with src as (
      select 'create' as action, 'enterprise' as entity, e.id::text as entity_id, e.org_unit_code as unit,
             jsonb_build_object('name', jsonb_build_object('before', null, 'after', e.name)) as changes
      from enterprises e join org_units o on o.code = e.org_unit_code where o.path like ${`/${ROOT}/%`}
      union all
      select 'review', 'claim', c.id::text, e.org_unit_code,
             jsonb_build_object('status', jsonb_build_object('before', 'matched', 'after', c.status))
      from claims c join enterprises e on e.id = c.enterprise_id join org_units o on o.code = e.org_unit_code
      where o.path like ${`/${ROOT}/%`}
      union all
      select case when g % 2 = 0 then 'login' else 'update' end, case when g % 2 = 0 then 'session' else 'data_value' end,
             md5(g::text), t.code, jsonb_build_object('ok', jsonb_build_object('before', null, 'after', true))
      from generate_series(1, ${OTHER_AUDIT}) g
      join (select code, row_number() over (order by code) - 1 as k from org_units
            where path like ${`/${ROOT}/%`} and level in ('county', 'township')) t
        on t.k = (g * 7919) % ${units.length - 1 - PREFECTURES}
    ), ordered as (
      select src.*, row_number() over (order by md5(entity_id || action)) as n, count(*) over () as total from src
    )
    insert into audit_events (at, username, action, entity, entity_id, changes, request_id, ip${colSql})
    select now() - (total - n) * interval '2 minutes', 'bench_staff_' || (n % 400), action, entity, entity_id, changes,
           'req-' || n, '10.0.' || (n % 250) || '.' || (n % 200)${col ? sql`, ${unitOf('unit')}` : sql``}
    from ordered order by n`);
  return col;
}

/** Migrates and seeds the scratch database, then loads the synthetic province; returns what it holds. */
export async function populate(database: Database) {
  const db = database.db;
  await database.migrate();
  await seedReferenceData(db);
  const units = syntheticUnits();
  await populateUnitsAndEnterprises(db, units);
  await populatePoliciesAndClaims(db, units);
  const col = await populateAudit(db, units);
  // BENCH_SCOPE_SQL: statements to try before measuring (an index proposal), e.g. "create index … on claims …".
  if (process.env.BENCH_SCOPE_SQL) await db.execute(sql.raw(process.env.BENCH_SCOPE_SQL));
  await db.execute(sql`analyze`);
  const [n] = await exec<{ units: number; ents: number; claims: number; audit: number; policies: number }>(
    db,
    sql`select (select count(*)::int from org_units where path like ${`/${ROOT}/%`}) as units,
               (select count(*)::int from enterprises e join org_units o on o.code = e.org_unit_code where o.path like ${`/${ROOT}/%`}) as ents,
               (select count(*)::int from claims c join policies p on p.id = c.policy_id where p.region_code like '99%') as claims,
               (select count(*)::int from policies where region_code like '99%') as policies,
               (select count(*)::int from audit_events) as audit`,
  );
  return { ...n!, auditColumn: col };
}
