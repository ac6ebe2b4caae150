import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAvailable, expectAccessible, newPage, pick, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';

const run = e2eAvailable();

describe.skipIf(!run)('foundation journey in Chromium', () => {
  let s: E2EServer;
  beforeAll(async () => {
    s = await startE2E();
    await seedUser(s, 'root', 'Chief-Passw0rd-e2e', [{ role: 'admin', orgUnitCode: '500000' }], '系统管理员');
  });
  afterAll(() => s?.close());

  it('admin creates a bureau user; the user signs in, changes the password, opens the org-unit tree and switches language', async () => {
    const { context, page } = await newPage(s);
    await page.goto(`${s.url}/login`);
    await expect.poll(() => page.getByTestId('login-submit').textContent()).toBe('登录');
    await expectAccessible(page, 'login');
    await signIn(page, s.url, 'root', 'Chief-Passw0rd-e2e');

    await page.getByTestId('nav-users').click();
    await page.waitForURL('**/users');
    await page.getByTestId('users-table').waitFor();
    await expectAccessible(page, 'users');
    await page.getByTestId('users-create').click();
    await page.getByTestId('user-form-username').fill('clerk_li');
    await page.getByTestId('user-form-displayName').fill('李科员');
    await page.getByTestId('user-form-password').fill('First-Passw0rd-li');
    await pick(page, 'user-form-role-0', '科技局业务人员');
    await pick(page, 'user-form-org-0', '秀山土家族苗族自治县', '秀山');
    await expectAccessible(page, 'user drawer');
    await screenshot(page, 'users-create');
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('users-table').getByText('clerk_li').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login**');

    await signIn(page, s.url, 'clerk_li', 'First-Passw0rd-li');
    // A password someone else chose is changed at the first sign-in.
    await page.waitForURL('**/password**');
    await expectAccessible(page, 'change password');
    await page.getByTestId('password-current').fill('First-Passw0rd-li');
    await page.getByTestId('password-new').fill('Own-secret-of-li-7');
    await page.getByTestId('password-confirm').fill('Own-secret-of-li-7');
    await page.getByTestId('password-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/password'));

    await page.getByTestId('nav-orgunits').click();
    await page.waitForURL('**/org-units');
    const tree = page.getByTestId('orgunit-tree');
    await tree.getByText('秀山土家族苗族自治县').first().waitFor();
    await page.getByTestId('orgunit-filter').fill('中和');
    await tree.getByText('中和街道').first().click();
    await page.getByTestId('orgunit-details').getByText('500241001').first().waitFor();
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await expectAccessible(page, 'org units');
    await screenshot(page, 'org-units-zh');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    await expect.poll(() => page.getByTestId('nav-orgunits').textContent()).toMatch(/Org units/i);
    await expectAccessible(page, 'org units (English)');
    await screenshot(page, 'org-units-en');
    // Remembered per user on the server.
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json() as Promise<{ locale: string }>));
    expect(me.locale).toBe('en-US');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
    await expect.poll(() => page.getByTestId('nav-orgunits').textContent()).toBe('区划管理');
    await context.close();
  });

  it('the audit page lists the journey’s changes; friendly pages for unknown routes', async () => {
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'root', 'Chief-Passw0rd-e2e');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').getByText('clerk_li').first().waitFor();
    await expectAccessible(page, 'audit');
    await page.goto(`${s.url}/no-such-page`);
    await page.getByText('页面不存在').first().waitFor();
    await expectAccessible(page, '404');
    await context.close();
  });
});
