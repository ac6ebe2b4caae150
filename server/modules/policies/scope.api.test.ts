import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/clock.js';
import { today as clockToday } from '../../platform/clock.js';
import { grantQualification, parameterValues } from '../../../test/fixtures/policies.js';
import { agentWith, createTestApp, makeEnterprise, type Agent, type TestContext } from '../../../test/harness.js';
import { rowsOf } from '../../platform/db.js';

/**
 * Issue #12's reproductions for policies, claims, notices, objections, budgets and the ledger: scope (a 万州
 * bureau acts on nothing of Xiushan's; a town's bureau acts on nothing of the county's or of another town's;
 * readers of another county or of one town see nothing outside their subtree) and four eyes (a policy version's
 * approver edited none of it; a budget request is approved by a second person; a claim above the threshold is
 * approved by none of those who reviewed or changed it), each also refused by the database when the service is
 * bypassed.
 */
let t: TestContext;
const users: Record<string, { id: string; agent: Agent }> = {};
let e1: string; // an enterprise in the town 500241001
let e2: string; // an enterprise in the town 500241002
let wzEnt: string; // an enterprise in 万州
const AMOUNT = 99_999_900; // ¥999 999 in fen: above the default threshold of ¥100 000

const rows = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q));
const daysFromToday = (n: number) => addDays(clockToday(), n);
/** A statement run directly against the database (the service bypassed): its error message, or 'ok'. */
const direct = async (q: ReturnType<typeof sql>) => {
  try {
    await t.database.db.execute(q);
    return 'ok';
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return `${err.cause?.message ?? ''} ${err.message ?? ''}`;
  }
};

beforeAll(async () => {
  t = await createTestApp();
  const make = async (name: string, role: 'bureau' | 'leader' | 'auditor' | 'admin', orgUnitCode: string) => {
    const { user, agent } = await agentWith(t, [{ role, orgUnitCode }]);
    users[name] = { id: user.id, agent };
  };
  await make('a', 'bureau', '500241');
  await make('b', 'bureau', '500241');
  await make('c', 'bureau', '500241');
  await make('wz', 'bureau', '500101');
  await make('town', 'bureau', '500241001');
  await make('wzLeader', 'leader', '500101');
  await make('wzAdmin', 'admin', '500101');
  await make('townAuditor', 'auditor', '500241001');
  await make('xsLeader', 'leader', '500241');
  e1 = await makeEnterprise(t, '500241001', '秀山一镇高企有限公司');
  e2 = await makeEnterprise(t, '500241002', '秀山二镇高企有限公司');
  wzEnt = await makeEnterprise(t, '500101', '万州高企有限公司');
});
afterAll(() => t.close());

const A = () => users.a!.agent;
const B = () => users.b!.agent;
const C = () => users.c!.agent;

