import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XIUSHAN_PLAN_FILE, xiushanPlan } from '../../db/seed/index.js';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';
import { planSourceMissing, readPlanSource } from '../../../test/plan-source.js';

let t: TestContext;
let leader: Agent;
let bureau: Agent;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  leader = (await agentWith(t, ['leader'])).agent;
  bureau = (await agentWith(t, ['bureau'])).agent;
  planId = (await leader.get('/api/plans')).json()[0].id;
});
afterAll(() => t.close());

describe('the Xiushan plan as data', () => {
  it('every seeded number is traceable: each clause occurs in the plan text', (ctx) => {
    const missing = planSourceMissing();
    if (missing) return ctx.skip(missing);
    const text = readPlanSource().replace(/\s+/g, '');
    const doc = xiushanPlan();
    for (const s of [...doc.statements, ...doc.facts]) expect(text, s.clause).toContain(s.clause.replace(/\s+/g, ''));
  });

  it('表1 as data: ten indicators, each with a 2020 baseline and a 2025 target; the plan file is Xiushan’s', () => {
    const doc = xiushanPlan();
    expect(doc.indicators.filter((i) => i.table1No !== null)).toHaveLength(10);
    for (let n = 1; n <= 10; n++) {
      const code = doc.indicators.find((i) => i.table1No === n)!.code;
      expect(
        doc.statements.some((s) => s.indicator === code && s.kind === 'baseline' && s.year === 2020),
        code,
      ).toBe(true);
      expect(
        doc.statements.some((s) => s.indicator === code && s.kind === 'target' && s.year === 2025),
        code,
      ).toBe(true);
    }
    expect(JSON.parse(readFileSync(XIUSHAN_PLAN_FILE, 'utf8')).plan.regionCode).toBe('500241');
  });

  it('GET /api/plans: 401, the plan for a leader, 403 for an enterprise user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/plans' })).statusCode).toBe(401);
    const plans = (await leader.get('/api/plans')).json();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      code: 'xiushan-sti-14fyp',
      regionCode: '500241',
      baselineYear: 2020,
      periodEnd: 2025,
      indicatorCount: 49,
    });
    const { agent } = await agentWith(t, ['enterprise']);
    expect((await agent.get('/api/plans')).json().error.code).toBe('forbidden');
    // A leader of another county does not see Xiushan's plan; a town's and the city's do (shared down, and above).
    const other = (await agentWith(t, [{ role: 'leader', orgUnitCode: '500242' }])).agent;
    expect((await other.get('/api/plans')).json()).toEqual([]);
    expect((await other.get(`/api/plans/${planId}`)).json().error.code).toBe('forbidden_scope');
    for (const code of ['500241003', '500000']) {
      const reader = (await agentWith(t, [{ role: 'auditor', orgUnitCode: code }])).agent;
      expect((await reader.get('/api/plans')).json().map((p: { id: string }) => p.id)).toEqual([planId]);
      expect((await reader.get(`/api/plans/${planId}/conflicts`)).statusCode).toBe(200);
    }
    // A town bureau reads the county's plan but does not decide its conflicts (it acts only on its own).
    const townBureau = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241003' }])).agent;
    const resolve = await townBureau.post(`/api/plans/${planId}/conflicts/resolve`, {});
    expect(resolve.json().error.code).toBe('forbidden_scope');
  });

  it('GET /api/plans/:id: 400 for a bad id, 404 unknown, goals and key tasks', async () => {
    expect((await leader.get('/api/plans/nope')).statusCode).toBe(400);
    expect((await leader.get('/api/plans/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const plan = (await leader.get(`/api/plans/${planId}`)).json();
    expect(plan.goals).toHaveLength(4);
    expect(plan.tasks.filter((x: { parentNo: string | null }) => x.parentNo === null)).toHaveLength(7);
  });
});

describe('plan consistency', () => {
  it('lists every disagreement with both values and both clauses', async () => {
    const conflicts = (await leader.get(`/api/plans/${planId}/conflicts`)).json() as {
      indicatorCode: string;
      kind: string;
      year: number;
      statements: { value: number; clause: string; section: string; authoritative: boolean }[];
    }[];
    const summary = conflicts.map(
      (c) => `${c.indicatorCode} ${c.kind} ${c.year}: ${[...new Set(c.statements.map((s) => s.value))].join(' vs ')}`,
    );
    expect(summary).toEqual([
      'T1-02 target 2025: 3 vs 2',
      'T1-03 target 2025: 35 vs 30',
      'T1-04 target 2025: 100 vs 60',
      'T1-07 baseline 2020: 30 vs 18',
      'T1-09 baseline 2020: 20 vs 21.3',
    ]);
    // Until the bureau decides, 表1's value is the default.
    for (const c of conflicts) expect(c.statements.find((s) => s.authoritative)!.section).toContain('表1');
  });

  it('POST …/conflicts/resolve: 401, 403 for a leader, 400 for a statement of another group, then records the choice', async () => {
    const conflicts = (await leader.get(`/api/plans/${planId}/conflicts`)).json();
    const hte = conflicts.find((c: { indicatorCode: string }) => c.indicatorCode === 'T1-04');
    const sixty = hte.statements.find((s: { value: number }) => s.value === 60);
    const body = {
      indicatorId: hte.indicatorId,
      kind: 'target',
      orgUnitCode: '500241',
      year: 2025,
      statementId: sixty.id,
      reason: '以重点任务口径（重庆市高新技术企业）为准',
    };
    expect((await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/conflicts/resolve`, payload: body })).statusCode).toBe(401);
    expect((await leader.post(`/api/plans/${planId}/conflicts/resolve`, body)).statusCode).toBe(403);
    expect((await bureau.post(`/api/plans/${planId}/conflicts/resolve`, { ...body, reason: '' })).json().error.field).toBe('reason');
    const wrong = conflicts.find((c: { indicatorCode: string }) => c.indicatorCode === 'T1-03').statements[0].id;
    expect((await bureau.post(`/api/plans/${planId}/conflicts/resolve`, { ...body, statementId: wrong })).json().error).toMatchObject({
      code: 'plan_statement_mismatch',
      field: 'statementId',
    });
    const after = (await bureau.post(`/api/plans/${planId}/conflicts/resolve`, body)).json();
    const resolved = after.find((c: { indicatorCode: string }) => c.indicatorCode === 'T1-04');
    expect(resolved.resolution).toMatchObject({ statementId: sixty.id, reason: body.reason, username: expect.any(String) });
    expect(resolved.statements.find((s: { authoritative: boolean }) => s.authoritative).value).toBe(60);
    // The dashboard now measures against 60.
    const dash = (await leader.get(`/api/plans/${planId}/dashboard?year=2025`)).json();
    const card = dash.cards.find((c: { code: string }) => c.code === 'T1-04');
    expect(card.targets.find((x: { authoritative: boolean }) => x.authoritative).value).toBe(60);
  });
});

describe('PATCH /api/indicators/:code', () => {
  it('401, 403, 400 naming the bad formula, success', async () => {
    expect((await t.app.inject({ method: 'PATCH', url: '/api/indicators/T1-05', payload: {} })).statusCode).toBe(401);
    expect((await leader.patch('/api/indicators/T1-05', { decimals: 0 })).statusCode).toBe(403);
    const unknown = await bureau.patch('/api/indicators/T1-05', { expression: '#{tech_enterprizes}' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'plan_expression', field: 'expression' });
    expect(unknown.json().error.message).toContain('tech_enterprizes');
    expect((await bureau.patch('/api/indicators/T1-05', { expression: '#{tech_enterprises} *' })).json().error.message).toContain(
      '公式有误',
    );
    const ok = await bureau.patch('/api/indicators/T1-05', {
      expression: '#{tech_enterprises}',
      definitionZh: '12 月 31 日在库的科技型企业数',
    });
    expect(ok.statusCode).toBe(200);
    expect((await bureau.patch('/api/indicators/NOPE', { decimals: 1 })).statusCode).toBe(404);
  });
});

describe('POST /api/plans/import', () => {
  it('another county’s plan is data: 401, 403 outside scope, 400 with every problem, then all-or-nothing import', async () => {
    const doc = {
      plan: {
        code: 'youyang-test',
        titleZh: '酉阳测试规划',
        titleEn: 'Youyang test plan',
        regionCode: '500242',
        periodStart: 2021,
        periodEnd: 2025,
        baselineYear: 2020,
      },
      dataElements: [{ code: 'yy_patents', nameZh: '专利', nameEn: 'Patents', unit: '件', aggregation: 'sum' }],
      indicators: [
        { code: 'Y-1', nameZh: '专利数', nameEn: 'Patents', unit: '件', decimals: 0, direction: 'increase', expression: '#{yy_patents}' },
      ],
      statements: [
        { indicator: 'Y-1', kind: 'target', orgUnitCode: '500242', year: 2025, value: 50, section: '表1', clause: '专利 50 件' },
      ],
      facts: [{ dataElement: 'yy_patents', orgUnitCode: '500242', period: '2020', value: 20, section: '第一章', clause: '专利 20 件' }],
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/plans/import', payload: doc })).statusCode).toBe(401);
    expect((await bureau.post('/api/plans/import', doc)).statusCode).toBe(403);
    const youyang = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500242' }])).agent;
    const bad = await youyang.post('/api/plans/import', {
      ...doc,
      indicators: [{ ...doc.indicators[0], expression: '#{nope}' }],
      statements: [{ ...doc.statements[0], indicator: 'Y-2' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['indicators.0.expression', 'statements.0.indicator']);
    expect((await youyang.get('/api/plans')).json()).toHaveLength(0);
    const ok = await youyang.post('/api/plans/import', doc);
    expect(ok.statusCode).toBe(201);
    expect((await youyang.get('/api/plans')).json().map((p: { code: string }) => p.code)).toEqual(['youyang-test']);
    expect((await youyang.post('/api/plans/import', doc)).statusCode).toBe(409);
  });
});
