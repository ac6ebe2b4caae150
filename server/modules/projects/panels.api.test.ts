import { eq } from 'drizzle-orm';
import type { AssignmentView as Assignment, DrawRecordView as Draw } from '../../../common/contracts/panels.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/clock.js';
import { today as clockToday } from '../../platform/clock.js';
import { projectNotices } from '../../db/schema/projects.js';
import { CRITERIA_60_40, makeApplicant, makeApplication, makeCall, makeExpert, submitAndAccept } from '../../../test/fixtures/projects.js';
import { checkPanelPlaces, live, storeOldFailures } from './panels.test-support.js';
import { agentWith, createTestApp, creditCode, type Agent, type TestContext } from '../../../test/harness.js';

/**
 * After the draw, the notice and the panels (PGlite and PostgreSQL): an expert declines and the next ranked
 * alternate that meets every rule takes the place; an unavailable expert is swapped with a reason; open places
 * are redrawn with a new seed while scored reviews stay; every draw is read back (bureau only) and re-runs to
 * its checksum. The approval list goes on public notice; objections are raised and resolved; no contract
 * before the notice ends or while an objection is open. Mid-term and acceptance reports get expert panels from
 * the same machinery: experts score blind, the applicant never learns who, and acceptance is not approved
 * before its panel has finished; a failing panel is overridden only with a reason.
 */
let t: TestContext;
let clerk: Agent;
let leader: Agent;
const ents: { id: string; code: string; agent: Agent }[] = [];
const experts: { id: string; name: string; agent: Agent; org: string; fields: string[] }[] = [];
const day = (offset: number) => addDays(clockToday(), offset);
const today = day(0);

/** The panels' call: 60/40 criteria, a total threshold of 60, three reviews, load cap 3, one finance expert each. */
const PANEL_CALL = {
  code: 'PANEL-01',
  title: '专家组测试指南 PANEL-01',
  reviewTemplate: {
    criteria: CRITERIA_60_40,
    totalThreshold: 60,
    reviewsPerApplication: 3,
    expertLoadCap: 3,
    quotas: [{ field: 'finance', min: 1 }],
  },
};

const agentOf = (expertId: string) => experts.find((e) => e.id === expertId)!.agent;
/** Every place keeps its rules: its size, no conflict with enterprise 1, one expert per organisation, one finance expert. */
const checkPlaces = (rows: Assignment[], size: number) => checkPanelPlaces(rows, size, experts, appIds[0]!);

let callId = '';
const appIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
  for (const n of [1, 2]) ents.push(await makeApplicant(t, '500241001', { name: `秀山县专家组测试企业${n}有限公司` }));
  // Nine experts: the first works for enterprise 1 (a conflict), the second and third share an organisation,
  // two are finance experts (the quota), the rest in organisations of their own.
  const orgs = [ents[0]!.code, creditCode(8101), creditCode(8101), creditCode(8102), creditCode(8103)];
  orgs.push(creditCode(8104), creditCode(8105), creditCode(8106), creditCode(8107));
  for (const [k, org] of orgs.entries()) {
    const fields = k === 3 || k === 7 ? ['finance'] : ['tcm'];
    experts.push({ ...(await makeExpert(t, clerk, { name: `组员${k + 1}`, orgCreditCode: org, fields })), org });
  }
  callId = (await makeCall(clerk, PANEL_CALL)).id;
  for (const [k, e] of ents.entries()) {
    const a = await makeApplication(e.agent, callId, { title: `道地药材研究 ${k + 1}` });
    appIds.push(a.id);
    await submitAndAccept(e.agent, clerk, a.id);
  }
});
afterAll(() => t.close());

