import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAvailable, expectAccessible, newPage, pick, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';

const run = e2eAvailable();
const XIUSHAN = '500241';

/**
 * R&D intensity 2020: Xiushan's computed rank 38 beside the published 36 and the published column's 37; GDP: 29 as
 * published; then the peer comparison and the district profile.
 */
async function rankingsCompareAndProfile(s: E2EServer): Promise<void> {
  const { context, page } = await newPage(s);
  await signIn(page, s.url, 'leader_li', 'Leader-li-pass-1');
  await page.getByTestId('nav-benchmarks').click();
  await page.waitForURL('**/benchmarks**');
  await pick(page, 'ranking-indicator', 'R&D 经费投入强度');
  await pick(page, 'ranking-year', '2020 年');
  await page.locator('[data-testid="ranking-page"][data-indicator="rd_intensity"][data-year="2020"]').waitFor();

  const row = page.getByTestId(`ranking-row-${XIUSHAN}`);
  await row.getByText('秀山土家族苗族自治县').waitFor();
  expect((await row.getByTestId(`rank-${XIUSHAN}`).textContent())?.trim()).toBe('38');
  expect((await row.getByTestId(`published-rank-${XIUSHAN}`).textContent())?.trim()).toBe('36');
  expect((await row.getByTestId(`published-value-rank-${XIUSHAN}`).textContent())?.trim()).toBe('37');
  expect((await row.getByTestId(`published-value-${XIUSHAN}`).textContent())?.trim()).toBe('0.10%');
  await row.getByText('0.0997%', { exact: true }).waitFor();
  expect(await row.getByTestId(`check-${XIUSHAN}`).getAttribute('data-status')).toBe('differs');
  await row.getByText('有出入', { exact: true }).waitFor();

  // The same four figures side by side above the table, with why they differ.
  const check = page.getByTestId('home-check');
  await check.getByText('计算名次与公布名次不一致').waitFor();
  expect(await page.getByTestId('home-computed-rank').textContent()).toBe('第 38 位 / 共 38');
  expect(await page.getByTestId('home-published-value').textContent()).toBe('0.10%');
  expect(await page.getByTestId('home-published-value-rank').textContent()).toBe('第 37 位（2 个并列）');
  expect(await page.getByTestId('home-published-rank').textContent()).toBe('第 36 位');
  await check.getByText('四舍五入', { exact: false }).waitFor();

  expect(await page.getByTestId('ranking-chart').getAttribute('aria-label')).toContain('秀山土家族苗族自治县排第 38 位');
  expect(await page.getByTestId('tile-map-caption').textContent()).toBe(
    '示意图，非地理边界 / Schematic tile map — not geographic boundaries',
  );
  await page.getByTestId(`tile-${XIUSHAN}`).getByText('秀山').waitFor();
  await expectAccessible(page, 'rankings: R&D intensity');
  await screenshot(page, 'benchmarks-rd-intensity');

  await pick(page, 'ranking-indicator', '地区生产总值');
  await page.locator('[data-testid="ranking-page"][data-indicator="gdp"]').waitFor();
  await expect.poll(async () => (await row.getByTestId(`rank-${XIUSHAN}`).textContent())?.trim()).toBe('29');
  expect((await row.getByTestId(`published-rank-${XIUSHAN}`).textContent())?.trim()).toBe('29');
  expect(await row.getByTestId(`check-${XIUSHAN}`).getAttribute('data-status')).toBe('match');
  await row.getByText('301.27 亿元', { exact: true }).waitFor();
  await page.getByTestId('home-check').getByText('计算名次与公布名次一致').waitFor();
  expect(await page.getByTestId('summary-rank').textContent()).toContain('第 29 位 / 共 38');
  await screenshot(page, 'benchmarks-gdp');

  await page.getByTestId('bench-tab-compare').click();
  await page.waitForURL('**/benchmarks/compare**');
  await page.getByTestId(`compare-row-${XIUSHAN}`).waitFor();
  expect((await page.getByTestId(`compare-rank-rd_intensity-${XIUSHAN}`).textContent())?.trim()).toBe('38');
  await expectAccessible(page, 'peer comparison');
  await screenshot(page, 'benchmarks-compare');

  await page.getByTestId('bench-tab-profile').click();
  await page.waitForURL('**/benchmarks/profile**');
  await page.getByTestId('profile-row-gdp').waitFor();
  expect(await page.getByTestId('profile-rank-rd_intensity').textContent()).toContain('第 38 位 / 共 38');
  expect(await page.getByTestId('profile-published-rd_intensity').textContent()).toContain('36');
  await page.getByTestId('profile-chart').waitFor();
  await expectAccessible(page, 'district profile');
  await screenshot(page, 'benchmarks-profile');
  await context.close();
}

