import type { FastifyInstance } from 'fastify';
import { sql, type SQL } from 'drizzle-orm';
import type { requestBudget } from '../server/modules/ledger/index.js';
import { systemContext } from '../server/platform/audit.js';
import { rowsOf } from '../server/platform/db.js';
import { ROLES, type Role } from '../common/enums.js';
import { orgUnits } from '../server/db/schema/index.js';
import type { AccessRule } from '../server/platform/access.js';
import type { RouteEntry } from '../server/platform/routes.js';
import { login, makeEnterprise, makeUser, type Agent, type TestContext } from './harness.js';

/**
 * The access matrix, probed over HTTP: every operation of the OpenAPI document × anonymous and every role ×
 * every relation of the caller's grant to the resource's owner unit. It answers what a caller gets, not what
 * a rule says: a refusal is a 403 from the access layer, an allowance anything but 401 and that 403.
 */

export const RELATIONS = ['same', 'ancestor', 'descendant', 'sibling', 'otherProvince'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface Operation {
  method: string;
  /** The path as Fastify writes it (`/api/claims/:id`). */
  url: string;
  /** The operation as OpenAPI writes it (`/api/claims/{id}`). */
  openapi: string;
  route: RouteEntry | undefined;
}

/** Every operation of the OpenAPI document, with the route (and its access rule) that serves it. */
export function operations(app: FastifyInstance): Operation[] {
  const doc = (app as unknown as { swagger: () => { paths: Record<string, Record<string, unknown>> } }).swagger();
  // An older server (replayed by bench:access) has no route table: its operations then carry no rule.
  const routes = new Map((app.routeRegistry ?? []).map((r) => [`${r.method} ${r.url}`, r]));
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    if (!p.startsWith('/api/')) continue;
    for (const m of Object.keys(methods)) {
      const method = m.toUpperCase();
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      const url = p.replace(/\{([^}]+)\}/g, ':$1');
      ops.push({ method, url, openapi: p, route: routes.get(`${method} ${url}`) });
    }
  }
  return ops.sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

/** The grant units, relative to an owner unit, as codes: owner, its parent, a child, a sibling, another province. */
export interface RelationUnits {
  same: string;
  ancestor: string;
  descendant: string;
  sibling: string;
  otherProvince: string;
}

/** Xiushan county (500241) as owner, and its town 500241001 as owner (an enterprise's unit). */
export const COUNTY: RelationUnits = {
  same: '500241',
  ancestor: '500000',
  descendant: '500241002',
  sibling: '500101',
  otherProvince: '510000',
};
export const TOWN: RelationUnits = {
  same: '500241001',
  ancestor: '500241',
  descendant: '500241P91',
  sibling: '500241002',
  otherProvince: '510000',
};

/** Units the probe needs that the reference data lacks: another province, and a park below a town. */
export async function addProbeUnits(t: TestContext): Promise<void> {
  await t.database.db
    .insert(orgUnits)
    .values([
      { code: '510000', name: '四川省（测试）', level: 'province', path: '/510000/' },
      {
        code: '500241P91',
        name: '测试园区（访问矩阵）',
        level: 'park',
        parentCode: '500241001',
        path: '/500000/500241/500241001/500241P91/',
      },
    ])
    .onConflictDoNothing();
}

/** One signed-in agent per role × unit, made on first use. */
export class Callers {
  private readonly agents = new Map<string, Agent>();
  constructor(private readonly t: TestContext) {}

  async get(role: Role, unit: string): Promise<Agent> {
    const key = `${role}@${unit}`;
    let agent = this.agents.get(key);
    if (!agent) {
      const grant =
        role === 'enterprise' ? { role, orgUnitCode: unit, enterpriseId: await makeEnterprise(this.t, unit) } : { role, orgUnitCode: unit };
      const user = await makeUser(this.t, [grant]);
      agent = await login(this.t, user.username);
      this.agents.set(key, agent);
    }
    return agent;
  }

  /** After an operation that ends the caller's session (sign-out, password change). */
  forget(role: Role, unit: string): void {
    this.agents.delete(`${role}@${unit}`);
  }
}

