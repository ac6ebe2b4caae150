import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../common/registry/index.js';
import { orgUnits, users } from '../server/db/schema/index.js';
import { createEnterprise } from '../server/modules/registry/index.js';
import { systemContext } from '../server/platform/audit.js';
import { e2eAvailable, expectAccessible, newPage, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';

const run = e2eAvailable();

/** The data-testids of the side navigation's entries, in order, once it is shown. */
async function menu(page: Page) {
  const nav = page.getByRole('navigation', { name: /主导航|Main navigation/ });
  await nav.locator('[data-testid^="nav-"]').first().waitFor();
  return nav.locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')));
}

/** The /api paths (without the query) the page asks for from now on. */
function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/api/')) calls.push(`${req.method()} ${url.pathname}`);
  });
  return calls;
}

const STAFF_ZH = '系统管理员、科技局业务人员、领导（只读）、部门填报人、审计人员（只读）';

/** What the steps share: the server, two enterprises (one in 中和, one in the neighbouring town) and the towns' names. */
interface AccessWorld {
  s: E2EServer;
  inZhonghe: string;
  inOtherTown: string;
  zhonghe: string;
  otherTown: string;
}

/** The towns' names, an enterprise in each, and one user per role (one who must change the password). */
async function seedAccess(s: E2EServer): Promise<AccessWorld> {
  const db = s.database.db;
  const name = async (code: string) => (await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, code)))[0]!.name;
  const zhonghe = await name('500241001');
  const otherTown = await name('500241002');
  const enterprise = async (first17: string, label: string, orgUnitCode: string) =>
    createEnterprise(db, systemContext('e2e'), () => true, {
      creditCode: first17 + creditCodeCheckChar(first17),
      name: label,
      orgUnitCode,
      tags: [],
      parks: [],
    });
  const inZhonghe = await enterprise('91500241MA6ACC0X1', '秀山县中和权限测试有限公司', '500241001');
  const inOtherTown = await enterprise('91500241MA6ACC0X2', '秀山县邻镇权限测试有限公司', '500241002');
  await seedUser(s, 'acc_root', 'Root-access-pass-1', [{ role: 'admin', orgUnitCode: '500000' }], '系统管理员');
  await seedUser(
    s,
    'acc_company',
    'Company-access-pass-1',
    [{ role: 'enterprise', orgUnitCode: '500241001', enterpriseId: inZhonghe }],
    '中和公司',
  );
  await seedUser(s, 'acc_clerk', 'Clerk-access-pass-1', [{ role: 'bureau', orgUnitCode: '500241' }], '秀山科员');
  await seedUser(s, 'acc_leader', 'Leader-access-pass-1', [{ role: 'leader', orgUnitCode: '500241002' }], '邻镇领导');
  await seedUser(s, 'acc_bank', 'Bank-access-pass-1', [{ role: 'bank', orgUnitCode: '500241' }], '合作银行');
  const fresh = await seedUser(s, 'acc_new', 'First-access-pass-1', [{ role: 'bureau', orgUnitCode: '500241' }], '新科员');
  await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, fresh.id));
  return { s, inZhonghe, inOtherTown, zhonghe, otherTown };
}

