import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today, yearOf } from '../common/clock.js';
import { createEnterprise } from '../server/modules/registry/index.js';
import { systemContext } from '../server/platform/audit.js';
import { creditCodeCheckChar } from '../common/registry/index.js';
import { e2eAvailable, expectAccessible, newPage, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';

const run = e2eAvailable();
const YEAR = Math.min(yearOf(today()) - 1, 2025);

describe.skipIf(!run)('registry journey in Chromium', () => {
  let s: E2EServer;
  let enterpriseId: string;
  beforeAll(async () => {
    s = await startE2E();
    const first17 = '91500241MA6E2E0X1';
    enterpriseId = await createEnterprise(s.database.db, systemContext('e2e'), () => true, {
      creditCode: first17 + creditCodeCheckChar(first17),
      name: '秀山县端到端茶业有限公司',
      orgUnitCode: '500241001',
      tags: ['food'],
      parks: [],
    });
    await seedUser(s, 'tea_company', 'Tea-company-pass-1', [{ role: 'enterprise', orgUnitCode: '500241', enterpriseId }], '茶业公司');
    await seedUser(
      s,
      'clerk_qian',
      'Clerk-qian-pass-1',
      [
        { role: 'bureau', orgUnitCode: '500241' },
        { role: 'leader', orgUnitCode: '500241' },
      ],
      '钱科员',
    );
  });
  afterAll(() => s?.close());

  it('an enterprise submits its annual figures, the bureau approves them, and the dashboard’s computed value changes', async () => {
    const ent = await newPage(s);
    await signIn(ent.page, s.url, 'tea_company', 'Tea-company-pass-1');
    await ent.page.waitForURL('**/my**');
    await ent.page.getByTestId('my-tab-stats').click();
    const form = ent.page.getByTestId(`my-stats-${YEAR}`);
    await form.waitFor();
    await expectAccessible(ent.page, 'enterprise portal: statistics');
    await ent.page.getByTestId('my-stats-productSales').fill('1000');
    await ent.page.getByTestId('my-stats-newProductSales').fill('370');
    await ent.page.getByTestId('my-stats-revenue').fill('1200');
    await ent.page.getByTestId('my-stats-submit').click();
    await expect.poll(() => form.getAttribute('data-status')).toBe('submitted');
    await screenshot(ent.page, 'portal-stats');
    expect((await ent.page.goto(`${s.url}/registry`))?.ok()).toBe(true);
    await ent.page.getByText('没有权限').first().waitFor();
    await ent.context.close();

    const clerk = await newPage(s);
    await signIn(clerk.page, s.url, 'clerk_qian', 'Clerk-qian-pass-1');
    await clerk.page.goto(`${s.url}/dashboard?year=${YEAR}`);
    const card = clerk.page.getByTestId('indicator-card-T1-09');
    await card.waitFor();
    const before = await clerk.page.getByTestId('latest-T1-09').textContent();
    expect(before).not.toContain('37');

    await clerk.page.goto(`${s.url}/registry/enterprises/${enterpriseId}`);
    const row = clerk.page.getByTestId(`stats-row-${YEAR}`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('submitted');
    await expectAccessible(clerk.page, 'enterprise detail');
    await clerk.page.getByTestId(`stats-approve-${YEAR}`).click();
    await clerk.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确定|OK/ })
      .click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('approved');
    await screenshot(clerk.page, 'enterprise-detail');

    await clerk.page.getByTestId('nav-dashboard').click();
    await clerk.page.waitForURL('**/dashboard**');
    // 370 ÷ 1000 × 100 = 37 %: new-product sales share, computed from the approved figures.
    await expect.poll(async () => (await clerk.page.getByTestId('latest-T1-09').textContent()) ?? '').toContain('37');
    await screenshot(clerk.page, 'dashboard-after-approval');
    await clerk.context.close();
  });

  it('the import report names each bad row and field in the reader’s language, from its codes (issue #13)', async () => {
    const clerk = await newPage(s);
    await signIn(clerk.page, s.url, 'clerk_qian', 'Clerk-qian-pass-1');
    await clerk.page.goto(`${s.url}/registry/import`);
    const first17 = '91500241MA6E2E0Y1';
    const good = first17 + creditCodeCheckChar(first17);
    const csv = [
      '统一社会信用代码,企业名称,注册地（乡镇街道）',
      `${good},秀山县导入报告有限公司,中和街道`,
      `${good},秀山县重复有限公司,中和街道`,
    ];
    await clerk.page
      .getByTestId('import-file')
      .setInputFiles({ name: 'enterprises.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n')) });
    const bad = clerk.page.getByTestId('import-row-3');
    await bad.getByText('字段“统一社会信用代码”：与第 2 行重复').waitFor();
    expect(await bad.getAttribute('data-status')).toBe('error');
    await clerk.page.getByTestId('lang-switch').click();
    await bad.getByText('Field "Credit code": duplicates row 2').waitFor();
    await clerk.page.getByTestId('lang-switch').click();
    await clerk.context.close();
  });
});
