import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rateLimitsFromEnv, type RateLimits } from './rate-limit.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../common/clock.js';

/** Project root, whether running from sources (tsx) or from dist/. */
export const PROJECT_ROOT = (() => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const parts = here.split(path.sep);
  const distIdx = parts.lastIndexOf('dist');
  const base = distIdx >= 0 ? parts.slice(0, distIdx).join(path.sep) : path.resolve(here, '..', '..');
  return base || '/';
})();

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * The owner role's URL, for migrations (DATABASE_MIGRATE_URL); the server itself then connects as the role
   * of DATABASE_URL, which may not alter or drop tables nor switch triggers off (docs/OPERATIONS.md).
   */
  databaseMigrateUrl: string | undefined;
  sessionIdleHours: number;
  /** Secure cookies: 'auto' sets Secure when the request came over HTTPS (directly or via a trusted proxy). */
  secureCookies: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  adminPassword: string | undefined;
  /** Load the synthetic demo register into an empty register (KECHUANG_DEMO=0 to skip). */
  demo: boolean;
  logLevel: string;
  /** Rate limits of the anonymous and the expensive routes (KECHUANG_RATE_LIMIT_*; see rate-limit.ts). */
  rateLimits: RateLimits;
  /**
   * Four eyes on data values (KECHUANG_FOUR_EYES_VALUES, default on): whoever entered, changed or submitted a
   * value never approves it. Written to kc_settings (four_eyes_values) at start-up; the database enforces it too.
   */
  fourEyesValues: boolean;
  /**
   * Plausibility of data values (KECHUANG_PLAUSIBILITY_FACTOR, a whole number ≥ 2, default 10): a figure more
   * than this many times, or less than this fraction of, the previous year's value needs a confirmation to be
   * saved (common/plausibility.ts). Written to kc_settings (plausibility_factor) at start-up.
   */
  plausibilityFactor: number;
  webDir: string;
  version: string;
  /**
   * Four eyes on claims (issue #12): a claim above this amount (in fen; KECHUANG_CLAIM_FOUR_EYES_YUAN in 元,
   * default 100 000 元) is approved by none of those who reviewed or changed it. The server writes it to the
   * database's kc_settings at start, where the claims trigger reads it.
   */
  claimFourEyesAboveFen: number;
  /**
   * The bureau's time zone (KECHUANG_TIME_ZONE, an IANA name, default Asia/Shanghai): the zone of "today", of
   * deadlines and of the dates shown (server/platform/clock.ts; the web reads it from /api/auth/me).
   */
  timeZone: string;
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const secure = env.KECHUANG_SECURE_COOKIES ?? 'auto';
  if (secure !== 'auto' && secure !== 'always' && secure !== 'never') {
    throw new Error(`KECHUANG_SECURE_COOKIES must be auto, always or never, got "${secure}"`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port: intEnv(env, 'PORT', 3000),
    dataDir: path.resolve(env.KECHUANG_DATA_DIR ?? path.join(PROJECT_ROOT, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseMigrateUrl: env.DATABASE_MIGRATE_URL || undefined,
    sessionIdleHours: intEnv(env, 'KECHUANG_SESSION_IDLE_HOURS', 8),
    secureCookies: secure,
    trustProxy: env.KECHUANG_TRUST_PROXY === '1' || env.KECHUANG_TRUST_PROXY === 'true',
    adminPassword: env.KECHUANG_ADMIN_PASSWORD || undefined,
    demo: env.KECHUANG_DEMO !== '0' && env.KECHUANG_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimits: rateLimitsFromEnv(env),
    fourEyesValues: !['0', 'false', 'off', 'no'].includes((env.KECHUANG_FOUR_EYES_VALUES ?? '').trim().toLowerCase()),
    plausibilityFactor: factorEnv(env, 'KECHUANG_PLAUSIBILITY_FACTOR', 10),
    webDir: path.resolve(env.KECHUANG_WEB_DIR ?? path.join(PROJECT_ROOT, 'dist', 'web')),
    version: readVersion(),
    claimFourEyesAboveFen: Math.round(intEnv(env, 'KECHUANG_CLAIM_FOUR_EYES_YUAN', 100_000) * 100),
    timeZone: timeZoneEnv(env),
  };
}

function factorEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = intEnv(env, name, fallback);
  if (!Number.isInteger(n) || n < 2) throw new Error(`${name} must be a whole number of at least 2, got "${env[name]}"`);
  return n;
}

function timeZoneEnv(env: NodeJS.ProcessEnv): string {
  const zone = env.KECHUANG_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(zone)) throw new Error(`KECHUANG_TIME_ZONE must be an IANA time zone such as ${DEFAULT_TIME_ZONE}, got "${zone}"`);
  return zone;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
