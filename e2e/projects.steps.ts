import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { addDays, today as clockToday } from '../common/clock.js';
import { projectNotices } from '../server/db/schema/index.js';
import { expectAccessible, newPage, screenshot, signIn, type E2EServer } from './harness.js';
import { apiAs, EXPERT_PASS, experts, firmA, type Api, type AppRow, type ReviewRow } from './projects.fixtures.js';

/** The steps of the project call, expert review and funding journey (projects.e2e.test.ts), in the order it runs them. */

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

type Session = Awaited<ReturnType<typeof newPage>>;

/** 1. The clerk creates the call with the guided form and publishes it: the clerk's session and the call's id. */
export async function clerkPublishesCall(s: E2EServer, clerkApi: Api): Promise<{ clerk: Session; callId: string }> {
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
  return { clerk, callId };
}

/** 2. Enterprise A applies through its portal (form, attachment with its checksum, submit): its session. */
export async function firmAApplies(s: E2EServer): Promise<Session> {
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
  return firm;
}

/** 3. Enterprise B applies through the API: applications A (submitted in step 2) and B. */
export async function firmBApplies(s: E2EServer, clerkApi: Api, callId: string): Promise<{ a: AppRow; b: AppRow }> {
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
  return { a, b };
}

/** 4–6. Formal check: A returned with a reason, B accepted; A reads the reason, submits again and is accepted. */
export async function formalCheck(clerk: Session, firm: Session, a: AppRow, b: AppRow): Promise<void> {
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
}

/** 7–8. The conflict with 专家甲 is confirmed; the seeded draw assigns three experts per application. */
export async function conflictAndDraw(clerk: Session, a: AppRow): Promise<void> {
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
}

/** 8–9. No expert reviews a conflicting application; the experts score (one through the UI, blind until submitted). */
export async function expertsScore(s: E2EServer, a: AppRow): Promise<void> {
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
}

/** 10–11. The clerk aggregates (A ranks first) and decides: A approved with 40 万元, B not funded. */
export async function aggregateAndDecide(clerk: Session, a: AppRow, b: AppRow): Promise<void> {
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
}

/** 12. The approval list goes on public notice (read without signing in); after it the contract is signed. */
export async function noticeThenContract(s: E2EServer, clerk: Session, callId: string, a: AppRow, b: AppRow): Promise<void> {
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
}

/** 12–13. The call's budget is requested and approved (four eyes), the first tranche paid; the ledger reconciles. */
export async function fundAndPay(s: E2EServer, clerk: Session, clerkApi: Api, callId: string, a: AppRow): Promise<void> {
  const project = clerk.page.getByTestId(`project-funding-${a.id}`);
  const first = project.getByTestId('payment-row-1');
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
  await expect.poll(() => clerk.page.getByTestId('call-budget-available').getAttribute('data-fen')).toBe(String(BUDGET_FEN - TRANCHE_FEN));
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
}

/** 14. Enterprise A sees its project with the tranche paid, and hands in its acceptance report. */
export async function firmReports(firm: Session, a: AppRow): Promise<void> {
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
}
