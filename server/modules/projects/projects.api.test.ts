import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/clock.js';
import { today as clockToday } from '../../platform/clock.js';
import { projectNotices } from '../../db/schema/projects.js';
import { agentWith, createTestApp, creditCode, type Agent, type TestContext } from '../../../test/harness.js';
import {
  assignmentsOf,
  callBody as projectCallBody,
  CRITERIA_60_40,
  makeApplicant,
  makeApplication,
  makeExpert,
  PDF,
  PLAN_PDF,
  SUMMARY_FIELD,
  uploadAttachment,
} from '../../../test/fixtures/projects.js';

/**
 * A call from publication to the first tranche (PGlite and PostgreSQL): two enterprises apply, one cannot read
 * the other's application, experts are drawn without conflicts, score blind, the scores are aggregated, one
 * project is approved, its contract releases the first tranche (≥ 60 %) and it is paid through the ledger.
 * Along the way, the scope reproductions of issue #12: users of 万州 (500101) and of one Xiushan town
 * (500241001) are refused each step of the Xiushan call that the Xiushan bureau then takes.
 */
let t: TestContext;
let clerk: Agent;
let leader: Agent;
/** A bureau user and a leader of 万州, another county. */
let wanzhouClerk: Agent;
let wanzhouLeader: Agent;
/** A bureau user scoped to one Xiushan town. */
let townClerk: Agent;
const ents: { id: string; code: string; agent: Agent }[] = [];
const experts: { id: string; agent: Agent; org: string }[] = [];
const today = clockToday();
/** The scenario's call and its two applications, shared by the describes below (run in order). */
let callId = '';
const appIds: string[] = [];

/** The call of this scenario: the form's summary and feasibility report, 60/40 criteria, three reviews, load cap 2. */
const callBody = (code: string) =>
  projectCallBody(code, {
    title: '2026 年县级科技计划项目（测试）',
    guideText: '支持中医药、食品加工领域关键技术攻关。',
    form: { fields: [SUMMARY_FIELD], attachments: [PLAN_PDF] },
    reviewTemplate: { criteria: CRITERIA_60_40, reviewsPerApplication: 3, expertLoadCap: 2 },
  });

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
  wanzhouClerk = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500101' }])).agent;
  wanzhouLeader = (await agentWith(t, [{ role: 'leader', orgUnitCode: '500101' }])).agent;
  townClerk = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241001' }])).agent;
  for (const n of [1, 2]) ents.push(await makeApplicant(t, '500241001', { name: `秀山县申报企业${n}有限公司` }));
  // Six experts in four organisations; the first works for enterprise 1 (a conflict by credit code).
  const orgs = [ents[0]!.code, creditCode(9001), creditCode(9001), creditCode(9002), creditCode(9003), creditCode(9003)];
  for (const [k, org] of orgs.entries()) {
    const x = await makeExpert(t, clerk, { name: `专家${k + 1}`, orgCreditCode: org, fields: k === 3 ? ['finance'] : ['tcm'] });
    experts.push({ id: x.id, agent: x.agent, org });
  }
  // Fifteen accounts signed in (each a password hash): slow on a loaded machine.
}, 180_000);
afterAll(() => t.close());