export type Outcome = 'anonymous' | 'refused' | 'allowed';

/** A refusal by the access layer (role or scope), as opposed to a handler's own answer. */
export function outcomeOf(status: number, body: string): Outcome {
  if (status === 401) return 'anonymous';
  if (status === 403) {
    try {
      const code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
      if (code === 'forbidden' || code === 'forbidden_scope') return 'refused';
    } catch {
      return 'refused';
    }
  }
  return 'allowed';
}

/** The URL of an operation with every path parameter set to `key`. */
export const urlFor = (op: Operation, key: string) => op.url.replace(/:([A-Za-z0-9_]+)/g, () => encodeURIComponent(key));

/** What the rule promises a role at a relation, independent of the code that enforces it. */
export function expected(rule: AccessRule, method: string, role: Role, relation: Relation, sharedDown: boolean): Outcome | 'personal' {
  if (rule.personal?.includes(role) && !rule.roles.includes(role)) return 'personal';
  if (!rule.roles.includes(role)) return 'refused';
  if (!rule.resource) return 'allowed';
  const write = (rule.action ?? (method === 'GET' ? 'read' : 'write')) === 'write';
  if (relation === 'same' || relation === 'ancestor') return 'allowed';
  if (relation === 'descendant' && !write && sharedDown) return 'allowed';
  return 'refused';
}

export const ALL_ROLES: readonly Role[] = ROLES;

/** A real resource of each type, in Xiushan: its key and the unit its owner relations are measured from. */
export type Fixtures = Map<string, { key: string; owner: RelationUnits }>;

export async function buildFixtures(t: TestContext): Promise<Fixtures> {
  const db = t.database.db;
  const one = async (q: SQL): Promise<string> => {
    const row = rowsOf<{ k: string | number }>(await db.execute(q))[0];
    if (!row) throw new Error(`access probe: no fixture from ${JSON.stringify(q)}`);
    return String(row.k);
  };
  const columns = new Set(
    rowsOf<{ c: string }>(
      await db.execute(
        sql`select table_name || '.' || column_name as c from information_schema.columns where column_name = 'org_unit_code'`,
      ),
    ).map((r) => r.c),
  );
  /** The owner-unit column and its value where this schema has it (older schemas, replayed by bench:access, do not). */
  const unitCol = (table: string) => (columns.has(`${table}.org_unit_code`) ? sql`, org_unit_code` : sql``);
  const unitVal = (table: string) => (columns.has(`${table}.org_unit_code`) ? sql`, ${COUNTY.same}` : sql``);
  const f: Fixtures = new Map();
  const county = (type: string, key: string) => f.set(type, { key, owner: COUNTY });
  const town = (type: string, key: string) => f.set(type, { key, owner: TOWN });
  // Each builder on its own: a type whose table an older schema lacks is left out, not the whole matrix.
  const build = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      console.warn(`access probe: no ${what} fixture (${(e as Error).message.split('\n')[0]})`);
    }
  };

  county('orgUnit', COUNTY.same);
  county('dataValue', COUNTY.same);
  const enterpriseId = await makeEnterprise(t, TOWN.same);
  town('enterprise', enterpriseId);
  const owner = await makeUser(t, [{ role: 'enterprise', orgUnitCode: TOWN.same, enterpriseId }]);
  const staff = await makeUser(t, [{ role: 'bureau', orgUnitCode: COUNTY.same }]);
  county('user', staff.id);
  const kit: FixtureKit = { db, one, county, town, unitCol, unitVal, enterpriseId, ownerId: owner.id, staffId: staff.id };

  await build('plan', async () => {
    county('plan', await one(sql`select id as k from plans where region_code = ${COUNTY.same} limit 1`));
    county(
      'indicator',
      await one(sql`select i.code as k from indicators i join plans p on p.id = i.plan_id where p.region_code = ${COUNTY.same} limit 1`),
    );
  });
  await build('register', () => registerFixtures(kit));
  await build('policies', () => policyFixtures(kit));
  await build('projects', () => projectFixtures(kit));
  await build('benchmarks', () => benchmarkFixtures(kit));
  return f;
}

