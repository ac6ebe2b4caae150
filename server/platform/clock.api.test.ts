import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectNotices } from '../db/schema/projects.js';
import { enterprises } from '../db/schema/registry.js';
import { agentWith, createTestApp, login, makeEnterprise, makeUser, type Agent, type TestContext } from '../../test/harness.js';
import { DEFAULT_TIME_ZONE, dateIn } from '../../common/clock.js';
import { setClockForTests, today } from './clock.js';
import { loadConfig } from './config.js';

/**
 * One clock (issue #13): the bureau's days run in its zone (Asia/Shanghai by default), not in UTC. The clock is
 * pinned at 23:30 and 00:30 Beijing time around a call's deadline, a notice's end and a policy's last day; at
 * 00:30 UTC still reads the day before, so a UTC clock accepted what had closed "yesterday" (the bug).
 */
// 3 March 2026, 23:30 in Beijing = 15:30 UTC; 4 March, 00:30 in Beijing = 3 March, 16:30 UTC.
const LAST_EVENING = new Date('2026-03-03T15:30:00Z');
const NEXT_NIGHT = new Date('2026-03-03T16:30:00Z');
/** 1 March 2026, 09:00 in Beijing: the call is prepared. */
const BEFORE = new Date('2026-03-01T01:00:00Z');

let t: TestContext;
let clerk: Agent;
let leader: Agent;
const applicants: Agent[] = [];
let firstEnterpriseCode = '';

const callBody = {
  code: 'XS-CLOCK-01',
  title: '2026 年县级科技计划项目（时钟测试）',
  guideText: '截止日当天北京时间 24 点前均可申报。',
  categories: ['tcm'],
  budgetFen: 1_000_000_00,
  opensOn: '2026-03-01',
  closesOn: '2026-03-03',
  form: { fields: [{ key: 'summary', zh: '项目简介', en: 'Summary', type: 'textarea', required: true }], attachments: [] },
  reviewTemplate: {
    criteria: [{ key: 'innovation', zh: '创新性', en: 'Innovation', weight: 100 }],
    aggregation: 'mean',
    reviewsPerApplication: 3,
    expertLoadCap: 2,
  },
  fundingMode: 'tranches',
  fundingParams: { firstTranchePct: 60, fiscalYear: 2026 },
};
const application = (n: number) => ({ title: `截止日申报 ${n}`, fields: { summary: '按时申报' }, requestedFen: 100_000_00 });

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
  for (const n of [1, 2, 3]) {
    const id = await makeEnterprise(t, '500241001', `秀山县时钟测试${n}有限公司`);
    if (n === 1) firstEnterpriseCode = (await t.database.db.select().from(enterprises).where(eq(enterprises.id, id)))[0]!.creditCode;
    const u = await makeUser(t, [{ role: 'enterprise', orgUnitCode: '500241', enterpriseId: id }]);
    applicants.push(await login(t, u.username));
  }
}, 120_000);
afterEach(() => setClockForTests(null));
afterAll(() => t.close());

describe('the bureau’s day, not UTC’s', () => {
  it('today is the date in Beijing: a day ahead of UTC from 00:00 to 08:00', () => {
    setClockForTests(LAST_EVENING);
    expect(today()).toBe('2026-03-03');
    setClockForTests(NEXT_NIGHT);
    expect(dateIn(NEXT_NIGHT, 'UTC')).toBe('2026-03-03'); // what the old UTC clock answered
    expect(today()).toBe('2026-03-04');
  });

  it('a call closing on 3 March accepts applications at 23:30 and refuses them at 00:30 on 4 March', async () => {
    setClockForTests(BEFORE);
    const call = (await clerk.post('/api/calls', callBody)).json();
    expect((await clerk.post(`/api/calls/${call.id}/publish`)).json().status).toBe('published');
    const early = await applicants[0]!.post(`/api/calls/${call.id}/applications`, application(1));
    expect(early.statusCode).toBe(201);

    setClockForTests(LAST_EVENING);
    const late = await applicants[1]!.post(`/api/calls/${call.id}/applications`, application(2));
    expect(late.statusCode).toBe(201);
    expect((await applicants[0]!.post(`/api/applications/${early.json().id}/submit`)).json().status).toBe('submitted');

    setClockForTests(NEXT_NIGHT);
    const tooLate = await applicants[2]!.post(`/api/calls/${call.id}/applications`, application(3));
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().error.code).toBe('call_closed');
    const submit = await applicants[1]!.post(`/api/applications/${late.json().id}/submit`);
    expect(submit.statusCode).toBe(409);
    expect(submit.json().error.code).toBe('call_closed');
  });

  it('a public notice ending on 3 March takes objections at 23:30 and not at 00:30 on 4 March', async () => {
    setClockForTests(BEFORE);
    const call = (await clerk.post('/api/calls', { ...callBody, code: 'XS-CLOCK-02' })).json();
    const [notice] = await t.database.db
      .insert(projectNotices)
      .values({ callId: call.id, title: '立项公示（时钟测试）', startsOn: '2026-03-01', endsOn: '2026-03-03' })
      .returning();
    const object = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/project-notices/${notice!.id}/objections`,
        payload: { text: '对公示名单有异议（测试）' },
      });
    const open = async () => (await t.app.inject({ method: 'GET', url: `/api/public/project-notices/${notice!.id}` })).json().open;

    setClockForTests(LAST_EVENING);
    expect(await open()).toBe(true);
    expect((await object()).statusCode).toBe(201);

    setClockForTests(NEXT_NIGHT);
    expect(await open()).toBe(false);
    const refused = await object();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('notice_not_open');
  });

  it('a policy valid to 31 December 2025 still applies at 23:30 that day and no longer at 00:30 on 1 January', async () => {
    const evaluate = async () =>
      (await leader.post('/api/policies/high_tech_new/evaluate', { creditCode: firstEnterpriseCode })).json() as {
        trace: { date: string };
        reasons: { id: string; outcome: string }[];
      };
    const validity = (r: Awaited<ReturnType<typeof evaluate>>) => r.reasons.find((c) => c.id === 'valid_dates')?.outcome;

    setClockForTests('2025-12-31T15:30:00Z'); // 23:30 in Beijing
    const lastDay = await evaluate();
    expect(lastDay.trace.date).toBe('2025-12-31');
    expect(validity(lastDay)).toBe('pass');

    setClockForTests('2025-12-31T16:30:00Z'); // 00:30 on 1 January in Beijing, still 2025 in UTC
    const nextDay = await evaluate();
    expect(nextDay.trace.date).toBe('2026-01-01');
    expect(validity(nextDay)).toBe('fail');
  });

  it('the zone is a setting, checked at start-up, and the web reads it with the session', async () => {
    expect(loadConfig({}).timeZone).toBe(DEFAULT_TIME_ZONE);
    expect(loadConfig({ KECHUANG_TIME_ZONE: 'Asia/Urumqi' }).timeZone).toBe('Asia/Urumqi');
    expect(() => loadConfig({ KECHUANG_TIME_ZONE: 'Beijing' })).toThrow(/KECHUANG_TIME_ZONE/);
    expect((await clerk.get('/api/auth/me')).json().timeZone).toBe(DEFAULT_TIME_ZONE);
  });
});
