import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Row, Worksheet } from 'exceljs';
import type { Page } from 'playwright-core';
import ExcelJS from '../server/platform/exceljs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thisYear } from '../server/platform/clock.js';
import { e2eAvailable, expectAccessible, newPage, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';

const run = e2eAvailable();
const STATUS_ZH = ['已实现', '进展顺利', '需加快', '进展有限', '倒退', '无法判断'];
const VERDICT_ZH = ['已完成', '未完成', '待报数据'];

function rowOf(ws: Worksheet, de: string, unit: string): Row {
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === de && row.getCell(4).value === unit) return row;
  }
  throw new Error(`${de}@${unit} not in the template`);
}

/** After the import: T1-05's share and verdict, the key tasks' progress column and layout, the chart's legend. */
async function expectResultsAfterImport(page: Page) {
  // 345 of the way from 212 to 400: 133 ÷ 188 = 71 %; the target year over, 55 short.
  expect(await page.getByTestId('share-T1-05').textContent()).toBe('71%（2025 年）');
  expect(await page.getByTestId('verdict-T1-05').textContent()).toBe('未完成');
  expect(await page.getByTestId('verdict-detail-T1-05').textContent()).toBe('2025 年 345 家，目标 400 家，差 55 家');

  // Key tasks: the progress column is filled wherever there is a value, in one column layout for every group.
  expect(await page.getByTestId('task-share-K-5-ecommerce-transactions').textContent()).toBe('50%（2025 年）');
  expect(await page.getByTestId('task-verdict-K-5-ecommerce-transactions').textContent()).toBe('未完成');
  expect(await page.getByTestId('task-share-K-1.3-tcm-output').textContent()).toBe('0%（2020 年）');
  expect(await page.getByTestId('key-task-progress-5').textContent()).toBe('完成进度 50%（1/4 项有数据，取平均）');
  const shareColumnX = async (group: string) => (await page.getByTestId(`key-task-${group}`).locator('thead th').nth(4).boundingBox())!.x;
  expect(await shareColumnX('1.3')).toBe(await shareColumnX('5'));
  expect(await shareColumnX('G1')).toBe(await shareColumnX('5'));
  await expectAccessible(page, 'dashboard with verdicts');
  await screenshot(page, 'dashboard-verdicts');

  // The chart: the actual values as a line on top, and a legend naming each series.
  await page.getByTestId('indicator-link-T1-05').click();
  await page.waitForURL('**/indicators/T1-05**');
  const chart = page.getByTestId('indicator-chart');
  for (const name of ['实际值', '基期值', '目标值', '规划轨迹（基期→目标）'])
    await chart.locator('text', { hasText: name }).first().waitFor();
  expect(await page.getByTestId('detail-verdict-text').textContent()).toBe('2025 年 345 家，目标 400 家，差 55 家');
  await screenshot(page, 'indicator-after-import');
}