describe('policy versions: scope and four eyes', () => {
  it('A sets the amount to ¥999 999, B edits only the note, A submits: neither A nor B approves; C does', async () => {
    const v1 = (await A().get('/api/policies/high_tech_new')).json().versions[0];
    const parameters = parameterValues(v1, AMOUNT, { citation: '秀山县科技局 2021 年第 3 号文（测试）' });
    expect((await A().patch('/api/policies/high_tech_new/versions/1', { parameters })).statusCode).toBe(200);
    expect((await B().patch('/api/policies/high_tech_new/versions/1', { note: '只改了备注' })).statusCode).toBe(200);
    // A bureau user of one town acts on nothing of the county's policy.
    const town = users.town!.agent;
    for (const res of [
      await town.patch('/api/policies/high_tech_new/versions/1', { note: '镇里改的' }),
      await town.post('/api/policies/high_tech_new/versions/1/submit'),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden_scope');
    }
    expect((await A().post('/api/policies/high_tech_new/versions/1/submit')).json().status).toBe('pending');
    for (const who of [A(), B(), town]) {
      const res = await who.post('/api/policies/high_tech_new/versions/1/approve');
      expect(res.statusCode).toBe(403);
    }
    const refused = await A().post('/api/policies/high_tech_new/versions/1/approve');
    expect(refused.json().error.code).toBe('policy_four_eyes');
    expect((await users.wz!.agent.post('/api/policies/high_tech_new/versions/1/approve')).json().error.code).toBe('forbidden_scope');
    const v = (await A().get('/api/policies/high_tech_new')).json().versions[0];
    expect(v.status).toBe('pending');
    expect(v.editors.sort()).toEqual([users.a!.id, users.b!.id].sort());
    expect((await C().post('/api/policies/high_tech_new/versions/1/approve')).json().status).toBe('approved');
  });

  it('the database refuses an approval by an editor and an edit that names no editor, the service bypassed', async () => {
    const v2 = (await A().post('/api/policies/high_tech_new/versions')).json();
    expect(v2.version).toBe(2);
    expect((await A().patch('/api/policies/high_tech_new/versions/2', { note: 'A 的修改' })).statusCode).toBe(200);
    expect((await A().post('/api/policies/high_tech_new/versions/2/submit')).statusCode).toBe(200);
    const approveByA = await direct(
      sql`update policy_versions set status = 'approved', approved_by = ${users.a!.id}, approved_at = now() where id = ${v2.id}`,
    );
    expect(approveByA).toContain('four eyes');
    // Back to draft (a rejection), then a content change naming nobody, and an attempt to drop an editor.
    await direct(sql`update policy_versions set status = 'draft' where id = ${v2.id}`);
    expect(await direct(sql`update policy_versions set note = 'unnamed' where id = ${v2.id}`)).toContain('names its editor');
    expect(await direct(sql`update policy_versions set editors = '{}' where id = ${v2.id}`)).toContain('never removed');
    const [row] = await rows<{ status: string; note: string; editors: string[] | string }>(
      sql`select status, note, editors from policy_versions where id = ${v2.id}`,
    );
    expect(row!.note).toBe('A 的修改');
    expect(String(row!.editors)).toContain(users.a!.id);
  });
});

describe('budgets: scope, catalogue and four eyes', () => {
  const budget = (policyCode: string, extra: Record<string, unknown> = {}) => ({
    year: 2025,
    fundSource: 'county',
    policyCode,
    amountFen: 500_000_000,
    reason: '2025 年预算',
    requestKey: randomUUID(),
    ...extra,
  });
  const accountCount = async () => Number((await rows<{ n: string }>(sql`select count(*)::text as n from ledger_accounts`))[0]!.n);

  it('a 万州 bureau user cannot open a budget for a Xiushan policy; nothing is opened', async () => {
    const before = await accountCount();
    const res = await users.wz!.agent.post('/api/ledger/budgets', budget('high_tech_new'));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden_scope');
    const town = await users.town!.agent.post('/api/ledger/budgets', budget('high_tech_new'));
    expect(town.statusCode).toBe(403);
    expect(await accountCount()).toBe(before);
  });

  it('an unknown policy code, a fund source outside the catalogue and absurd amounts are 400s naming the field', async () => {
    const before = await accountCount();
    const unknown = await A().post('/api/ledger/budgets', budget('no_such_policy'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'ledger_unknown_policy', field: 'policyCode' });
    const injected = await A().post('/api/ledger/budgets', budget('high_tech_new', { fundSource: "x'); drop table users;--" }));
    expect(injected.statusCode).toBe(400);
    expect(injected.json().error.field).toBe('fundSource');
    for (const amountFen of [-5, 0, 1e15]) {
      const res = await A().post('/api/ledger/budgets', budget('high_tech_new', { amountFen }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('amountFen');
      expect(res.json().error.message).toContain('100 000 000 000');
    }
    expect(await accountCount()).toBe(before);
    expect((await rows(sql`select 1 from users limit 1`)).length).toBe(1);
  });

  it('a budget request adds nothing until a second person approves it; the database refuses the requester', async () => {
    const req = await A().post('/api/ledger/budgets', budget('high_tech_new', { amountFen: 1_000_000_000 }));
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ status: 'pending', budget: { availableFen: 0, requestedFen: 1_000_000_000 } });
    const id = req.json().transfer.id as number;
    const listed = (await B().get('/api/ledger/budget-requests?status=pending')).json();
    expect(listed.find((r: { id: number }) => r.id === id)).toMatchObject({ requestedBy: users.a!.id, status: 'pending' });
    // Not visible to 万州, not decidable by 万州.
    expect((await users.wz!.agent.get('/api/ledger/budget-requests')).json().find((r: { id: number }) => r.id === id)).toBeUndefined();
    expect((await users.wz!.agent.post(`/api/ledger/budget-requests/${id}/approve`)).statusCode).toBe(403);

    const self = await A().post(`/api/ledger/budget-requests/${id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('ledger_budget_four_eyes');
    // Bypassing the service: the requester's own posting, and a one-step funding by a person, are refused.
    const [r] = await rows<{ d: string; c: string; amount: string }>(
      sql`select debit_account_id::text as d, credit_account_id::text as c, amount::text from ledger_transfers where id = ${id}`,
    );
    const selfPost =
      await direct(sql`insert into ledger_transfers (idempotency_key, content_hash, debit_account_id, credit_account_id, amount, kind, pending_id, created_by)
      values ('bypass:self', 'x', ${r!.d}::bigint, ${r!.c}::bigint, ${r!.amount}::bigint, 'post_pending', ${id}, ${users.a!.id})`);
    expect(selfPost).toContain('four eyes');
    const oneStep =
      await direct(sql`insert into ledger_transfers (idempotency_key, content_hash, debit_account_id, credit_account_id, amount, kind, created_by)
      values ('bypass:onestep', 'x', ${r!.d}::bigint, ${r!.c}::bigint, 100, 'posted', ${users.a!.id})`);
    expect(oneStep).toContain('second person');

    const ok = await B().post(`/api/ledger/budget-requests/${id}/approve`);
    expect(ok.json()).toMatchObject({ status: 'approved', budget: { availableFen: 1_000_000_000, requestedFen: 0 } });
    expect((await C().post(`/api/ledger/budget-requests/${id}/reject`, { reason: '太晚了' })).statusCode).toBe(409);
    expect((await users.xsLeader!.agent.get('/api/ledger/verify')).json().ok).toBe(true);
  });
});

// The claims, notice and objection tests share these, in file order.
let c1: string;
let c2: string;
let noticeId: string;
const claimOf = async (enterpriseId: string) =>
  (await A().get('/api/claims')).json().find((c: { enterpriseId: string }) => c.enterpriseId === enterpriseId);

describe('claims, notices and objections: scope', () => {
  it('matching creates claims only for enterprises inside the policy owner’s subtree', async () => {
    for (const [who, ent, no] of [
      [A(), e1, 'GR202550000001'],
      [A(), e2, 'GR202550000002'],
      [users.wz!.agent, wzEnt, 'GR202550000003'],
    ] as const)
      await grantQualification(who, ent, no, '2025-06-01');
    c1 = (await claimOf(e1)).id;
    c2 = (await claimOf(e2)).id;
    expect((await claimOf(e1)).amountFen).toBe(AMOUNT);
    expect(await rows(sql`select id from claims where enterprise_id = ${wzEnt}`)).toEqual([]);
  });

  it('万州 and a town’s bureau review nothing outside their subtree; nothing changes', async () => {
    for (const [who, id] of [
      [users.wz!.agent, c1],
      [users.town!.agent, c1], // the town's own enterprise, but the county's policy
      [users.town!.agent, c2], // another town
    ] as const) {
      const res = await who.post(`/api/claims/${id}/review`, { note: '越权' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden_scope');
      expect((await who.post(`/api/claims/${id}/reject`, { reason: '越权驳回' })).statusCode).toBe(403);
    }
    expect((await claimOf(e1)).status).toBe('matched');
    expect((await claimOf(e2)).status).toBe('matched');
    expect((await A().post(`/api/claims/${c1}/review`, { note: '证书核验无误' })).json().status).toBe('reviewed');
    expect((await A().post(`/api/claims/${c2}/review`, { note: '证书核验无误' })).json().status).toBe('reviewed');
  });

  it('万州 cannot publish a notice of Xiushan claims (even with past dates); the county can', async () => {
    const body = { title: '2025 年高企奖励公示', startsOn: daysFromToday(-10), endsOn: daysFromToday(-3), claimIds: [c1, c2] };
    const noticesBefore = await rows(sql`select id from notices`);
    const refused = await users.wz!.agent.post('/api/notices', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden_scope');
    expect((await users.town!.agent.post('/api/notices', body)).statusCode).toBe(403);
    expect((await claimOf(e1)).status).toBe('reviewed');
    expect(await rows(sql`select id from notices`)).toEqual(noticesBefore);
    const notice = await B().post('/api/notices', body);
    expect(notice.statusCode).toBe(201);
    noticeId = notice.json().id;
    expect(notice.json().orgUnitCode).toBe('500241');
  });

  it('objections of the county’s notice are resolved by the county only', async () => {
    const [o] = await rows<{ id: string }>(
      sql`insert into objections (notice_id, claim_id, text) values (${noticeId}, ${c2}, '该企业不在本县经营') returning id`,
    );
    for (const who of [users.wz!.agent, users.town!.agent]) {
      const res = await who.post(`/api/objections/${o!.id}/resolve`, { status: 'upheld', resolution: '越权处理' });
      expect(res.statusCode).toBe(403);
    }
    expect((await rows<{ status: string }>(sql`select status from objections where id = ${o!.id}`))[0]!.status).toBe('open');
    expect((await C().post(`/api/objections/${o!.id}/resolve`, { status: 'dismissed', resolution: '经核实在本县经营' })).statusCode).toBe(
      200,
    );
    expect((await claimOf(e2)).status).toBe('in_notice');
  });
});

describe('claim approvals and payments: scope and four eyes above the threshold', () => {
  it('above ¥100 000 neither the reviewer nor the notice’s publisher approves; 万州 and the town approve nothing', async () => {
    const reviewer = await A().post(`/api/claims/${c1}/approve`);
    expect(reviewer.statusCode).toBe(403);
    const publisher = await B().post(`/api/claims/${c1}/approve`);
    expect(publisher.statusCode).toBe(403);
    expect(publisher.json().error.code).toBe('claim_four_eyes_threshold');
    // The service passes the fen; the message formatter writes them as yuan in the reader's language.
    expect(publisher.json().error.message).toContain('100,000.00');
    for (const who of [users.wz!.agent, users.town!.agent]) {
      const res = await who.post(`/api/claims/${c1}/approve`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden_scope');
    }
    expect((await claimOf(e1)).status).toBe('in_notice');
    // Bypassing the service: the database refuses the publisher's approval too.
    expect(
      await direct(sql`update claims set status = 'approved', approved_by = ${users.b!.id}, approved_at = now() where id = ${c1}`),
    ).toContain('four eyes');
    expect(await direct(sql`update claims set editors = '{}' where id = ${c1}`)).toContain('never removed');
    expect((await C().post(`/api/claims/${c1}/approve`)).json().status).toBe('approved');
  });

  it('the threshold is the installation’s: raised above the amount, the publisher (not the reviewer) may approve', async () => {
    await t.database.db.execute(sql`update kc_settings set value = 1000000000 where key = 'claim_four_eyes_above_fen'`);
    try {
      expect((await A().post(`/api/claims/${c2}/approve`)).json().error.code).toBe('claim_four_eyes');
      expect((await B().post(`/api/claims/${c2}/approve`)).json().status).toBe('approved');
    } finally {
      await t.database.db.execute(sql`update kc_settings set value = 10000000 where key = 'claim_four_eyes_above_fen'`);
    }
  });

  it('万州 cannot pay a Xiushan claim: 403, the ledger unchanged; the county pays it', async () => {
    const snapshot = () =>
      rows(sql`select code, debits_pending, debits_posted, credits_pending, credits_posted from ledger_accounts order by id`);
    const transfers = () => rows(sql`select count(*)::int as n from ledger_transfers`);
    const before = [await snapshot(), await transfers()];
    const [posted] = await rows<{ id: string }>(sql`select id::text from ledger_transfers where kind = 'post_pending' order by id limit 1`);
    for (const who of [users.wz!.agent, users.town!.agent]) {
      const res = await who.post(`/api/claims/${c1}/pay`);
      expect(res.statusCode).toBe(403);
      // Nor reverse the county's budget funding.
      const reverse = await who.post(`/api/ledger/transfers/${posted!.id}/reverse`, { reason: '越权冲正' });
      expect(reverse.statusCode).toBe(403);
    }
    expect([await snapshot(), await transfers()]).toEqual(before);
    expect((await claimOf(e1)).status).toBe('approved');
    expect((await A().post(`/api/claims/${c1}/pay`)).json()).toMatchObject({ status: 'paid', replayed: false });
  });

  it('leaders, auditors and admins of another county or of one town see nothing outside their subtree', async () => {
    const wzLeader = users.wzLeader!.agent;
    const wzAdmin = users.wzAdmin!.agent;
    const townAuditor = users.townAuditor!.agent;
    for (const who of [wzLeader, wzAdmin]) {
      expect((await who.get('/api/claims')).json()).toEqual([]);
      expect((await who.get(`/api/claims/${c1}`)).statusCode).toBe(403);
      expect((await who.get('/api/notices')).json()).toEqual([]);
      expect((await who.get(`/api/notices/${noticeId}`)).statusCode).toBe(403);
      const accounts = (await who.get('/api/ledger/accounts')).json() as { code: string }[];
      expect(accounts.filter((a) => a.code.includes('high_tech_new') || a.code.includes(e1) || a.code.includes(e2))).toEqual([]);
      expect((await who.get('/api/policies')).json().find((p: { code: string }) => p.code === 'high_tech_new')).toBeUndefined();
      expect((await who.get('/api/policies/high_tech_new')).statusCode).toBe(403);
    }
    // One town's auditor: the claims of the town's enterprises only; not the county's notice; not another town's payable.
    const claims = (await townAuditor.get('/api/claims')).json() as { id: string }[];
    expect(claims.map((c) => c.id)).toEqual([c1]);
    expect((await townAuditor.get(`/api/claims/${c2}`)).statusCode).toBe(403);
    expect((await townAuditor.get(`/api/claims/${c1}`)).statusCode).toBe(200);
    expect((await townAuditor.get('/api/notices')).json()).toEqual([]);
    const accounts = (await townAuditor.get('/api/ledger/accounts')).json() as { id: number; code: string }[];
    expect(accounts.some((a) => a.code === `payable:${e1}`)).toBe(true);
    expect(accounts.some((a) => a.code === `payable:${e2}`)).toBe(false);
    // The county's budget is shared down (read), its transfers to the other town's payable are not listed.
    const budget = accounts.find((a) => a.code === 'budget:2025:county:high_tech_new')!;
    const seen = (await townAuditor.get(`/api/ledger/accounts/${budget.id}/transfers`)).json() as { claimId: string | null }[];
    expect(seen.some((x) => x.claimId === c1)).toBe(true);
    expect(seen.some((x) => x.claimId === c2)).toBe(false);
    const [payable2] = await rows<{ id: string }>(sql`select id::text from ledger_accounts where code = ${`payable:${e2}`}`);
    expect((await townAuditor.get(`/api/ledger/accounts/${payable2!.id}/transfers`)).statusCode).toBe(403);
    expect((await wzLeader.get(`/api/ledger/accounts/${budget.id}/transfers`)).statusCode).toBe(403);
    // The county's own leader sees all of it.
    expect(((await users.xsLeader!.agent.get('/api/claims')).json() as { id: string }[]).map((c) => c.id).sort()).toEqual([c1, c2].sort());
  });
});
