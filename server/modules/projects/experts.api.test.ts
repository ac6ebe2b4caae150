import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.js';
import { agentWith, createTestApp, creditCode, type Agent, type TestContext } from '../../../test/harness.js';
import { makeApplicant, makeApplication, makeCall, makeExpert, submitAndAccept } from '../../../test/fixtures/projects.js';

/**
 * The expert pool's edits (PGlite and PostgreSQL): PATCH /api/experts/:id changes availability, organisation,
 * fields, titles and contact — 401 / 400 naming the field / 403 / 404 / success, audited field by field. An
 * unavailable expert is never drawn, never an alternate, skipped by a swap and left out of a redraw; a declined or
 * replaced expert loses the application (its text as well as its files) but still sees the assignment listed.
 */
let t: TestContext;
let clerk: Agent;
let leader: Agent;
let applicant: Agent;
const experts: { id: string; name: string; agent: Agent }[] = [];

interface Assignment {
  id: string;
  applicationId: string;
  expertId: string;
  status: string;
}
interface Draw {
  id: string;
  kind: string;
  params: { pool: number };
  assignments: { expert: { id: string } }[];
  alternates: { applicationId: string; experts: { id: string }[] }[];
}

const patch = (who: Agent, id: string, body: unknown) =>
  who.request({ method: 'PATCH', url: `/api/experts/${id}`, payload: body as object });
const byId = (id: string) => experts.find((e) => e.id === id)!;

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
  applicant = (await makeApplicant(t, '500241001', { name: '秀山县专家可用性测试企业有限公司' })).agent;
  // Six experts, each in an organisation of its own.
  for (const k of [0, 1, 2, 3, 4, 5]) {
    const x = await makeExpert(t, clerk, { name: `可用性专家${k + 1}`, orgCreditCode: creditCode(6200 + k), fields: ['tcm'] });
    experts.push({ id: x.id, name: x.name, agent: x.agent });
  }
});
afterAll(() => t.close());