describe('after the draw: read-back, decline, swap, redraw', () => {
  it('reads the draw back for the bureau only, and re-runs it to the same checksum', async () => {
    const draw = (await clerk.post(`/api/calls/${callId}/draw`, { seed: 7 })).json();
    expect(draw).toMatchObject({ assignments: 6, stage: 'review', kind: 'draw', seed: 7 });
    const list = (await clerk.get(`/api/calls/${callId}/draws`)).json() as Draw[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: draw.drawId, seed: 7, checksum: draw.checksum, kind: 'draw', stage: 'review' });
    expect(list[0]!.params).toMatchObject({ size: 3, loadCap: 3, pool: 9 });
    expect(list[0]!.assignments).toHaveLength(6);
    expect(list[0]!.assignments[0]!.expert.name).toMatch(/^组员/);
    expect(list[0]!.alternates.map((a) => a.applicationId).sort()).toEqual([...appIds].sort());
    expect((await leader.get(`/api/calls/${callId}/draws`)).statusCode).toBe(200);
    expect((await clerk.get(`/api/assignment-draws/${draw.drawId}/verify`)).json()).toMatchObject({
      reproduced: true,
      checksum: draw.checksum,
      recomputed: draw.checksum,
    });
    // Experts and applicants do not read draws or assignments.
    for (const who of [experts[1]!.agent, ents[0]!.agent]) {
      expect((await who.get(`/api/calls/${callId}/draws`)).statusCode).toBe(403);
      expect((await who.get(`/api/calls/${callId}/assignments`)).statusCode).toBe(403);
      expect((await who.get(`/api/assignment-draws/${draw.drawId}/verify`)).statusCode).toBe(403);
    }
    expect((await clerk.get(`/api/calls/${callId}/draws?stage=bogus`)).statusCode).toBe(400);
    // Anonymous callers are turned away before anything else.
    for (const [method, url] of [
      ['GET', `/api/calls/${callId}/draws`],
      ['GET', `/api/calls/${callId}/assignments`],
      ['POST', `/api/calls/${callId}/redraw`],
      ['POST', `/api/calls/${callId}/notice`],
    ] as const)
      expect((await t.app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) })).statusCode).toBe(401);
    checkPlaces((await clerk.get(`/api/calls/${callId}/assignments`)).json(), 3);
  });

  it('an expert declines with a reason; the next alternate meeting every rule takes the place', async () => {
    const before = (await clerk.get(`/api/calls/${callId}/assignments?stage=review`)).json() as Assignment[];
    const target = before.find((r) => r.status === 'assigned' && !experts.find((e) => e.id === r.expertId)!.fields.includes('finance'))!;
    const mine = agentOf(target.expertId);
    const someoneElse = experts.find((e) => e.id !== target.expertId && e.id !== experts[0]!.id)!.agent;
    expect((await someoneElse.post(`/api/my/reviews/${target.id}/decline`, { reason: '时间冲突' })).statusCode).toBe(404);
    expect((await mine.post(`/api/my/reviews/${target.id}/decline`, {})).json().error.field).toBe('reason');
    const declined = await mine.post(`/api/my/reviews/${target.id}/decline`, { reason: '出差无法按期评审' });
    expect(declined.json()).toMatchObject({ status: 'declined', reason: '出差无法按期评审' });
    const again = await mine.post(`/api/my/reviews/${target.id}/decline`, { reason: '出差无法按期评审' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已谢绝');
    expect(again.json().error.message).not.toContain('declined');
    // The applicant and other experts learn nothing of it.
    expect((await ents[0]!.agent.post(`/api/reviews/${target.id}/swap`, {})).statusCode).toBe(403);
    expect((await someoneElse.post(`/api/reviews/${target.id}/swap`, {})).statusCode).toBe(403);

    const swap = await clerk.post(`/api/reviews/${target.id}/swap`, {});
    expect(swap.statusCode).toBe(200);
    const { expertId, drawId } = swap.json();
    expect(expertId).not.toBe(target.expertId);
    expect((await clerk.post(`/api/reviews/${target.id}/swap`, {})).statusCode).toBe(409);
    const after = (await clerk.get(`/api/calls/${callId}/assignments?stage=review`)).json() as Assignment[];
    expect(after.find((r) => r.id === target.id)).toMatchObject({ status: 'declined', replacedBy: swap.json().reviewId });
    checkPlaces(after, 3);
    // The swap is logged as a draw record on the draw whose alternates it used, with the alternates it skipped.
    const draws = (await clerk.get(`/api/calls/${callId}/draws?stage=review`)).json() as Draw[];
    const rec = draws.find((d) => d.id === drawId)!;
    expect(rec).toMatchObject({ kind: 'swap', parentId: draws.find((d) => d.kind === 'draw')!.id });
    expect(rec.assignments[0]!.expert.id).toBe(expertId);
    const ranked = draws.find((d) => d.kind === 'draw')!.alternates.find((a) => a.applicationId === target.applicationId)!.experts;
    expect(ranked.map((e) => e.id).indexOf(expertId)).toBe(rec.skipped.length);
    expect((await clerk.get(`/api/assignment-draws/${drawId}/verify`)).statusCode).toBe(409);
    // The new expert sees the assignment; the one who declined cannot score it.
    expect((await agentOf(expertId).get('/api/my/reviews')).json().map((r: { id: string }) => r.id)).toContain(swap.json().reviewId);
    expect((await mine.post(`/api/my/reviews/${target.id}/score`, { scores: { innovation: 80, feasibility: 80 } })).statusCode).toBe(409);
  });

  it('an unavailable expert is swapped only with a reason; a redraw refills the open places and keeps the scored ones', async () => {
    const rows = (await clerk.get(`/api/calls/${callId}/assignments?stage=review`)).json() as Assignment[];
    const open = live(rows).filter((r) => r.status === 'assigned');
    const noReason = await clerk.post(`/api/reviews/${open[0]!.id}/swap`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const swapped = await clerk.post(`/api/reviews/${open[0]!.id}/swap`, { reason: '电话联系不上' });
    if (swapped.statusCode === 409) expect(swapped.json().error.code).toBe('no_alternate');
    else expect(swapped.statusCode).toBe(200);

    // One review is scored before the redraw: it stays.
    const keep = live((await clerk.get(`/api/calls/${callId}/assignments?stage=review`)).json() as Assignment[]).find(
      (r) => r.status === 'assigned',
    )!;
    expect(
      (await agentOf(keep.expertId).post(`/api/my/reviews/${keep.id}/score`, { scores: { innovation: 90, feasibility: 85 } })).statusCode,
    ).toBe(200);
    expect((await clerk.post(`/api/calls/${callId}/redraw`, { seed: 99, stage: 'review' })).json().error.field).toBe('reason');
    const redraw = await clerk.post(`/api/calls/${callId}/redraw`, { seed: 99, stage: 'review', reason: '多名专家未按期确认' });
    expect(redraw.statusCode).toBe(200);
    expect(redraw.json()).toMatchObject({ kind: 'redraw', seed: 99, assignments: 5 });
    const after = (await clerk.get(`/api/calls/${callId}/assignments?stage=review`)).json() as Assignment[];
    checkPlaces(after, 3);
    expect(after.find((r) => r.id === keep.id)!.status).toBe('submitted');
    expect(after.filter((r) => r.status === 'replaced').length).toBeGreaterThanOrEqual(4);
    expect((await clerk.get(`/api/assignment-draws/${redraw.json().drawId}/verify`)).json().reproduced).toBe(true);
    const recs = (await clerk.get(`/api/calls/${callId}/draws`)).json() as Draw[];
    expect(recs[0]).toMatchObject({ kind: 'redraw', seed: 99 });
    expect(recs.map((d) => d.kind)).toContain('swap');
  });

  it('experts score; the scores are aggregated; both projects are approved', async () => {
    for (const r of live((await clerk.get(`/api/calls/${callId}/assignments?stage=review`)).json() as Assignment[]))
      if (r.status === 'assigned')
        expect(
          (await agentOf(r.expertId).post(`/api/my/reviews/${r.id}/score`, { scores: { innovation: 82, feasibility: 78 } })).statusCode,
        ).toBe(200);
    const agg = (await clerk.post(`/api/calls/${callId}/aggregate`)).json();
    expect(agg.waitingFor).toBe(0);
    expect(agg.ranking).toHaveLength(2);
    const decided = await clerk.post(`/api/calls/${callId}/decide`, {
      approvals: appIds.map((applicationId) => ({ applicationId, approvedFen: 200_000_00 })),
    });
    expect(decided.statusCode).toBe(200);
  });
});

describe('public notice of the approval list', () => {
  let noticeId = '';

  it('no contract before the notice; the notice needs a future start and the minimum length', async () => {
    const early = await clerk.post(`/api/applications/${appIds[0]}/contract`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('notice_missing');
    const past = await clerk.post(`/api/calls/${callId}/notice`, { startsOn: day(-1), endsOn: day(6) });
    expect(past.json().error).toMatchObject({ code: 'notice_start_past', field: 'startsOn' });
    const short = await clerk.post(`/api/calls/${callId}/notice`, { startsOn: today, endsOn: day(2) });
    expect(short.json().error).toMatchObject({ code: 'notice_too_short', field: 'endsOn' });
    expect(short.json().error.message).toContain('5');
    expect((await ents[0]!.agent.post(`/api/calls/${callId}/notice`, { startsOn: today, endsOn: day(4) })).statusCode).toBe(403);
    const ok = await clerk.post(`/api/calls/${callId}/notice`, { startsOn: today, endsOn: day(4) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().title).toBe(`${PANEL_CALL.title}立项公示`); // no title given: the dictionary's, in Chinese
    noticeId = ok.json().id;
    expect((await clerk.post(`/api/calls/${callId}/notice`, { startsOn: today, endsOn: day(4) })).json().error.code).toBe('notice_exists');
  });

  it('the public reads the list without signing in and objects while it runs; contacts stay with the bureau', async () => {
    const anon = (url: string, payload?: unknown) =>
      t.app.inject({ method: payload ? 'POST' : 'GET', url, ...(payload ? { payload: payload as object } : {}) });
    const list = (await anon('/api/public/project-notices')).json();
    expect(list.find((n: { id: string }) => n.id === noticeId)).toMatchObject({ open: true, endsOn: day(4) });
    const page = (await anon(`/api/public/project-notices/${noticeId}`)).json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      applicant: expect.stringContaining('专家组测试企业'),
      approvedFen: 200_000_00,
      rank: expect.any(Number),
    });
    expect(page.items[0].score).toBeGreaterThan(0);
    const raised = await anon(`/api/public/project-notices/${noticeId}/objections`, {
      applicationId: appIds[0],
      text: '该项目负责人同时承担其他在研项目',
      contact: '13800000000',
    });
    expect(raised.statusCode).toBe(201);
    expect((await anon(`/api/public/project-notices/${noticeId}/objections`, { text: '太短' })).statusCode).toBe(400);
    const page2 = (await anon(`/api/public/project-notices/${noticeId}`)).json();
    expect(page2.objections).toBe(1);
    expect(JSON.stringify(page2)).not.toContain('13800000000');
    const running = await clerk.post(`/api/applications/${appIds[0]}/contract`);
    expect(running.json().error).toMatchObject({ code: 'notice_running' });
    expect(running.json().error.message).toContain(day(4));
  });

  it('after the notice ends, an open objection holds its project; resolved, the contract is signed; upheld withdraws the approval', async () => {
    await t.database.db
      .update(projectNotices)
      .set({ startsOn: day(-7), endsOn: day(-1) })
      .where(eq(projectNotices.id, noticeId));
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/public/project-notices/${noticeId}/objections`,
      payload: { text: '公示期后的异议内容' },
    });
    expect(late.json().error.code).toBe('notice_not_open');
    const held = await clerk.post(`/api/applications/${appIds[0]}/contract`);
    expect(held.json().error).toMatchObject({ code: 'notice_objection_open' });
    const recorded = await clerk.post(`/api/project-notices/${noticeId}/objections`, {
      applicationId: appIds[1],
      text: '来信反映：申报材料中的销售数据与统计不符',
    });
    expect(recorded.statusCode).toBe(201);
    const view = (await clerk.get(`/api/calls/${callId}/notice`)).json().notice;
    expect(view.objections).toHaveLength(2);
    expect(view.objections.find((o: { source: string }) => o.source === 'public').contact).toBe('13800000000');
    expect((await ents[0]!.agent.get(`/api/calls/${callId}/notice`)).statusCode).toBe(403);
    const first = view.objections.find((o: { applicationId: string }) => o.applicationId === appIds[0]);
    // Reproduction (#12): a user scoped to one Xiushan town resolved objections to the county's notice. Now refused
    // (as are recording one, and reading the notice's objections with their contacts); the county's bureau resolves.
    const town = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241001' }])).agent;
    const townResolve = await town.post(`/api/project-objections/${first.id}/resolve`, { status: 'upheld', resolution: '乡镇越权处理' });
    expect(townResolve.statusCode).toBe(403);
    expect(townResolve.json().error.code).toBe('forbidden_scope');
    expect((await town.post(`/api/project-notices/${noticeId}/objections`, { text: '乡镇越权登记的异议' })).statusCode).toBe(403);
    expect((await town.get(`/api/calls/${callId}/notice`)).statusCode).toBe(403);
    const wanzhou = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500101' }])).agent;
    expect((await wanzhou.post(`/api/project-objections/${first.id}/resolve`, { status: 'upheld', resolution: '越权' })).statusCode).toBe(
      403,
    );
    expect(
      (await clerk.post(`/api/project-objections/${first.id}/resolve`, { status: 'dismissed', resolution: '经核实，不影响项目实施' }))
        .statusCode,
    ).toBe(200);
    const twice = await clerk.post(`/api/project-objections/${first.id}/resolve`, { status: 'dismissed', resolution: '重复处理' });
    expect(twice.json().error.message).toContain('异议不成立');
    expect((await clerk.post(`/api/applications/${appIds[0]}/contract`)).statusCode).toBe(204);
    // Upheld: the second project's approval is withdrawn; it leaves the list and its schedule.
    const upheld = await clerk.post(`/api/project-objections/${recorded.json().id}/resolve`, {
      status: 'upheld',
      resolution: '数据不实，撤销立项',
    });
    expect(upheld.json()).toMatchObject({ status: 'upheld', withdrawn: true });
    const second = (await clerk.get(`/api/applications/${appIds[1]}`)).json();
    expect(second).toMatchObject({ status: 'not_funded', approvedFen: null });
    expect((await clerk.get(`/api/applications/${appIds[1]}/funding`)).json().payments).toEqual([]);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/project-notices/${noticeId}` })).json();
    expect(pub.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([appIds[0]]);
  });
});

