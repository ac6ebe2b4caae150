import fastifyRateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from './errors.js';

/**
 * Rate limits, all in one place: which routes are limited is decided here from the route table (method, URL
 * and whether the route is public), so a module adding an import or a public form gets its limit without
 * saying so. Anonymous routes are counted per client IP; the expensive ones per signed-in user (per IP when
 * anonymous). A request over the limit is answered 429 with Retry-After and a message in the user's language,
 * before its body is read and before anything is done. Counters live in this process's memory.
 *
 * The password lock-out (10 wrong passwords per username and IP in 15 minutes, accounts.service.ts) is a
 * separate guard, kept in the database so it holds across restarts and servers.
 */

export interface RateLimit {
  /** Requests allowed per window, per key. */
  max: number;
  windowSeconds: number;
}

export const RATE_LIMIT_CLASSES = ['login', 'anonymousWrite', 'anonymousRead', 'imports', 'runs', 'exports'] as const;
export type RateLimitClass = (typeof RATE_LIMIT_CLASSES)[number];

/** Per class: the limit, or null to switch it off. */
export type RateLimits = Record<RateLimitClass, RateLimit | null>;

/** The protective defaults (docs/OPERATIONS.md lists them with their variables). */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  /** Sign-ins per client IP: password spraying across many usernames. */
  login: { max: 20, windowSeconds: 60 },
  /** Anonymous forms (objections to policy and project notices) per client IP. */
  anonymousWrite: { max: 10, windowSeconds: 600 },
  /** Anonymous pages (public notices) per client IP. */
  anonymousRead: { max: 300, windowSeconds: 60 },
  /** Uploads of imports (register, statistical bulletins, data entry, plans; dry runs too) per user. */
  imports: { max: 30, windowSeconds: 600 },
  /** Index and test runs per user. */
  runs: { max: 30, windowSeconds: 600 },
  /** Exports and generated templates per user. */
  exports: { max: 60, windowSeconds: 600 },
};

const ENV_NAMES: Record<RateLimitClass, string> = {
  login: 'KECHUANG_RATE_LIMIT_LOGIN',
  anonymousWrite: 'KECHUANG_RATE_LIMIT_ANONYMOUS_WRITE',
  anonymousRead: 'KECHUANG_RATE_LIMIT_ANONYMOUS_READ',
  imports: 'KECHUANG_RATE_LIMIT_IMPORTS',
  runs: 'KECHUANG_RATE_LIMIT_RUNS',
  exports: 'KECHUANG_RATE_LIMIT_EXPORTS',
};

/** Each limit from its variable: `MAX/SECONDS` (e.g. `20/60`) or `off`; unset = the default. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const out = { ...DEFAULT_RATE_LIMITS };
  for (const name of RATE_LIMIT_CLASSES) {
    const raw = env[ENV_NAMES[name]]?.trim();
    if (raw === undefined || raw === '') continue;
    if (raw === 'off') {
      out[name] = null;
      continue;
    }
    const m = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
      throw new Error(`${ENV_NAMES[name]} must be MAX/SECONDS (e.g. 20/60) or off, got "${raw}"`);
    }
    out[name] = { max: Number(m[1]), windowSeconds: Number(m[2]) };
  }
  return out;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The class of a route, from its method, URL and whether it is public; undefined = not limited. */
export function rateLimitClassOf(method: string, url: string, isPublic: boolean): RateLimitClass | undefined {
  if (!url.startsWith('/api/') || url.startsWith('/api/docs') || url === '/api/health') return undefined;
  if (method === 'POST' && url === '/api/auth/login') return 'login';
  if (isPublic) return MUTATING.has(method) ? 'anonymousWrite' : 'anonymousRead';
  if (MUTATING.has(method) && /\/imports?$/.test(url)) return 'imports';
  if (method === 'POST' && /\/run$/.test(url)) return 'runs';
  if (/\/export(\/|$)/.test(url) || (method === 'GET' && /\/template$/.test(url))) return 'exports';
  return undefined;
}

/**
 * Counters in this process's memory, one fixed window per key, one store per route. The plugin's own
 * LocalStore hands back its live counter object and the plugin reads it after an await: under a burst every
 * request then sees the final count and all are refused, the first ones too (300 parallel requests with a limit
 * of 10: 0 accepted). This store answers with a copy taken at the increment.
 */
class WindowStore implements FastifyRateLimitStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  private calls = 0;

  incr(key: string, cb: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = Date.now();
    if (++this.calls % 1000 === 0) for (const [k, c] of this.counters) if (c.resetAt <= now) this.counters.delete(k);
    let c = this.counters.get(key);
    if (!c || c.resetAt <= now) this.counters.set(key, (c = { count: 0, resetAt: now + timeWindow }));
    c.count += 1;
    cb(null, { current: c.count, ttl: c.resetAt - now });
  }

  child(): FastifyRateLimitStore {
    return new WindowStore();
  }
}

/** Signed-in callers are counted as themselves (many users may share an office's IP); anonymous ones by IP. */
const keyOf = (req: FastifyRequest) => (req.auth ? `user:${req.auth.user.id}` : `ip:${req.ip}`);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by registerRateLimits from the route table; never by a module. */
    rateLimitClass?: RateLimitClass;
  }
}

/**
 * Registers @fastify/rate-limit once (no global limit) and gives every route of a limited class its limit.
 * Call before the routes are declared.
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  // Runs before the plugin's own onRoute hook (added after this one), which reads config.rateLimit.
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const method = methods.find((m) => m !== 'HEAD') ?? methods[0]!;
    const cls = rateLimitClassOf(method, route.url, Boolean(route.config?.public));
    const limit = cls ? limits[cls] : null;
    if (!cls || !limit) return;
    route.config = Object.assign(route.config ?? {}, {
      rateLimitClass: cls,
      rateLimit: { max: limit.max, timeWindow: limit.windowSeconds * 1000 },
    });
  });
  await app.register(fastifyRateLimit, {
    global: false,
    store: WindowStore,
    // Before the body is read: an upload over the limit costs nothing.
    hook: 'onRequest',
    keyGenerator: keyOf,
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_req, ctx) => new AppError(429, 'rate_limited', { seconds: Math.max(1, Math.ceil(ctx.ttl / 1000)) }),
  });
}
