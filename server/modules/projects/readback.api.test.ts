import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationResultView as Result } from '../../../common/contracts/project-readback.js';
import { auditEvents } from '../../db/schema/audit.js';
import { reviews } from '../../db/schema/projects.js';
import {
  assignmentsOf,
  makeApplicant,
  makeApplication,
  makeCall,
  makeExpert,
  PLAN_PDF,
  READBACK_TEMPLATE,
  SUMMARY_FIELD,
  uploadAttachment,
  type CallOverrides,
} from '../../../test/fixtures/projects.js';
import { agentWith, createTestApp, creditCode, type Agent, type TestContext } from '../../../test/harness.js';

/**
 * Read-backs and guards of a call's review (PGlite and PostgreSQL): the aggregation read back after the page is
 * reopened (spread, consensus, thresholds, ranking); experts open the files of their own assignments and no
 * others; no decision while an application waits for its score or consensus, none below a threshold without a
 * reason; money and statuses in words; a 揭榜挂帅 team without a registered enterprise bids.
 */
let t: TestContext;
let clerk: Agent;
let clerkEn: Agent;
let leader: Agent;
const ents: Awaited<ReturnType<typeof makeApplicant>>[] = [];
const experts: Awaited<ReturnType<typeof makeExpert>>[] = [];
const PDF_A = Buffer.from('%PDF-1.4\n% application A\n');
const PDF_B = Buffer.from('%PDF-1.4\n% application B\n');
/** Application A's first upload of its plan, replaced before submission (#14). */
const PDF_DRAFT = Buffer.from('%PDF-1.4\n% application A, first draft\n');
let replacedId = '';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The read-back calls: the form's summary and feasibility report, the read-back template (thresholds, spread 15). */
const READBACK_CALL: CallOverrides = { form: { fields: [SUMMARY_FIELD], attachments: [PLAN_PDF] }, reviewTemplate: READBACK_TEMPLATE };

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  clerkEn = (await agentWith(t, ['bureau'])).agent;
  expect((await clerkEn.patch('/api/auth/me', { locale: 'en-US' })).statusCode).toBe(200);
  leader = (await agentWith(t, ['leader'])).agent;
  for (const n of [1, 2]) ents.push(await makeApplicant(t, '500241001', { name: `秀山县读回企业${n}有限公司` }));
  for (const k of [0, 1, 2, 3]) experts.push(await makeExpert(t, clerk, { name: `读回专家${k + 1}`, orgCreditCode: creditCode(7100 + k) }));
});
afterAll(() => t.close());

/** Every assignment of the call's applications: which expert, which review. */
const assignments = (ids: string[]) => assignmentsOf(experts, ids);

let callId = '';
const appIds: string[] = [];
const attachmentIds: string[] = [];

