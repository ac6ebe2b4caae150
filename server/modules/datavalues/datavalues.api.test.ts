import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db.js';
import { agentWith, createTestApp, login, type Agent, type TestContext } from '../../../test/harness.js';

let t: TestContext;
let bureau: Agent;
let dept: Agent; // department of one town
let leader: Agent;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  bureau = (await agentWith(t, ['bureau'])).agent;
  dept = (await agentWith(t, [{ role: 'department', orgUnitCode: '500241001' }])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
  planId = (await leader.get('/api/plans')).json()[0].id;
});
afterAll(() => t.close());

const v = (dataElement: string, orgUnit: string, period: string, value: number, extra: Record<string, unknown> = {}) => ({
  dataElement,
  orgUnit,
  period,
  value,
  ...extra,
});
const values = async (code: string, orgUnit = '500241') => (await leader.get(`/api/indicators/${code}/values?orgUnit=${orgUnit}`)).json();

describe('POST /api/data-values', () => {
  it('401, 400 naming the row and field, 403 outside the scope', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/data-values', payload: { values: [] } })).statusCode).toBe(401);
    expect((await bureau.post('/api/data-values', { values: [v('gdp', '500241', '2023x', 1)] })).json().error.field).toBe(
      'values.0.period',
    );
    expect((await leader.post('/api/data-values', { values: [v('gdp', '500241', '2023', 1)] })).statusCode).toBe(403);
    expect((await dept.post('/api/data-values', { values: [v('gdp', '500241002', '2023', 1)] })).statusCode).toBe(403);
  });

  it('a department limited to the data elements it reports cannot write others', async () => {
    const admin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }])).agent;
    const unknown = await admin.post('/api/users', {
      username: 'stats_bureau_x',
      displayName: '统计局',
      roles: [{ role: 'department', orgUnitCode: '500241', dataElements: ['gdp', 'no_such'] }],
    });
    expect(unknown.json().error).toMatchObject({ code: 'dv_unknown_data_element', field: 'roles.0.dataElements' });
    const created = await admin.post('/api/users', {
      username: 'stats_bureau',
      displayName: '县统计局',
      password: 'Stats-bureau-pass-1',
      roles: [{ role: 'department', orgUnitCode: '500241', dataElements: ['gdp', 'employed_persons'] }],
    });
    expect(created.json().user.roles[0].dataElements).toEqual(['employed_persons', 'gdp']);
    // A password chosen by an administrator must be changed first; this test is about the grant, not that.
    await t.database.db.execute(sql`update users set must_change_password = false where username = 'stats_bureau'`);
    const stats = await login(t, 'stats_bureau', 'Stats-bureau-pass-1');
    expect((await stats.post('/api/data-values', { values: [v('gdp', '500241', '2022', 280)] })).statusCode).toBe(200);
    const other = await stats.post('/api/data-values', { values: [v('patents_granted', '500241', '2022', 280)] });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain('patents_granted');
    const grid = (await stats.get('/api/data-entry/grid?orgUnit=500241&year=2022')).json();
    const editable = grid.rows
      .filter((r: { editable: boolean }) => r.editable)
      .map((r: { dataElement: { code: string } }) => r.dataElement.code);
    expect(editable.sort()).toEqual(['employed_persons', 'gdp']);
  });

  it('is all-or-nothing: one bad row and nothing is saved, every problem listed', async () => {
    const res = await bureau.post('/api/data-values', {
      values: [
        v('tech_enterprises', '500241001', '2022', 40),
        v('tech_enterprises', '500241002', '2022', -3),
        v('no_such_element', '500241003', '2022', 1),
        v('park_tech_enterprises', '500241P01', '2022', 5),
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'values.1.value', message: '字段“第 2 项的数值”：-3 超出合理范围（0 ~ 1000000000 家）' },
      { field: 'values.2.dataElement', message: '字段“第 3 项的数据元素”：数据元素“no_such_element”不存在' },
    ]);
    const hist = await bureau.get('/api/data-values/history?dataElement=tech_enterprises&orgUnit=500241001&period=2022');
    expect(hist.json()).toEqual([]);
  });

  it('saves drafts; submit and approve lock them; a correction needs a reason and keeps the history', async () => {
    const key = { dataElement: 'patents_granted', orgUnit: '500241001', period: '2022' };
    expect((await dept.post('/api/data-values', { values: [{ ...key, value: 30 }] })).json()).toMatchObject({
      saved: 1,
      values: [{ status: 'draft', version: 1 }],
    });
    expect((await dept.post('/api/data-values/approve', { keys: [key] })).statusCode).toBe(403);
    expect((await dept.post('/api/data-values/submit', { keys: [key] })).json()).toEqual({ changed: 1 });
    expect((await dept.post('/api/data-values/submit', { keys: [key] })).json().error.code).toBe('dv_bad_status');
    expect((await bureau.post('/api/data-values/approve', { keys: [key] })).json()).toEqual({ changed: 1 });
    const locked = await dept.post('/api/data-values', { values: [{ ...key, value: 31 }] });
    expect(locked.json().error).toMatchObject({ code: 'dv_locked', field: 'values.0.reason' });
    const same = await dept.post('/api/data-values', { values: [{ ...key, value: 30 }] });
    expect(same.json()).toMatchObject({ saved: 0, unchanged: 1 });
    const fix = await dept.post('/api/data-values', { values: [{ ...key, value: 31, reason: '统计局反馈漏报 1 件' }], action: 'submit' });
    expect(fix.json().values[0]).toMatchObject({ version: 2, status: 'submitted', reason: '统计局反馈漏报 1 件' });
    const history = (await leader.get(`/api/data-values/history?dataElement=patents_granted&orgUnit=500241001&period=2022`)).json();
    expect(
      history.map((h: { version: number; status: string; current: boolean; value: number }) => [h.version, h.status, h.current, h.value]),
    ).toEqual([
      [2, 'submitted', true, 31],
      [1, 'approved', false, 30],
    ]);
    const audit = (
      await (await agentWith(t, ['auditor'])).agent.get('/api/audit?entity=data_value&entityId=patents_granted|500241001|2022')
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['correct', 'approve', 'submit', 'save']);
  });

  it('the database itself refuses to change or delete an approved value', async () => {
    const reason = (q: ReturnType<typeof sql>) =>
      t.database.db.execute(q).then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await reason(sql`update data_values set value = value + 1 where status = 'approved' and data_element_code = 'gdp'`)).toMatch(
      /locked: UPDATE rejected/,
    );
    expect(await reason(sql`delete from data_values where status = 'approved'`)).toMatch(/locked: DELETE rejected/);
  });
});

