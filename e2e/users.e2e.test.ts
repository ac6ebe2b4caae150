import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../common/registry/index.js';
import { createEnterprise } from '../server/modules/registry/index.js';
import { systemContext } from '../server/platform/audit.js';
import { e2eAvailable, expectAccessible, newPage, pick, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';

const run = e2eAvailable();

const NAME = '秀山县用户旅程科技有限公司';
const FIRST17 = '91500241MA6UYH0E1';
const CODE = FIRST17 + creditCodeCheckChar(FIRST17);

/** The data-testids of the side navigation's entries, once it is shown. */
async function menu(page: Page) {
  const nav = page.getByRole('navigation', { name: /主导航|Main navigation/ });
  await nav.locator('[data-testid^="nav-"]').first().waitFor();
  return nav.locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')));
}

/**
 * An administrator of the county makes an enterprise user in the UI — the enterprise picked by name among those
 * registered in the grant's town — edits it, and hands over the one-time password; the contact signs in, must
 * change the password, and lands in its enterprise's portal with no staff menu.
 */
describe.skipIf(!run)('users journey in Chromium', () => {
  let s: E2EServer;
  beforeAll(async () => {
    s = await startE2E();
    await createEnterprise(s.database.db, systemContext('e2e'), () => true, {
      creditCode: CODE,
      name: NAME,
      orgUnitCode: '500241001',
      tags: [],
      parks: [],
    });
    await seedUser(s, 'county_admin', 'County-admin-pass-1', [{ role: 'admin', orgUnitCode: '500241' }], '县系统管理员');
  });
  afterAll(() => s?.close());

  let password = '';

  it('an admin creates an enterprise user with the picker; the list shows the enterprise it acts for', async () => {
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'county_admin', 'County-admin-pass-1');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();

    await page.getByTestId('users-create').click();
    await page.getByTestId('user-form-username').fill('yonghu_company');
    await page.getByTestId('user-form-displayName').fill('王经理');
    await pick(page, 'user-form-role-0', '企业用户');
    await pick(page, 'user-form-org-0', '中和街道', '中和');
    await pick(page, 'user-form-enterprise-0', NAME, '用户旅程');
    await expectAccessible(page, 'user drawer (enterprise)');
    await screenshot(page, 'users-enterprise-drawer');
    await page.getByTestId('user-form-submit').click();

    // No password typed: the generated one is shown once.
    const secret = page.getByTestId('one-time-password');
    await secret.waitFor();
    password = (await secret.textContent())!.trim();
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    await expectAccessible(page, 'one-time password');
    await page.getByTestId('one-time-password-done').click();
    await expect.poll(() => page.getByTestId('user-acts-for-yonghu_company').textContent()).toBe(`${NAME} ${CODE}`);
    await context.close();
  }, 240_000);

  it('the admin edits the enterprise user’s name alone and signs out', async () => {
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'county_admin', 'County-admin-pass-1');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').getByText('yonghu_company').waitFor();

    // Editing only the name of an enterprise user saves (its enterprise goes back with the grant).
    await page.getByTestId('user-edit-yonghu_company').click();
    await page.getByTestId('user-form-displayName').fill('王经理（联系人）');
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('users-table').getByText('王经理（联系人）').waitFor();
    await expectAccessible(page, 'users with an enterprise user');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login**');
    await context.close();
  }, 240_000);

  it('the enterprise user signs in, must change the password, and sees its portal only', async () => {
    expect(password).not.toBe('');
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'yonghu_company', password);
    await page.waitForURL('**/password**');
    await page.getByTestId('password-must-change').waitFor();
    await expectAccessible(page, 'forced password change');
    await page.getByTestId('password-current').fill(password);
    await page.getByTestId('password-new').fill('Company-own-pass-9');
    await page.getByTestId('password-confirm').fill('Company-own-pass-9');
    await page.getByTestId('password-submit').click();
    await page.waitForURL('**/my');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(NAME);
    await page.getByTestId('my-tab-profile').waitFor();
    // An enterprise user's menu holds its portal only (no 区划管理, nothing of the staff's).
    expect(await menu(page)).toEqual(['nav-my']);
    await expectAccessible(page, 'enterprise portal');
    await screenshot(page, 'users-enterprise-portal');
    await context.close();
  }, 240_000);
});
