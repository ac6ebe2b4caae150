import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, TEST_RATE_LIMITS, createTestApp, login, makeUser, type TestContext } from '../../test/harness.js';
import { today } from './clock.js';
import { rowsOf } from './db.js';
import { DEFAULT_RATE_LIMITS, rateLimitClassOf, type RateLimits } from './rate-limit.js';

/**
 * Issue #12: "300 anonymous objections in 2.4 s, all accepted". This app runs with the real, default limits
 * (the harness gives other test files generous ones).
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ rateLimits: DEFAULT_RATE_LIMITS });
});
afterAll(() => t.close());

async function runningNotice(ctx: TestContext): Promise<string> {
  const day = today();
  const res = await ctx.database.db.execute(sql`
    insert into notices (title, starts_on, ends_on, org_unit_code)
    values ('限流测试公示', ${day}::date - 1, ${day}::date + 10, '500241') returning id`);
  return rowsOf<{ id: string }>(res)[0]!.id;
}

const objectionCount = async (ctx: TestContext, noticeId: string) =>
  rowsOf<{ n: number }>(await ctx.database.db.execute(sql`select count(*)::int as n from objections where notice_id = ${noticeId}`))[0]!.n;

describe('rate limits (issue #12)', () => {
  it('300 anonymous objections in a burst: the limit is accepted, the rest get 429 with Retry-After and create nothing', async () => {
    const noticeId = await runningNotice(t);
    const limit = DEFAULT_RATE_LIMITS.anonymousWrite!;
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: `/api/public/notices/${noticeId}/objections`,
          payload: { text: `第 ${i} 条异议：申报材料与事实不符` },
          headers: i % 2 ? { 'accept-language': 'en-US' } : {},
        }),
      ),
    );
    const created = answers.filter((r) => r.statusCode === 201);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(created).toHaveLength(limit.max);
    expect(refused).toHaveLength(300 - limit.max);
    for (const r of refused) {
      const after = Number(r.headers['retry-after']);
      expect(after).toBeGreaterThanOrEqual(1);
      expect(after).toBeLessThanOrEqual(limit.windowSeconds);
      expect(r.json().error.code).toBe('rate_limited');
    }
    const zh = refused.find((r) => r.json().error.message.includes('请求过于频繁'));
    const en = refused.find((r) => r.json().error.message.startsWith('Too many requests; try again in'));
    expect(zh && en).toBeTruthy();
    // The excess created nothing.
    expect(await objectionCount(t, noticeId)).toBe(limit.max);
  });

  it('the public objections of project notices are limited too (found by their public POST route)', async () => {
    const other = { remoteAddress: '203.0.113.7' };
    const url = '/api/public/project-notices/00000000-0000-4000-8000-000000000001/objections';
    const codes: number[] = [];
    for (let i = 0; i <= DEFAULT_RATE_LIMITS.anonymousWrite!.max; i++) {
      codes.push((await t.app.inject({ method: 'POST', url, payload: { text: '异议内容异议内容' }, ...other })).statusCode);
    }
    expect(codes.slice(0, -1).every((c) => c !== 429)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('sign-in is limited per client address, before any password is checked', async () => {
    const u = await makeUser(t, ['bureau']);
    const from = (ip: string) => ({ method: 'POST' as const, url: '/api/auth/login', remoteAddress: ip });
    const max = DEFAULT_RATE_LIMITS.login!.max;
    for (let i = 0; i < max; i++) {
      // Different usernames: the per-user lock-out never triggers, only the address's limit does.
      const r = await t.app.inject({ ...from('198.51.100.9'), payload: { username: `spray${i}`, password: 'Wrong-password-1' } });
      expect(r.statusCode).toBe(401);
    }
    const over = await t.app.inject({ ...from('198.51.100.9'), payload: { username: u.username, password: PASSWORD } });
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    expect(over.headers['retry-after']).toBeDefined();
    // Another address signs in as usual.
    expect((await t.app.inject({ ...from('198.51.100.10'), payload: { username: u.username, password: PASSWORD } })).statusCode).toBe(200);
  });
});

describe('every anonymous and expensive route gets its limit from the central table', () => {
  let t1: TestContext;
  beforeAll(async () => {
    const one = Object.fromEntries(Object.keys(DEFAULT_RATE_LIMITS).map((k) => [k, { max: 1, windowSeconds: 60 }])) as RateLimits;
    t1 = await createTestApp({ rateLimits: one });
  });
  afterAll(() => t1.close());

  const concrete = (url: string) => url.replace(/:year\b/g, '2024').replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000002');

  it('the second request to each limited route is 429; unlimited routes never are', async () => {
    const limited = t1.app.routeRegistry.filter((r) => rateLimitClassOf(r.method, r.url, r.public));
    // The list: sign-in, both public objection routes, the imports (register, statistics, data entry,
    // plans), the index runs and the exports.
    const urls = limited.map((r) => `${r.method} ${r.url}`);
    for (const expected of [
      'POST /api/auth/login',
      'POST /api/public/notices/:id/objections',
      'POST /api/public/project-notices/:id/objections',
      'POST /api/registry/imports',
      'POST /api/benchmarks/imports',
      'POST /api/data-entry/import',
      'POST /api/composite-index/run',
      'GET /api/audit/export',
      'POST /api/export/xlsx',
    ]) {
      expect(urls).toContain(expected);
    }
    for (const r of limited) {
      const req = { method: r.method as 'GET', url: concrete(r.url), remoteAddress: '192.0.2.1' };
      const first = await t1.app.inject(req);
      expect(first.statusCode, `${r.method} ${r.url}`).not.toBe(429);
      const second = await t1.app.inject(req);
      expect(second.statusCode, `${r.method} ${r.url}`).toBe(429);
      expect(second.headers['retry-after'], `${r.method} ${r.url}`).toBeDefined();
    }
    for (const r of t1.app.routeRegistry.filter((x) => !rateLimitClassOf(x.method, x.url, x.public)).slice(0, 40)) {
      const req = { method: r.method as 'GET', url: concrete(r.url), remoteAddress: '192.0.2.2' };
      await t1.app.inject(req);
      expect((await t1.app.inject(req)).statusCode, `${r.method} ${r.url}`).not.toBe(429);
    }
  });

  it('signed-in users are counted each on their own (an office behind one address)', async () => {
    const a = await makeUser(t1, ['bureau']);
    const b = await makeUser(t1, ['bureau']);
    // Sign-in itself is limited per address: each from its own.
    const agentA = await login(t1, a.username).catch(() => null);
    expect(agentA).not.toBeNull();
    const other = await t1.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: b.username, password: PASSWORD },
      remoteAddress: '192.0.2.50',
    });
    expect(other.statusCode).toBe(200);
    const cookies = other.cookies as { name: string; value: string }[];
    const cookieB = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrfB = cookies.find((c) => c.name === 'kc_csrf')!.value;
    const exportBody = { title: '导出', columns: [{ key: 'a', title: 'A' }], rows: [{ a: 1 }] };
    expect((await agentA!.post('/api/export/xlsx', exportBody)).statusCode).toBe(200);
    expect((await agentA!.post('/api/export/xlsx', exportBody)).statusCode).toBe(429);
    const asB = await t1.app.inject({
      method: 'POST',
      url: '/api/export/xlsx',
      payload: exportBody,
      headers: { cookie: cookieB, 'x-csrf-token': csrfB },
    });
    expect(asB.statusCode).toBe(200);
  });
});

describe('the harness keeps other test files clear of the limits', () => {
  it('generous limits unless a test asks for others', () => {
    for (const limit of Object.values(TEST_RATE_LIMITS)) expect(limit!.max).toBeGreaterThanOrEqual(100_000);
  });
});
