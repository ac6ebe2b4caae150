import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';

/** Peer statistics from the plan's tables and rankings among peers (PGlite and PostgreSQL). */
let t: TestContext;
let leader: Agent;
let bureau: Agent;
beforeAll(async () => {
  t = await createTestApp();
  leader = (await agentWith(t, ['leader'])).agent;
  bureau = (await agentWith(t, ['bureau'])).agent;
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
    const bad = await bureau.post('/api/benchmarks/groups', {
      code: 'wuling',
      nameZh: '武陵山区',
      nameEn: 'Wuling',
      members: ['500241', '999999'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('members.1');
    expect((await leader.post('/api/benchmarks/groups', { code: 'x', nameZh: 'x', nameEn: 'x', members: [] })).statusCode).toBe(400);
    const ok = await bureau.post('/api/benchmarks/groups', {
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
