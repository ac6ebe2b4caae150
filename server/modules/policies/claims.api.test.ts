import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantQualification, makeEnterpriseAgent, parameterValues } from '../../../test/fixtures/policies.js';
import { agentWith, createTestApp, makeEnterprise, type Agent, type TestContext } from '../../../test/harness.js';

/**
 * The no-application journey through the HTTP API: parameters set and approved by two people, a budget, a new
 * high-tech certificate in the register → a claim with its trace → review → public notice (with an objection)
 * → approval by a second person (reservation) → payment → the enterprise sees it paid; the budget falls by
 * exactly the amount and the ledger reconciles.
 */
let t: TestContext;
let clerk: Agent;
let chief: Agent;
let leader: Agent;
let enterprise: Agent;
let other: Agent;
let enterpriseId: string;
const AMOUNT = 100_000_00; // 10 万元 in fen
const CJK = /[\u4e00-\u9fff]/;

interface TraceJson {
  amount: Record<string, unknown>;
  conditions: { code?: string; zh?: string; en?: string; requirement?: unknown; expected?: unknown }[];
}

/**
 * A decision as the API returns it composes no words (issue #13): the amount is a code with parameters, the
 * conditions the engine adds are codes, every condition's requirement is data; only the rule's own words remain.
 */
function expectNoComposedText(trace: TraceJson) {
  expect(trace.amount).not.toHaveProperty('explanation');
  expect(trace.amount.message).toMatchObject({ code: expect.any(String), params: expect.any(Object) });
  expect(JSON.stringify(trace.amount)).not.toMatch(CJK);
  for (const c of trace.conditions) {
    expect(c).not.toHaveProperty('expected');
    expect(c.requirement).toMatchObject({ op: expect.any(String), values: expect.any(Array) });
    expect(JSON.stringify(c.requirement)).not.toMatch(CJK);
    if (c.code) expect(JSON.stringify(c)).not.toMatch(CJK);
    else expect(c.zh).toEqual(expect.any(String));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  chief = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
  ({ enterpriseId, agent: enterprise } = await makeEnterpriseAgent(t, '500241001', '秀山县兑现测试有限公司'));
  other = (await agentWith(t, ['enterprise'])).agent;
});
afterAll(() => t.close());

describe('policies and claims: the catalogue and its approval', () => {
  it('the catalogue holds chapter 4 with amounts 待定; nothing can match until set and approved by a second person', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/policies' })).statusCode).toBe(401);
    const list = (await clerk.get('/api/policies')).json();
    expect(list.length).toBeGreaterThanOrEqual(20);
    const ht = list.find((p: { code: string }) => p.code === 'high_tech_new');
    expect(ht).toMatchObject({ operative: false, activeVersion: null, clauseRef: expect.stringContaining('第四章') });
    expect(ht.unsetParameters.length).toBeGreaterThan(0);

    const detail = (await clerk.get('/api/policies/high_tech_new')).json();
    const v1 = detail.versions[0];
    // The seed's note is a code the web renders (issue #13), not a sentence.
    expect(v1).toMatchObject({ note: null, message: { code: 'seed_catalogue', params: {} } });
    expect(v1.parameters.every((p: { values: { value: unknown; citation: string }[] }) => p.values[0]!.value === null)).toBe(true);
    // Bad input: a fractional fen, named by field.
    const bad = await clerk.patch('/api/policies/high_tech_new/versions/1', {
      parameters: [{ ...v1.parameters[0], values: [{ from: '2021-01-01', value: 1.5, citation: 'x' }] }],
    });
    expect(bad.statusCode).toBe(400);
    const parameters = parameterValues(v1, AMOUNT, { citation: '秀山县科技局 2021 年第 3 号文（测试）' });
    expect((await clerk.patch('/api/policies/high_tech_new/versions/1', { parameters })).statusCode).toBe(200);
    const tests = (await clerk.post('/api/policies/high_tech_new/tests/run')).json();
    expect(tests.failed).toBe(0);
    // Each case's trace says how its amount was reached as a code: the fixed amount, or not eligible.
    const codes = tests.results.map(
      (r: { trace: TraceJson }) => (expectNoComposedText(r.trace), (r.trace.amount.message as { code: string }).code),
    );
    expect(new Set(codes)).toEqual(new Set(['amount_fixed', 'not_eligible']));
    expect(tests.results[0].trace.amount.message).toEqual({ code: 'amount_fixed', params: { param: 'amount', fen: AMOUNT } });
    expect((await clerk.post('/api/policies/high_tech_new/versions/1/submit')).statusCode).toBe(200);
    const self = await clerk.post('/api/policies/high_tech_new/versions/1/approve');
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('另一位');
    expect((await chief.post('/api/policies/high_tech_new/versions/1/approve')).json().status).toBe('approved');
    expect((await clerk.get('/api/policies')).json().find((p: { code: string }) => p.code === 'high_tech_new').operative).toBe(true);
  });
});

