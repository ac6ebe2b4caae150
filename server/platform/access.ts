import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { covers } from '../../common/access.js';
import type { Role } from '../../common/enums.js';
import { requireAuth, type AuthInfo } from './auth.js';
import { textArray } from './bulk-insert.js';
import { rowsOf, type Db } from './db.js';
import { AppError } from './errors.js';

/**
 * The one place where access is decided. Every /api route that is not public declares in `config.access`
 * which roles may call it and, when its URL (or body) names a resource, which resource: the resource is
 * resolved to the org units it belongs to and checked against the caller's grants for those roles before
 * the body is validated or the handler runs. A route without a rule is refused (deny by default) and fails
 * the access-matrix test. Lists are filtered in SQL with `inScope(…, access.scopes)`; a handler that acts on
 * several units (an import) asks `access.can(…)` for each, so every decision goes through `allowed()` here.
 */

export type Action = 'read' | 'write';

/** Where the key of the resource a route touches is found. */
export type ResourceKey = { param: string } | { body: string } | { query: string };

export interface AccessRule {
  /** Roles whose grants may act, each within its org-unit subtree. */
  roles: readonly Role[];
  /**
   * Roles that act on their own records (an enterprise's portal, an expert's assignments, a bank's loans):
   * for these the scope check is skipped and the handler checks ownership.
   */
  personal?: readonly Role[];
  /** What the call does to the resource; default: GET/HEAD read, everything else write. */
  action?: Action;
  /** The resource type the URL names (see defineResource). */
  resource?: string;
  /** Where its key is; default the URL parameter `id`. */
  key?: ResourceKey;
  /** Allowed while the user must still change the password (the change itself, /me, sign-out). */
  duringPasswordChange?: boolean;
  /**
   * What the handler narrows further, with `access.assert` (e.g. the unit a dashboard is asked for, which
   * defaults to the plan's region): a caller the rule lets through may still be refused there.
   */
  narrows?: string;
}

export interface ResourceType {
  /** The org-unit paths the resource belongs to (all must be covered to write it); null when it does not exist. */
  resolve(db: Db, key: string): Promise<string[] | null>;
  /** The shape of a key, checked before resolving (a malformed key is left to validation). */
  key: 'uuid' | 'number' | 'code';
  /**
   * Resources of a province or city (policies, budgets, calls, expert pools) that the units below may read:
   * a county bureau reads its own and its ancestors' but acts only on its own.
   */
  sharedDown?: boolean;
  /**
   * The units a key resolves to never change (a plan's region): resolved once per process and database, so a
   * dashboard read costs no extra query.
   */
  stable?: boolean;
}

const resources = new Map<string, ResourceType>();

/** Declares how a resource type resolves to org units (each module declares its own, in its policy file). */
export function defineResource(name: string, type: ResourceType): void {
  resources.set(name, type);
}

/**
 * A resolver from a query that returns the resource's org-unit paths in a column `path` (one row per unit
 * it belongs to): no row = no such resource; a row with a null path = a resource of no unit (the root).
 */
export async function pathsFrom(db: Db, query: SQL): Promise<string[] | null> {
  const rows = rowsOf<{ path: string | null }>(await db.execute(query));
  if (rows.length === 0) return null;
  return [...new Set(rows.map((r) => r.path ?? ROOT))];
}

export function resourceType(name: string): ResourceType {
  const t = resources.get(name);
  if (!t) throw new Error(`access: unknown resource type "${name}"`);
  return t;
}

/** The decision: may grants rooted at `scopes` do `action` on a resource belonging to `paths`? */
export function allowed(scopes: readonly string[], action: Action, paths: readonly string[], sharedDown = false): boolean {
  if (paths.length === 0 || scopes.length === 0) return false;
  if (action === 'write') return paths.every((p) => scopes.some((s) => covers(s, p)));
  return paths.some((p) => scopes.some((s) => covers(s, p) || (sharedDown && covers(p, s))));
}

export interface Access {
  auth: AuthInfo;
  roles: readonly Role[];
  /** Scope roots (paths) of the caller's grants with one of the rule's roles. */
  scopes: string[];
  /** Whether the caller holds one of the rule's personal roles (the handler checks ownership). */
  personal: boolean;
  /** The org-unit paths of the resource the route names, once checked. */
  target: string[] | null;
  can(action: Action, paths: string | readonly string[], sharedDown?: boolean): boolean;
  /** Throws 403 naming the unit when the caller may not act on it. */
  assert(action: Action, path: string, unitName: string, sharedDown?: boolean): void;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    access: Access | null;
  }
}

export function accessFor(auth: AuthInfo, roles: readonly Role[], personalRoles: readonly Role[] = []): Access {
  const scopes = auth.grants.filter((g) => roles.includes(g.role)).map((g) => g.path);
  return {
    auth,
    roles,
    scopes,
    personal: auth.grants.some((g) => personalRoles.includes(g.role)),
    target: null,
    can: (action, paths, sharedDown = false) => allowed(scopes, action, typeof paths === 'string' ? [paths] : paths, sharedDown),
    assert(action, path, unitName, sharedDown = false) {
      if (!allowed(scopes, action, [path], sharedDown)) throw new AppError(403, 'forbidden_scope', { unit: unitName });
    },
  };
}

