import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../common/contracts/common.js';
import type { Config } from './config.js';
import type { RouteEntry } from './routes.js';

/**
 * The OpenAPI document (/api/docs/json), a product of its own for the integrators of other systems: each
 * operation has a stable `operationId`, the security it really needs, and the shared error answers. Routes
 * declare only their request and 2xx response (common/contracts/); what is common to all is added here, to the
 * document only — the error handler (errors.ts) is untouched. Checked by `npm run lint:openapi` (Redocly's
 * recommended rules, 0 problems) and by routes.api.test.ts (every route declares a 2xx response).
 */

/** Tags of the operations, each with what it groups (Redocly: a declared tag has a description). */
export const API_TAGS = [
  { name: 'system', description: 'Health of the server and its database.' },
  { name: 'auth', description: 'Sign in and out, the signed-in user, own password and language.' },
  { name: 'users', description: 'User accounts and their roles per organisational unit (administrators).' },
  { name: 'org-units', description: 'The tree of organisational units (province, city, county, town).' },
  { name: 'audit', description: 'The audit log of every change, filtered to the caller’s units.' },
  { name: 'plans', description: 'The S&T plan: its indicators and their targets.' },
  { name: 'monitoring', description: 'Indicator dashboards: progress of the plan’s indicators per unit.' },
  { name: 'data values', description: 'Values of the indicators per unit and period: entry, review, approval.' },
  { name: 'data entry', description: 'Entry forms and their spreadsheet templates and uploads.' },
  { name: 'reports', description: 'Tables shown on a page, as spreadsheet files.' },
  { name: 'registry', description: 'The register of enterprises and their qualifications.' },
  { name: 'registry import', description: 'Bulk imports into the register from spreadsheet or CSV files.' },
  { name: 'enterprise portal', description: 'What an enterprise user sees and does for their own enterprise.' },
  { name: 'policies', description: 'Support policies: their terms, eligibility and budget.' },
  { name: 'claims', description: 'Claims of enterprises under a policy, through review to payment.' },
  { name: 'ledger', description: 'The funding ledger: commitments, payments and their batches.' },
  { name: 'benchmarks', description: 'Statistics of units compared with their peers; imports of statistical tables.' },
  { name: 'projects', description: 'Project calls, applications, attachments and projects under way.' },
  { name: 'project review', description: 'Expert review of applications: experts, conflicts, panels, scores, decisions.' },
  { name: 'project notices', description: 'Approval notices of project calls and the objections raised to them.' },
  { name: 'public', description: 'Pages anyone may read without signing in: public notices, objections.' },
] as const;

/** The error answers every operation may give, each documented once under components.responses. */
export const ERROR_RESPONSES = {
  400: {
    name: 'BadRequest',
    description:
      'The request is invalid: a field failed validation (`code` = `validation`; `field` names the first field and `details` lists every problem as {field, message}), the JSON is malformed, or the database refused a value.',
  },
  401: {
    name: 'Unauthorized',
    description: 'Not signed in, or the session expired (sign in again); for the sign-in itself, wrong credentials.',
  },
  403: {
    name: 'Forbidden',
    description:
      'Signed in but not allowed: no role for this operation, a resource outside the caller’s units, a missing or wrong X-CSRF-Token on a change, or a password that must be changed first.',
  },
  404: { name: 'NotFound', description: 'The resource, or the route, does not exist.' },
  409: {
    name: 'Conflict',
    description: 'The request conflicts with the current state: a duplicate, a stale revision, or a status that does not allow the step.',
  },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than the operation accepts (1 MB of JSON; 20 MB for file uploads).' },
  429: {
    name: 'TooManyRequests',
    description: 'Too many requests from this address or for this account; try again after Retry-After seconds.',
  },
  503: { name: 'ServiceUnavailable', description: 'The database cannot be reached; try again after Retry-After seconds.' },
} as const;

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * The operation's id, derived from its method and path (so it is stable while the path is): the method in
 * lower case, then each path segment after /api in PascalCase, a parameter as `By<Name>`.
 * `GET /api/projects/calls/{id}/applications` → `getProjectsCallsByIdApplications`. A route may declare its own
 * `operationId` instead; ids are checked unique when the document is built.
 */
export function operationIdOf(method: string, openapiPath: string): string {
  const words = openapiPath
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^\{(.+)\}$/.exec(seg) ?? /^:(.+)$/.exec(seg);
      return param ? `By${pascal(param[1]!)}` : pascal(seg);
    });
  return method.toLowerCase() + (words.join('') || 'Root');
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Repairs, in place, what zod's OpenAPI 3.0 output leaves that the 3.0 rules refuse: `nullable` beside `anyOf`
 * without a `type` (moved into each branch; of a `oneOf`, into its first only, so the branches stay exclusive), equal branches of a union (kept once), and a record keyed by an enum (`required` keys that only
 * `additionalProperties` describes: they become properties).
 */