describe('a call’s results read back: applications and decision guards', () => {
  it('two enterprises apply; project_state names the status and the action in words', async () => {
    callId = (await makeCall(clerk, { code: 'RB-2026-01', ...READBACK_CALL })).id;
    for (const [k, e] of ents.entries()) {
      const a = await makeApplication(e.agent, callId, { title: `读回项目${k === 0 ? '甲' : '乙'}`, fields: { summary: '提取工艺' } });
      appIds.push(a.id);
      // Reproduction (#14): re-uploading the plan added a second copy that the experts then saw. Now it replaces it.
      if (k === 0) replacedId = (await uploadAttachment(e.agent, a.id, PDF_DRAFT, { fileName: 'plan-draft.pdf' })).id;
      attachmentIds.push((await uploadAttachment(e.agent, a.id, k === 0 ? PDF_A : PDF_B, { fileName: `plan-${k}.pdf` })).id);
      const own = (await e.agent.get(`/api/applications/${a.id}`)).json();
      expect(own.attachments.map((x: { id: string; key: string }) => [x.key, x.id])).toEqual([['plan', attachmentIds[k]]]);
      expect((await e.agent.post(`/api/applications/${a.id}/submit`)).json().status).toBe('submitted');
    }
    // The replaced file is gone from the application; the audit trail names it and its checksum.
    expect((await clerk.get(`/api/applications/${appIds[0]}/attachments/${replacedId}`)).statusCode).toBe(404);
    const trail = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, appIds[0]!), eq(auditEvents.action, 'attach')))
      .orderBy(asc(auditEvents.id));
    expect(trail.map((x) => x.changes.replaced?.after)).toEqual([
      undefined,
      [{ id: replacedId, fileName: 'plan-draft.pdf', sha256: sha(PDF_DRAFT), size: PDF_DRAFT.length }],
    ]);
    // Editing a submitted application: refused, the status and the action in words (not codes).
    const edit = await ents[0]!.agent.request({
      method: 'PUT',
      url: `/api/applications/${appIds[0]}`,
      payload: { title: '改名', fields: {}, requestedFen: 1 },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('当前状态为“已提交”，不能执行“修改”');
    const again = await clerkEn.post(`/api/calls/${callId}/publish`);
    expect(again.json().error.message).toBe('The current status is "published"; "publish" is not possible');
    for (const id of appIds) await clerk.post(`/api/applications/${id}/formal-check`, { decision: 'accept' });
  });

  it('no decision while applications are accepted or under review: which ones, and their status in words', async () => {
    const early = await clerk.post(`/api/calls/${callId}/decide`, { approvals: [] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'decision_pending', field: 'approvals' });
    expect(early.json().error.message).toContain('“读回项目甲”（已受理）');
    expect(early.json().error.message).toContain('“读回项目乙”（已受理）');
    expect((await clerk.post(`/api/calls/${callId}/draw`, { seed: 7 })).statusCode).toBe(200);
    const res = (await clerk.get(`/api/calls/${callId}/results`)).json();
    expect(res).toMatchObject({ waitingFor: 6, results: [], consensus: [] });
    expect(res.pending).toHaveLength(2);
    expect(res.blockers.map((b: { status: string }) => b.status)).toEqual(['under_review', 'under_review']);
    const en = await clerkEn.post(`/api/calls/${callId}/decide`, { approvals: [] });
    expect(en.json().error.message).toContain('"读回项目甲" (under review)');
  });
});

