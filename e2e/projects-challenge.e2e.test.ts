import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today as clockToday } from '../common/clock.js';
import { e2eAvailable, expectAccessible, newPage, screenshot, seedUser, signIn, startE2E, type E2EServer } from './harness.js';
import { seedProjectWorld, type Api } from './projects.fixtures.js';

const run = e2eAvailable();
const PDF = Buffer.from('%PDF-1.4\n% e2e feasibility report\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

describe.skipIf(!run)('揭榜挂帅: a team bids for a challenge in Chromium', () => {
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
});