/** An enterprise user sees no staff menu item; the org-unit page opened by URL says who may use it and whom to ask. */
async function enterpriseRefused({ s, zhonghe }: AccessWorld): Promise<void> {
  const { context, page } = await newPage(s);
  await signIn(page, s.url, 'acc_company', 'Company-access-pass-1');
  await page.waitForURL('**/my');
  expect(await menu(page)).toEqual(['nav-my']);
  await page.waitForLoadState('networkidle');

  const calls = apiCalls(page);
  await page.goto(`${s.url}/org-units`);
  const why = page.getByTestId('forbidden-explanation');
  await why.waitFor();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('没有权限');
  expect(await page.getByTestId('forbidden-reason').textContent()).toBe(`此页面仅对 ${STAFF_ZH} 开放。`);
  expect(await page.getByTestId('forbidden-yours').textContent()).toBe(`您的角色：企业用户 @ ${zhonghe}。`);
  expect(await why.textContent()).toContain('如需访问，请联系本单位系统管理员。');
  // Still no staff entry, and the refused page asked the server for nothing of the page's own.
  expect(await menu(page)).toEqual(['nav-my']);
  expect(calls.filter((c) => !c.startsWith('GET /api/auth/'))).toEqual([]);
  await expectAccessible(page, 'refused page (enterprise on org units)');
  await screenshot(page, 'access-refused-zh');

  await page.goto(`${s.url}/users`);
  await expect.poll(() => page.getByTestId('forbidden-reason').textContent()).toBe('此页面仅对 系统管理员 开放。');

  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByTestId('forbidden-reason').textContent()).toBe('This page is open only to: Administrator.');
  expect(await page.getByTestId('forbidden-yours').textContent()).toBe(`Your roles: Enterprise @ ${zhonghe}.`);
  expect(await page.getByTestId('forbidden-explanation').textContent()).toContain(
    'If you need access, ask the administrator of your unit.',
  );
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('No permission');
  await expectAccessible(page, 'refused page (English)');
  await screenshot(page, 'access-refused-en');
  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
  await context.close();
}

/** A bureau user sees the staff pages but not the administrators’, nor their buttons; an admin sees both. */
async function bureauAndAdminMenus({ s }: AccessWorld): Promise<void> {
  const clerk = await newPage(s);
  await signIn(clerk.page, s.url, 'acc_clerk', 'Clerk-access-pass-1');
  const items = await menu(clerk.page);
  expect(items).toEqual(expect.arrayContaining(['nav-orgunits', 'nav-registry', 'nav-data-entry']));
  expect(items).not.toContain('nav-users');
  expect(items).not.toContain('nav-audit');
  expect(items).not.toContain('nav-my');

  await clerk.page.getByTestId('nav-orgunits').click();
  const tree = clerk.page.getByTestId('orgunit-tree');
  await clerk.page.getByTestId('orgunit-filter').fill('中和');
  await tree.getByText('中和街道').first().click();
  await clerk.page.getByTestId('orgunit-details').getByText('500241001').first().waitFor();
  expect(await clerk.page.getByTestId('orgunit-edit').count()).toBe(0);

  await clerk.page.goto(`${s.url}/audit`);
  await expect.poll(() => clerk.page.getByTestId('forbidden-reason').textContent()).toBe('此页面仅对 系统管理员、审计人员（只读） 开放。');
  expect(await clerk.page.getByTestId('forbidden-yours').textContent()).toBe('您的角色：科技局业务人员 @ 秀山土家族苗族自治县。');
  await expectAccessible(clerk.page, 'refused page (bureau on audit)');
  await clerk.context.close();

  const admin = await newPage(s);
  await signIn(admin.page, s.url, 'acc_root', 'Root-access-pass-1');
  expect(await menu(admin.page)).toEqual(expect.arrayContaining(['nav-orgunits', 'nav-users', 'nav-audit']));
  await admin.page.getByTestId('nav-orgunits').click();
  await admin.page.getByTestId('orgunit-filter').fill('中和');
  await admin.page.getByTestId('orgunit-tree').getByText('中和街道').first().click();
  await admin.page.getByTestId('orgunit-edit').waitFor();
  await admin.context.close();
}

/** A role with no page yet (a partner bank) is told so at home, with whom to ask. */
async function roleWithoutPages({ s }: AccessWorld): Promise<void> {
  const { context, page } = await newPage(s);
  await signIn(page, s.url, 'acc_bank', 'Bank-access-pass-1');
  await expect.poll(() => page.getByTestId('forbidden-reason').textContent()).toBe('您的角色目前没有可使用的页面。');
  expect(await page.getByTestId('forbidden-yours').textContent()).toBe('您的角色：合作银行 @ 秀山土家族苗族自治县。');
  expect(await page.locator('[data-testid^="nav-"]').count()).toBe(0);
  await page.goto(`${s.url}/registry`);
  await expect.poll(() => page.getByTestId('forbidden-reason').textContent()).toMatch(/^此页面仅对 系统管理员、科技局业务人员/);
  await expectAccessible(page, 'home of a role without pages');
  await context.close();
}

