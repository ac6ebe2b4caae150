import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Row, Worksheet } from 'exceljs';
import ExcelJS from '../server/platform/exceljs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAvailable, expectAccessible, newPage, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';

const run = e2eAvailable();
const STATUS_ZH = ['已实现', '进展顺利', '需加快', '进展有限', '倒退', '无法判断'];

function rowOf(ws: Worksheet, de: string, unit: string): Row {
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === de && row.getCell(4).value === unit) return row;
  }
  throw new Error(`${de}@${unit} not in the template`);
}

describe.skipIf(!run)('plan monitoring journey in Chromium', () => {
  let s: E2EServer;
  beforeAll(async () => {
    s = await startE2E();
    await seedUser(s, 'leader_wang', 'Leader-Passw0rd-e2e', [{ role: 'leader', orgUnitCode: '500241' }], '王县长');
    await seedUser(s, 'clerk_zhao', 'Clerk-Passw0rd-e2e', [{ role: 'bureau', orgUnitCode: '500241' }], '赵科员');
  });
  afterAll(() => s?.close());

  it('a leader sees the ten 表1 cards in Chinese, each with a status', async () => {
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'leader_wang', 'Leader-Passw0rd-e2e');
    await page.waitForURL('**/dashboard**');
    for (let n = 1; n <= 10; n++) {
      const code = `T1-${String(n).padStart(2, '0')}`;
      await page.getByTestId(`indicator-card-${code}`).waitFor();
      const status = (await page.getByTestId(`status-${code}`).textContent())?.trim() ?? '';
      expect(STATUS_ZH, `${code} status "${status}"`).toContain(status);
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
  });

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
    rowOf(ws, 'tech_enterprises', '500241').getCell(8).value = 345;
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
  });
});