describe.skipIf(!run)('benchmarking journey in Chromium', () => {
  let s: E2EServer;
  beforeAll(async () => {
    s = await startE2E();
    await seedUser(s, 'leader_li', 'Leader-li-pass-1', [{ role: 'leader', orgUnitCode: XIUSHAN }], '李县长');
  });
  afterAll(() => s?.close());

  it('R&D intensity 2020: Xiushan’s computed rank 38 beside the published 36 and the published column’s 37; GDP: 29 as published', () =>
    rankingsCompareAndProfile(s));

  it('runs the default composite index and shows the rank intervals, Xiushan’s among them', async () => {
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'leader_li', 'Leader-li-pass-1');
    await page.getByTestId('nav-composite-index').click();
    await page.waitForURL('**/benchmarks/index**');
    await page.getByTestId('index-indicator-4').waitFor();
    await expectAccessible(page, 'composite index form');
    await page.getByTestId('index-run').click();

    const chart = page.getByTestId('index-interval-chart');
    await chart.waitFor({ timeout: 60_000 });
    const label = (await chart.getAttribute('aria-label')) ?? '';
    expect(label).toContain('500 次模拟');
    expect(label).toMatch(/秀山土家族苗族自治县：计算名次第 \d+ 位，模拟中位数第 [\d.]+ 位，90% 区间第 [\d.]+–[\d.]+ 位/);
    expect(await chart.locator('svg').count()).toBe(1);

    const row = page.getByTestId(`index-row-${XIUSHAN}`);
    await row.getByText('秀山土家族苗族自治县').waitFor();
    const interval = (await row.getByTestId(`interval-${XIUSHAN}`).textContent()) ?? '';
    const m = /^第 ([\d.]+)–([\d.]+) 位$/.exec(interval);
    expect(m, `interval "${interval}"`).not.toBeNull();
    expect(Number(m![1])).toBeLessThanOrEqual(Number(m![2]));
    expect(await page.getByTestId('index-home-interval').textContent()).toContain(interval);
    await page.getByTestId('index-strengths').getByText('企业 R&D 占全社会 R&D 比重').waitFor();
    await page.getByTestId('index-runs').getByText('重庆市 38 个区县 2020').waitFor();
    await expectAccessible(page, 'composite index results');
    await screenshot(page, 'benchmarks-index');
    await context.close();
  });

  it('imports a statistical bulletin: loose names and 亿元 checked by row, a bad row blocks, the fixed file saves', async () => {
    // The city's statistician: a bulletin names districts all over Chongqing (a county's may import only its own).
    await seedUser(s, 'clerk_stats', 'Clerk-stats-pass-1', [{ role: 'bureau', orgUnitCode: '500000' }], '统计员');
    const { context, page } = await newPage(s);
    await signIn(page, s.url, 'clerk_stats', 'Clerk-stats-pass-1');
    await page.getByTestId('nav-stats-import').click();
    await page.waitForURL('**/benchmarks/import');
    const header = '地区,指标,年份,数值,单位\n';
    const bad = header + '九龙坡,rd_expenditure,2021,40.1,亿元\n火星县,rd_expenditure,2021,1,万元\n';
    await page.getByTestId('stats-file').setInputFiles({ name: 'bulletin.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByTestId('stats-summary').getByText('错误 1', { exact: false }).waitFor();
    await page.getByTestId('stats-table').getByText('火星县', { exact: false }).first().waitFor();
    expect(await page.getByTestId('stats-commit').isDisabled()).toBe(true);
    await expectAccessible(page, 'statistics import check');
    const good = header + '九龙坡,rd_expenditure,2021,40.1,亿元\n秀山县,rd_expenditure,2021,3500,万元\n';
    await page.getByTestId('stats-file').setInputFiles({ name: 'bulletin.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByTestId('stats-summary').getByText('尚未保存', { exact: false }).waitFor();
    await page.getByTestId('stats-commit').click();
    await page.getByTestId('stats-summary').getByText('已保存 2 个数值', { exact: false }).waitFor();
    await screenshot(page, 'benchmarks-stats-import');
    await context.close();
  });
});
