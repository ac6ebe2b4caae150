import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../common/enums.js';
import { orgUnits } from '../server/db/schema/index.js';
import type { AccessRule, RouteAccess } from '../server/platform/access.js';
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
  route: RouteAccess | undefined;
}

/** Every operation of the OpenAPI document, with the route (and its access rule) that serves it. */
export function operations(app: FastifyInstance): Operation[] {
  const doc = (app as unknown as { swagger: () => { paths: Record<string, Record<string, unknown>> } }).swagger();
  const routes = new Map(app.routeAccess.map((r) => [`${r.method} ${r.url}`, r]));
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
  descendant: '500241001P1',
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
        code: '500241001P1',
        name: '测试园区（访问矩阵）',
        level: 'park',
        parentCode: '500241001',
        path: '/500000/500241/500241001/500241001P1/',
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
  const f: Fixtures = new Map();
  f.set('orgUnit', { key: COUNTY.same, owner: COUNTY });
  f.set('enterprise', { key: await makeEnterprise(t, TOWN.same), owner: TOWN });
  return f;
}