describe('expert panels of the mid-term check and acceptance', () => {
  const reportOf = async (kind: string) =>
    ((await clerk.get(`/api/applications/${appIds[0]}/funding`)).json().reports as { id: string; kind: string }[]).find(
      (r) => r.kind === kind,
    )!;

  it('the mid-term panel is optional by default: the bureau may decide alone', async () => {
    const mid = (await clerk.post(`/api/applications/${appIds[0]}/midterm`, { dueOn: day(30) })).json();
    await ents[0]!.agent.post(`/api/project-reports/${mid.id}/submit`, { text: '中期进展：完成小试，提取率提高 15 %' });
    const rep = await reportOf('midterm');
    expect(rep).toMatchObject({ panel: { required: false, size: 3, drawn: false } });
    expect((await clerk.post(`/api/project-reports/${mid.id}/decide`, { approve: true })).json().status).toBe('approved');
  });

  it('acceptance needs a finished panel; experts score blind; the applicant never learns who', async () => {
    const acc = await reportOf('acceptance');
    expect(
      (await ents[0]!.agent.post(`/api/project-reports/${acc.id}/submit`, { text: '验收报告：完成中试，各项指标达到合同要求' })).statusCode,
    ).toBe(200);
    const refused = await clerk.post(`/api/project-reports/${acc.id}/decide`, { approve: true });
    expect(refused.json().error.code).toBe('panel_required');
    expect(refused.json().error.message).toContain('验收');
    expect((await ents[0]!.agent.post(`/api/project-reports/${acc.id}/panel`, { seed: 5 })).statusCode).toBe(403);
    const milestone = (await clerk.get(`/api/applications/${appIds[0]}/funding`))
      .json()
      .reports.find((r: { kind: string }) => r.kind === 'acceptance');
    expect(milestone.panel.drawn).toBe(false);

    const panel = await clerk.post(`/api/project-reports/${acc.id}/panel`, { seed: 5 });
    expect(panel.statusCode).toBe(200);
    expect(panel.json()).toMatchObject({ stage: 'acceptance', assignments: 3 });
    expect((await clerk.post(`/api/project-reports/${acc.id}/panel`, { seed: 6 })).json().error.code).toBe('draw_nothing');
    const rows = (await clerk.get(`/api/calls/${callId}/assignments?stage=acceptance`)).json() as Assignment[];
    checkPlaces(rows, 3);
    expect(rows.every((r) => r.reportId === acc.id)).toBe(true);
    expect((await clerk.get(`/api/calls/${callId}/draws?stage=acceptance`)).json()[0].params.size).toBe(3);

    // A panel member declines; the next alternate takes the place.
    const out = rows[0]!;
    await agentOf(out.expertId).post(`/api/my/reviews/${out.id}/decline`, { reason: '与项目单位有合作' });
    const swap = await clerk.post(`/api/reviews/${out.id}/swap`, {});
    expect(swap.statusCode).toBe(200);
    const members = live((await clerk.get(`/api/calls/${callId}/assignments?stage=acceptance`)).json() as Assignment[]);
    checkPlaces(members, 3);

    // Undecidable while the panel scores.
    const waiting = await clerk.post(`/api/project-reports/${acc.id}/decide`, { approve: false });
    expect(waiting.json().error).toMatchObject({ code: 'panel_unfinished' });
    expect(waiting.json().error.message).toContain('0/3');

    // Experts see the report in their own review pages, blind until they submit; nobody else's assignment.
    const outsider = experts.find((e) => !members.some((m) => m.expertId === e.id) && e.id !== out.expertId)!;
    expect((await outsider.agent.get(`/api/my/reviews/${members[0]!.id}`)).statusCode).toBe(404);
    const scores = [50, 55, 58];
    for (const [i, m] of members.entries()) {
      const mine = (await agentOf(m.expertId).get('/api/my/reviews')).json() as { id: string; stage: string }[];
      expect(mine.find((r) => r.id === m.id)!.stage).toBe('acceptance');
      const detail = (await agentOf(m.expertId).get(`/api/my/reviews/${m.id}`)).json();
      expect(detail.report).toMatchObject({ kind: 'acceptance', text: expect.stringContaining('验收报告') });
      expect(detail.others).toEqual([]);
      await agentOf(m.expertId).post(`/api/my/reviews/${m.id}/score`, { scores: { innovation: scores[i]!, feasibility: scores[i]! } });
    }
    const afterAll = (await agentOf(members[0]!.expertId).get(`/api/my/reviews/${members[0]!.id}`)).json();
    expect(afterAll.others).toHaveLength(2);
    expect(JSON.stringify(afterAll.others)).not.toMatch(/组员|expertId/);

    // The bureau sees the panel's result (below the total threshold of 60) with the members' names.
    const staffView = (await reportOf('acceptance')) as unknown as {
      panel: { finished: boolean; outcome: { passed: boolean; total: number }; members: { expertName: string }[] };
    };
    expect(staffView.panel).toMatchObject({ finished: true, outcome: { passed: false } });
    expect(staffView.panel.members.map((m) => m.expertName).join()).toMatch(/组员/);
    // The applicant: progress only before the decision, never who.
    const before = JSON.stringify((await ents[0]!.agent.get(`/api/applications/${appIds[0]}/funding`)).json());
    expect(before).toContain('"finished":true');
    expect(before).toContain('"outcome":null');
    for (const e of experts) {
      expect(before).not.toContain(e.id);
      expect(before).not.toContain(e.name);
    }

    const noNote = await clerk.post(`/api/project-reports/${acc.id}/decide`, { approve: true });
    expect(noNote.json().error).toMatchObject({ code: 'panel_override_note', field: 'note' });
    const approved = await clerk.post(`/api/project-reports/${acc.id}/decide`, {
      approve: true,
      note: '专家意见已整改，经局务会研究同意验收',
    });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    // Approval releases the final instalment, as always.
    const f = (await clerk.get(`/api/applications/${appIds[0]}/funding`)).json();
    expect(f.payments.map((p: { status: string }) => p.status)).toEqual(['released', 'released']);
    const owner = (await ents[0]!.agent.get(`/api/applications/${appIds[0]}/funding`)).json();
    const ownerAcc = owner.reports.find((r: { kind: string }) => r.kind === 'acceptance');
    expect(ownerAcc.panel.outcome).toMatchObject({ passed: false, experts: 3 });
    expect(ownerAcc.panel.outcome.failures).toEqual([{ code: 'miss_total', params: { value: 54.33, threshold: 60 } }]); // a code
    expect(ownerAcc.panel.members).toBeUndefined();
    const text = JSON.stringify(owner);
    for (const e of experts) {
      expect(text).not.toContain(e.id);
      expect(text).not.toContain(e.name);
    }
    expect((await clerk.get(`/api/applications/${appIds[0]}`)).json().status).toBe('completed');
    const sentence = await storeOldFailures(t.database.db, acc.id); // a snapshot from before the codes: shown as stored
    const oldView = (await ents[0]!.agent.get(`/api/applications/${appIds[0]}/funding`)).json();
    expect(oldView.reports.find((r: { kind: string }) => r.kind === 'acceptance').panel.outcome.failures).toEqual([sentence]);
  });
});