describe('policies and claims: the claim journey and what-if', () => {
  it('a new high-tech certificate becomes a claim with its trace; review, notice, objection, approval, payment', async () => {
    const key = randomUUID();
    const fund = {
      year: 2025,
      fundSource: 'county',
      policyCode: 'high_tech_new',
      amountFen: 500_000_00,
      reason: '2025 年预算',
      requestKey: key,
    };
    const requested = await clerk.post('/api/ledger/budgets', fund);
    expect(requested.statusCode).toBe(201);
    // A double click requests once; the request adds nothing to spend until a second person approves it.
    expect((await clerk.post('/api/ledger/budgets', fund)).json()).toMatchObject({
      replayed: true,
      status: 'pending',
      budget: { availableFen: 0, requestedFen: 500_000_00 },
    });
    const requestId = requested.json().transfer.id;
    const own = await clerk.post(`/api/ledger/budget-requests/${requestId}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('ledger_budget_four_eyes');
    expect((await chief.post(`/api/ledger/budget-requests/${requestId}/approve`)).json()).toMatchObject({
      status: 'approved',
      budget: { availableFen: 500_000_00, requestedFen: 0 },
    });

    await grantQualification(clerk, enterpriseId, 'GR202550000123', '2025-06-01');
    const inbox = (await clerk.get('/api/claims?status=matched')).json();
    const claim = inbox.find((c: { enterpriseId: string }) => c.enterpriseId === enterpriseId);
    expect(claim).toMatchObject({ policyCode: 'high_tech_new', eligibility: 'eligible', amountFen: AMOUNT, fiscalYear: 2025 });
    expect(claim.trace.parameters.amount ?? Object.values(claim.trace.parameters)[0]).toMatchObject({
      citation: expect.stringContaining('秀山县科技局'),
    });
    expect(claim.trace.conditions.every((c: { outcome: string }) => c.outcome === 'pass')).toBe(true);

    // Other enterprises cannot see it; the enterprise sees it without staff names.
    expect((await other.get('/api/my/claims')).json()).toEqual([]);
    const mine = (await enterprise.get('/api/my/claims')).json();
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(mine)).not.toContain('byUser');
    expect((await enterprise.get('/api/claims')).statusCode).toBe(403);

    expect((await clerk.post(`/api/claims/${claim.id}/approve`)).statusCode).toBe(409);
    expect((await clerk.post(`/api/claims/${claim.id}/review`, { note: '证书核验无误' })).json().status).toBe('reviewed');
    const notice = (
      await clerk.post('/api/notices', { title: '2025 年高企奖励公示', startsOn: '2026-11-01', endsOn: '2026-11-07', claimIds: [claim.id] })
    ).json();
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/notices/${notice.id}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ open: false, items: [{ enterprise: '秀山县兑现测试有限公司', amountFen: AMOUNT }] });
    expect(pub.body).not.toContain('creditCode');
    // The notice has ended: no objections any more.
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/public/notices/${notice.id}/objections`,
      payload: { text: '该企业不在本县经营' },
    });
    expect(late.statusCode).toBe(409);

    // The reviewer cannot approve; a second person can.
    expect((await clerk.post(`/api/claims/${claim.id}/approve`)).statusCode).toBe(403);
    expect((await chief.post(`/api/claims/${claim.id}/approve`)).json().status).toBe('approved');
    const budget = () => clerk.get('/api/ledger/accounts?kind=budget&policy=high_tech_new&year=2025').then((r) => r.json()[0]);
    expect(await budget()).toMatchObject({ availableFen: 500_000_00 - AMOUNT, balanceFen: 500_000_00 });
    const paid = (await clerk.post(`/api/claims/${claim.id}/pay`)).json();
    expect(paid).toMatchObject({ status: 'paid', replayed: false });
    expect((await clerk.post(`/api/claims/${claim.id}/pay`)).json()).toMatchObject({ status: 'paid', replayed: true });
    expect(await budget()).toMatchObject({ availableFen: 500_000_00 - AMOUNT, balanceFen: 500_000_00 - AMOUNT });
    const detail = (await leader.get(`/api/claims/${claim.id}`)).json();
    expect(detail.transfers.map((x: { kind: string }) => x.kind)).toEqual(['pending', 'post_pending', 'posted']);
    expect((await enterprise.get('/api/my/claims')).json()[0]).toMatchObject({ status: 'paid', amountFen: AMOUNT });
    expect((await leader.get('/api/ledger/verify')).json()).toMatchObject({ ok: true });
    expect((await clerk.post(`/api/claims/${claim.id}/reject`, { reason: '太晚了' })).statusCode).toBe(409);
  });

  it('evaluate explains a decision; what-if projects the spend against the budget', async () => {
    const e = (await leader.get(`/api/enterprises/${enterpriseId}`)).json();
    const r = (await leader.post('/api/policies/high_tech_new/evaluate', { creditCode: e.creditCode, date: '2025-07-01' })).json();
    expect(r).toMatchObject({ eligibility: 'eligible', amountFen: AMOUNT });
    const none = (await leader.post('/api/policies/high_tech_new/evaluate', { creditCode: e.creditCode, date: '2025-01-01' })).json();
    expect(none.eligibility).toBe('ineligible');
    // The condition the system adds is a code the web renders, not a sentence (issue #13).
    expect(none.reasons[0]).toMatchObject({ id: 'event', code: 'no_trigger', outcome: 'fail' });
    expect(none.reasons[0]).not.toHaveProperty('zh');
    const bad = await leader.post('/api/policies/high_tech_new/evaluate', { creditCode: '91500241MA6000000X' });
    expect(bad.statusCode).toBe(400);
    // A second certificate of 2025 not yet paid; the first, paid, is already out of the remaining budget.
    const second = await makeEnterprise(t, '500241001', '秀山县第二家高企有限公司');
    await grantQualification(clerk, second, 'GR202550000999', '2025-09-01');
    const w = (await leader.post('/api/policies/high_tech_new/what-if', { year: 2025, parameters: { amount: 500_000_00 } })).json();
    expect(w.alreadyCommitted).toBe(1);
    expect(w).toMatchObject({
      eligible: 1,
      projectedSpendFen: 500_000_00,
      remainingBudgetFen: 500_000_00 - AMOUNT,
      shortfallFen: AMOUNT,
    });
  });
});

