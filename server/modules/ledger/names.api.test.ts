import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerAccount } from '../../../common/contracts/ledger.js';
import { makeCall } from '../../../test/fixtures/projects.js';
import { agentWith, createTestApp, makeEnterprise, type Agent, type TestContext } from '../../../test/harness.js';
import { ledgerAccounts } from '../../db/schema/ledger.js';
import { policies } from '../../db/schema/policies.js';
import { systemContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { accountSpecs, ensureAccount, fundBudget } from './index.js';

/**
 * Accounts are named by codes and parameters the web renders (issue #13), and each belongs to the unit of what it
 * is for — its policy's or call's, its enterprise's — found through the owners (policies, projects, the registry's
 * read view), never by reading their tables.
 */
let t: TestContext;
let db: Db;
let auditor: Agent;
const ctx = systemContext('test');
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  auditor = (await agentWith(t, [{ role: 'auditor', orgUnitCode: '500000' }])).agent;
});
afterAll(() => t.close());

const unitOf = async (code: string) =>
  (await db.select({ u: ledgerAccounts.orgUnitCode }).from(ledgerAccounts).where(eq(ledgerAccounts.code, code)))[0]?.u;

describe('ledger account names', () => {
  it('answers every kind of account with its name as a code and parameters, no composed text', async () => {
    const [policy] = await db.select().from(policies).where(eq(policies.code, 'rd_increment'));
    const enterpriseId = await makeEnterprise(t, '500241001', '名字测试科技有限公司');
    await db.transaction(async (tx) => {
      await fundBudget(tx, ctx, {
        year: 2031,
        source: 'municipal',
        policyCode: 'rd_increment',
        amount: 500,
        key: 'names:fund',
        reason: 'test',
      });
      await ensureAccount(tx, accountSpecs.paid(2031, 'municipal', 'rd_increment'));
      await ensureAccount(tx, accountSpecs.payable(enterpriseId, '名字测试科技有限公司'));
    });
    const year = (await auditor.get('/api/ledger/accounts?year=2031')).json() as LedgerAccount[];
    const payable = (await auditor.get(`/api/ledger/accounts?enterprise=${enterpriseId}`)).json() as LedgerAccount[];
    const byKind = Object.fromEntries([...year, ...payable].map((a) => [a.kind, a]));
    const unit = policy!.regionCode;
    expect(byKind.funding!.name).toEqual({ kind: 'funding', year: 2031, source: 'municipal', unitCode: unit });
    expect(byKind.budget!.name).toEqual({ kind: 'budget', year: 2031, source: 'municipal', policyCode: 'rd_increment' });
    expect(byKind.paid!.name).toEqual({ kind: 'paid', year: 2031, source: 'municipal', policyCode: 'rd_increment' });
    expect(byKind.payable!.name).toEqual({ kind: 'payable', holder: '名字测试科技有限公司' });
    for (const a of Object.values(byKind)) {
      expect(a).not.toHaveProperty('nameZh');
      expect(a).not.toHaveProperty('holderName');
    }
  });

  it("opens accounts in their owner's unit: the policy's, the budget's for its paid-out account, the enterprise's", async () => {
    const [policy] = await db.select().from(policies).where(eq(policies.code, 'rd_increment'));
    const enterpriseId = await makeEnterprise(t, '500241001');
    await db.transaction(async (tx) => {
      await fundBudget(tx, ctx, {
        year: 2032,
        source: 'county',
        policyCode: 'rd_increment',
        amount: 500,
        key: 'units:fund',
        reason: 'test',
      });
      await ensureAccount(tx, accountSpecs.paid(2032, 'county', 'rd_increment'));
      await ensureAccount(tx, accountSpecs.payable(enterpriseId, '某企业'));
    });
    expect(await unitOf('budget:2032:county:rd_increment')).toBe(policy!.regionCode);
    expect(await unitOf(`funding:2032:county:${policy!.regionCode}`)).toBe(policy!.regionCode);
    expect(await unitOf('paid:2032:county:rd_increment')).toBe(policy!.regionCode);
    expect(await unitOf(`payable:${enterpriseId}`)).toBe('500241001');
  });

  it("finds a call's budget in the call's region, and refuses a code nobody owns", async () => {
    const clerk = (await agentWith(t, ['bureau'])).agent;
    const call = await makeCall(clerk, { code: 'NAMES-2031-01' });
    const request = (policyCode: string) =>
      clerk.post('/api/ledger/budgets', {
        year: 2031,
        fundSource: 'county',
        policyCode,
        amountFen: 100,
        reason: '项目经费',
        requestKey: crypto.randomUUID(),
      });
    const requested = await request(`call_${call.code}`);
    expect(requested.statusCode, requested.body).toBe(201);
    expect(requested.json().budget.name).toEqual({ kind: 'budget', year: 2031, source: 'county', policyCode: `call_${call.code}` });
    expect(await unitOf(`budget:2031:county:call_${call.code}`)).toBe(call.regionCode);
    const unknown = await request('no_such_policy');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'ledger_unknown_policy', field: 'policyCode' } });
  });
});
