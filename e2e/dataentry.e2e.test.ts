import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAvailable, expectAccessible, newPage, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';

const run = e2eAvailable();
/** axe over the full entry grid (dozens of inputs) takes long on a busy 2-core machine. */
const AXE_TIMEOUT = 360_000;
const CLERK = { username: 'clerk_li', password: 'Clerk-Li-passw0rd-e2e', name: '李文员' };
const COLLEAGUE = { username: 'clerk_qian', password: 'Clerk-Qian-passw0rd-e2e', name: '钱审核' };

/** Types a figure into one entry cell (the grid's InputNumber of a data element). */
async function enter(page: Page, code: string, value: string) {
  const input = page.getByTestId(`value-${code}`);
  await input.fill('');
  await input.pressSequentially(value);
  await input.blur();
}

/** The current version of a value, read through the API with the page's session. */
const historyOf = (page: Page, dataElement: string, period: string) =>
  page.evaluate(
    ([de, p]) =>
      fetch(`/api/data-values/history?dataElement=${de}&orgUnit=500241&period=${p}`).then(
        (r) => r.json() as Promise<{ value: number; status: string; approvedBy: string | null }[]>,
      ),
    [dataElement, period] as const,
  );

/**
 * Four eyes on official figures, as two clerks of the county bureau meet them (issue #14, point 3): clerk Li
 * types a 万元 figure into the 亿元 GDP field, is warned before anything is saved, corrects it, confirms a large
 * but true change, and cannot approve her own figures; her colleague Qian approves them after one confirmation
 * that lists what he approves.
 */
describe.skipIf(!run)('data entry with four eyes in Chromium', () => {
  let s: E2EServer;
  let colleagueId = '';
  beforeAll(async () => {
    s = await startE2E();
    await seedUser(s, CLERK.username, CLERK.password, [{ role: 'bureau', orgUnitCode: '500241' }], CLERK.name);
    colleagueId = (await seedUser(s, COLLEAGUE.username, COLLEAGUE.password, [{ role: 'bureau', orgUnitCode: '500241' }], COLLEAGUE.name))
      .id;
  });
  afterAll(() => s?.close());

  it(
    'clerk Li is warned of a wrong-unit GDP, corrects it, confirms a true jump, and finds no approval of her own figures',
    async () => {
      const { context, page } = await newPage(s);
      await signIn(page, s.url, CLERK.username, CLERK.password);
      await page.getByTestId('nav-data-entry').click();
      await page.waitForURL('**/data-entry**');
      await page.getByTestId('entry-grid').waitFor();
      // The 上年值 beside every entry: no figures for 2021–2024, so the plan's official 2020 GDP, with its year.
      expect(await page.getByTestId('previous-gdp').textContent()).toBe('301.27（2020 年）');
      expect(await page.getByTestId('previous-tech_enterprises').textContent()).toBe('212（2020 年）');
      const note = page.getByTestId('entry-four-eyes');
      await note.getByText('任何人都不能审核自己填报、修改或提交的数值').waitFor();
      await note.getByText(COLLEAGUE.name, { exact: false }).waitFor();
      await expectAccessible(page, 'data entry grid');

      // 3 020 000: the GDP in 万元, typed into the 亿元 field. The server refuses it until confirmed; nothing is saved.
      await enter(page, 'gdp', '3020000');
      await page.getByTestId('entry-submit').click();
      const warning = page.getByTestId('warning-gdp');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('像是按“万元”填写的——应为 302 亿元？');
      await expectAccessible(page, 'plausibility warning');
      await screenshot(page, 'entry-plausibility-warning');
      await page.getByTestId('warnings-back').click();
      await warning.waitFor({ state: 'detached' });
      expect(await historyOf(page, 'gdp', '2025')).toEqual([]);

      // Corrected; and 2 600 technology enterprises against 212 in 2020 (a new census count): beyond tenfold, confirmed.
      await enter(page, 'gdp', '302');
      await enter(page, 'tech_enterprises', '2600');
      await page.getByTestId('entry-submit').click();
      const jump = page.getByTestId('warning-tech_enterprises');
      await jump.waitFor();
      expect(await jump.textContent()).toContain('超出 10 倍的合理变化范围');
      expect(await page.getByTestId('warning-gdp').count()).toBe(0);
      await page.getByTestId('warnings-confirm').click();
      await jump.waitFor({ state: 'detached' });
      await expect.poll(async () => (await historyOf(page, 'gdp', '2025'))[0]?.status).toBe('submitted');
      expect((await historyOf(page, 'tech_enterprises', '2025'))[0]).toMatchObject({ value: 2600, status: 'submitted' });

      // Her own submitted figures await another approver: no approval for her.
      await page.getByTestId('mine-gdp').getByText('待他人审核').waitFor();
      await page.getByTestId('mine-tech_enterprises').waitFor();
      await expect.poll(() => page.getByTestId('entry-approve').isDisabled()).toBe(true);
      await screenshot(page, 'entry-own-figures');
      await context.close();
    },
    AXE_TIMEOUT,
  );

  it(
    'colleague Qian approves them after one confirmation listing exactly what he approves',
    async () => {
      const { context, page } = await newPage(s);
      await signIn(page, s.url, COLLEAGUE.username, COLLEAGUE.password);
      await page.getByTestId('nav-data-entry').click();
      await page.waitForURL('**/data-entry**');
      await page.getByTestId('entry-grid').waitFor();
      expect(await page.getByTestId('mine-gdp').count()).toBe(0);
      const approveButton = page.getByTestId('entry-approve');
      await expect.poll(() => approveButton.textContent()).toContain('2 项');
      await approveButton.click();
      const list = page.getByTestId('approve-list');
      await list.waitFor();
      await list.getByText('302 亿元').waitFor();
      await list.getByText('2,600').waitFor();
      expect(await list.locator('tbody tr.ant-table-row').count()).toBe(2);
      await expectAccessible(page, 'approval confirmation');
      await screenshot(page, 'entry-approve-dialog');
      await page.getByTestId('approve-confirm').click();
      await list.waitFor({ state: 'detached' });
      await expect.poll(async () => (await historyOf(page, 'gdp', '2025'))[0]?.status).toBe('approved');
      expect((await historyOf(page, 'gdp', '2025'))[0]).toMatchObject({ value: 302, approvedBy: colleagueId });
      expect((await historyOf(page, 'tech_enterprises', '2025'))[0]).toMatchObject({ status: 'approved', approvedBy: colleagueId });
      await expect.poll(() => approveButton.isDisabled()).toBe(true);
      await context.close();
    },
    AXE_TIMEOUT,
  );
});
