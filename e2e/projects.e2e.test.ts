import { createHash } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today as clockToday } from '../common/clock.js';
import { eq } from 'drizzle-orm';
import { creditCodeCheckChar } from '../common/registry/index.js';
import { projectNotices } from '../server/db/schema/index.js';
import { createEnterprise } from '../server/modules/registry/index.js';
import { systemContext } from '../server/platform/audit.js';
import { e2eAvailable, expectAccessible, newPage, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';

const run = e2eAvailable();
const CODE = 'E2E-PROJ-01';
const BUDGET_CODE = `call_${CODE}`;
const BUDGET_FEN = 1_000_000_00; // the ledger budget funded for the call: 100 万元
const APPROVED_FEN = 400_000_00; // granted to the winner: 40 万元
const TRANCHE_FEN = 240_000_00; // 60 % first tranche
const PDF = Buffer.from('%PDF-1.4\n% e2e feasibility report\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');
const TITLE_A = '武陵山区中药材提取工艺研究';
const TITLE_B = '秀山土家织锦数字化设计平台';
const REASON = '预算表缺少设备购置明细，请补充后重新提交';
/** Per application: A ranks first. */
const SCORES = { a: { innovation: 86, feasibility: 80 }, b: { innovation: 72, feasibility: 66 } };

const codeOf = (first17: string) => first17 + creditCodeCheckChar(first17);

interface Api {
  context: BrowserContext;
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, data?: unknown) => Promise<T>;
  upload: <T>(path: string, body: Buffer, contentType: string) => Promise<T>;
}

