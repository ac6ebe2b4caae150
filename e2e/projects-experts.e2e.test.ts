import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today as clockToday } from '../common/clock.js';
import { e2eAvailable, expectAccessible, newPage, screenshot, signIn, startE2E, type E2EServer } from './harness.js';
import { apiAs, EXPERT_PASS, experts, seedProjectWorld, type Api, type AppRow, type ReviewRow } from './projects.fixtures.js';

const run = e2eAvailable();

describe.skipIf(!run)('the expert pool: editing and availability in Chromium', () => {
  let s: E2EServer;
  let clerkApi: Api;

  beforeAll(async () => {
    s = await startE2E();
    clerkApi = await seedProjectWorld(s);
  });
  afterAll(async () => {
    await clerkApi?.context.close();
    await s?.close();
  });

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