/** A town-scoped leader opening another town’s enterprise gets the server’s reason, naming the town. */
async function leaderOutOfScope({ s, inZhonghe, inOtherTown, zhonghe, otherTown }: AccessWorld): Promise<void> {
  const { context, page } = await newPage(s);
  await signIn(page, s.url, 'acc_leader', 'Leader-access-pass-1');
  const items = await menu(page);
  expect(items).toContain('nav-registry');
  expect(items).not.toContain('nav-data-entry');
  expect(items).not.toContain('nav-users');

  // Its own town's enterprise opens, read-only (no edit button for a leader).
  await page.goto(`${s.url}/registry/enterprises/${inOtherTown}`);
  await page.getByRole('heading', { level: 1, name: '秀山县邻镇权限测试有限公司' }).waitFor();
  await page.getByTestId('enterprise-profile-section').waitFor();
  expect(await page.getByTestId('enterprise-edit').count()).toBe(0);

  await page.goto(`${s.url}/registry/enterprises/${inZhonghe}`);
  const reason = page.getByTestId('forbidden-reason');
  await reason.waitFor();
  expect(await reason.textContent()).toBe(`没有权限：区划“${zhonghe}”不在您的管辖范围内`);
  expect(await page.getByTestId('forbidden-yours').textContent()).toBe(`您的角色：领导（只读） @ ${otherTown}。`);
  expect(await page.getByText('秀山县中和权限测试有限公司').count()).toBe(0);
  await expectAccessible(page, 'out-of-scope enterprise');
  await screenshot(page, 'access-out-of-scope');
  await context.close();
}

/** A user who must change the password is sent there before any other request, also when it is required mid-session. */
async function passwordChangeFirst({ s }: AccessWorld): Promise<void> {
  const { context, page } = await newPage(s);
  const calls = apiCalls(page);
  await signIn(page, s.url, 'acc_new', 'First-access-pass-1');
  await page.waitForURL('**/password');
  await page.goto(`${s.url}/org-units`);
  await page.waitForURL('**/password');
  await page.getByTestId('password-current').waitFor();
  expect(await page.getByRole('navigation').count()).toBe(0);
  expect(calls.filter((c) => !c.includes('/api/auth/'))).toEqual([]);
  await expectAccessible(page, 'forced password change');

  await page.getByTestId('password-current').fill('First-access-pass-1');
  await page.getByTestId('password-new').fill('Own-access-secret-9');
  await page.getByTestId('password-confirm').fill('Own-access-secret-9');
  await page.getByTestId('password-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/password'));
  await page.getByTestId('nav-orgunits').click();
  await page.getByTestId('orgunit-tree').getByText('秀山土家族苗族自治县').first().waitFor();

  // The password must be changed again while the user works (an operator sets the flag; the server reads
  // it on every request once its 2-second session cache has passed, and a reset through the API ends the
  // sessions instead): the next request is refused with must_change_password, and the app goes to the
  // change instead of showing "no permission".
  await s.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'acc_new'));
  await page.waitForTimeout(2_500);
  await page.getByTestId('orgunit-show-inactive').click();
  await page.waitForURL('**/password');
  await page.getByTestId('password-current').waitFor();
  expect(await page.getByRole('navigation').count()).toBe(0);
  await context.close();
}

describe.skipIf(!run)('access journey in Chromium: what each role sees, and why a page is refused', () => {
  let s: E2EServer;
  let w: AccessWorld;
  beforeAll(async () => {
    s = await startE2E();
    w = await seedAccess(s);
  });
  afterAll(() => s?.close());

  it('an enterprise user sees no staff menu item; the org-unit page opened by URL says who may use it and whom to ask', () =>
    enterpriseRefused(w));

  it('a bureau user sees the staff pages but not the administrators’, nor their buttons; an admin sees both', () => bureauAndAdminMenus(w));

  it('a role with no page yet (a partner bank) is told so at home, with whom to ask', () => roleWithoutPages(w));

  it('a town-scoped leader opening another town’s enterprise gets the server’s reason, naming the town', () => leaderOutOfScope(w));

  it('a user who must change the password is sent there before any other request, also when it is required mid-session', () =>
    passwordChangeFirst(w));
});