// Each journey gets five minutes: on the shared 2-core machine a page load can take ten seconds.
describe.skipIf(!run)('plan monitoring journey in Chromium', () => {
  let s: E2EServer;
  beforeAll(async () => {
    s = await startE2E();
    await seedUser(s, 'leader_wang', 'Leader-Passw0rd-e2e', [{ role: 'leader', orgUnitCode: '500241' }], '王县长');
    await seedUser(s, 'clerk_zhao', 'Clerk-Passw0rd-e2e', [{ role: 'bureau', orgUnitCode: '500241' }], '赵科员');
  });
  afterAll(() => s?.close());

  it('a leader sees the ten 表1 cards in Chinese, each with its share of the way and, the plan being over, a verdict', async () => {
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'leader_wang', 'Leader-Passw0rd-e2e');
    await page.waitForURL('**/dashboard**');
    // The plan ended in 2025; in a later year each card gives its verdict instead of a trajectory status.
    const over = thisYear() > 2025;
    for (let n = 1; n <= 10; n++) {
      const code = `T1-${String(n).padStart(2, '0')}`;
      await page.getByTestId(`indicator-card-${code}`).waitFor();
      const tag = page.getByTestId(over ? `verdict-${code}` : `status-${code}`);
      const text = (await tag.textContent())?.trim() ?? '';
      expect(over ? VERDICT_ZH : STATUS_ZH, `${code} "${text}"`).toContain(text);
      // Only the 2020 figures are known: none of the way covered yet.
      expect((await page.getByTestId(`share-${code}`).textContent())?.trim()).toBe('0%（2020 年）');
    }
    if (over) {
      // Nothing reported for 2025 yet: the card says so, with the last known value's shortfall.
      expect(await page.getByTestId('verdict-detail-T1-05').textContent()).toBe(
        '目标年（2025 年）数值尚未报送；最近 2020 年 212 家，距目标 400 家 差 188 家',
      );
      expect(await page.getByTestId('verdicts-awaiting_value').textContent()).toContain('10');
    }
    await page.getByTestId('indicator-card-T1-04').getByText('有效期内高新技术企业').waitFor();
    await expectAccessible(page, 'dashboard');
    await screenshot(page, 'dashboard');

    await page.getByTestId('indicator-card-T1-02').click();
    await page.waitForURL('**/indicators/T1-02**');
    await page.getByText('#{').or(page.getByText('研究与试验发展')).first().waitFor();
    await expectAccessible(page, 'indicator detail');
    await screenshot(page, 'indicator-detail');

    await page.getByTestId('nav-consistency').click();
    await page.getByText('100').first().waitFor();
    await page.getByText('60').first().waitFor();
    await expectAccessible(page, 'plan consistency');
    await screenshot(page, 'consistency');
    await context.close();
  }, 300_000);

  it('a clerk uploads a template with one bad row, sees it and nothing saved, fixes it, and the dashboard shows the value', async () => {
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'clerk_zhao', 'Clerk-Passw0rd-e2e');
    await page.getByTestId('nav-data-entry').click();
    await page.waitForURL('**/data-entry**');
    await expectAccessible(page, 'data entry');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-download').click()]);
    const file = path.join(os.tmpdir(), `kc-e2e-template-${process.pid}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const year = Number(rowOf(ws, 'tech_enterprises', '500241').getCell(6).value);
    // Figures are entered the year after: the plan's last year, 2025, whose verdict the dashboard then gives.
    expect(year).toBe(2025);
    rowOf(ws, 'tech_enterprises', '500241').getCell(8).value = 345;
    // A key-task target without a baseline (≥ 260 亿元 by 2025): measured from zero.
    rowOf(ws, 'ecommerce_transaction_value', '500241').getCell(8).value = 130;
    const bad = rowOf(ws, 'patents_granted', '500241001');
    bad.getCell(8).value = '三十';
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));

    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    const badRow = page.getByTestId(`import-row-${bad.number}`);
    await badRow.getByText('“三十”不是数字').first().waitFor();
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await expectAccessible(page, 'import preview');
    await screenshot(page, 'import-preview');
    const before = await page.evaluate(
      (y) =>
        fetch(`/api/data-values/history?dataElement=tech_enterprises&orgUnit=500241&period=${y}`).then(
          (r) => r.json() as Promise<unknown[]>,
        ),
      year,
    );
    expect(before).toEqual([]);

    bad.getCell(8).value = 30;
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    await expect.poll(() => page.getByTestId('import-confirm').isDisabled()).toBe(false);
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();

    await page.getByTestId('nav-dashboard').click();
    await page.waitForURL('**/dashboard**');
    const card = page.getByTestId('indicator-card-T1-05');
    await card.getByText('345').first().waitFor();
    await screenshot(page, 'dashboard-after-import');
    await context.close();
  }, 300_000);

  it('the plan being over, the leader sees the imported figure’s share and verdict, the key tasks’ progress and the chart’s legend', async () => {
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'leader_wang', 'Leader-Passw0rd-e2e');
    await page.waitForURL('**/dashboard**');
    await page.getByTestId('indicator-card-T1-05').getByText('345').first().waitFor();
    await expectResultsAfterImport(page);
    await context.close();
  }, 300_000);
});
