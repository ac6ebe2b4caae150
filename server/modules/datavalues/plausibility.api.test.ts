import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';

/** Issue #14 (3): four eyes on official figures, the clerk's side — plausibility, the 上年值, who approves. */
let t: TestContext;
let clerk: Agent; // bureau clerk A
let colleague: Agent; // bureau clerk B
let colleagueName: string;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  const b = await agentWith(t, ['bureau']);
  colleague = b.agent;
  colleagueName = b.user.displayName;
  planId = (await colleague.get('/api/plans')).json()[0].id;
});
afterAll(() => t.close());

const gdp = (period: string, value: number) => ({ dataElement: 'gdp', orgUnit: '500241', period, value });
const history = async (k: { dataElement: string; orgUnit: string; period: string }) =>
  (await clerk.get(`/api/data-values/history?dataElement=${k.dataElement}&orgUnit=${k.orgUnit}&period=${k.period}`)).json();
const gridRow = async (agent: Agent, code: string, year: number, orgUnit = '500241') => {
  const grid = (await agent.get(`/api/data-entry/grid?orgUnit=${orgUnit}&year=${year}&plan=${planId}`)).json();
  return { grid, row: grid.rows.find((r: { dataElement: { code: string } }) => r.dataElement.code === code) };
};

describe('plausibility warnings before saving', () => {
  it('a 万元 figure typed into the 亿元 GDP field is refused without confirmation, naming the likely unit; nothing is saved', async () => {
    const res = await clerk.post('/api/data-values', { values: [gdp('2025', 3_020_000)], action: 'submit' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('dv_implausible');
    expect(res.json().error.details.warnings).toEqual([
      expect.objectContaining({
        index: 0,
        field: 'values.0.value',
        code: 'dv_wrong_unit',
        dataElement: 'gdp',
        value: 3_020_000,
        unit: '亿元',
        // No figures for 2021–2024: the latest earlier year's, the plan's official 2020 GDP.
        previous: { period: '2020', value: 301.27, status: 'approved' },
        likelyUnit: '万元',
        corrected: 302,
      }),
    ]);
    expect(await history(gdp('2025', 0))).toEqual([]);
    // The corrected figure needs no confirmation.
    const ok = await clerk.post('/api/data-values', { values: [gdp('2025', 302)], action: 'submit' });
    expect(ok.json()).toMatchObject({ saved: 1, values: [{ value: 302, status: 'submitted' }] });
  });

  it('a change beyond the factor (10 by default) warns; confirmWarnings saves it; a value in range needs nothing', async () => {
    const key = { dataElement: 'patents_granted', orgUnit: '500241001', period: '2024' };
    expect((await clerk.post('/api/data-values', { values: [{ ...key, period: '2023', value: 8 }] })).statusCode).toBe(200);
    const jump = await clerk.post('/api/data-values', { values: [{ ...key, value: 100 }] });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().error.details.warnings[0]).toMatchObject({ code: 'dv_jump', ratio: 12.5, factor: 10, previous: { period: '2023' } });
    expect(await history(key)).toEqual([]);
    const confirmed = await clerk.post('/api/data-values', { values: [{ ...key, value: 100 }], confirmWarnings: true });
    expect(confirmed.json()).toMatchObject({ saved: 1 });
    expect((await clerk.post('/api/data-values', { values: [{ ...key, period: '2025', value: 120 }] })).statusCode).toBe(200);
  });

  it('a magnitude no county reports warns even without an earlier value; one bad row blocks the whole batch', async () => {
    const res = await clerk.post('/api/data-values', {
      values: [
        { dataElement: 'patents_granted', orgUnit: '500241002', period: '2031', value: 12 },
        { dataElement: 'rd_expenditure', orgUnit: '500241002', period: '2031', value: 3e9 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.warnings).toEqual([
      expect.objectContaining({ index: 1, code: 'dv_magnitude', unit: '万元', typicalMax: 1e9, previous: null }),
    ]);
    expect(await history({ dataElement: 'patents_granted', orgUnit: '500241002', period: '2031' })).toEqual([]);
  });

  it('for a quarter, the same quarter of an earlier year is the comparison, also within one batch', async () => {
    const q = (period: string, value: number) => ({ dataElement: 'patents_granted', orgUnit: '500241003', period, value });
    const res = await clerk.post('/api/data-values', { values: [q('2024Q3', 10), q('2025Q2', 900), q('2025Q3', 500)] });
    expect(res.statusCode).toBe(409);
    const warnings = res.json().error.details.warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ index: 2, code: 'dv_jump', ratio: 50, previous: { period: '2024Q3', value: 10 } });
  });
});

describe('the entry grid: the 上年值, who approves, and no approving one’s own values', () => {
  it('shows the latest earlier year’s value beside every entry, the approvers by name, and hides one’s own values from approval', async () => {
    const { grid, row } = await gridRow(clerk, 'gdp', 2025);
    expect(row.previous).toEqual({ period: '2020', value: 301.27, status: 'approved' });
    expect(row.current).toMatchObject({ value: 302, status: 'submitted' });
    expect(grid.fourEyes).toBe(true);
    expect(grid.approvers.map((a: { displayName: string }) => a.displayName)).toContain(colleagueName);
    expect(row).toMatchObject({ mine: true, approvable: false });
    const seen = await gridRow(colleague, 'gdp', 2025);
    expect(seen.row).toMatchObject({ mine: false, approvable: true });
    // The server refuses what the page hides.
    const own = await clerk.post('/api/data-values/approve', { keys: [gdp('2025', 0)].map(({ value: _v, ...k }) => k) });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('dv_four_eyes');
  });

  it('approval changes exactly the listed values, and the colleague may approve what the clerk entered', async () => {
    const k = (orgUnit: string) => ({ dataElement: 'tech_enterprises', orgUnit, period: '2026' });
    const values = ['500241001', '500241002', '500241003'].map((ou) => ({ ...k(ou), value: 5 }));
    const saved = await clerk.post('/api/data-values', { values, action: 'submit' });
    expect(saved.json().error).toBeUndefined();
    const res = await colleague.post('/api/data-values/approve', { keys: [k('500241001'), k('500241003')] });
    expect(res.json()).toEqual({ changed: 2 });
    expect((await history(k('500241001')))[0].status).toBe('approved');
    expect((await history(k('500241002')))[0].status).toBe('submitted');
    expect((await history(k('500241003')))[0].status).toBe('approved');
    // An empty list approves nothing: there is no "approve everything pending".
    expect((await colleague.post('/api/data-values/approve', { keys: [] })).statusCode).toBe(400);
    const after = await gridRow(clerk, 'tech_enterprises', 2026, '500241001');
    expect(after.row).toMatchObject({ mine: false, approvable: false, current: { status: 'approved' } });
  });
});