describe('indicator engine through the API', () => {
  it('aggregates towns into the county as a ratio of sums, and explains a zero denominator', async () => {
    await bureau.post('/api/data-values', {
      values: [
        v('rd_expenditure', '500241001', '2023', 3000),
        v('gdp', '500241001', '2023', 60),
        v('rd_expenditure', '500241002', '2023', 1000),
        v('gdp', '500241002', '2023', 140),
        v('rd_expenditure', '500241003', '2023', 5),
        v('gdp', '500241003', '2023', 0),
      ],
      action: 'submit',
    });
    // (3000 + 1000 + 5) / ((60 + 140 + 0) × 10000) × 100 = 0.20025 %, not the mean of the towns' ratios
    const county = (await values('T1-02')).values.find((x: { year: number }) => x.year === 2023);
    expect(county.value).toBeCloseTo(0.20025, 10);
    expect(county.inputs).toEqual({ rd_expenditure: 4005, gdp: 200 });
    const town = (await values('T1-02', '500241003')).values.find((x: { year: number }) => x.year === 2023);
    expect(town).toMatchObject({ value: null, reason: 'zero_denominator' });
    // 2020 uses the county's own official figures (not a sum of towns): the plan's district tables give R&D
    // 3 005 万元 and GDP 301.27 亿元 (its prose rounds GDP to 300), so 0.0997 %, published as 0.10 %.
    const y2020 = (await values('T1-02')).values.find((x: { year: number }) => x.year === 2020);
    expect(y2020.inputs).toEqual({ rd_expenditure: 3005, gdp: 301.27 });
    expect(y2020.value).toBeCloseTo(0.09974, 5);
  });

  it('GET /api/indicators/:code/values: 401, 400, 403 outside the scope, 404 unknown', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/indicators/T1-02/values' })).statusCode).toBe(401);
    expect((await leader.get('/api/indicators/T1-02/values?from=abc')).statusCode).toBe(400);
    expect((await dept.get('/api/indicators/T1-02/values?orgUnit=500241002')).statusCode).toBe(403);
    expect((await dept.get('/api/indicators/T1-02/values?orgUnit=500241001')).statusCode).toBe(200);
    expect((await leader.get('/api/indicators/T9-99/values')).statusCode).toBe(404);
    expect((await leader.get('/api/indicators/T1-02/values?orgUnit=500242')).json().error.code).toBe('analytics_unit_outside_plan');
  });

  it('progress: 科技型企业 212 (2020) → 400 (2025); 300 in 2023 needs acceleration (CR 0.906)', async () => {
    await bureau.post('/api/data-values', { values: [v('tech_enterprises', '500241', '2023', 300)], action: 'submit' });
    const list = (await leader.get(`/api/plans/${planId}/indicators?year=2023`)).json();
    const te = list.find((i: { code: string }) => i.code === 'T1-05');
    expect(te.baseline).toMatchObject({ year: 2020, value: 212 });
    expect(te.latest).toEqual({ year: 2023, value: 300, unapproved: true });
    expect(te.progress.status).toBe('needs_acceleration');
    expect(te.progress.cagrActual).toBeCloseTo((300 / 212) ** (1 / 3) - 1, 10);
    expect(te.progress.cagrRequired).toBeCloseTo((400 / 212) ** (1 / 5) - 1, 10);
    expect(te.progress.ratio).toBeCloseTo(0.9058, 3);
    expect(te.progress.projection).toMatchObject({ year: 2025, method: 'compound_growth', extrapolation: true });
    // Approved-only view ignores the unapproved submission.
    const approvedOnly = (await leader.get(`/api/plans/${planId}/indicators?year=2023&approvedOnly=true`)).json();
    expect(approvedOnly.find((i: { code: string }) => i.code === 'T1-05').latest.year).toBe(2020);
  });

  it('the dashboard reflects a change on the very next request', async () => {
    const before = (await leader.get(`/api/plans/${planId}/dashboard?year=2024`)).json();
    expect(before.cards).toHaveLength(10);
    const card = (d: { cards: { code: string; latest: { year: number; value: number } | null }[] }) =>
      d.cards.find((c) => c.code === 'T1-10')!;
    expect(card(before).latest!.year).toBeLessThan(2024);
    await bureau.post('/api/data-values', { values: [v('patents_granted', '500241', '2024', 260)], action: 'submit' });
    const after = (await leader.get(`/api/plans/${planId}/dashboard?year=2024`)).json();
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(card(after).latest).toMatchObject({ year: 2024, value: 260 });
    expect(Object.values(after.summary).reduce((a: number, b) => a + (b as number), 0)).toBe(10);
    expect(after.keyTasks.length).toBeGreaterThan(3);
  });

  it('GET /api/plans/:id/dashboard: 401, 400, 403 for an enterprise user', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/plans/${planId}/dashboard` })).statusCode).toBe(401);
    expect((await leader.get(`/api/plans/${planId}/dashboard?year=20x`)).statusCode).toBe(400);
    const { agent } = await agentWith(t, ['enterprise']);
    expect((await agent.get(`/api/plans/${planId}/dashboard`)).statusCode).toBe(403);
    const town = (await leader.get(`/api/plans/${planId}/dashboard?orgUnit=500241001&year=2023`)).json();
    expect(town.orgUnit.name).toBe('中和街道');
  });
});

describe('scope of figures (issue #12)', () => {
  it('history and the entry grid: same unit and below yes; sibling, ancestor and another county no', async () => {
    const town = (await agentWith(t, [{ role: 'leader', orgUnitCode: '500241001' }])).agent;
    const wanzhou = (await agentWith(t, [{ role: 'auditor', orgUnitCode: '500101' }])).agent;
    const q = (ou: string) => `/api/data-values/history?dataElement=gdp&orgUnit=${ou}&period=2020`;
    expect((await town.get(q('500241001'))).statusCode).toBe(200);
    expect((await town.get(q('500241002'))).json().error.code).toBe('forbidden_scope');
    expect((await town.get(q('500241'))).json().error.code).toBe('forbidden_scope');
    expect((await wanzhou.get(q('500241'))).json().error).toMatchObject({ code: 'forbidden_scope' });
    expect((await wanzhou.get(q('500101'))).statusCode).toBe(200);
    expect((await leader.get(q('500241001'))).statusCode).toBe(200);
    expect((await leader.get(q('no_such'))).statusCode).toBe(404);
    expect((await wanzhou.get('/api/data-entry/grid?orgUnit=500241&year=2021')).statusCode).toBe(403);
    // A bureau of another county cannot write Xiushan's figures, nor submit or approve them.
    const other = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500101' }])).agent;
    expect((await other.post('/api/data-values', { values: [v('gdp', '500241', '2031', 1)] })).json().error.code).toBe('forbidden_scope');
    const key = { dataElement: 'gdp', orgUnit: '500241', period: '2020' };
    expect((await other.post('/api/data-values/approve', { keys: [key] })).json().error.code).toBe('forbidden_scope');
  });

  it('figures within their plausible range: 1e20, 1e308, negative amounts and shares over 100 % refused', async () => {
    for (const huge of [1e20, 1e308]) {
      const res = await bureau.post('/api/data-values', { values: [v('gdp', '500241', '2031', huge)] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('values.0.value');
    }
    const res = await bureau.post('/api/data-values', {
      values: [
        v('gdp', '500241', '2031', 2e8),
        v('rd_expenditure', '500241', '2031', -5),
        v('rd_intensity_published', '500241', '2031', 130),
        v('resident_population', '500241', '2031', -1),
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'values.0.value',
      'values.1.value',
      'values.2.value',
      'values.3.value',
    ]);
    // 2 × 10⁸ 亿元 is more than a hundred times China's GDP: beyond the magnitude of the unit (10¹⁵ 元).
    expect(res.json().error.details[0].message).toContain('0 ~ 10000000 亿元');
    // A growth rate may be negative; a plausible GDP is fine.
    const ok = await bureau.post('/api/data-values', {
      values: [v('gdp_nominal_growth', '500241', '2031', -3.5), v('gdp', '500241', '2031', 350)],
    });
    expect(ok.statusCode).toBe(200);
    const elements = (await leader.get('/api/data-elements')).json();
    expect(elements.find((d: { code: string }) => d.code === 'rd_intensity_published')).toMatchObject({ minValue: 0, maxValue: 100 });
  });
});

describe('four eyes on data values (issue #12)', () => {
  const key = { dataElement: 'tech_enterprises', orgUnit: '500241002', period: '2030' };
  it('whoever entered, changed or submitted a value never approves it; someone else does', async () => {
    const a = (await agentWith(t, ['bureau'])).agent;
    const b = (await agentWith(t, ['bureau'])).agent;
    const c = (await agentWith(t, ['bureau'])).agent;
    // The reproduction: one person enters and approves a value.
    expect((await a.post('/api/data-values', { values: [{ ...key, value: 10 }], action: 'submit' })).statusCode).toBe(200);
    const own = await a.post('/api/data-values/approve', { keys: [key] });
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatchObject({ code: 'dv_four_eyes', field: 'keys.0' });
    // B changes it, A puts A's figure back: B changed its content since the last approval, so B may not approve.
    expect((await b.post('/api/data-values', { values: [{ ...key, value: 99 }] })).statusCode).toBe(200);
    expect((await a.post('/api/data-values', { values: [{ ...key, value: 10 }], action: 'submit' })).statusCode).toBe(200);
    expect((await b.post('/api/data-values/approve', { keys: [key] })).json().error.code).toBe('dv_four_eyes');
    expect((await c.post('/api/data-values/approve', { keys: [key] })).json()).toEqual({ changed: 1 });
    const hist = (await leader.get(`/api/data-values/history?dataElement=${key.dataElement}&orgUnit=${key.orgUnit}&period=2030`)).json();
    expect(hist[0]).toMatchObject({ status: 'approved', value: 10 });
  });

  it('the database refuses a direct UPDATE that approves a value by the one who entered it', async () => {
    const { user } = await agentWith(t, ['bureau']);
    const [row] = rowsOf<{ id: number }>(
      await t.database.db.execute(sql`insert into data_values
        (data_element_code, org_unit_code, period, value, version, status, source, created_by, submitted_by, submitted_at)
        values ('patents_granted', '500241003', '2029', 7, 1, 'submitted', 'manual', ${user.id}, ${user.id}, now()) returning id`),
    );
    const approve = sql`update data_values set status = 'approved', approved_by = ${user.id}, approved_at = now() where id = ${row!.id}`;
    const reason = await t.database.db.execute(approve).then(
      () => 'accepted',
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(reason).toMatch(/four eyes/);
  });
});