describe('policies and claims: decisions compose no words (issue #13)', () => {
  it('the claim’s trace and its matching step say how the amount was reached as a code, not in words', async () => {
    const claim = (await clerk.get('/api/claims')).json().find((c: { enterpriseId: string }) => c.enterpriseId === enterpriseId);
    const message = { code: 'amount_fixed', params: { param: 'amount', fen: AMOUNT } };
    expect(claim.trace.amount).toEqual({ fen: AMOUNT, capped: false, message });
    expectNoComposedText(claim.trace);
    const detail = (await clerk.get(`/api/claims/${claim.id}`)).json();
    expect(detail.steps.find((s: { step: string }) => s.step === 'matched')).toMatchObject({ note: null, message });
    // The enterprise's portal shows the same conditions, as data.
    const mine = (await enterprise.get('/api/my/claims')).json()[0];
    expectNoComposedText({ amount: claim.trace.amount, conditions: mine.conditions });
  });

  it('evaluate answers with codes and data: the amount’s message, the engine’s conditions, each requirement', async () => {
    const e = (await leader.get(`/api/enterprises/${enterpriseId}`)).json();
    const r = (await leader.post('/api/policies/high_tech_new/evaluate', { creditCode: e.creditCode, date: '2025-07-01' })).json();
    const none = (await leader.post('/api/policies/high_tech_new/evaluate', { creditCode: e.creditCode, date: '2025-01-01' })).json();
    expect(none.reasons[0].requirement).toEqual({ op: 'event', values: ['qualification.granted'] });
    expect(none.trace.amount).toEqual({
      fen: 0,
      capped: false,
      message: { code: 'no_trigger', params: { event: 'qualification.granted' } },
    });
    expectNoComposedText(none.trace);
    expectNoComposedText(r.trace);
    expect(r.trace.conditions.slice(0, 2)).toMatchObject([
      { id: 'valid_dates', code: 'valid_dates', fact: 'date', requirement: { op: 'between', values: ['2021-01-01', '2025-12-31'] } },
      {
        id: 'trigger:event.qualificationType',
        code: 'trigger_match',
        params: { fact: 'event.qualificationType' },
        requirement: { op: 'in', values: ['high_tech'] },
      },
    ]);
  });
});