describe('PATCH /api/experts/:id', () => {
  it('401 for anonymous callers, whatever the body', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/experts/${experts[0]!.id}`, payload: { available: 'x' } });
    expect(res.statusCode).toBe(401);
  });

  it('400 naming the field: wrong types, unknown fields, an empty change, a credit code with a wrong check character', async () => {
    const id = experts[0]!.id;
    const wrongType = await patch(clerk, id, { available: 'no' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error).toMatchObject({ field: 'available', message: expect.stringContaining('可抽取') });
    const unknown = await patch(clerk, id, { rating: 5 });
    expect(unknown.json().error).toMatchObject({ field: 'rating' });
    const empty = await patch(clerk, id, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('至少修改一项');
    const tooLong = await patch(clerk, id, { titles: 'x'.repeat(201) });
    expect(tooLong.json().error).toMatchObject({ field: 'titles', message: expect.stringContaining('职称') });
    const good = creditCode(6299);
    const wrongCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const bad = await patch(clerk, id, { orgCreditCode: wrongCheck });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'orgCreditCode', message: expect.stringContaining('单位统一社会信用代码') });
    // The same rule when adding an expert.
    const added = await clerk.post('/api/experts', { name: '代码有误的专家', orgCreditCode: wrongCheck });
    expect(added.json().error).toMatchObject({ field: 'orgCreditCode' });
    // Authorisation comes before validation (#12): one who may not edit learns nothing of the body's shape.
    expect((await patch(leader, id, { available: 'no' })).json().error.code).toBe('forbidden');
    expect((await patch(clerk, 'not-a-uuid', { available: false })).statusCode).toBe(400);
  });

  it('403 for those who only read the pool, experts and applicants; 404 for an unknown expert', async () => {
    for (const who of [leader, experts[0]!.agent, applicant])
      expect((await patch(who, experts[0]!.id, { available: false })).statusCode).toBe(403);
    const missing = await patch(clerk, '00000000-0000-4000-8000-000000000000', { available: false });
    expect(missing.statusCode).toBe(404);
  });

  it('changes only what is sent, clears with null, and audits each changed field with its before and after', async () => {
    const id = experts[5]!.id;
    const org = creditCode(6300);
    const res = await patch(clerk, id, {
      titles: '正高级工程师',
      contact: '13900000000',
      orgCreditCode: ` ${org.toLowerCase()} `,
      orgName: '重庆市中药研究院',
      fields: ['tcm', 'finance'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      name: '可用性专家6',
      titles: '正高级工程师',
      contact: '13900000000',
      orgCreditCode: org,
      orgName: '重庆市中药研究院',
      fields: ['tcm', 'finance'],
      available: true,
      openAssignments: 0,
    });
    const cleared = await patch(clerk, id, { contact: null, titles: '' });
    expect(cleared.json()).toMatchObject({ contact: null, titles: null, orgName: '重庆市中药研究院' });
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'expert'), eq(auditEvents.entityId, id), eq(auditEvents.action, 'update')))
      .orderBy(asc(auditEvents.id));
    expect(events).toHaveLength(2);
    expect(events[0]!.changes).toMatchObject({
      titles: { before: null, after: '正高级工程师' },
      orgCreditCode: { before: creditCode(6205), after: org },
      fields: { before: ['tcm'], after: ['tcm', 'finance'] },
    });
    expect(events[0]!.changes.name).toBeUndefined();
    expect(events[1]!.changes).toEqual({
      contact: { before: '13900000000', after: null },
      titles: { before: '正高级工程师', after: null },
    });
    // The history, as conflict detection reads it; the same values again change nothing and log nothing.
    const history = { employment: [{ creditCode: creditCode(6301), from: '2024-01-01' }] };
    expect((await patch(clerk, id, { history })).json().history).toMatchObject({ employment: history.employment, advice: [] });
    await patch(clerk, id, { contact: null, history });
    const updates = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'expert'), eq(auditEvents.entityId, id), eq(auditEvents.action, 'update')))
      .orderBy(asc(auditEvents.id));
    expect(updates).toHaveLength(3);
    expect(Object.keys(updates[2]!.changes)).toEqual(['history']);
    // The pool shows it.
    const pool = (await clerk.get('/api/experts')).json() as { id: string; titles: string | null; fields: string[] }[];
    expect(pool.find((e) => e.id === id)).toMatchObject({ titles: null, fields: ['tcm', 'finance'] });
  });
});

describe('an unavailable expert is never drawn, swapped in or redrawn', () => {
  let callId = '';
  let appId = '';
  const assignments = async () => (await clerk.get(`/api/calls/${callId}/assignments?stage=review`)).json() as Assignment[];
  const live = (xs: Assignment[]) => xs.filter((x) => x.status === 'assigned' || x.status === 'submitted');

  it('the draw leaves an unavailable expert out of the assignments and the ranked alternates', async () => {
    expect((await patch(clerk, experts[0]!.id, { available: false })).json()).toMatchObject({ available: false, openAssignments: 0 });
    callId = (await makeCall(clerk, { code: 'AVAIL-01', title: '专家可用性测试指南 AVAIL-01' })).id;
    appId = (await makeApplication(applicant, callId, { title: '可用性测试项目', requestedFen: 100_000_00 })).id;
    await submitAndAccept(applicant, clerk, appId);
    expect((await clerk.post(`/api/calls/${callId}/draw`, { seed: 5 })).statusCode).toBe(200);
    const [draw] = (await clerk.get(`/api/calls/${callId}/draws`)).json() as Draw[];
    expect(draw!.params.pool).toBe(5);
    const drawn = draw!.assignments.map((a) => a.expert.id);
    const ranked = draw!.alternates.find((a) => a.applicationId === appId)!.experts.map((e) => e.id);
    expect(drawn).toHaveLength(2);
    expect([...drawn, ...ranked]).not.toContain(experts[0]!.id);
    expect(ranked.length).toBeGreaterThanOrEqual(2);
  });

  it('a swap skips an alternate made unavailable since the draw, saying why', async () => {
    const [draw] = (await clerk.get(`/api/calls/${callId}/draws`)).json() as Draw[];
    const ranked = draw!.alternates.find((a) => a.applicationId === appId)!.experts.map((e) => e.id);
    const off = await patch(clerk, ranked[0]!, { available: false });
    expect(off.json().openAssignments).toBe(0);
    const out = live(await assignments())[0]!;
    await byId(out.expertId).agent.post(`/api/my/reviews/${out.id}/decline`, { reason: '出差无法按期评审' });
    const swap = await clerk.post(`/api/reviews/${out.id}/swap`, {});
    expect(swap.statusCode).toBe(200);
    expect(swap.json().expertId).not.toBe(ranked[0]);
    expect(swap.json().expertId).toBe(ranked[1]);
    expect(swap.json().skipped).toEqual([expect.objectContaining({ expertId: ranked[0], reason: 'unavailable' })]);
    const now = live(await assignments()).map((a) => a.expertId);
    expect(now).not.toContain(ranked[0]);
    expect(now).not.toContain(experts[0]!.id);
  });

  it('a declined expert loses the application and its files but sees the assignment listed, declined', async () => {
    const declined = (await assignments()).find((a) => a.status === 'declined')!;
    const agent = byId(declined.expertId).agent;
    const detail = await agent.get(`/api/my/reviews/${declined.id}`);
    expect(detail.statusCode).toBe(403);
    expect(detail.json().error).toMatchObject({ code: 'review_declined', message: expect.stringContaining('已谢绝') });
    expect(JSON.stringify(detail.json())).not.toContain('可用性测试项目');
    expect((await agent.get(`/api/my/reviews/${declined.id}/attachments`)).json().error.code).toBe('review_declined');
    const mine = (await agent.get('/api/my/reviews')).json() as { id: string; status: string; title: string }[];
    expect(mine).toEqual([expect.objectContaining({ id: declined.id, status: 'declined' })]);
  });

  it('making an assigned expert unavailable counts its open assignments; a redraw replaces them with available experts only', async () => {
    const open = live(await assignments());
    const busy = open[0]!;
    const res = await patch(clerk, busy.expertId, { available: false });
    expect(res.json()).toMatchObject({ available: false, openAssignments: 1 });
    const unavailable = ((await clerk.get('/api/experts')).json() as { id: string; available: boolean }[])
      .filter((e) => !e.available)
      .map((e) => e.id);
    expect(unavailable).toHaveLength(3);
    const redraw = await clerk.post(`/api/calls/${callId}/redraw`, { seed: 9, stage: 'review', reason: '一位专家暂停评审' });
    expect(redraw.statusCode).toBe(200);
    const after = await assignments();
    const now = live(after);
    expect(now).toHaveLength(2);
    for (const a of now) expect(unavailable).not.toContain(a.expertId);
    // The expert made unavailable was replaced: it keeps the assignment in its list, but not the application.
    expect(after.find((a) => a.id === busy.id)!.status).toBe('replaced');
    const agent = byId(busy.expertId).agent;
    const gone = await agent.get(`/api/my/reviews/${busy.id}`);
    expect(gone.statusCode).toBe(403);
    expect(gone.json().error.message).toContain('已撤换');
    expect(((await agent.get('/api/my/reviews')).json() as { id: string; status: string }[]).find((r) => r.id === busy.id)).toMatchObject({
      status: 'replaced',
    });
    // Back in the pool, the expert may be drawn again.
    expect((await patch(clerk, busy.expertId, { available: true })).json()).toMatchObject({ available: true, openAssignments: 0 });
  });
});