/** What the fixture builders share: the database, a one-row query, where to record a fixture, the schema's unit columns. */
interface FixtureKit {
  db: TestContext['database']['db'];
  one: (q: SQL) => Promise<string>;
  county: (type: string, key: string) => void;
  town: (type: string, key: string) => void;
  unitCol: (table: string) => SQL;
  unitVal: (table: string) => SQL;
  enterpriseId: string;
  ownerId: string;
  staffId: string;
}

/** A qualification, platform, talent and patent of the town's enterprise. */
async function registerFixtures({ db, one, town, enterpriseId }: FixtureKit): Promise<void> {
  town(
    'qualification',
    await one(sql`insert into qualifications (enterprise_id, type_code, issued_on)
      values (${enterpriseId}, (select code from qualification_types order by code limit 1), '2024-01-01') returning id as k`),
  );
  town(
    'platform',
    await one(sql`insert into platforms (name, type_code, level, org_unit_code, recognized_on)
      values ('矩阵测试平台', (select code from platform_types order by code limit 1), 'county', ${TOWN.same}, '2024-01-01') returning id as k`),
  );
  town(
    'talent',
    await one(sql`insert into talents (name, category, org_unit_code, from_date, employer_enterprise_id)
      values ('矩阵测试人才', 'other', ${TOWN.same}, '2024-01-01', ${enterpriseId}) returning id as k`),
  );
  const patentId = await one(sql`insert into patents (number, type, title, filed_on, status, expires_on)
    values ('ZL202410000001.X', 'invention', '矩阵测试专利', '2024-01-01', 'granted', '2044-01-01') returning id as k`);
  await db.execute(sql`insert into patent_owners (patent_id, credit_code, enterprise_id)
    values (${patentId}, (select credit_code from enterprises where id = ${enterpriseId}), ${enterpriseId})`);
  town('patent', patentId);
}

/** A policy of the county and its version, budget, a claim, a notice with an objection, a budget request. */
async function policyFixtures({ db, one, county, unitCol, unitVal, enterpriseId }: FixtureKit): Promise<void> {
  const policy = await one(sql`select p.code as k from policies p where p.region_code = ${COUNTY.same}
    and exists (select 1 from policy_versions v where v.policy_id = p.id) order by p.code limit 1`);
  county('policy', policy);
  county('policyVersion', policy);
  county('budget', policy);
  county(
    'claim',
    await one(sql`insert into claims (policy_id, version_id, enterprise_id, event_key, fiscal_year, status, eligibility, trace)
      select p.id, v.id, ${enterpriseId}, 'access-matrix', 2026, 'matched', 'eligible', '{}'::jsonb
      from policies p join policy_versions v on v.policy_id = p.id where p.code = ${policy} order by v.version desc limit 1
      returning id as k`),
  );
  const notice = await one(sql`insert into notices (title, starts_on, ends_on${unitCol('notices')})
    values ('矩阵测试公示', '2026-12-01', '2026-12-08'${unitVal('notices')}) returning id as k`);
  county('notice', notice);
  county('objection', await one(sql`insert into objections (notice_id, text) values (${notice}, '矩阵测试异议') returning id as k`));
  // A budget request (pending until a second person approves it); before #12 budgets were funded at once.
  const ledger = (await import('../server/modules/ledger/index.js')) as Record<string, unknown>;
  const request = (ledger.requestBudget ?? ledger.fundBudget) as typeof requestBudget;
  const { transfer } = await db.transaction((tx) =>
    request(tx, systemContext('access-probe'), {
      year: 2026,
      source: 'county',
      policyCode: policy,
      amount: 100_000,
      key: 'budget:access-matrix',
      reason: '访问矩阵测试',
    }),
  );
  county('budgetRequest', String(transfer.id));
  county('ledgerTransfer', String(transfer.id));
  county('ledgerAccount', String(transfer.creditAccountId));
}

