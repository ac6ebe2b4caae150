import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../common/enums.js';
import { sessions, userRoles } from '../db/schema/accounts.js';
import { orgUnits } from '../db/schema/orgunits.js';
import type { Config } from './config.js';
import { rowsOf, type Db } from './db.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'kc_session';
export const CSRF_COOKIE = 'kc_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface Grant {
  role: Role;
  orgUnitCode: string;
  orgUnitName: string;
  /** Materialised path of the scope root, e.g. /500000/500241/. */
  path: string;
  /** Department grants limited to some data elements; null = all. */
  dataElements: string[] | null;
  /** Enterprise grants: the enterprise the user acts for. */
  enterpriseId: string | null;
}

export interface AuthInfo {
  user: { id: string; username: string; displayName: string; locale: string; mustChangePassword: boolean };
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes that answer without a session (health, login). Every other /api route requires one. */
    public?: boolean;
  }
  interface FastifyRequest {
    auth: AuthInfo | null;
    sessionExpired: boolean;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

const TOUCH_EVERY_MS = 60_000;

/**
 * Sessions read in the last two seconds, so that a burst of requests costs one lookup. Any successful
 * mutation through this server clears it (a disabled user, a revoked session or a changed grant takes
 * effect on the next request); a change made by another process (the CLI, a second server on the same
 * PostgreSQL) takes effect within SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 2_000;
const sessionCache = new Map<string, { row: SessionRow; at: number }>();

type SessionRow = {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: string | Date;
  userId: string;
  username: string;
  displayName: string;
  locale: string;
  disabled: boolean;
  mustChangePassword: boolean;
  grants: Grant[] | string;
};

export async function loadGrants(db: Db, userId: string): Promise<Grant[]> {
  const rows = await db
    .select({
      role: userRoles.role,
      orgUnitCode: userRoles.orgUnitCode,
      orgUnitName: orgUnits.name,
      path: orgUnits.path,
      dataElements: userRoles.dataElements,
      enterpriseId: userRoles.enterpriseId,
    })
    .from(userRoles)
    .innerJoin(orgUnits, eq(orgUnits.code, userRoles.orgUnitCode))
    .where(eq(userRoles.userId, userId))
    .orderBy(userRoles.role, userRoles.orgUnitCode);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

function isSecure(req: FastifyRequest, config: Config): boolean {
  if (config.secureCookies === 'always') return true;
  if (config.secureCookies === 'never') return false;
  return req.protocol === 'https';
}

export function setSessionCookies(reply: FastifyReply, req: FastifyRequest, config: Config, token: string, csrf: string): void {
  const secure = isSecure(req, config);
  const maxAge = config.sessionIdleHours * 3600;
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  // Readable by the page's script, echoed back in the X-CSRF-Token header (double submit).
  reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads the session cookie on every request and enforces CSRF on cookie-authenticated mutations. */
export function registerAuth(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionExpired', false);
  const idleMs = config.sessionIdleHours * 3600 * 1000;

  /** One round trip: the session, its user and the user's grants. */
  async function readSession(id: string): Promise<SessionRow | undefined> {
    const res = await db.execute<SessionRow>(sql`
      select s.id as "sessionId", s.csrf_token as "csrfToken", s.last_seen_at as "lastSeenAt",
             u.id as "userId", u.username, u.display_name as "displayName", u.locale, u.disabled,
             u.must_change_password as "mustChangePassword",
             coalesce(json_agg(json_build_object('role', r.role, 'orgUnitCode', r.org_unit_code, 'orgUnitName', o.name, 'path', o.path, 'dataElements', r.data_elements, 'enterpriseId', r.enterprise_id)
                      order by r.role, r.org_unit_code) filter (where r.role is not null), '[]') as grants
      from sessions s
      join users u on u.id = s.user_id
      left join user_roles r on r.user_id = u.id
      left join org_units o on o.code = r.org_unit_code
      where s.id = ${id}
      group by s.id, u.id`);
    return rowsOf<SessionRow>(res)[0];
  }

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = hashToken(token);
    const now = Date.now();
    const cached = sessionCache.get(id);
    const row = cached && now - cached.at < SESSION_CACHE_MS ? cached.row : await readSession(id);
    if (!row) return;
    if (!cached || cached.row !== row) sessionCache.set(id, { row, at: now });
    const lastSeen = new Date(row.lastSeenAt).getTime();
    if (row.disabled || now - lastSeen > idleMs) {
      sessionCache.delete(id);
      await db.delete(sessions).where(eq(sessions.id, id));
      req.sessionExpired = true;
      return;
    }
    if (now - lastSeen > TOUCH_EVERY_MS) {
      await db
        .update(sessions)
        .set({ lastSeenAt: sql`now()` })
        .where(eq(sessions.id, id));
      row.lastSeenAt = new Date(now);
    }
    req.auth = {
      user: {
        id: row.userId,
        username: row.username,
        displayName: row.displayName,
        locale: row.locale,
        mustChangePassword: row.mustChangePassword,
      },
      grants: typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : row.grants,
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
    };
  });

  // Any change made through this server may concern a session, a user or a grant: forget what was read.
  app.addHook('onResponse', async (req, reply) => {
    if (MUTATING.has(req.method) && reply.statusCode < 400) sessionCache.clear();
  });

  // Authentication comes before validation: an anonymous caller learns nothing about the body's shape.
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    if (req.is404 || req.routeOptions.config.public) return;
    requireAuth(req);
  });

  app.addHook('preValidation', async (req) => {
    if (!MUTATING.has(req.method) || !req.url.startsWith('/api/')) return;
    if (req.auth) {
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, req.auth.csrfToken)) throw new AppError(403, 'csrf');
      return;
    }
    // Without a session (login): refuse cross-site form posts.
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      const host = req.headers.host;
      try {
        if (new URL(origin).host !== host) throw new AppError(403, 'csrf');
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError(403, 'csrf');
      }
    }
  });
}

/** Step 1 of every handler: who is asking. */
export function requireAuth(req: FastifyRequest): AuthInfo {
  if (!req.auth) throw new AppError(401, req.sessionExpired ? 'session_expired' : 'unauthenticated');
  return req.auth;
}

/** Whether the user holds one of the roles over the unit with this path (or anywhere, when no path). */
export function hasRole(auth: AuthInfo, roles: readonly Role[], unitPath?: string): boolean {
  return auth.grants.some((g) => roles.includes(g.role) && (unitPath === undefined || unitPath.startsWith(g.path)));
}

export function requireRole(req: FastifyRequest, roles: readonly Role[], unitPath?: string): AuthInfo {
  const auth = requireAuth(req);
  if (!hasRole(auth, roles, unitPath)) throw new AppError(403, 'forbidden');
  return auth;
}

/** Scope roots (paths) where the user holds one of the roles. */
export function scopePaths(auth: AuthInfo, roles: readonly Role[]): string[] {
  return auth.grants.filter((g) => roles.includes(g.role)).map((g) => g.path);
}

export async function deleteSessionsOf(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptSessionId}`) : eq(sessions.userId, userId));
}
