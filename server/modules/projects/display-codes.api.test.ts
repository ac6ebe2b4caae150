import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawInfeasible } from '../../../common/contracts/panels.js';
import { applicationView } from '../../../common/contracts/projects.js';
import {
  assignmentsOf,
  makeApplication,
  makeCall,
  makeReviewWorld,
  READBACK_TEMPLATE,
  submitAndAccept,
} from '../../../test/fixtures/projects.js';
import { createTestApp, type Agent, type TestContext } from '../../../test/harness.js';
import { zipEntries } from '../../platform/zip.js';

/**
 * Services return codes and parameters, not words (issue #13, PGlite and PostgreSQL): a draw that cannot be met
 * answers why each place stays empty as a code with its numbers, the same in either language; a decision
 * below the review thresholds is stored as data (the misses and the reason), read back as such, and worded only
 * by the decision letter (Chinese) and the web.
 */
let t: TestContext;
let clerk: Agent;
let clerkEn: Agent;
let applicant: Awaited<ReturnType<typeof makeReviewWorld>>['applicant'];
let experts: Awaited<ReturnType<typeof makeReviewWorld>>['experts'];

beforeAll(async () => {
  t = await createTestApp();
  ({ clerk, clerkEn, applicant, experts } = await makeReviewWorld(t, { name: '代码', codeBase: 7300 }));
});
afterAll(() => t.close());

/** The text of a Word document's body (word/document.xml, inflated), tags removed and entities read. */
function docxText(docx: Buffer): string {
  const entry = zipEntries(docx).find((e) => e.name === 'word/document.xml')!;
  const raw = docx.subarray(entry.dataAt, entry.dataAt + entry.compressed);
  const xml = (entry.method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('a draw that cannot be met: why, as codes and numbers', () => {
  it('names each place it could not fill by code, in either language the same, and saves nothing', async () => {
    const call = await makeCall(clerk, { reviewTemplate: { reviewsPerApplication: 3, quotas: [{ field: 'finance', min: 1 }] } });
    const app = await makeApplication(applicant.agent, call.id, { title: '道地药材代码测试' });
    await submitAndAccept(applicant.agent, clerk, app.id);
    const refused = await clerk.post(`/api/calls/${call.id}/draw`, { seed: 5 });
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe('assignment_infeasible');
    // Two experts in two organisations for three reviews; no finance expert for the quota.
    expect(drawInfeasible.parse(error.details).unfilled).toEqual([
      {
        applicationId: app.id,
        applicationTitle: '道地药材代码测试',
        missing: 1,
        kind: 'reviews',
        code: 'assign_orgs_short',
        params: { experts: 2, orgs: 2, reviews: 3 },
      },
      {
        applicationId: app.id,
        applicationTitle: '道地药材代码测试',
        missing: 1,
        kind: 'quota',
        code: 'quota_orgs_short',
        params: { field: 'finance', min: 1, experts: 0, orgs: 0 },
      },
    ]);
    // The message counts; it does not carry the solver's sentences (the web words the codes).
    expect(error.message).toBe('专家抽取无法满足：1 个项目配不齐评审专家，未保存任何抽取结果');
    expect(JSON.stringify(error)).not.toMatch(/无回避|non-conflicted/);
    const en = (await clerkEn.post(`/api/calls/${call.id}/draw`, { seed: 5 })).json().error;
    expect(en.message).toBe('The reviewer draw cannot be met: applications short of reviewers: 1; nothing was saved');
    expect(en.details).toEqual(error.details);
    expect((await clerk.get(`/api/calls/${call.id}/draws`)).json()).toEqual([]);
    // A stage in a message is a code the dictionary words: nothing to redraw in the application review.
    const nothing = await clerkEn.post(`/api/calls/${call.id}/redraw`, { seed: 1, stage: 'review', reason: '重新抽取' });
    expect(nothing.json().error).toMatchObject({
      code: 'redraw_nothing',
      message: 'No open or declined application review assignment to redraw',
    });
    expect((await clerk.post(`/api/calls/${call.id}/redraw`, { seed: 1, stage: 'review', reason: '重新抽取' })).json().error.message).toBe(
      '立项评审没有待补足的评审任务（未评分或已谢绝的）',
    );
  });
});

describe('funded below the thresholds: stored as data, worded by the letter and the web', () => {
  it('the refusal lists the misses by criterion; the approval keeps misses and reason apart from the note', async () => {
    const call = await makeCall(clerk, { reviewTemplate: { ...READBACK_TEMPLATE, reviewsPerApplication: 2 } });
    const app = await makeApplication(applicant.agent, call.id, { title: '低分立项代码测试' });
    await submitAndAccept(applicant.agent, clerk, app.id);
    expect((await clerk.post(`/api/calls/${call.id}/draw`, { seed: 3 })).statusCode).toBe(200);
    for (const x of await assignmentsOf(experts, [app.id]))
      expect(
        (await x.expert.agent.post(`/api/my/reviews/${x.reviewId}/score`, { scores: { innovation: 50, feasibility: 55 } })).statusCode,
      ).toBe(200);
    expect((await clerk.post(`/api/calls/${call.id}/aggregate`)).statusCode).toBe(200);
    const approvals = [{ applicationId: app.id, approvedFen: 100_000_00 }];
    // 50 × 60 % + 55 × 40 % = 52: innovation and the total missed.
    const zh = (await clerk.post(`/api/calls/${call.id}/decide`, { approvals })).json().error;
    expect(zh).toMatchObject({ code: 'decision_threshold', field: 'approvals.0.thresholdReason' });
    expect(zh.message).toContain('（创新性 50 < 60、总分 52 < 60）');
    const en = (await clerkEn.post(`/api/calls/${call.id}/decide`, { approvals })).json().error;
    expect(en.message).toContain('(Innovation 50 < 60, total 52 < 60)');
    const reason = '填补县内空白，专家组建议试点支持';
    const ok = await clerk.post(`/api/calls/${call.id}/decide`, {
      approvals: [{ ...approvals[0], thresholdReason: reason }],
      note: '按评审结果立项',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stored = applicationView.parse((await clerk.get(`/api/applications/${app.id}`)).json());
    expect(stored.decisionNote).toBe('按评审结果立项');
    expect(stored.decisionOverride).toEqual({
      misses: [
        { criterionId: 'innovation', value: 50, threshold: 60 },
        { criterionId: null, value: 52, threshold: 60 },
      ],
      reason,
    });
    // The letter, a document of record, words it in Chinese from the stored data.
    const letter = await clerk.get(`/api/applications/${app.id}/decision-letter`);
    expect(letter.statusCode).toBe(200);
    const text = docxText(letter.rawPayload);
    expect(text).toContain('说明：按评审结果立项');
    expect(text).toContain(`说明：低于评审门槛（创新性 50 < 60、总分 52 < 60）仍予立项，理由：${reason}`);
  });
});