describe('experts’ files, results and the decision, on the same call', () => {
  it('an expert opens the files of its own assignments only; applicants and other experts do not', async () => {
    const all = await assignments(appIds);
    expect(all).toHaveLength(6);
    const onA = all.find((x) => x.applicationId === appIds[0])!;
    const list = await onA.expert.agent.get(`/api/my/reviews/${onA.reviewId}/attachments`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([expect.objectContaining({ id: attachmentIds[0], sha256: sha(PDF_A), fileName: 'plan-0.pdf' })]);
    expect(JSON.stringify(list.json())).not.toContain('content');
    const file = await onA.expert.agent.get(`/api/my/reviews/${onA.reviewId}/attachments/${attachmentIds[0]}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-content-sha256']).toBe(sha(PDF_A));
    expect(file.rawPayload.equals(PDF_A)).toBe(true);
    // Application B's file through an assignment on A: not found. B's own route: not found unless assigned… never.
    expect((await onA.expert.agent.get(`/api/my/reviews/${onA.reviewId}/attachments/${attachmentIds[1]}`)).statusCode).toBe(404);
    // The applicants' and the staff's download is not an expert's (refused by role).
    expect((await onA.expert.agent.get(`/api/applications/${appIds[0]}/attachments/${attachmentIds[0]}`)).statusCode).toBe(403);
    // Another expert's assignment: not found.
    const other = all.find((x) => x.expert.id !== onA.expert.id)!;
    expect((await onA.expert.agent.get(`/api/my/reviews/${other.reviewId}/attachments`)).statusCode).toBe(404);
    // An expert with no assignment on B never reaches B's file.
    const notOnB = experts.find((e) => !all.some((x) => x.expert.id === e.id && x.applicationId === appIds[1]));
    if (notOnB)
      for (const x of all.filter((y) => y.expert.id === notOnB.id))
        expect((await notOnB.agent.get(`/api/my/reviews/${x.reviewId}/attachments/${attachmentIds[1]}`)).statusCode).toBe(404);
    // Applicants and the bureau's readers are not experts here.
    expect((await ents[0]!.agent.get(`/api/my/reviews/${onA.reviewId}/attachments`)).statusCode).toBe(403);
    expect((await leader.get(`/api/my/reviews/${onA.reviewId}/attachments/${attachmentIds[0]}`)).statusCode).toBe(403);
    // Anonymous: 401.
    expect((await t.app.inject({ method: 'GET', url: `/api/my/reviews/${onA.reviewId}/attachments` })).statusCode).toBe(401);
    // A bad id: 400.
    expect((await onA.expert.agent.get('/api/my/reviews/not-a-uuid/attachments')).statusCode).toBe(400);
    // Reproduction (#14): an expert account not yet in the pool read "no permission, ask the administrator". Now the reason.
    const unlinked = (await agentWith(t, ['expert'])).agent;
    for (const url of ['/api/my/reviews', `/api/my/reviews/${onA.reviewId}/attachments`]) {
      const res = await unlinked.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'expert_not_in_pool', message: expect.stringContaining('尚未关联专家库') });
    }
  });

  it('a declined or replaced assignment loses the application and its files; it stays listed with its status', async () => {
    const all = await assignments(appIds);
    const x = all[0]!;
    expect((await x.expert.agent.get(`/api/my/reviews/${x.reviewId}`)).statusCode).toBe(200);
    for (const [status, word] of [
      ['declined', '已谢绝'],
      ['replaced', '已撤换'],
    ] as const) {
      await t.database.db.update(reviews).set({ status }).where(eq(reviews.id, x.reviewId));
      const gone = await x.expert.agent.get(`/api/my/reviews/${x.reviewId}/attachments`);
      expect(gone.statusCode).toBe(403);
      expect(gone.json().error.code).toBe('review_declined');
      expect(
        (await x.expert.agent.get(`/api/my/reviews/${x.reviewId}/attachments/${attachmentIds[appIds.indexOf(x.applicationId)]}`))
          .statusCode,
      ).toBe(403);
      // The application's text too, with the status in words; nothing of the application in the refusal.
      const detail = await x.expert.agent.get(`/api/my/reviews/${x.reviewId}`);
      expect(detail.statusCode).toBe(403);
      expect(detail.json().error.code).toBe('review_declined');
      expect(detail.json().error.message).toContain(word);
      expect(JSON.stringify(detail.json())).not.toContain('提取工艺');
      // Still listed, with its status.
      const listed = ((await x.expert.agent.get('/api/my/reviews')).json() as { id: string; status: string }[]).find(
        (r) => r.id === x.reviewId,
      );
      expect(listed).toMatchObject({ status });
    }
    await t.database.db.update(reviews).set({ status: 'assigned' }).where(eq(reviews.id, x.reviewId));
    expect((await x.expert.agent.get(`/api/my/reviews/${x.reviewId}`)).statusCode).toBe(200);
  });
});

describe('the aggregation read back, the consensus step and the decision', () => {
  it('scores are aggregated; the results read back show the spread, the consensus flag, thresholds and ranking', async () => {
    // A: totals 90, 85 and 60 (range 30 > 15: consensus). B: 50–55, below every threshold.
    const plan = { [appIds[0]!]: [90, 85, 60], [appIds[1]!]: [50, 55, 52] };
    for (const x of await assignments(appIds)) {
      const s = plan[x.applicationId]!.shift()!;
      expect(
        (await x.expert.agent.post(`/api/my/reviews/${x.reviewId}/score`, { scores: { innovation: s, feasibility: s } })).statusCode,
      ).toBe(200);
    }
    const submitted = (await assignments(appIds))[0]!;
    expect(
      (
        await submitted.expert.agent.get(
          `/api/my/reviews/${submitted.reviewId}/attachments/${attachmentIds[appIds.indexOf(submitted.applicationId)]}`,
        )
      ).statusCode,
    ).toBe(200);
    const posted = (await clerk.post(`/api/calls/${callId}/aggregate`)).json();
    expect(posted.consensus).toEqual([appIds[0]]);
    // Reopening the page: the same results, from the stored reviews.
    const res = (await clerk.get(`/api/calls/${callId}/results`)).json();
    expect(res.policy).toMatchObject({ method: 'mean', spreadThreshold: 15, totalThreshold: 60 });
    expect(res.waitingFor).toBe(0);
    expect(res.consensus).toEqual([appIds[0]]);
    const [a, b] = res.results as Result[];
    expect(a).toMatchObject({
      applicationId: appIds[0],
      status: 'consensus',
      highSpread: true,
      consensus: 'pending',
      rank: 1,
      computedRank: 1,
    });
    expect(a!.spread.range).toBeCloseTo(30);
    expect(a!.expertTotals).toEqual([90, 85, 60]);
    expect(b).toMatchObject({ applicationId: appIds[1], status: 'scored', highSpread: false, passed: false, rank: 2 });
    expect(b!.misses.map((m) => m.criterionId)).toEqual(['innovation', null]);
    expect(res.blockers).toEqual([expect.objectContaining({ applicationId: appIds[0], status: 'consensus' })]);
    // Who may read them: the bureau's readers; not applicants, not experts. No expert identity in them.
    expect((await leader.get(`/api/calls/${callId}/results`)).statusCode).toBe(200);
    expect((await ents[0]!.agent.get(`/api/calls/${callId}/results`)).statusCode).toBe(403);
    expect((await experts[0]!.agent.get(`/api/calls/${callId}/results`)).statusCode).toBe(403);
    const text = JSON.stringify(res);
    for (const e of experts) expect(text).not.toContain(e.id);
    const pending = await clerk.post(`/api/calls/${callId}/decide`, { approvals: [{ applicationId: appIds[1], approvedFen: 100_00 }] });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.message).toContain('“读回项目甲”（待协商）');
  });

  it('after the consensus step the agreed score stands; below a threshold is funded only with a reason; money in yuan', async () => {
    expect(
      (await clerk.post(`/api/applications/${appIds[0]}/consensus`, { score: 80, note: '专家组复议后一致同意 80 分' })).statusCode,
    ).toBe(204);
    const res = (await clerk.get(`/api/calls/${callId}/results`)).json();
    const a = (res.results as Result[]).find((r) => r.applicationId === appIds[0])!;
    expect(a).toMatchObject({
      consensus: 'resolved',
      agreedScore: 80,
      score: 80,
      consensusNote: '专家组复议后一致同意 80 分',
      passed: true,
    });
    expect(res.blockers).toEqual([]);
    // Over the budget: in yuan with two decimals, naming the field.
    const over = await clerk.post(`/api/calls/${callId}/decide`, { approvals: [{ applicationId: appIds[0], approvedFen: 2_000_000_00 }] });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe('字段“立项清单”：批准金额合计 2,000,000.00 元，超过指南预算 1,000,000.00 元');
    const overEn = await clerkEn.post(`/api/calls/${callId}/decide`, {
      approvals: [{ applicationId: appIds[0], approvedFen: 2_000_000_12 }],
    });
    expect(overEn.json().error.message).toContain('2,000,000.12 yuan');
    // B missed its thresholds: no reason, refused, naming the application and what it missed.
    const both = [
      { applicationId: appIds[0], approvedFen: 300_000_00 },
      { applicationId: appIds[1], approvedFen: 100_000_00 },
    ];
    const noReason = await clerk.post(`/api/calls/${callId}/decide`, { approvals: both });
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().error).toMatchObject({ code: 'decision_threshold', field: 'approvals.1.thresholdReason' });
    expect(noReason.json().error.message).toContain('读回项目乙');
    expect(noReason.json().error.message).toContain('创新性');
    const reason = '填补县内空白，专家组建议试点支持';
    both[1] = { ...both[1]!, thresholdReason: reason } as (typeof both)[number];
    const ok = await clerk.post(`/api/calls/${callId}/decide`, { approvals: both, note: '按评审结果立项' });
    expect(ok.statusCode).toBe(200);
    const b = (await clerk.get(`/api/applications/${appIds[1]}`)).json();
    expect(b.status).toBe('approved');
    // The override is data beside the note, not words added to it (the letter and the web word it).
    expect(b.decisionNote).toBe('按评审结果立项');
    expect(b.decisionOverride).toMatchObject({
      reason,
      misses: [expect.objectContaining({ criterionId: 'innovation' }), expect.objectContaining({ criterionId: null })],
    });
    // After the decision the results still read back, with the statuses.
    const after = (await clerk.get(`/api/calls/${callId}/results`)).json();
    expect((after.results as Result[]).map((r) => r.status)).toEqual(['approved', 'approved']);
    expect((await clerk.post(`/api/calls/${callId}/decide`, { approvals: [] })).json().error.message).toBe(
      '当前状态为“已决策”，不能执行“立项决策”',
    );
  });

  it('applicants never see expert identities, nor another applicant’s application', async () => {
    const own = JSON.stringify((await ents[0]!.agent.get(`/api/applications/${appIds[0]}`)).json());
    for (const e of experts) expect(own).not.toContain(e.id);
    expect(own).not.toContain('读回专家');
    expect((await ents[1]!.agent.get(`/api/applications/${appIds[0]}`)).statusCode).toBe(404);
    expect((await ents[1]!.agent.get(`/api/applications/${appIds[0]}/attachments/${attachmentIds[0]}`)).statusCode).toBe(404);
    expect((await ents[1]!.agent.get(`/api/calls/${callId}/results`)).statusCode).toBe(403);
  });
});

describe('揭榜挂帅: a team without a registered enterprise bids', () => {
  it('a team account bids, is known by its leader and contact; staff and experts cannot bid; experts never see the contact', async () => {
    const call = await makeCall(clerk, {
      code: 'RB-CH-01',
      ...READBACK_CALL,
      kind: 'challenge',
      bountyFen: 500_000_00,
      reviewTemplate: { ...READBACK_TEMPLATE, reviewsPerApplication: 1 },
    });
    expect(call.eligibility).toEqual({ registeredInRegion: false, qualificationsAnyOf: [] });
    const team = (await agentWith(t, ['team'])).agent;
    const provider = (await agentWith(t, ['provider'])).agent;
    const body = {
      title: '山地丘陵小型采收机研制',
      applicantName: '山地农机揭榜团队',
      teamMembers: [
        { name: '王工', role: '负责人' },
        { name: '李工', role: '结构设计' },
      ],
      fields: { summary: '轻量化履带底盘' },
      requestedFen: 500_000_00,
    };
    // Only a 揭榜团队 account bids as a team: not those who run, oversee or review the call, nor a service provider.
    expect((await clerk.post(`/api/calls/${call.id}/applications`, body)).json().error.code).toBe('challenge_bidder');
    expect((await experts[0]!.agent.post(`/api/calls/${call.id}/applications`, body)).statusCode).toBe(403);
    const notTeam = await provider.post(`/api/calls/${call.id}/applications`, body);
    expect(notTeam.statusCode).toBe(403);
    expect(notTeam.json().error).toMatchObject({ code: 'challenge_bidder', message: expect.stringContaining('揭榜团队') });
    const staffTeam = (await agentWith(t, ['team', 'leader'])).agent;
    expect((await staffTeam.post(`/api/calls/${call.id}/applications`, body)).json().error.code).toBe('challenge_bidder');
    // A team bids for challenges only; a standard call needs a registered enterprise.
    const standard = ((await clerk.get('/api/calls')).json() as { id: string; code: string }[]).find((c) => c.code === 'RB-2026-01')!;
    expect((await team.post(`/api/calls/${standard.id}/applications`, body)).json().error.code).toBe('no_enterprise_link');
    const created = await team.post(`/api/calls/${call.id}/applications`, body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ enterpriseId: null, applicantName: '山地农机揭榜团队' });
    await uploadAttachment(team, id, PDF_A);
    // No contact yet: the submission names it.
    const noContact = await team.post(`/api/applications/${id}/submit`);
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json().error).toMatchObject({ code: 'application_incomplete', field: 'fields.team_contact' });
    expect(noContact.json().error.message).toContain('团队联系方式');
    const renamed = await team.request({
      method: 'PUT',
      url: `/api/applications/${id}`,
      payload: { ...body, applicantName: '武陵山农机揭榜团队', fields: { summary: '轻量化履带底盘', team_contact: '13800000000' } },
    });
    expect(renamed.json()).toMatchObject({ applicantName: '武陵山农机揭榜团队' });
    expect((await team.post(`/api/applications/${id}/submit`)).json().status).toBe('submitted');
    expect((await team.get('/api/my/project-applications')).json().map((a: { id: string }) => a.id)).toEqual([id]);
    // The bureau reads the contact; the expert assigned reads the application and the team, not the contact.
    expect((await clerk.get(`/api/applications/${id}`)).json().fields.team_contact).toBe('13800000000');
    await clerk.post(`/api/applications/${id}/formal-check`, { decision: 'accept' });
    expect((await clerk.post(`/api/calls/${call.id}/draw`, { seed: 3 })).statusCode).toBe(200);
    const [x] = await assignments([id]);
    const detail = (await x!.expert.agent.get(`/api/my/reviews/${x!.reviewId}`)).json();
    expect(detail.application.fields).toEqual({ summary: '轻量化履带底盘' });
    expect(detail.application.teamMembers[0]).toEqual({ name: '王工', role: '负责人' });
    expect(JSON.stringify(detail)).not.toContain('13800000000');
    expect((await x!.expert.agent.get(`/api/my/reviews/${x!.reviewId}/attachments`)).json()).toHaveLength(1);
  });
});