/** A call with an application and everything hanging on it: attachment, expert, draw, review, report, payment, notice, objection, conflict. */
async function projectFixtures({ one, county, unitCol, unitVal, enterpriseId, ownerId, staffId }: FixtureKit): Promise<void> {
  const call = await one(sql`insert into calls (code, title, guide_text, eligibility, budget_fen, opens_on, closes_on, form,
      review_template, funding_mode, funding_params, region_code, created_by)
    values ('AM2026', '矩阵测试指南', '测试', ${JSON.stringify({ registeredInRegion: true, qualificationsAnyOf: [] })}::jsonb, 100000000,
      '2026-12-01', '2026-12-31', ${JSON.stringify({ fields: [], attachments: [] })}::jsonb,
      ${JSON.stringify({ criteria: [{ key: 'innovation', zh: '创新性', en: 'Innovation', weight: 100 }], totalThreshold: 60, aggregation: 'mean', spreadThreshold: 15, reviewsPerApplication: 3, expertLoadCap: 2 })}::jsonb,
      'tranches', ${JSON.stringify({ firstTranchePct: 60, fiscalYear: 2026 })}::jsonb, ${COUNTY.same}, ${staffId}) returning id as k`);
  county('call', call);
  county('callRecords', call);
  const application = await one(sql`insert into project_applications (call_id, enterprise_id, owner_user_id, applicant_name, team_members,
      title, fields, requested_fen) values (${call}, ${enterpriseId}, ${ownerId}, '矩阵测试企业', '[]'::jsonb, '矩阵测试项目', '{}'::jsonb, 100000)
    returning id as k`);
  county('application', application);
  county('managedApplication', application);
  county(
    'attachment',
    await one(sql`insert into project_attachments (application_id, key, file_name, mime, size, sha256, content)
      values (${application}, 'plan', 'plan.pdf', 'application/pdf', 9, 'x', ${Buffer.from('%PDF-1.4\n')}) returning id as k`),
  );
  const expert = await one(
    sql`insert into experts (name, history${unitCol('experts')}) values ('矩阵测试专家', '[]'::jsonb${unitVal('experts')}) returning id as k`,
  );
  county('expert', expert);
  county(
    'draw',
    await one(
      sql`insert into assignment_draws (call_id, seed, params, result, checksum) values (${call}, 1, '{}'::jsonb, '{}'::jsonb, 'x') returning id as k`,
    ),
  );
  county(
    'review',
    await one(sql`insert into project_reviews (application_id, expert_id) values (${application}, ${expert}) returning id as k`),
  );
  county(
    'report',
    await one(
      sql`insert into project_reports (application_id, kind, due_on) values (${application}, 'midterm', '2027-06-30') returning id as k`,
    ),
  );
  county(
    'payment',
    await one(sql`insert into project_payments (application_id, seq, kind, amount_fen, condition)
      values (${application}, 1, 'tranche', 60000, 'contract') returning id as k`),
  );
  const notice = await one(sql`insert into project_notices (call_id, title, starts_on, ends_on)
    values (${call}, '矩阵测试项目公示', '2026-12-01', '2026-12-08') returning id as k`);
  county('projectNotice', notice);
  county(
    'projectObjection',
    await one(sql`insert into project_objections (notice_id, text, source) values (${notice}, '矩阵测试异议', 'public') returning id as k`),
  );
  county(
    'conflict',
    await one(sql`insert into conflicts (expert_id, application_id, type, source, evidence, status)
      values (${expert}, ${application}, 'same_org', 'admin', '矩阵测试', 'suggested') returning id as k`),
  );
}

/** A peer group and an index run. */
async function benchmarkFixtures({ one, county, unitCol, unitVal }: FixtureKit): Promise<void> {
  county(
    'peerGroup',
    await one(sql`insert into peer_groups (code, name_zh, name_en, members${unitCol('peer_groups')})
      values ('am_group', '矩阵测试组', 'Matrix group', array['500241','500101']${unitVal('peer_groups')}) returning code as k`),
  );
  county(
    'indexRun',
    await one(sql`insert into index_runs (name, year, group_code, spec, result${unitCol('index_runs')})
      values ('矩阵测试指数', 2020, 'am_group', '{}'::jsonb, '{}'::jsonb${unitVal('index_runs')}) returning id as k`),
  );
}