/** A signed-in API client over its own browser context (cookie session, CSRF header on writes). */
async function apiAs(s: E2EServer, username: string, password: string): Promise<Api> {
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

interface AppRow {
  id: string;
  title: string;
  status: string;
}
interface ReviewRow {
  id: string;
  applicationId: string;
  status: string;
}

describe.skipIf(!run)('project call, expert review and funding journey in Chromium', () => {
  let s: E2EServer;
  const firmA = { code: codeOf('91500241MA6PJ0A01'), name: '秀山县端到端中药材科技有限公司' };
  const firmB = { code: codeOf('91500241MA6PJ0B02'), name: '秀山县端到端织锦文化有限公司' };
  /** Five experts in five organisations; 专家甲 works for the first applicant (a conflict by credit code). */
  const experts = [
    { user: 'expert_jia', name: '专家甲', org: firmA.code, orgName: firmA.name },
    { user: 'expert_yi', name: '专家乙', org: codeOf('12500241MB0PJ0E01'), orgName: '秀山县农业技术推广中心' },
    { user: 'expert_bing', name: '专家丙', org: codeOf('12500000MB0PJ0E02'), orgName: '重庆市中药研究院' },
    { user: 'expert_ding', name: '专家丁', org: codeOf('12500000MB0PJ0E03'), orgName: '重庆文理学院' },
    { user: 'expert_wu', name: '专家戊', org: codeOf('91500000MA0PJ0E04'), orgName: '重庆某会计师事务所' },
  ];
  const EXPERT_PASS = 'Expert-review-pass-1';
  let clerkApi: Api;

  beforeAll(async () => {
    s = await startE2E();
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
    clerkApi = await apiAs(s, 'clerk_sun', 'Clerk-sun-pass-1');
    for (const e of experts)
      await clerkApi.post('/api/experts', { name: e.name, username: e.user, orgCreditCode: e.org, orgName: e.orgName, fields: ['tcm'] });
  });
  afterAll(async () => {
    await clerkApi?.context.close();
    await s?.close();
  });

  it('publishes a call, takes two applications, draws experts without conflicts, scores, decides and pays the first tranche', async () => {
    // 1. The clerk creates the call with the guided form (defaults, but three reviews per application) and publishes it.
    const clerk = await newPage(s);
    await signIn(clerk.page, s.url, 'clerk_sun', 'Clerk-sun-pass-1');
    await clerk.page.getByTestId('nav-projects').click();
    await clerk.page.waitForURL('**/projects');
    await clerk.page.getByTestId('calls-table').waitFor();
    await expectAccessible(clerk.page, 'project calls');
    await clerk.page.getByTestId('call-create').click();
    await clerk.page.getByTestId('call-code').fill(CODE);
    await clerk.page.getByTestId('call-title').fill('2026 年秀山县科技计划项目（端到端）');
    await clerk.page.getByTestId('call-guide').fill('支持中药材、民族文化数字化等领域的关键技术攻关。');
    await clerk.page.getByTestId('call-budget').fill('1000000');
    await expectAccessible(clerk.page, 'call form: basics');
    await clerk.page.getByTestId('call-next').click();
    await clerk.page.getByTestId('call-field-0-key').waitFor();
    expect(await clerk.page.getByTestId('call-field-0-key').inputValue()).toBe('summary');
    await expectAccessible(clerk.page, 'call form: application form');
    await clerk.page.getByTestId('call-next').click();
    expect(await clerk.page.getByTestId('call-weight-sum').textContent()).toContain('100');
    await clerk.page.getByTestId('call-reviews').fill('3');
    await expectAccessible(clerk.page, 'call form: review rules');
    await screenshot(clerk.page, 'projects-call-form-review');
    await clerk.page.getByTestId('call-next').click();
    expect(await clerk.page.getByTestId('call-first-tranche').inputValue()).toBe('60');
    // The panels and the notice: acceptance needs a panel of three, the mid-term check may (here: must) have one.
    expect(await clerk.page.getByTestId('call-panel-acceptance-required').getAttribute('aria-checked')).toBe('true');
    expect(await clerk.page.getByTestId('call-panel-midterm-required').getAttribute('aria-checked')).toBe('false');
    expect(await clerk.page.getByTestId('call-panel-acceptance-experts').inputValue()).toBe('3');
    expect(await clerk.page.getByTestId('call-notice-days').inputValue()).toBe('5');
    await clerk.page.getByTestId('call-panel-midterm-required').click();
    await expectAccessible(clerk.page, 'call form: funding, panels and notice');
    await screenshot(clerk.page, 'projects-call-form-funding');
    await clerk.page.getByTestId('call-submit').click();
    await clerk.page.waitForURL('**/projects/calls/**');
    const status = clerk.page.getByTestId('call-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('draft');
    const callId = new URL(clerk.page.url()).pathname.split('/').pop()!;
    await clerk.page.getByTestId('call-publish').click();
    await clerk.page.getByTestId('call-status-action-confirm').click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('published');
    const panels = clerk.page.getByTestId('call-panels-value');
    expect(await panels.getAttribute('data-midterm')).toBe('true');
    expect(await panels.getAttribute('data-acceptance')).toBe('true');
    expect(await clerk.page.getByTestId('call-notice-days-value').getAttribute('data-days')).toBe('5');
    const stored = await clerkApi.get<{ fundingParams: { panels: unknown; noticeMinDays: number } }>(`/api/calls/${callId}`);
    expect(stored.fundingParams).toMatchObject({
      panels: { midterm: { required: true, experts: 3 }, acceptance: { required: true, experts: 3 } },
      noticeMinDays: 5,
    });
    await expectAccessible(clerk.page, 'call page');
    await screenshot(clerk.page, 'projects-call-summary');

    // 2. Enterprise A applies through its portal: the call's form, an attachment with its checksum, then submit.
    const firm = await newPage(s);
    await signIn(firm.page, s.url, 'herb_firm', 'Firm-project-pass-1');
    await firm.page.waitForURL('**/my**');
    await firm.page.getByTestId('my-tab-calls').click();
    await firm.page.getByTestId(`call-apply-${CODE}`).click();
    await firm.page.getByTestId('application-title').fill(TITLE_A);
    await firm.page.getByTestId('application-requested').fill('500000');
    await firm.page.getByTestId('application-field-summary').fill('建立道地药材有效成分提取工艺，提取率提高 20 %。');
    await expectAccessible(firm.page, 'portal: new application');
    await firm.page.getByTestId('application-save').click();
    const editor = firm.page.locator('[data-testid="application-editor"][data-status="draft"]');
    await editor.waitFor();
    await firm.page.getByTestId('attach-plan').locator('input[type="file"]').setInputFiles({
      name: '可行性研究报告.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await expect.poll(() => firm.page.getByTestId('upload-sha256').textContent()).toBe(PDF_SHA);
    expect(await firm.page.getByTestId('upload-check').getAttribute('data-match')).toBe('true');
    await firm.page.getByTestId('my-attachments').getByText(PDF_SHA).first().waitFor();
    await expectAccessible(firm.page, 'portal: application with attachment');
    await screenshot(firm.page, 'projects-portal-application');
    await firm.page.getByTestId('application-submit').click();
    await firm.page.getByTestId('application-action-confirm').click();
    await firm.page.locator('[data-testid="application-editor"][data-status="submitted"]').waitFor();
    await firm.page.keyboard.press('Escape');

    // 3. Enterprise B applies through the API.
    const firmBApi = await apiAs(s, 'brocade_firm', 'Firm-project-pass-1');
    const b = await firmBApi.post<AppRow>(`/api/calls/${callId}/applications`, {
      title: TITLE_B,
      fields: { summary: '织锦纹样数据库与数字化设计工具。' },
      requestedFen: 300_000_00,
    });
    await firmBApi.upload(`/api/applications/${b.id}/attachments?key=plan&fileName=plan.pdf`, PDF, 'application/pdf');
    await firmBApi.post(`/api/applications/${b.id}/submit`);
    await firmBApi.context.close();
    const apps = await clerkApi.get<AppRow[]>(`/api/calls/${callId}/applications`);
    const a = apps.find((x) => x.title === TITLE_A)!;
    expect(a.status).toBe('submitted');

    // 4. Formal check: A is returned with a reason, B accepted.
    await clerk.page.reload();
    await clerk.page.getByTestId('call-tab-applications').click();
    const rowA = clerk.page.getByTestId(`application-row-${a.id}`);
    await rowA.waitFor();
    await clerk.page.getByTestId(`formal-return-${a.id}`).click();
    await clerk.page.getByTestId('formal-reason-input').fill(REASON);
    await clerk.page.getByTestId('formal-reason-confirm').click();
    await expect.poll(() => rowA.getAttribute('data-status')).toBe('returned');
    await clerk.page.getByTestId(`formal-accept-${b.id}`).click();
    await expect.poll(() => clerk.page.getByTestId(`application-row-${b.id}`).getAttribute('data-status')).toBe('accepted');

    // 5. Enterprise A reads the reason in its portal, and submits again.
    await firm.page.reload();
    const mine = firm.page.getByTestId(`my-application-${a.id}`);
    await expect.poll(() => mine.getAttribute('data-status')).toBe('returned');
    await firm.page.getByTestId('my-returned-alert').waitFor();
    await firm.page.getByTestId(`my-application-action-${a.id}`).click();
    await expect.poll(() => firm.page.getByTestId('application-formal-note').textContent()).toContain(REASON);
    await expectAccessible(firm.page, 'portal: returned application');
    await firm.page.getByTestId('application-submit').click();
    await firm.page.getByTestId('application-action-confirm').click();
    await firm.page.locator('[data-testid="application-editor"][data-status="submitted"]').waitFor();
    await firm.page.keyboard.press('Escape');

    // 6. The clerk accepts A; the expanded row shows the file's checksum.
    await clerk.page.reload();
    await expect.poll(() => rowA.getAttribute('data-status')).toBe('submitted');
    await clerk.page.getByTestId(`formal-accept-${a.id}`).click();
    await expect.poll(() => rowA.getAttribute('data-status')).toBe('accepted');
    await rowA.locator('.ant-table-row-expand-icon').click();
    await clerk.page.getByTestId(`application-attachments-${a.id}`).getByText(PDF_SHA).first().waitFor();
    await expectAccessible(clerk.page, 'applications');
    await screenshot(clerk.page, 'projects-applications');

    // 7. Conflict detection finds 专家甲 (same organisation as A); the clerk confirms it.
    await clerk.page.getByTestId('call-tab-conflicts').click();
    await clerk.page.getByTestId('conflicts-detect').click();
    const conflict = clerk.page.locator(`[data-testid^="conflict-row-"][data-expert="专家甲"][data-application="${a.id}"]`);
    await conflict.waitFor();
    expect(await conflict.getAttribute('data-type')).toBe('same-organisation');
    expect(await conflict.getAttribute('data-status')).toBe('suggested');
    expect(await conflict.getByTestId('conflict-evidence').textContent()).toContain(firmA.code);
    const conflictId = (await conflict.getAttribute('data-testid'))!.replace('conflict-row-', '');
    await clerk.page.getByTestId(`conflict-confirm-${conflictId}`).click();
    await expect.poll(() => conflict.getAttribute('data-status')).toBe('confirmed');
    await expectAccessible(clerk.page, 'conflicts');
    await screenshot(clerk.page, 'projects-conflicts');

    // 8. The draw: three experts for each application, seeded; the result has its checksum.
    await clerk.page.getByTestId('call-tab-draw').click();
    await clerk.page.getByTestId('draw-seed').fill('20260101');
    await clerk.page.getByTestId('draw-run').click();
    await clerk.page.getByTestId('draw-confirm').click();
    const draw = clerk.page.getByTestId('draw-result');
    await draw.waitFor();
    expect(await draw.getAttribute('data-assignments')).toBe('6');
    expect(await clerk.page.getByTestId('draw-seed-used').textContent()).toBe('20260101');
    expect((await draw.getAttribute('data-checksum'))?.length).toBeGreaterThan(8);
    await expectAccessible(clerk.page, 'draw');
    await screenshot(clerk.page, 'projects-draw');

    // No expert reviews an application it conflicts with, and no two of one organisation review the same one.
    const expertApis = await Promise.all(experts.map((e) => apiAs(s, e.user, EXPERT_PASS)));
    const assigned = await Promise.all(expertApis.map((x) => x.get<ReviewRow[]>('/api/my/reviews')));
    expect(assigned.flat()).toHaveLength(6);
    expect(assigned[0]!.some((r) => r.applicationId === a.id)).toBe(false);

    // 9. Experts score: all but one through the API, then one through the UI, who then sees the others anonymised.
    const uiIndex = assigned.findIndex((list, i) => i > 0 && list.length > 0);
    const scoreOf = (applicationId: string) => (applicationId === a.id ? SCORES.a : SCORES.b);
    for (const [i, list] of assigned.entries()) {
      const mineToScore = i === uiIndex ? list.slice(1) : list;
      for (const r of mineToScore)
        await expertApis[i]!.post(`/api/my/reviews/${r.id}/score`, { scores: scoreOf(r.applicationId), comment: '同意' });
    }
    await Promise.all(expertApis.map((x) => x.context.close()));
    const uiReview = assigned[uiIndex]![0]!;
    const expert = await newPage(s);
    await signIn(expert.page, s.url, experts[uiIndex]!.user, EXPERT_PASS);
    await expert.page.waitForURL('**/reviews');
    await expect.poll(() => expert.page.getByTestId(`review-row-${uiReview.id}`).getAttribute('data-status')).toBe('assigned');
    expect(await expert.page.getByTestId('nav-projects').count()).toBe(0);
    await expectAccessible(expert.page, 'my reviews');
    await expert.page.getByTestId(`review-open-${uiReview.id}`).click();
    await expert.page.locator('[data-testid="review-detail"][data-status="assigned"]').waitFor();
    // The expert opens the files of this application (and only through this assignment): the same bytes.
    const fileLink = expert.page.getByTestId('review-attachments').locator('[data-testid^="review-attachment-"]');
    await expect.poll(() => fileLink.count()).toBe(1);
    const download = await expert.context.request.get(`${s.url}${await fileLink.getAttribute('href')}`);
    expect(download.headers()['x-content-sha256']).toBe(PDF_SHA);
    const sc = scoreOf(uiReview.applicationId);
    await expert.page.getByTestId('score-innovation').fill(String(sc.innovation));
    await expert.page.getByTestId('score-feasibility').fill(String(sc.feasibility));
    const weighted = Math.round((sc.innovation * 0.6 + sc.feasibility * 0.4) * 100) / 100;
    await expect.poll(() => expert.page.getByTestId('score-total').getAttribute('data-total')).toBe(String(weighted));
    await expert.page.getByTestId('score-comment').fill('技术路线清晰，建议支持。');
    await expectAccessible(expert.page, 'score sheet');
    await screenshot(expert.page, 'projects-score-sheet');
    await expert.page.getByTestId('score-submit').click();
    await expert.page.getByTestId('score-confirm').click();
    await expert.page.locator('[data-testid="review-detail"][data-status="submitted"]').waitFor();
    await expect.poll(() => expert.page.locator('[data-testid="others-scores"] tbody tr.ant-table-row').count()).toBe(2);
    expect(await expert.page.getByTestId('others-scores').textContent()).not.toContain('专家甲');
    await expectAccessible(expert.page, 'review after submission');
    await screenshot(expert.page, 'projects-review-submitted');
    await expert.context.close();

    // 10. The clerk aggregates: nothing waits, A ranks first.
    await clerk.page.getByTestId('call-tab-scores').click();
    await clerk.page.getByTestId('scores-aggregate').click();
    const agg = clerk.page.getByTestId('aggregation');
    await agg.waitFor();
    expect(await agg.getAttribute('data-waiting')).toBe('0');
    expect(await clerk.page.getByTestId(`ranking-row-${a.id}`).getAttribute('data-rank')).toBe('1');
    expect(await clerk.page.getByTestId(`ranking-row-${b.id}`).getAttribute('data-rank')).toBe('2');
    await expectAccessible(clerk.page, 'scores');
    await screenshot(clerk.page, 'projects-scores');
    // Reopened, the page reads the results back from the stored reviews: the same ranking, the spread shown.
    await clerk.page.reload();
    await expect.poll(() => clerk.page.getByTestId(`ranking-row-${a.id}`).getAttribute('data-rank')).toBe('1');
    expect(await clerk.page.getByTestId(`ranking-row-${b.id}`).getAttribute('data-consensus')).toBe('none');
    expect(await clerk.page.getByTestId(`ranking-row-${a.id}`).getByTestId('ranking-spread').textContent()).toContain('0');

    // 11. The decision: A approved with 40 万元, within the budget; B not funded.
    await clerk.page.getByTestId('call-tab-decision').click();
    await clerk.page.getByTestId(`decision-include-${a.id}`).check();
    await clerk.page.getByTestId(`decision-amount-${a.id}`).fill('400000');
    await expect.poll(() => clerk.page.getByTestId('decision-total').getAttribute('data-fen')).toBe(String(APPROVED_FEN));
    expect(await clerk.page.getByTestId('decision-total').getAttribute('data-over')).toBe('false');
    await expectAccessible(clerk.page, 'decision');
    await clerk.page.getByTestId('decision-note').fill('按专家评审排名立项');
    await clerk.page.getByTestId('decision-submit').click();
    await clerk.page.getByTestId('decision-confirm').click();
    await expect.poll(() => clerk.page.getByTestId(`decided-row-${a.id}`).getAttribute('data-status')).toBe('approved');
    expect(await clerk.page.getByTestId(`decided-row-${b.id}`).getAttribute('data-status')).toBe('not_funded');
    await screenshot(clerk.page, 'projects-decision');

    // 12. Funding: the approval list goes on public notice first, and the contract waits for its end.
    await clerk.page.getByTestId('call-tab-funding').click();
    const project = clerk.page.getByTestId(`project-funding-${a.id}`);
    await project.waitFor();
    await project.getByTestId('project-contract-wait').waitFor();
    expect(await project.getByTestId('project-contract').isDisabled()).toBe(true);
    const noticeEnd = addDays(clockToday(), 6);
    await clerk.page.getByTestId('pnotice-ends').click();
    await clerk.page.getByTestId('pnotice-ends').fill(noticeEnd);
    // Enter takes the date and submits the form (the start defaults to today).
    await clerk.page.getByTestId('pnotice-ends').press('Enter');
    await clerk.page.getByTestId('project-notice-view').waitFor();
    await clerk.page.getByTestId(`pnotice-item-${a.id}`).waitFor();
    expect(await clerk.page.getByTestId(`pnotice-item-${b.id}`).count()).toBe(0);
    await expectAccessible(clerk.page, 'approval notice');
    await screenshot(clerk.page, 'projects-notice');
    // Anyone reads it without signing in.
    const noticePath = (await clerk.page.getByTestId('project-notice-public').getAttribute('href'))!;
    const visitor = await newPage(s);
    await visitor.page.goto(`${s.url}${noticePath}`);
    await visitor.page.getByTestId(`pnotice-item-${a.id}`).waitFor();
    expect(await visitor.page.getByTestId('public-project-notice').getAttribute('data-open')).toBe('true');
    expect(await visitor.page.getByTestId(`pnotice-item-${a.id}`).textContent()).toContain('¥400,000.00');
    await expectAccessible(visitor.page, 'public approval notice');
    await screenshot(visitor.page, 'projects-public-notice');
    await visitor.context.close();
    // The notice period is over (moved into the past here): the contract can be signed.
    await s.database.db
      .update(projectNotices)
      .set({
        startsOn: addDays(clockToday(), -8),
        endsOn: addDays(clockToday(), -1),
      })
      .where(eq(projectNotices.callId, callId));
    await clerk.page.reload();
    await project.waitFor();
    // The contract releases the first tranche (60 %); the call's budget is funded; the tranche is paid.
    await project.getByTestId('project-contract').click();
    await clerk.page.getByTestId('contract-confirm').click();
    await expect.poll(() => project.getByTestId('project-status').getAttribute('data-status')).toBe('contracted');
    const first = project.getByTestId('payment-row-1');
    await expect.poll(() => first.getAttribute('data-status')).toBe('released');
    expect(await first.getAttribute('data-fen')).toBe(String(TRANCHE_FEN));
    await clerk.page.getByTestId('call-budget-add').click();
    await clerk.page.getByTestId('budget-amount').fill('1000000');
    await clerk.page.getByTestId('budget-reason').fill('秀财预〔2026〕8 号');
    await expectAccessible(clerk.page, 'call budget form');
    await clerk.page.getByTestId('budget-submit').click();
    await clerk.page.getByTestId('budget-submit').waitFor({ state: 'hidden' });
    // A request, not money yet: nothing to spend until a colleague approves it.
    await expect.poll(() => clerk.page.getByTestId('call-budget-requested').getAttribute('data-fen')).toBe(String(BUDGET_FEN));
    expect(await clerk.page.getByTestId('call-budget-available').getAttribute('data-fen')).toBe('0');

    // 李科长 approves the request in the ledger (the clerk could not: four eyes); the ledger shows the budget.
    const year = (await clerkApi.get<{ fundingParams: { fiscalYear: number } }>(`/api/calls/${callId}`)).fundingParams.fiscalYear;
    const ledger = await newPage(s);
    await signIn(ledger.page, s.url, 'chief_li', 'Chief-li-pass-1');
    await ledger.page.goto(`${s.url}/ledger`);
    await expect
      .poll(() => ledger.page.getByTestId(`budget-requested-${BUDGET_CODE}-${year}`).getAttribute('data-fen'))
      .toBe(String(BUDGET_FEN));
    await ledger.page.getByTestId(`budget-request-approve-${BUDGET_CODE}-${year}`).click();
    const available = ledger.page.getByTestId(`budget-available-${BUDGET_CODE}-${year}`);
    await expect.poll(() => available.getAttribute('data-fen')).toBe(String(BUDGET_FEN));
    await clerk.page.reload();
    await expect.poll(() => clerk.page.getByTestId('call-budget-available').getAttribute('data-fen')).toBe(String(BUDGET_FEN));
    expect(await clerk.page.getByTestId('call-budget-requested').getAttribute('data-fen')).toBe('0');

    await project.getByTestId('payment-pay-1').click();
    expect(await clerk.page.getByTestId('pay-confirm').textContent()).toContain('¥240,000.00');
    await clerk.page.getByTestId('pay-confirm').click();
    await expect.poll(() => first.getAttribute('data-status')).toBe('paid');
    await expect
      .poll(() => clerk.page.getByTestId('call-budget-available').getAttribute('data-fen'))
      .toBe(String(BUDGET_FEN - TRANCHE_FEN));
    await expectAccessible(clerk.page, 'funding');
    await screenshot(clerk.page, 'projects-funding');

    // 13. The ledger's budget available balance fell by exactly the tranche, and the ledger reconciles.
    await ledger.page.reload();
    await expect.poll(() => available.getAttribute('data-fen')).toBe(String(BUDGET_FEN - TRANCHE_FEN));
    expect(await available.textContent()).toBe('¥760,000.00');
    await ledger.page.getByTestId('ledger-verify-run').click();
    await expect.poll(() => ledger.page.getByTestId('ledger-verify-result').getAttribute('data-ok')).toBe('true');
    await screenshot(ledger.page, 'projects-ledger');
    await ledger.context.close();

    // 14. Enterprise A sees its project: the tranche paid, and hands in its acceptance report.
    await firm.page.reload();
    await firm.page.getByTestId('my-tab-projects').click();
    const myProject = firm.page.getByTestId(`my-project-${a.id}`);
    await myProject.waitFor();
    await expect.poll(() => myProject.getByTestId('payment-row-1').getAttribute('data-status')).toBe('paid');
    await myProject.getByTestId('report-submit-acceptance').click();
    await firm.page.getByTestId('report-text').fill('已完成提取工艺中试，提取率提高 22 %。');
    await firm.page.getByTestId('report-confirm').click();
    await expect.poll(() => myProject.getByTestId('report-row-acceptance').getAttribute('data-status')).toBe('submitted');
    await expectAccessible(firm.page, 'portal: my projects');
    await screenshot(firm.page, 'projects-portal-projects');
    await firm.context.close();
    await clerk.context.close();
    // Twelve sign-ins, 25 accessibility scans and five browser contexts: 129 s on 2 cores at a load of 8, but at a
    // load of 10-13 the steps up to the public notice alone took 280 s (2026-12-05), so 300 s was no margin.
  }, 480_000);

  it('a team without a registered enterprise bids for a 揭榜挂帅 challenge: leader, members, contact; no age, degree or title', async () => {
    const today = clockToday();
    const challenge = await clerkApi.post<{ id: string }>('/api/calls', {
      code: 'E2E-CH-01',
      kind: 'challenge',
      title: '山地丘陵小型采收机揭榜挂帅',
      guideText: '技术难题：坡度 25° 以上茶园的轻量化采收装备。',
      budgetFen: 500_000_00,
      bountyFen: 500_000_00,
      opensOn: today,
      closesOn: today,
      form: {
        fields: [{ key: 'summary', zh: '揭榜方案', en: 'Approach', type: 'textarea', required: true }],
        attachments: [
          { key: 'plan', zh: '技术方案', en: 'Technical plan', required: true, maxBytes: 1024 * 1024, types: ['application/pdf'] },
        ],
      },
      reviewTemplate: { criteria: [{ key: 'tech', zh: '技术方案', en: 'Technology', weight: 100 }], reviewsPerApplication: 1 },
      fundingMode: 'milestones',
      fundingParams: { firstTranchePct: 60, fiscalYear: Number(today.slice(0, 4)) },
    });
    await clerkApi.post(`/api/calls/${challenge.id}/publish`);
    await seedUser(s, 'team_wang', 'Team-wang-pass-1', [{ role: 'team', orgUnitCode: '500241' }], '王工团队');
    const team = await newPage(s);
    await signIn(team.page, s.url, 'team_wang', 'Team-wang-pass-1');
    await team.page.waitForURL('**/challenges');
    expect(await team.page.getByTestId('nav-challenges').count()).toBe(1);
    expect(await team.page.getByTestId('nav-my').count()).toBe(0);
    await team.page.getByTestId('challenge-bid-E2E-CH-01').click();
    await team.page.getByTestId('application-title').fill('轻量化履带式采茶机');
    await team.page.getByTestId('application-requested').fill('500000');
    await team.page.getByTestId('application-team-name').fill('武陵山农机揭榜团队');
    await team.page.getByTestId('application-team-leader').fill('王工');
    await team.page.getByTestId('application-team-contact').fill('13800000000');
    await team.page.getByTestId('application-field-summary').fill('履带底盘与柔性采摘头。');
    await expectAccessible(team.page, 'challenge bid');
    await screenshot(team.page, 'projects-challenge-bid');
    await team.page.getByTestId('application-save').click();
    await team.page.locator('[data-testid="application-editor"][data-status="draft"]').waitFor();
    await team.page.getByTestId('attach-plan').locator('input[type="file"]').setInputFiles({
      name: '技术方案.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await expect.poll(() => team.page.getByTestId('upload-sha256').textContent()).toBe(PDF_SHA);
    await team.page.getByTestId('application-submit').click();
    await team.page.getByTestId('application-action-confirm').click();
    await team.page.locator('[data-testid="application-editor"][data-status="submitted"]').waitFor();
    expect(await team.page.getByTestId('application-team-summary').textContent()).toContain('13800000000');
    await team.page.keyboard.press('Escape');
    const bids = await clerkApi.get<
      { applicantName: string; enterpriseId: string | null; status: string; teamMembers: unknown[]; fields: Record<string, unknown> }[]
    >(`/api/calls/${challenge.id}/applications`);
    expect(bids).toEqual([
      expect.objectContaining({
        applicantName: '武陵山农机揭榜团队',
        enterpriseId: null,
        status: 'submitted',
        teamMembers: [{ name: '王工', role: '负责人' }],
        fields: { summary: '履带底盘与柔性采摘头。', team_contact: '13800000000' },
      }),
    ]);
    await expectAccessible(team.page, 'my bids');
    await screenshot(team.page, 'projects-challenge-mine');
    await team.context.close();
  }, 120_000);

  it('the bureau edits an expert and switches availability; a declined expert sees the assignment, not the application', async () => {
    const today = clockToday();
    const call = await clerkApi.post<{ id: string }>('/api/calls', {
      code: 'E2E-PROJ-02',
      title: '2026 年秀山县科技计划项目（专家可用性）',
      guideText: '支持中药材领域的关键技术攻关。',
      categories: ['tcm'],
      budgetFen: 100_000_00,
      opensOn: today,
      closesOn: today,
      form: { fields: [], attachments: [] },
      reviewTemplate: { criteria: [{ key: 'tech', zh: '技术方案', en: 'Technology', weight: 100 }], reviewsPerApplication: 1 },
      fundingMode: 'tranches',
      fundingParams: { firstTranchePct: 60, fiscalYear: Number(today.slice(0, 4)) },
    });
    await clerkApi.post(`/api/calls/${call.id}/publish`);
    const firmApi = await apiAs(s, 'herb_firm', 'Firm-project-pass-1');
    const app = await firmApi.post<AppRow>(`/api/calls/${call.id}/applications`, {
      title: '道地药材种苗繁育技术',
      fields: {},
      requestedFen: 50_000_00,
    });
    await firmApi.post(`/api/applications/${app.id}/submit`);
    await firmApi.context.close();
    await clerkApi.post(`/api/applications/${app.id}/formal-check`, { decision: 'accept' });
    await clerkApi.post(`/api/calls/${call.id}/draw`, { seed: 42 });
    const [assigned] = await clerkApi.get<(ReviewRow & { expertId: string; expertName: string })[]>(
      `/api/calls/${call.id}/assignments?stage=review`,
    );
    const who = experts.find((e) => e.name === assigned!.expertName)!;
    const whoApi = await apiAs(s, who.user, EXPERT_PASS);
    await whoApi.post(`/api/my/reviews/${assigned!.id}/decline`, { reason: '近期出差，无法按期评审' });
    await whoApi.context.close();

    // The expert's list keeps the declined assignment with its status and reason, without a way into the application.
    const expert = await newPage(s);
    await signIn(expert.page, s.url, who.user, EXPERT_PASS);
    await expert.page.waitForURL('**/reviews');
    const row = expert.page.getByTestId(`review-row-${assigned!.id}`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('declined');
    await row.getByTestId(`review-ended-${assigned!.id}`).waitFor();
    expect(await row.getByTestId(`review-open-${assigned!.id}`).count()).toBe(0);
    expect(await row.textContent()).toContain('近期出差');
    await expectAccessible(expert.page, 'my reviews: a declined assignment');
    await screenshot(expert.page, 'projects-review-declined');
    await expert.context.close();

    // The bureau switches the expert off in the pool, and edits another one in the drawer.
    const clerk = await newPage(s);
    await signIn(clerk.page, s.url, 'clerk_sun', 'Clerk-sun-pass-1');
    await clerk.page.goto(`${s.url}/projects/experts`);
    const expertRow = clerk.page.getByTestId(`expert-row-${who.name}`);
    await expect.poll(() => expertRow.getAttribute('data-available')).toBe('true');
    await clerk.page.getByTestId(`expert-available-${who.name}`).click();
    await expect.poll(() => expertRow.getAttribute('data-available')).toBe('false');
    const pool = await clerkApi.get<{ name: string; available: boolean; contact: string | null }[]>('/api/experts');
    expect(pool.find((e) => e.name === who.name)!.available).toBe(false);
    const other = experts.find((e) => e.name !== who.name && e.name !== '专家甲')!;
    await clerk.page.getByTestId(`expert-edit-${other.name}`).click();
    await clerk.page.getByTestId('expert-edit-hint').waitFor();
    expect(await clerk.page.getByTestId('expert-name').inputValue()).toBe(other.name);
    expect(await clerk.page.getByTestId('expert-org-code').inputValue()).toBe(other.org);
    await clerk.page.getByTestId('expert-contact').fill('023-76661234');
    await clerk.page.getByTestId('expert-titles').fill('正高级农艺师');
    await expectAccessible(clerk.page, 'expert pool: edit drawer');
    await screenshot(clerk.page, 'projects-expert-edit');
    await clerk.page.getByTestId('expert-submit').click();
    await expect
      .poll(async () => (await clerkApi.get<typeof pool>('/api/experts')).find((e) => e.name === other.name)!.contact)
      .toBe('023-76661234');
    await expect.poll(() => clerk.page.getByTestId('experts-availability').getAttribute('data-unavailable')).toBe('1');
    await expectAccessible(clerk.page, 'expert pool');
    await screenshot(clerk.page, 'projects-experts');
    await clerk.context.close();
  }, 120_000);
});
