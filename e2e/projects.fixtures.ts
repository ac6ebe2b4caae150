import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import { creditCodeCheckChar } from '../common/registry/index.js';
import { createEnterprise } from '../server/modules/registry/index.js';
import { systemContext } from '../server/platform/audit.js';
import { seedUser, type E2EServer } from './harness.js';

/**
 * What the project journeys share (projects*.e2e.test.ts): a signed-in API client, the two applicant firms, the
 * bureau's clerk and chief, and five experts of the pool, seeded the same way in each journey's server.
 */
export const codeOf = (first17: string) => first17 + creditCodeCheckChar(first17);

export interface Api {
  context: BrowserContext;
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, data?: unknown) => Promise<T>;
  upload: <T>(path: string, body: Buffer, contentType: string) => Promise<T>;
}

/** A signed-in API client over its own browser context (cookie session, CSRF header on writes). */
export async function apiAs(s: E2EServer, username: string, password: string): Promise<Api> {
  const context = await s.browser.newContext();
  const login = await context.request.post(`${s.url}/api/auth/login`, { data: { username, password } });
  expect(login.ok(), `sign-in of ${username}`).toBe(true);
  const csrf = async () => decodeURIComponent((await context.cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '');
  const check = async (
    res: { ok: () => boolean; status: () => number; text: () => Promise<string>; json: () => Promise<unknown> },
    what: string,
  ) => {
    if (!res.ok()) throw new Error(`${what} → ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? undefined : await res.json();
  };
  return {
    context,
    get: async <T>(path: string) => (await check(await context.request.get(`${s.url}${path}`), `GET ${path}`)) as T,
    post: async <T>(path: string, data?: unknown) =>
      (await check(
        await context.request.post(`${s.url}${path}`, {
          headers: { 'X-CSRF-Token': await csrf() },
          ...(data === undefined ? {} : { data }),
        }),
        `POST ${path}`,
      )) as T,
    upload: async <T>(path: string, body: Buffer, contentType: string) =>
      (await check(
        await context.request.post(`${s.url}${path}`, {
          headers: { 'X-CSRF-Token': await csrf(), 'Content-Type': contentType },
          data: body,
        }),
        `POST ${path}`,
      )) as T,
  };
}

export interface AppRow {
  id: string;
  title: string;
  status: string;
}
export interface ReviewRow {
  id: string;
  applicationId: string;
  status: string;
}

export const firmA = { code: codeOf('91500241MA6PJ0A01'), name: '秀山县端到端中药材科技有限公司' };
export const firmB = { code: codeOf('91500241MA6PJ0B02'), name: '秀山县端到端织锦文化有限公司' };
/** Five experts in five organisations; 专家甲 works for the first applicant (a conflict by credit code). */
export const experts = [
  { user: 'expert_jia', name: '专家甲', org: firmA.code, orgName: firmA.name },
  { user: 'expert_yi', name: '专家乙', org: codeOf('12500241MB0PJ0E01'), orgName: '秀山县农业技术推广中心' },
  { user: 'expert_bing', name: '专家丙', org: codeOf('12500000MB0PJ0E02'), orgName: '重庆市中药研究院' },
  { user: 'expert_ding', name: '专家丁', org: codeOf('12500000MB0PJ0E03'), orgName: '重庆文理学院' },
  { user: 'expert_wu', name: '专家戊', org: codeOf('91500000MA0PJ0E04'), orgName: '重庆某会计师事务所' },
];
export const EXPERT_PASS = 'Expert-review-pass-1';

/** The firms with their users, the clerk and the chief, the experts as users and in the pool; the clerk's client. */
export async function seedProjectWorld(s: E2EServer): Promise<Api> {
  for (const [firm, user] of [
    [firmA, 'herb_firm'],
    [firmB, 'brocade_firm'],
  ] as const) {
    const id = await createEnterprise(s.database.db, systemContext('e2e'), () => true, {
      creditCode: firm.code,
      name: firm.name,
      orgUnitCode: '500241001',
      tags: [],
      parks: [],
    });
    await seedUser(s, user, 'Firm-project-pass-1', [{ role: 'enterprise', orgUnitCode: '500241', enterpriseId: id }], firm.name);
  }
  await seedUser(s, 'clerk_sun', 'Clerk-sun-pass-1', [{ role: 'bureau', orgUnitCode: '500241' }], '孙科员');
  // The colleague who approves the clerk's budget request (four eyes).
  await seedUser(s, 'chief_li', 'Chief-li-pass-1', [{ role: 'bureau', orgUnitCode: '500241' }], '李科长');
  for (const e of experts) await seedUser(s, e.user, EXPERT_PASS, [{ role: 'expert', orgUnitCode: '500241' }], e.name);
  const clerkApi = await apiAs(s, 'clerk_sun', 'Clerk-sun-pass-1');
  for (const e of experts)
    await clerkApi.post('/api/experts', { name: e.name, username: e.user, orgCreditCode: e.org, orgName: e.orgName, fields: ['tcm'] });
  return clerkApi;
}
