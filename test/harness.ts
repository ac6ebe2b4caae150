import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '../server/app.js';
import { createUser } from '../server/modules/accounts/index.js';
import { systemContext } from '../server/platform/audit.js';
import { loadConfig, type Config } from '../server/platform/config.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../server/platform/rate-limit.js';
import type { Database } from '../server/platform/db.js';
import type { Role } from '../common/enums.js';
import { cloneTemplate } from './db-template.js';
import { creditCodeCheckChar } from '../common/registry/index.js';
import { eq } from 'drizzle-orm';
import { enterprises, users } from '../server/db/schema/index.js';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close: () => Promise<void>;
}

/**
 * Rate limits for tests: a test file signs in dozens of users from one address, so the real limits (the
 * default config) would refuse its requests. A test of the limits themselves passes `rateLimits`.
 */
export const TEST_RATE_LIMITS = Object.fromEntries(
  Object.keys(DEFAULT_RATE_LIMITS).map((k) => [k, { max: 1_000_000, windowSeconds: 60 }]),
) as RateLimits;

/** One app over one cloned database per test file. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { database, dispose } = await cloneTemplate();
  const config = { ...loadConfig({ KECHUANG_WEB_DIR: '/nonexistent' }), rateLimits: TEST_RATE_LIMITS, ...overrides };
  // KC_TEST_LOG=error (or another pino level) shows the server's log, e.g. the cause of a 500.
  const level = process.env.KC_TEST_LOG;
  const app = await buildApp({ database, config, ...(level ? { logger: pino({ level }) } : {}) });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}

export const PASSWORD = 'Test-Passw0rd-42';

let counter = 0;
/** Factory: a user with the given grants (default scope: Xiushan). */
export async function makeUser(
  t: TestContext,
  roles: Role[] | { role: Role; orgUnitCode: string; enterpriseId?: string }[],
  opts: { username?: string; password?: string; mustChangePassword?: boolean } = {},
) {
  counter += 1;
  const username = opts.username ?? `u${counter}_${Math.random().toString(36).slice(2, 7)}`;
  const grants = await Promise.all(
    roles.map(async (r) => {
      const g = typeof r === 'string' ? { role: r, orgUnitCode: '500241' } : r;
      // An enterprise user acts for an enterprise: make one when the test does not name it.
      return g.role === 'enterprise' && !('enterpriseId' in g && g.enterpriseId)
        ? { ...g, enterpriseId: await makeEnterprise(t, g.orgUnitCode) }
        : g;
    }),
  );
  const { user } = await createUser(t.database.db, systemContext('test'), () => true, {
    username,
    displayName: `测试用户 ${counter}`,
    password: opts.password ?? PASSWORD,
    roles: grants,
  });
  // A password an administrator chose must be changed at first sign-in; test users have done so unless asked.
  if (!opts.mustChangePassword) await t.database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
  return { ...user, mustChangePassword: Boolean(opts.mustChangePassword) };
}

/** A valid unified social credit code (GB 32100) registered in Xiushan, unique per call. */
export function creditCode(n = counter): string {
  const first17 = `91500241MA${String(n).padStart(6, '0').slice(-6)}X`;
  return first17 + creditCodeCheckChar(first17);
}

/** Factory: a registered enterprise in the given unit (default: a Xiushan town). */
export async function makeEnterprise(t: TestContext, orgUnitCode = '500241001', name?: string): Promise<string> {
  counter += 1;
  const [row] = await t.database.db
    .insert(enterprises)
    .values({
      creditCode: creditCode(counter),
      name: name ?? `测试企业${counter}`,
      orgUnitCode: orgUnitCode === '500241' ? '500241001' : orgUnitCode,
    })
    .returning({ id: enterprises.id });
  return row!.id;
}

/** A signed-in client: carries the session cookie and the CSRF header like the web app does. */
export class Agent {
  constructor(
    private readonly app: FastifyInstance,
    readonly cookie: string,
    readonly csrf: string,
  ) {}

  request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const { csrf = true, headers, ...rest } = opts;
    return this.app.inject({
      ...rest,
      headers: { ...(headers ?? {}), cookie: this.cookie, ...(csrf ? { 'x-csrf-token': this.csrf } : {}) },
    });
  }
  get = (url: string) => this.request({ method: 'GET', url });
  post = (url: string, payload?: unknown) => this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  patch = (url: string, payload?: unknown) => this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
}

export async function login(t: TestContext, username: string, password = PASSWORD): Promise<Agent> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies as { name: string; value: string }[];
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = cookies.find((c) => c.name === 'kc_csrf')!.value;
  return new Agent(t.app, cookie, csrf);
}

/** Factory + sign-in in one step. */
export async function agentWith(t: TestContext, roles: Role[] | { role: Role; orgUnitCode: string }[]) {
  const user = await makeUser(t, roles);
  return { user, agent: await login(t, user.username) };
}