/** The access the route's rule granted (every non-public route has one once its hook ran). */
export function accessOf(req: FastifyRequest): Access {
  if (!req.access) throw new AppError(403, 'forbidden');
  return req.access;
}

/**
 * SQL: the org-unit path `pathCol` lies in one of the scopes (and, for resources shared downward, also
 * above one of them). No scopes: nothing.
 */
export function inScope(pathCol: SQL | AnyPgColumn, scopes: readonly string[], opts: { sharedDown?: boolean } = {}): SQL {
  if (scopes.length === 0) return sql`false`;
  const below = sql`${pathCol} like any(${textArray(scopes.map((s) => `${escapeLike(s)}%`))})`;
  if (!opts.sharedDown) return below;
  return sql`(${below} or exists (select 1 from unnest(${textArray([...scopes])}) s(p) where starts_with(s.p, ${pathCol})))`;
}

/** A LIKE pattern that matches `text` literally (`%`, `_` and the escape character escaped). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The path above every unit: what belongs to no unit belongs to the whole installation. */
export const ROOT = '/';

/** A bigint id (ledger accounts and transfers). */
const NUMBER = /^\d{1,18}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function keyOf(req: FastifyRequest, key: ResourceKey): unknown {
  if ('param' in key) return (req.params as Record<string, unknown> | undefined)?.[key.param];
  if ('query' in key) return (req.query as Record<string, unknown> | undefined)?.[key.query];
  return (req.body as Record<string, unknown> | undefined)?.[key.body];
}

async function unitName(db: Db, path: string): Promise<string> {
  if (path === ROOT) return '全部区划 / all units';
  const res = await db.execute<{ name: string }>(sql`select name from org_units where path = ${path}`);
  return rowsOf<{ name: string }>(res)[0]?.name ?? path;
}

const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * Registers the access hooks. Order on a request: session (onRequest) → 401 for anonymous → CSRF → this rule
 * (403 without a role, 403 out of scope, 404 for a resource that does not exist) → body validation (400) →
 * handler. Checking before validation means a caller who may not act learns nothing about the body's shape.
 */
export function registerAccess(app: FastifyInstance, db: Db): void {
  app.decorateRequest('access', null);
  const checked = new WeakSet<FastifyRequest>();

  const stableCache = new Map<string, Map<string, string[]>>();
  const remember = (type: string, key: string, paths: string[]) => {
    let m = stableCache.get(type);
    if (!m) stableCache.set(type, (m = new Map()));
    if (m.size >= 10_000) m.clear();
    m.set(key, paths);
  };

  async function checkResource(req: FastifyRequest, rule: AccessRule, access: Access, validated: boolean): Promise<boolean> {
    // Ownership decides for one who acts only on their own records; one who also holds a scoped role is held to
    // its scope (a handler that sees a staff role would not check ownership).
    if (!rule.resource || (access.personal && access.scopes.length === 0)) return true;
    const type = resourceType(rule.resource);
    const raw = keyOf(req, rule.key ?? { param: 'id' });
    let paths: string[] | null;
    if (raw === undefined || raw === null || raw === '') {
      // No key (an optional parent, a top-level resource): it belongs to the whole installation, which
      // only a grant at the root may write, and which every holder of the roles may read when shared down.
      paths = [ROOT];
    } else {
      const wellFormed =
        typeof raw === 'string' && (type.key === 'uuid' ? UUID.test(raw) : type.key === 'number' ? NUMBER.test(raw) : true);
      if (!wellFormed) {
        // Before validation: leave a malformed key to the schema (400). After it: nothing to find.
        if (!validated) return false;
        throw new AppError(404, 'not_found', { what: String(raw) });
      }
      paths = type.stable ? (stableCache.get(rule.resource)?.get(raw) ?? null) : null;
      if (!paths) {
        paths = await type.resolve(db, raw);
        if (!paths) throw new AppError(404, 'not_found', { what: raw });
        if (type.stable) remember(rule.resource, raw, paths);
      }
    }
    const action = rule.action ?? (req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write');
    if (!access.can(action, paths, type.sharedDown)) {
      const outside = paths.find((p) => !access.can(action, [p], type.sharedDown)) ?? paths[0]!;
      throw new AppError(403, 'forbidden_scope', { unit: await unitName(db, outside) });
    }
    access.target = paths;
    return true;
  }

  app.addHook('preValidation', async (req) => {
    if (!isApi(req.url) || req.is404 || req.routeOptions.config.public) return;
    const auth = requireAuth(req);
    const rule = req.routeOptions.config.access;
    if (!rule) {
      req.log.error({ route: req.routeOptions.url }, 'route without an access rule refused');
      throw new AppError(403, 'forbidden');
    }
    if (auth.user.mustChangePassword && !rule.duringPasswordChange) throw new AppError(403, 'must_change_password');
    const access = accessFor(auth, rule.roles, rule.personal);
    if (access.scopes.length === 0 && !access.personal) throw new AppError(403, 'forbidden');
    req.access = access;
    if (await checkResource(req, rule, access, false)) checked.add(req);
  });

  // A key that was not well formed before validation, and that validation let through, is checked now.
  app.addHook('preHandler', async (req) => {
    if (!req.access || checked.has(req)) return;
    const rule = req.routeOptions.config.access;
    if (rule) await checkResource(req, rule, req.access, true);
  });
}
