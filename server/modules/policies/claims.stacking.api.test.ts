import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/clock.js';
import { today as clockToday } from '../../platform/clock.js';
import { grantQualification, makeEnterpriseAgent, operatePolicy } from '../../../test/fixtures/policies.js';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';

/**
 * A fast application and 就高不重复: one high-tech certificate triggers both the general reward (eligible at
 * once) and the incubator-tenant reward (undetermined: the register does not know tenancy). The enterprise
 * provides its tenancy contract, the bureau confirms it, and the higher reward replaces the lower one.
 */
let t: TestContext;
let clerk: Agent;
let chief: Agent;
let enterprise: Agent;
let enterpriseId: string;
let tenantId: string;

const operate = (code: string, fen: number) => operatePolicy(clerk, chief, code, fen);

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  chief = (await agentWith(t, ['bureau'])).agent;
  ({ enterpriseId, agent: enterprise } = await makeEnterpriseAgent(t, '500241001', '秀山县孵化器入驻科技有限公司'));
  await operate('high_tech_new', 100_000_00);
  await operate('tenant_high_tech', 150_000_00);
});
afterAll(() => t.close());

describe('fast application and stacking', () => {
  it('undetermined → checklist in the portal → documents → review with confirmed facts → the higher reward only', async () => {
    await grantQualification(clerk, enterpriseId, 'GR202550000777', '2025-03-01');
    const mine = (await enterprise.get('/api/my/claims')).json();
    const general = mine.find((c: { policyCode: string }) => c.policyCode === 'high_tech_new');
    const tenant = mine.find((c: { policyCode: string }) => c.policyCode === 'tenant_high_tech');
    expect(general).toMatchObject({ status: 'matched', amountFen: 100_000_00 });
    expect(tenant).toMatchObject({ status: 'needs_data', eligibility: 'undetermined' });
    expect(tenant.checklist.map((d: { key: string }) => d.key)).toContain('tenancy_contract');
    // What the condition requires is data the web words (issue #13), not '是'.
    expect(tenant.conditions.find((c: { outcome: string }) => c.outcome === 'unknown')).toMatchObject({
      document: 'tenancy_contract',
      requirement: { op: 'is_true', values: [] },
    });
    expect(tenant.steps[0]).toMatchObject({
      step: 'needs_data',
      note: null,
      message: { code: 'amount_fixed', params: { param: 'amount' } },
    });

    // Another enterprise cannot answer it.
    const stranger = (await agentWith(t, ['enterprise'])).agent;
    expect((await stranger.post(`/api/my/claims/${tenant.id}/documents`, { checklist: [] })).statusCode).toBe(404);
    const sent = await enterprise.post(`/api/my/claims/${tenant.id}/documents`, {
      checklist: [{ key: 'tenancy_contract', provided: true, note: '入驻协议 2024-05 号' }],
      note: '我司自 2024 年入驻县科技企业孵化器',
    });
    expect(sent.json()).toMatchObject({ status: 'applied' });

    // Without the confirmed fact it stays undetermined: review refuses.
    expect((await clerk.post(`/api/claims/${tenant.id}/review`, {})).statusCode).toBe(409);
    const reviewed = (await clerk.post(`/api/claims/${tenant.id}/review`, { facts: { 'enterprise.incubatorTenant': true } })).json();
    expect(reviewed).toMatchObject({ status: 'reviewed', amountFen: 150_000_00 });
    const after = (await clerk.get('/api/claims')).json();
    expect(after.find((c: { id: string }) => c.id === general.id)).toMatchObject({ status: 'stacked' });
    const steps = (await enterprise.get('/api/my/claims')).json().find((c: { id: string }) => c.id === general.id).steps;
    // What the server says is a code and its parameters, rendered by the web (issue #13): no sentence.
    expect(steps.at(-1)).toEqual({
      step: 'stacked',
      note: null,
      message: { code: 'stacking_superseded', params: { policyCode: 'tenant_high_tech' } },
      at: expect.any(String),
    });
    tenantId = tenant.id;
  });

  it('an upheld objection rejects the claim with a code and the resolver’s words as its parameter', async () => {
    const days = (n: number) => addDays(clockToday(), n);
    const notice = await clerk.post('/api/notices', { title: '孵化器奖励公示', startsOn: days(-1), endsOn: days(5), claimIds: [tenantId] });
    expect(notice.statusCode).toBe(201);
    const objected = await t.app.inject({
      method: 'POST',
      url: `/api/public/notices/${notice.json().id}/objections`,
      payload: { claimId: tenantId, text: '该企业并未入驻孵化器' },
    });
    expect(objected.statusCode).toBe(201);
    const resolution = '经核实，入驻协议已于 2024 年底终止';
    const resolved = await chief.post(`/api/objections/${objected.json().id}/resolve`, { status: 'upheld', resolution });
    expect(resolved.statusCode).toBe(200);
    const message = { code: 'objection_upheld', params: { resolution } };
    const detail = (await clerk.get(`/api/claims/${tenantId}`)).json();
    expect(detail).toMatchObject({ status: 'rejected', rejectionReason: null, rejection: message });
    expect(detail.steps.at(-1)).toMatchObject({ step: 'rejected', note: null, message });
    expect(JSON.stringify(detail)).not.toContain('异议成立');
    const mine = (await enterprise.get('/api/my/claims')).json().find((c: { id: string }) => c.id === tenantId);
    expect(mine).toMatchObject({ status: 'rejected', rejectionReason: null, rejection: message });
  });

  it('a higher reward after a lower one was approved: the difference only, the adjustment a code with the committed fen', async () => {
    const days = (n: number) => addDays(clockToday(), n);
    const budget = { year: 2025, fundSource: 'county', policyCode: 'high_tech_new', amountFen: 500_000_00, reason: '2025 年预算' };
    const requested = await clerk.post('/api/ledger/budgets', { ...budget, requestKey: randomUUID() });
    expect((await chief.post(`/api/ledger/budget-requests/${requested.json().transfer.id}/approve`)).statusCode).toBe(200);
    const firm = await makeEnterpriseAgent(t, '500241001', '秀山县补差测试有限公司');
    await grantQualification(clerk, firm.enterpriseId, 'GR202550000999', '2025-04-01');
    const mine = (await firm.agent.get('/api/my/claims')).json();
    const general = mine.find((c: { policyCode: string }) => c.policyCode === 'high_tech_new');
    const tenant = mine.find((c: { policyCode: string }) => c.policyCode === 'tenant_high_tech');
    expect((await clerk.post(`/api/claims/${general.id}/review`, {})).json().status).toBe('reviewed');
    const notice = { title: '高企奖励公示', startsOn: days(-10), endsOn: days(-3), claimIds: [general.id] };
    expect((await clerk.post('/api/notices', notice)).statusCode).toBe(201);
    expect((await chief.post(`/api/claims/${general.id}/approve`)).json().status).toBe('approved');

    const facts = { 'enterprise.incubatorTenant': true };
    const reviewed = (await clerk.post(`/api/claims/${tenant.id}/review`, { facts })).json();
    expect(reviewed).toMatchObject({ status: 'reviewed', amountFen: 50_000_00 });
    expect(reviewed.trace.adjustments).toEqual([
      { kind: 'stacking', fen: 50_000_00, code: 'stacking_difference', params: { committedFen: 100_000_00 } },
    ]);
  });

  it('an application-type policy: apply with a reference, once', async () => {
    await operate('chongqing_brand_first', 50_000_00);
    const body = { policy: 'chongqing_brand_first', reference: '重庆名牌 2025-118', note: '首次认定', checklist: [] };
    const first = await enterprise.post('/api/my/applications', body);
    expect(first.statusCode).toBe(201);
    expect(first.json().status).toBe('applied');
    const again = await enterprise.post('/api/my/applications', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('reference');
    const policies = (await enterprise.get('/api/my/policies')).json();
    expect(policies.map((p: { code: string }) => p.code).sort()).toEqual(['chongqing_brand_first', 'high_tech_new', 'tenant_high_tech']);
    // An enterprise of another county (万州) neither sees Xiushan's policies nor applies for them (issue #12).
    const { agent: wz } = await makeEnterpriseAgent(t, '500101', '万州申报测试有限公司');
    expect((await wz.get('/api/my/policies')).json()).toEqual([]);
    const outside = await wz.post('/api/my/applications', { ...body, reference: '重庆名牌 2025-119' });
    expect(outside.statusCode).toBe(409);
    expect(outside.json().error.code).toBe('claim_outside_policy');
  });
});