export function repairSchemas(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) repairSchemas(n);
    return;
  }
  if (!isObject(node)) return;
  for (const v of Object.values(node)) repairSchemas(v);
  // A union of equal branches (e.g. two formats of one string, once nullable): one of each is enough.
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (!Array.isArray(branches)) continue;
    const unique = branches.filter((b, i) => branches.findIndex((o) => JSON.stringify(o) === JSON.stringify(b)) === i);
    if (unique.length === 1 && isObject(unique[0])) {
      delete node[key];
      Object.assign(node, unique[0]);
    } else node[key] = unique;
  }
  if (node.nullable === true && node.type === undefined) {
    if (Array.isArray(node.anyOf)) for (const b of node.anyOf) if (isObject(b) && b.type !== undefined) b.nullable = true;
    // oneOf's branches must exclude each other: null goes to one branch only (a nullable discriminated union).
    if (Array.isArray(node.oneOf)) {
      const first = node.oneOf.find((b) => isObject(b) && b.type !== undefined);
      if (isObject(first)) first.nullable = true;
    }
    delete node.nullable;
  }
  if (Array.isArray(node.required) && isObject(node.additionalProperties)) {
    const props = (node.properties ??= {}) as Json;
    for (const key of node.required as string[]) props[key] ??= node.additionalProperties;
  }
}

const ref = (kind: 'schemas' | 'responses', name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** The error body, as an OpenAPI 3.0 schema. */
function errorSchema(): Json {
  const { $schema: _, ...schema } = z.toJSONSchema(errorBody, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as Json;
  return {
    ...schema,
    description:
      'Every error answer: a stable `code` (for programs), a `message` in the caller’s language (Accept-Language or the user’s setting), the `field` concerned when there is one, `details` (e.g. every validation problem) and the `requestId` to quote.',
  };
}

/** The generated document, completed: operation ids, per-operation security, error answers, schema repairs. */
export function completeDocument(doc: Json, routes: readonly Pick<RouteEntry, 'method' | 'url' | 'public'>[]): Json {
  const publicRoutes = new Set(routes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`));
  const seen = new Map<string, string>();
  const errorRefs = Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([status, e]) => [status, ref('responses', e.name)]));
  for (const [p, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const where = `${method.toUpperCase()} ${p}`;
      const id = typeof op.operationId === 'string' ? op.operationId : operationIdOf(method, p);
      const other = seen.get(id);
      if (other) throw new Error(`OpenAPI: operationId ${id} of ${where} is already that of ${other}`);
      seen.set(id, where);
      op.operationId = id;
      const url = p.replace(/\{([^}]+)\}/g, ':$1');
      if (publicRoutes.has(`${method.toUpperCase()} ${url}`)) op.security = [];
      else if (!MUTATING.has(method)) op.security = [{ session: [] }];
      op.responses = { ...errorRefs, ...(op.responses as Json) };
    }
  }
  const components = (doc.components ??= {}) as Json;
  components.schemas = { ...(components.schemas as Json), ErrorBody: errorSchema() };
  components.responses = {
    ...(components.responses as Json),
    ...Object.fromEntries(
      Object.values(ERROR_RESPONSES).map((e) => [
        e.name,
        { description: e.description, content: { 'application/json': { schema: ref('schemas', 'ErrorBody') } } },
      ]),
    ),
  };
  repairSchemas(doc.paths);
  repairSchemas(components.schemas);
  return doc;
}

/** The OpenAPI document's head: who, what, where, and how callers authenticate. */
function documentHead(config: Config) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Kechuang 科创治理平台 API',
      version: config.version,
      description: [
        'The API of the Kechuang S&T innovation plan governance platform, as served by this installation.',
        '',
        'Authentication: `POST /api/auth/login` sets the HttpOnly session cookie `kc_session` and answers a `csrfToken`;',
        'every change (POST, PUT, PATCH, DELETE) by a signed-in caller sends it back in the `X-CSRF-Token` header.',
        'Errors share one body (`ErrorBody`). Each `operationId` is derived from the method and the path',
        '(`GET /api/projects/calls/{id}` → `getProjectsCallsById`) and changes only when the path does.',
      ].join('\n'),
      // The software carries no public licence: its use is governed by the operating bureau's agreement.
      license: { name: 'Proprietary (no public licence)' },
    },
    servers: [{ url: '/', description: 'This installation (paths are relative to its address)' }],
    tags: API_TAGS.map((t) => ({ ...t })),
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'kc_session', description: 'The session cookie set by POST /api/auth/login.' },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'The csrfToken of the sign-in answer (also in the kc_csrf cookie), on every change.',
        },
      },
    },
    security: [{ session: [], csrf: [] }],
  } as const;
}

/**
 * Registers the document (swagger) and its pages (/api/docs); which routes are public it reads from the route
 * registry (routes.ts, registered first). Call before any route is registered.
 */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: documentHead(config) as never,
    transform: jsonSchemaTransform,
    transformObject: (doc) =>
      completeDocument(('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject) as Json, app.routeRegistry) as never,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
}
