import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';

/** Peer statistics from the plan's tables and rankings among peers (PGlite and PostgreSQL). */
let t: TestContext;
let leader: Agent;
let bureau: Agent;
let cityBureau: Agent;
beforeAll(async () => {
  t = await createTestApp();
  leader = (await agentWith(t, ['leader'])).agent;
  bureau = (await agentWith(t, ['bureau'])).agent;
  cityBureau = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500000' }])).agent;
});
afterAll(() => t.close());

type Row = {
  unit: string;
  name: string;
  value: number | null;
  rank: number | null;
  publishedValue: number | null;
  differsFromPublished: boolean | null;
  publishedRank: number | null;
  publishedValueRank: number | null;
};

describe('benchmarks', () => {
  it('GDP 2020 of the 38 districts ranks as the plan publishes (Xiushan 29th)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/benchmarks/rankings?indicator=gdp&year=2020' })).statusCode).toBe(401);
    const r = (await leader.get('/api/benchmarks/rankings?indicator=gdp&year=2020&group=cq_districts')).json();
    expect(r.rows).toHaveLength(38);
    const xs = r.rows.find((x: Row) => x.unit === '500241');
    expect(xs).toMatchObject({ value: 301.27, rank: 29, publishedRank: 29 });
    expect(r.rows[0]).toMatchObject({ name: '渝北区', rank: 1 });
    // Every computed rank equals the table's own ranking column.
    expect(r.rows.filter((x: Row) => x.publishedRank !== null && x.publishedRank !== x.rank)).toEqual([]);
  });

  it('computed R&D intensity reproduces the published column for every district; the published rank is shown beside', async () => {
    const r = (await leader.get('/api/benchmarks/rankings?indicator=rd_intensity&year=2020')).json();
    expect(r.rows).toHaveLength(38);
    expect(r.rows.filter((x: Row) => x.differsFromPublished !== false).map((x: Row) => x.name)).toEqual([]);
    const xs = r.rows.find((x: Row) => x.unit === '500241');
    expect(xs.publishedValue).toBe(0.1);
    expect(xs.value).toBeCloseTo((3005 / 3012700) * 100, 10);
    // The plan's prose says 36th; its own table puts Xiushan last of 38 (37th with the rounded column).
    expect(xs).toMatchObject({ rank: 38, publishedValueRank: 37, publishedRank: 36 });
    const y = (await leader.get('/api/benchmarks/rankings?indicator=rd_intensity&year=2020&group=yudongnan')).json();
    expect(y.rows.map((x: Row) => x.name)).toEqual([
      '石柱土家族自治县',
      '武隆区',
      '黔江区',
      '酉阳土家族苗族自治县',
      '彭水苗族土家族自治县',
      '秀山土家族苗族自治县',
    ]);
    expect(y.rows.map((x: Row) => x.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a profile lists strengths and weaknesses; custom groups are data; bad input is named', async () => {
    const p = (await leader.get('/api/benchmarks/profile?unit=500241&year=2020&group=yudongnan')).json();
    expect(p.items.find((x: { indicator: string }) => x.indicator === 'gdp')).toMatchObject({ rank: 1, of: 6 });
    expect(p.strengths[0].indicator).toBe('gdp');
    expect(p.weaknesses.map((x: { indicator: string }) => x.indicator)).toContain('rd_intensity');
    const bad = await cityBureau.post('/api/benchmarks/groups', {
      code: 'wuling',
      nameZh: '武陵山区',
      nameEn: 'Wuling',
      members: ['500241', '999999'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('members.1');
    expect((await cityBureau.post('/api/benchmarks/groups', { code: 'x', nameZh: 'x', nameEn: 'x', members: [] })).statusCode).toBe(400);
    // Leaders do not define groups; a county bureau only among its own units (the group belongs to the city).
    expect((await leader.post('/api/benchmarks/groups', { code: 'x', nameZh: 'x', nameEn: 'x', members: [] })).statusCode).toBe(403);
    const wide = { code: 'wuling', nameZh: '武陵山区', nameEn: 'Wuling', members: ['500241', '500242', '500243'] };
    expect((await bureau.post('/api/benchmarks/groups', wide)).json().error).toMatchObject({ code: 'forbidden_scope' });
    const ok = await cityBureau.post('/api/benchmarks/groups', {
      code: 'wuling',
      nameZh: '武陵山区',
      nameEn: 'Wuling',
      members: ['500241', '500242', '500243'],
    });
    expect(ok.statusCode).toBe(201);
    const w = (await leader.get('/api/benchmarks/rankings?indicator=gdp&year=2020&group=wuling')).json();
    expect(w.rows.map((x: Row) => x.rank)).toEqual([1, 2, 3]);
    expect((await leader.get('/api/benchmarks/rankings?indicator=nope&year=2020')).statusCode).toBe(404);
  });

  it('runs a composite index with rank intervals; the stored spec re-runs exactly; a bad spec is named', async () => {
    const spec = {
      indicators: [
        { code: 'rd_intensity', direction: 1, weight: 2 },
        { code: 'enterprise_rd_share', direction: 1 },
        { code: 'gdp_per_capita', direction: 1 },
        { code: 'gdp_nominal_growth', direction: 1 },
      ],
      uncertainty: {
        runs: 200,
        seed: 7,
        weightPerturbation: 0.25,
        normalisations: ['minmax', 'rank'],
        aggregations: ['arithmetic', 'geometric'],
      },
      shift: true,
    };
    const res = await leader.post('/api/composite-index/run', { spec, year: 2020, group: 'cq_districts', name: '测试指数' });
    expect(res.statusCode).toBe(200);
    const run = res.json();
    expect(run.result.scores).toHaveLength(38);
    const xs = run.result.uncertainty.perUnit.find((u: { unit: string }) => u.unit === '500241');
    expect(xs.p05).toBeLessThanOrEqual(xs.median);
    expect(xs.median).toBeLessThanOrEqual(xs.p95);
    expect(run.spec.normalisation.method).toBe('minmax');
    const stored = (await leader.get(`/api/composite-index/runs/${run.id}`)).json();
    const again = (
      await leader.post('/api/composite-index/run', { spec: stored.spec, year: 2020, group: 'cq_districts', save: false })
    ).json();
    expect(again.result.scores).toEqual(run.result.scores);
    expect(again.result.uncertainty).toEqual(run.result.uncertainty);
    const bad = await leader.post('/api/composite-index/run', {
      spec: { indicators: [{ code: 'gdp', direction: 1, weight: -1 }] },
      year: 2020,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('weight');
  });
});

describe('drafts never count; groups and runs by scope (issue #12)', () => {
  it('a draft GDP per capita does not make a unit rank 1, in the ranking nor in the composite index', async () => {
    // 2024: two districts have submitted figures; Xiushan's bureau has only a draft, far above both. The figures
    // are far from the districts' earlier ones on purpose: their plausibility warnings are confirmed (issue #14).
    const submitted = await cityBureau.post('/api/data-values', {
      values: [
        { dataElement: 'gdp_per_capita', orgUnit: '500101', period: '2024', value: 10 },
        { dataElement: 'gdp_per_capita', orgUnit: '500109', period: '2024', value: 20 },
      ],
      action: 'submit',
      confirmWarnings: true,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const url = '/api/benchmarks/rankings?indicator=gdp_per_capita&year=2024';
    const spec = {
      indicators: [
        { code: 'gdp_per_capita', direction: 1 },
        { code: 'gdp', direction: 1 },
      ],
      screening: { minDataShare: 0.5 },
    };
    const indexBefore = await leader.post('/api/composite-index/run', { spec, year: 2024, save: false });
    expect(indexBefore.statusCode, indexBefore.body).toBe(200);
    expect(indexBefore.json().result.scores.map((x: { unit: string }) => x.unit)).not.toContain('500241');
    const draft = await bureau.post('/api/data-values', {
      values: [{ dataElement: 'gdp_per_capita', orgUnit: '500241', period: '2024', value: 999 }],
      confirmWarnings: true,
    });
    expect(draft.json().values[0].status).toBe('draft');
    const after = (await leader.get(url)).json();
    expect(after.rows[0]).toMatchObject({ unit: '500109', rank: 1, value: 20 });
    expect(after.rows.find((x: Row) => x.unit === '500241')).toMatchObject({ rank: null, value: null });
    const profile = (await leader.get('/api/benchmarks/profile?unit=500241&year=2024')).json();
    expect(profile.items.find((x: { indicator: string }) => x.indicator === 'gdp_per_capita')).toMatchObject({ value: null, rank: null });
    const indexAfter = await leader.post('/api/composite-index/run', { spec, year: 2024, save: false });
    expect(indexAfter.json().result).toEqual(indexBefore.json().result);
    // Submitted, it counts (an unapproved submission counts unless approvedOnly, as on the dashboards).
    const key = { dataElement: 'gdp_per_capita', orgUnit: '500241', period: '2024' };
    expect((await bureau.post('/api/data-values/submit', { keys: [key] })).json()).toEqual({ changed: 1 });
    expect((await leader.get(url)).json().rows[0]).toMatchObject({ unit: '500241', rank: 1, value: 999 });
  });

  it('peer groups are shared down from their unit; stored runs are read in their author’s subtree and above', async () => {
    const towns = { code: 'xs_towns', nameZh: '秀山三镇', nameEn: 'Three towns', members: ['500241001', '500241002', '500241003'] };
    expect((await bureau.post('/api/benchmarks/groups', towns)).statusCode).toBe(201);
    const wanzhou = (await agentWith(t, [{ role: 'leader', orgUnitCode: '500101' }])).agent;
    const town = (await agentWith(t, [{ role: 'leader', orgUnitCode: '500241001' }])).agent;
    const codes = async (a: Agent) => (await a.get('/api/benchmarks/groups')).json().map((g: { code: string }) => g.code);
    expect(await codes(wanzhou)).not.toContain('xs_towns');
    expect(await codes(wanzhou)).toContain('cq_districts');
    expect(await codes(town)).toContain('xs_towns');
    const q = '/api/benchmarks/rankings?indicator=gdp&year=2020&group=xs_towns';
    expect((await wanzhou.get(q)).json().error.code).toBe('forbidden_scope');
    expect((await town.get(q)).statusCode).toBe(200);
    expect((await wanzhou.get('/api/benchmarks/rankings?indicator=gdp&year=2020')).statusCode).toBe(200);
    expect((await wanzhou.get('/api/benchmarks/rankings?indicator=gdp&year=2020&group=nope')).statusCode).toBe(404);

    const spec = { indicators: [{ code: 'gdp', direction: 1 }] };
    const run = (await leader.post('/api/composite-index/run', { spec, year: 2020, name: '秀山的指数' })).json();
    expect((await wanzhou.get(`/api/composite-index/runs/${run.id}`)).json().error.code).toBe('forbidden_scope');
    expect((await wanzhou.get('/api/composite-index/runs')).json().map((r: { id: string }) => r.id)).not.toContain(run.id);
    const city = (await agentWith(t, [{ role: 'auditor', orgUnitCode: '500000' }])).agent;
    expect((await city.get(`/api/composite-index/runs/${run.id}`)).statusCode).toBe(200);
    expect((await city.get('/api/composite-index/runs')).json().map((r: { id: string }) => r.id)).toContain(run.id);
    expect((await town.get(`/api/composite-index/runs/${run.id}`)).json().error.code).toBe('forbidden_scope');
  });
});