describe('project calls: publication and applications', () => {
  it('a call is published; two enterprises apply with checked attachments; applicants cannot read each other', async () => {
    const bad = await clerk.post('/api/calls', {
      ...callBody('BAD'),
      reviewTemplate: { ...callBody('x').reviewTemplate, criteria: [{ key: 'a', zh: 'a', en: 'a', weight: 50 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('100');
    const call = (await clerk.post('/api/calls', callBody('XS-2026-01'))).json();
    callId = call.id;
    expect(call.regionCode).toBe('500241');
    expect((await ents[0]!.agent.get('/api/calls')).json().map((c: { id: string }) => c.id)).not.toContain(callId);
    // Reproduction (#12): a 万州 bureau user published a Xiushan draft call. Now refused, naming the unit; still a draft.
    const foreign = await wanzhouClerk.post(`/api/calls/${callId}/publish`);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error).toMatchObject({ code: 'forbidden_scope', message: expect.stringContaining('秀山') });
    expect((await townClerk.post(`/api/calls/${callId}/publish`)).statusCode).toBe(403);
    expect((await clerk.get(`/api/calls/${callId}`)).json().status).toBe('draft');
    // Nor does 万州 (or the town below) see the Xiushan draft, in the list or by its id.
    expect((await wanzhouClerk.get('/api/calls')).json().map((c: { id: string }) => c.id)).not.toContain(callId);
    expect((await wanzhouClerk.get(`/api/calls/${callId}`)).statusCode).toBe(403);
    expect((await townClerk.get(`/api/calls/${callId}`)).statusCode).toBe(404);
    // A call in a unit outside the bureau's grant is not created.
    const elsewhere = await clerk.post('/api/calls', { ...callBody('XS-WZ-01'), regionCode: '500101' });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('forbidden_scope');
    expect((await clerk.post(`/api/calls/${callId}/publish`)).json().status).toBe('published');
    // Published, the county's call is seen by the town below it (shared down), still not by 万州.
    expect((await townClerk.get('/api/calls')).json().map((c: { id: string }) => c.id)).toContain(callId);
    expect((await townClerk.get(`/api/calls/${callId}`)).statusCode).toBe(200);
    expect((await wanzhouClerk.get('/api/calls')).json().map((c: { id: string }) => c.id)).not.toContain(callId);
    for (const [k, e] of ents.entries()) {
      const a = await makeApplication(e.agent, callId, { title: `中药材提取工艺研究 ${k + 1}`, requestedFen: 500_000_00 });
      appIds.push(a.id);
      // Incomplete: the required field and file are named.
      const early = await e.agent.post(`/api/applications/${a.id}/submit`);
      expect(early.statusCode).toBe(400);
      expect(early.json().error.message).toContain('项目简介');
      await e.agent.request({
        method: 'PUT',
        url: `/api/applications/${a.id}`,
        payload: {
          title: `中药材提取工艺研究 ${k + 1}`,
          fields: { summary: '提取率提高 20 %' },
          requestedFen: 500_000_00,
        },
      });
      const wrongType = await e.agent.request({
        method: 'POST',
        url: `/api/applications/${a.id}/attachments?key=plan&fileName=a.png`,
        headers: { 'content-type': 'image/png' },
        payload: Buffer.from('png'),
      });
      expect(wrongType.statusCode).toBe(415);
      const up = await uploadAttachment(e.agent, a.id, PDF, { fileName: '可行性报告.pdf' });
      expect(up.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
      expect((await e.agent.post(`/api/applications/${a.id}/submit`)).json().status).toBe('submitted');
    }
    // One applicant never reads another's application or its files.
    expect((await ents[1]!.agent.get(`/api/applications/${appIds[0]}`)).statusCode).toBe(404);
    const own = (await ents[0]!.agent.get(`/api/applications/${appIds[0]}`)).json();
    expect(own.attachments).toHaveLength(1);
    expect((await ents[1]!.agent.get(`/api/applications/${appIds[0]}/attachments/${own.attachments[0].id}`)).statusCode).toBe(404);
    // Reproduction (#12): a 万州 leader downloaded an application's attachment. Now 403; a Xiushan leader still reads it.
    const attachmentUrl = `/api/applications/${appIds[0]}/attachments/${own.attachments[0].id}`;
    const stolen = await wanzhouLeader.get(attachmentUrl);
    expect(stolen.statusCode).toBe(403);
    expect(stolen.json().error.code).toBe('forbidden_scope');
    expect(stolen.rawPayload.includes(PDF)).toBe(false);
    expect((await wanzhouLeader.get(`/api/applications/${appIds[0]}`)).statusCode).toBe(403);
    expect((await wanzhouLeader.get(`/api/calls/${callId}/applications`)).statusCode).toBe(403);
    const read = await leader.get(attachmentUrl);
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(PDF)).toBe(true);
    // The town's staff read the applications of the town's enterprises (both are registered there), and act on none.
    expect((await townClerk.get(`/api/calls/${callId}/applications`)).json()).toHaveLength(2);
    expect((await townClerk.get(attachmentUrl)).statusCode).toBe(200);
    expect((await townClerk.post(`/api/applications/${appIds[0]}/formal-check`, { decision: 'reject', note: '越权' })).statusCode).toBe(
      403,
    );
    // Formal check: returned with a reason, fixed, accepted.
    expect((await clerk.post(`/api/applications/${appIds[1]}/formal-check`, { decision: 'return' })).statusCode).toBe(400);
    expect(
      (await clerk.post(`/api/applications/${appIds[1]}/formal-check`, { decision: 'return', note: '预算表缺少明细' })).json().formalNote,
    ).toBe('预算表缺少明细');
    expect((await ents[1]!.agent.post(`/api/applications/${appIds[1]}/submit`)).json().status).toBe('submitted');
    for (const id of appIds)
      expect((await clerk.post(`/api/applications/${id}/formal-check`, { decision: 'accept' })).json().status).toBe('accepted');
  });
});

describe('project calls: draw and blind scoring', () => {
  it('experts are drawn without conflicts, two of one organisation never together, reproducibly', async () => {
    // Only the county's bureau detects conflicts and draws for its call.
    expect((await townClerk.post(`/api/calls/${callId}/conflicts/detect`)).statusCode).toBe(403);
    expect((await wanzhouClerk.post(`/api/calls/${callId}/draw`, { seed: 42 })).statusCode).toBe(403);
    expect((await townClerk.get(`/api/calls/${callId}/conflicts`)).statusCode).toBe(403);
    const found = (await clerk.post(`/api/calls/${callId}/conflicts/detect`)).json();
    expect(found).toMatchObject({ suggestions: expect.any(Number) });
    expect(found.suggestions).toBeGreaterThanOrEqual(1);
    const list = (await clerk.get(`/api/calls/${callId}/conflicts`)).json();
    expect(
      list.find((c: { expertId: string; applicationId: string }) => c.expertId === experts[0]!.id && c.applicationId === appIds[0]),
    ).toMatchObject({
      type: 'same-organisation',
      status: 'suggested',
    });
    const draw = (await clerk.post(`/api/calls/${callId}/draw`, { seed: 42 })).json();
    expect(draw).toMatchObject({ assignments: 6 });
    const all = (await assignmentsOf(experts, appIds)).map((x) => ({ expert: x.expert.id, app: x.applicationId }));
    expect(all).toHaveLength(6);
    expect(all.find((x) => x.expert === experts[0]!.id && x.app === appIds[0])).toBeUndefined();
    for (const id of appIds) {
      const orgs = all.filter((x) => x.app === id).map((x) => experts.find((e) => e.id === x.expert)!.org);
      expect(new Set(orgs).size).toBe(orgs.length);
    }
    // Load cap 2 honoured.
    for (const e of experts) expect(all.filter((x) => x.expert === e.id).length).toBeLessThanOrEqual(2);
  });

  it('experts score blind, see others only after submitting; applicants never see who reviewed', async () => {
    const scores = [80, 70, 90, 60, 75, 85];
    let k = 0;
    for (const { expert: e, reviewId } of await assignmentsOf(experts, appIds)) {
      const before = (await e.agent.get(`/api/my/reviews/${reviewId}`)).json();
      expect(before.others).toEqual([]);
      // The expert reads the call's criteria (its review form), not its working records.
      expect((await e.agent.get(`/api/calls/${callId}`)).json().reviewTemplate.criteria).toHaveLength(2);
      expect((await e.agent.get(`/api/calls/${callId}/applications`)).statusCode).toBe(403);
      const bad = await e.agent.post(`/api/my/reviews/${reviewId}/score`, { scores: { innovation: 80 } });
      expect(bad.statusCode).toBe(400);
      const s = scores[k++ % scores.length]!;
      expect(
        (await e.agent.post(`/api/my/reviews/${reviewId}/score`, { scores: { innovation: s, feasibility: s - 10 }, comment: '可行' }))
          .statusCode,
      ).toBe(200);
    }
    // Once submitted, every expert sees the other two scores of each of its applications, anonymised; an
    // assignment of someone else is not reachable.
    const owned = new Map<string, string>();
    for (const e of experts)
      for (const r of (await e.agent.get('/api/my/reviews')).json()) {
        owned.set(r.id, e.id);
        const after = (await e.agent.get(`/api/my/reviews/${r.id}`)).json();
        expect(after.others).toHaveLength(2);
        expect(JSON.stringify(after.others)).not.toContain('expertId');
      }
    expect(owned.size).toBe(6);
    for (const e of experts)
      for (const [reviewId, ownerId] of owned)
        if (ownerId !== e.id) expect((await e.agent.get(`/api/my/reviews/${reviewId}`)).statusCode).toBe(404);
    const asApplicant = JSON.stringify((await ents[0]!.agent.get(`/api/applications/${appIds[0]}`)).json());
    for (const e of experts) expect(asApplicant).not.toContain(e.id);
  });
});

describe('project calls: aggregation, decision and funding', () => {
  it('scores are aggregated and ranked; one project is approved within the budget; the first tranche is paid through the ledger', async () => {
    // Reproduction (#12): town-scoped users ran the aggregation, and created and rated experts for the county's calls.
    const townAgg = await townClerk.post(`/api/calls/${callId}/aggregate`);
    expect(townAgg.statusCode).toBe(403);
    expect(townAgg.json().error).toMatchObject({ code: 'forbidden_scope', message: expect.stringContaining('秀山') });
    expect((await wanzhouClerk.post(`/api/calls/${callId}/aggregate`)).statusCode).toBe(403);
    expect((await townClerk.post(`/api/experts/${experts[1]!.id}/rating`, { rating: 1 })).statusCode).toBe(403);
    expect((await townClerk.patch(`/api/experts/${experts[1]!.id}`, { available: false })).statusCode).toBe(403);
    const townExpert = await townClerk.post('/api/experts', { name: '乡镇越权专家', orgUnitCode: '500241', fields: ['tcm'] });
    expect(townExpert.statusCode).toBe(403);
    expect(townExpert.json().error.code).toBe('forbidden_scope');
    expect((await wanzhouClerk.post('/api/experts', { name: '万州越权专家', orgUnitCode: '500241', fields: ['tcm'] })).statusCode).toBe(
      403,
    );
    const pool = (await clerk.get('/api/experts')).json() as { id: string; name: string; orgUnitCode: string; ratingCount: number }[];
    expect(pool.map((e) => e.name)).not.toContain('乡镇越权专家');
    expect(pool.find((e) => e.id === experts[1]!.id)).toMatchObject({ orgUnitCode: '500241', ratingCount: 0 });
    // 万州 does not see Xiushan's pool; the town sees the county's (shared down) but edits none of it.
    expect((await wanzhouClerk.get('/api/experts')).json()).toEqual([]);
    expect((await townClerk.get('/api/experts')).json().map((e: { id: string }) => e.id)).toContain(experts[1]!.id);
    const agg = (await clerk.post(`/api/calls/${callId}/aggregate`)).json();
    expect(agg.waitingFor).toBe(0);
    expect(agg.ranking).toHaveLength(2);
    expect(agg.policy.method).toBe('mean');
    // After the session the bureau rates an expert.
    expect((await clerk.post(`/api/experts/${experts[1]!.id}/rating`, { rating: 4 })).json()).toMatchObject({
      ratingSum: 4,
      ratingCount: 1,
    });
    expect((await clerk.post(`/api/experts/${experts[1]!.id}/rating`, { rating: 9 })).statusCode).toBe(400);
    // A high-spread application waits for its consensus step: no decision before it (readback.api.test.ts).
    for (const id of agg.consensus as string[])
      expect((await clerk.post(`/api/applications/${id}/consensus`, { score: 75, note: '专家组复议后一致同意' })).statusCode).toBe(204);
    const winner = agg.ranking[0].applicationId as string;
    const over = await clerk.post(`/api/calls/${callId}/decide`, { approvals: [{ applicationId: winner, approvedFen: 2_000_000_00 }] });
    expect(over.statusCode).toBe(409);
    expect(
      (
        await clerk.post(`/api/calls/${callId}/decide`, {
          approvals: [{ applicationId: winner, approvedFen: 400_000_00 }],
          note: '专家评审排名第一',
        })
      ).statusCode,
    ).toBe(200);
    const letter = await leader.get(`/api/applications/${winner}/decision-letter`);
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const f = (await clerk.get(`/api/applications/${winner}/funding`)).json();
    expect(f.payments.map((p: { amountFen: number; status: string }) => [p.amountFen, p.status])).toEqual([
      [240_000_00, 'scheduled'],
      [160_000_00, 'scheduled'],
    ]);
    // The approval list goes on public notice first; the contract waits for its end (moved into the past here).
    expect((await clerk.post(`/api/applications/${winner}/contract`)).json().error.code).toBe('notice_missing');
    const plus4 = addDays(clockToday(), 4);
    const notice = (await clerk.post(`/api/calls/${callId}/notice`, { startsOn: today, endsOn: plus4 })).json();
    await t.database.db
      .update(projectNotices)
      .set({
        startsOn: addDays(clockToday(), -7),
        endsOn: addDays(clockToday(), -1),
      })
      .where(eq(projectNotices.id, notice.id));
    expect((await clerk.post(`/api/applications/${winner}/contract`)).statusCode).toBe(204);
    const first = (await clerk.get(`/api/applications/${winner}/funding`)).json().payments[0];
    expect(first.status).toBe('released');
    // No budget yet: refused, nothing paid.
    expect((await clerk.post(`/api/project-payments/${first.id}/pay`)).statusCode).toBe(409);
    const requested = await clerk.post('/api/ledger/budgets', {
      year: 2026,
      fundSource: 'county',
      policyCode: 'call_XS-2026-01',
      amountFen: 1_000_000_00,
      reason: '项目经费',
      requestKey: crypto.randomUUID(),
    });
    expect(requested.statusCode).toBe(201);
    // A budget is spendable once a second person of the county's bureau approves the request.
    const chief = (await agentWith(t, ['bureau'])).agent;
    expect((await chief.post(`/api/ledger/budget-requests/${requested.json().transfer.id}/approve`)).json().status).toBe('approved');
    // An overdue report holds the payment (and the hold is kept) until the report is in and approved.
    const yesterday = addDays(clockToday(), -1);
    const midterm = (await clerk.post(`/api/applications/${winner}/midterm`, { dueOn: yesterday })).json();
    const held = await clerk.post(`/api/project-payments/${first.id}/pay`);
    expect(held.statusCode).toBe(409);
    expect(held.json().error.message).toContain(yesterday);
    expect((await clerk.get(`/api/applications/${winner}/funding`)).json().payments[0].status).toBe('held');
    expect((await clerk.post(`/api/applications/${winner}/midterm`, { dueOn: yesterday })).statusCode).toBe(409);
    const owner = ents[appIds.indexOf(winner)]!;
    expect((await owner.agent.post(`/api/project-reports/${midterm.id}/submit`, { text: '中期进展：完成工艺小试' })).statusCode).toBe(200);
    await clerk.post(`/api/project-reports/${midterm.id}/decide`, { approve: true });
    expect((await clerk.post(`/api/project-payments/${first.id}/pay`)).json()).toMatchObject({
      replayed: false,
      payment: { status: 'paid' },
    });
    expect((await clerk.post(`/api/project-payments/${first.id}/pay`)).json()).toMatchObject({ replayed: true });
    const budget = (await leader.get('/api/ledger/accounts?kind=budget&policy=call_XS-2026-01')).json()[0];
    expect(budget.balanceFen).toBe(1_000_000_00 - 240_000_00);
    // Paid out into the call's own paid-out account, as claims are into their policy's.
    const paidOut = (await leader.get('/api/ledger/accounts?kind=paid&policy=call_XS-2026-01')).json();
    expect(paidOut).toHaveLength(1);
    expect(paidOut[0]).toMatchObject({ code: expect.stringMatching(/^paid:\d{4}:county:call_XS-2026-01$/) });
    expect((await leader.get('/api/ledger/verify')).json().ok).toBe(true);
    // Reproduction (#12): a town-scoped user granted an extension. Now refused (the project's enterprise is in
    // that town, the call is the county's); the county's bureau grants it.
    expect((await townClerk.post(`/api/applications/${winner}/extend`, { months: 6 })).statusCode).toBe(403);
    expect((await wanzhouClerk.post(`/api/project-payments/${first.id}/pay`)).statusCode).toBe(403);
    expect((await townClerk.post(`/api/project-reports/${midterm.id}/decide`, { approve: false })).statusCode).toBe(403);
    // One extension of at most 12 months, once.
    expect((await clerk.post(`/api/applications/${winner}/extend`, { months: 13 })).statusCode).toBe(409);
    expect((await clerk.post(`/api/applications/${winner}/extend`, { months: 6 })).statusCode).toBe(204);
    expect((await clerk.post(`/api/applications/${winner}/extend`, { months: 1 })).statusCode).toBe(409);
  });
});
