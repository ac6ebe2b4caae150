import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callConflictView } from '../../../common/contracts/project-experts.js';
import { aggregationView } from '../../../common/contracts/review.js';
import { addDays } from '../../../common/registry/index.js';
import {
  assignmentsOf,
  callBody,
  makeApplication,
  makeCall,
  makeReviewWorld,
  makeExpert,
  READBACK_TEMPLATE,
  submitAndAccept,
} from '../../../test/fixtures/projects.js';
import { createTestApp, type Agent, type TestContext } from '../../../test/harness.js';
import { conflicts } from '../../db/schema/projects.js';
import { today } from '../../platform/clock.js';

/**
 * Review answers codes and parameters, not words (issue #13, PGlite and PostgreSQL): a review template the
 * aggregation cannot apply is a 400 with the policy's code, worded per locale by common/messages; the thresholds
 * an aggregation missed are codes with their numbers; a conflict suggestion's evidence is a finding (code, party,
 * credit code, period) while rows stored before keep their sentence; the notice's default title is a dictionary
 * entry in the publisher's language.
 */
let t: TestContext;
let clerk: Agent;
let clerkEn: Agent;
let applicant: Awaited<ReturnType<typeof makeReviewWorld>>['applicant'];
let experts: Awaited<ReturnType<typeof makeReviewWorld>>['experts'];
const CJK = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  t = await createTestApp();
  ({ clerk, clerkEn, applicant, experts } = await makeReviewWorld(t, { name: '评审代码', codeBase: 7400 }));
});
afterAll(() => t.close());

describe('a review template the aggregation cannot apply', () => {
  it('two criteria with one key: 400 with the policy code naming the second, in either language, and no call', async () => {
    const criteria = [
      { key: 'innovation', zh: '创新性', en: 'Innovation', weight: 50 },
      { key: 'innovation', zh: '创新性二', en: 'Innovation 2', weight: 50 },
    ];
    const body = callBody('DUP-KEY-01', { reviewTemplate: { criteria } });
    const zh = await clerk.post('/api/calls', body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toEqual({
      code: 'review_criterion_twice',
      field: 'reviewTemplate.criteria.1',
      message: '字段“第 2 项”：指标“innovation”重复出现，每项指标的编号须唯一',
    });
    const en = (await clerkEn.post('/api/calls', body)).json().error;
    expect(en).toMatchObject({ code: 'review_criterion_twice', field: 'reviewTemplate.criteria.1' });
    expect(en.message).toBe('Field "item 2": criterion "innovation" appears twice; every criterion needs its own key');
    const calls = (await clerk.get('/api/calls')).json() as { code: string }[];
    expect(calls.some((c) => c.code === 'DUP-KEY-01')).toBe(false);
  });
});

describe('thresholds missed, and the notice named after the call', () => {
  it('the aggregation lists the misses as codes with numbers; an English publisher’s notice is named in English', async () => {
    const call = await makeCall(clerk, { reviewTemplate: { ...READBACK_TEMPLATE, reviewsPerApplication: 2 } });
    const app = await makeApplication(applicant.agent, call.id, { title: '门槛代码测试' });
    await submitAndAccept(applicant.agent, clerk, app.id);
    expect((await clerk.post(`/api/calls/${call.id}/draw`, { seed: 3 })).statusCode).toBe(200);
    for (const x of await assignmentsOf(experts, [app.id]))
      expect(
        (await x.expert.agent.post(`/api/my/reviews/${x.reviewId}/score`, { scores: { innovation: 50, feasibility: 55 } })).statusCode,
      ).toBe(200);
    const res = await clerk.post(`/api/calls/${call.id}/aggregate`);
    expect(res.statusCode, res.body).toBe(200);
    const [ranked] = aggregationView.parse(res.json()).ranking;
    // 50 × 60 % + 55 × 40 % = 52: innovation (threshold 60) and the total (60) missed.
    expect(ranked!.failures).toEqual([
      { code: 'miss_criterion', params: { criterion: 'innovation', value: 50, threshold: 60 } },
      { code: 'miss_total', params: { value: 52, threshold: 60 } },
    ]);
    expect(JSON.stringify(res.json().ranking)).not.toMatch(/低于|below| \/ /);
    const again = (await clerkEn.post(`/api/calls/${call.id}/aggregate`)).json();
    expect(again.ranking[0].failures).toEqual(ranked!.failures);

    const approvals = [{ applicationId: app.id, approvedFen: 100_000_00, thresholdReason: '填补县内空白' }];
    expect((await clerk.post(`/api/calls/${call.id}/decide`, { approvals })).statusCode).toBe(200);
    const notice = await clerkEn.post(`/api/calls/${call.id}/notice`, { startsOn: today(), endsOn: addDays(today(), 10) });
    expect(notice.statusCode, notice.body).toBe(201);
    expect(notice.json().title).toBe(`${call.title}: approval notice`);
  });
});

describe('conflict suggestions: findings as codes; older rows as stored', () => {
  it('detection stores what it found (code, party, credit code), no sentence; an older sentence and a person’s words read back', async () => {
    const call = await makeCall(clerk);
    const app = await makeApplication(applicant.agent, call.id, { title: '回避代码测试' });
    await submitAndAccept(applicant.agent, clerk, app.id);
    const insider = await makeExpert(t, clerk, { name: '回避代码专家', orgCreditCode: applicant.code });
    const detected = await clerk.post(`/api/calls/${call.id}/conflicts/detect`);
    expect(detected.statusCode, detected.body).toBe(200);
    expect(detected.json().suggestions).toBe(1);
    // A suggestion detected before the codes: its sentence, no finding.
    const old = '专家回避代码专家持有申报单位（X）股份 / expert 回避代码专家 holds shares in the applicant (X)';
    await t.database.db.insert(conflicts).values({
      expertId: insider.id,
      applicationId: app.id,
      type: 'shareholding',
      source: 'automatic',
      evidence: old,
      status: 'suggested',
    });
    const declared = await clerk.post('/api/conflicts', {
      expertId: experts[0]!.id,
      applicationId: app.id,
      type: 'other',
      evidence: '曾与申报单位合作发表论文',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({ evidence: '曾与申报单位合作发表论文', finding: null });

    const list = callConflictView.array().parse((await clerkEn.get(`/api/calls/${call.id}/conflicts`)).json());
    const found = list.find((c) => c.expertId === insider.id && c.type === 'same-organisation');
    expect(found).toMatchObject({
      source: 'automatic',
      evidence: null,
      finding: { code: 'same_org', params: { expert: '回避代码专家', party: 'applicant', creditCode: applicant.code } },
    });
    // No words but the data's own (the expert's name): the web says the rest.
    expect(JSON.stringify({ ...found!.finding, params: { ...found!.finding!.params, expert: '' } })).not.toMatch(CJK);
    expect(list.find((c) => c.type === 'shareholding')).toMatchObject({ evidence: old, finding: null });
    expect(list.find((c) => c.type === 'other')).toMatchObject({ evidence: '曾与申报单位合作发表论文', finding: null });
  });
});
