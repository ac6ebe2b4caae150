import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';

let t: TestContext;
let admin: Agent;
let countyAdmin: Agent;
let leader: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }])).agent;
  countyAdmin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500241' }])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
});
afterAll(() => t.close());

type Match = { code: string; matchedBy: string; pathNames: string[] };
const resolve = async (q: string, extra = '') =>
  (await leader.get(`/api/org-units?q=${encodeURIComponent(q)}${extra}`)).json().query as { matches: Match[]; ambiguous: boolean };

describe('GET /api/org-units', () => {
  it('401 without a session; 400 for a malformed scope', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/org-units' })).statusCode).toBe(401);
    expect((await leader.get('/api/org-units?within=abc')).statusCode).toBe(400);
  });

  it('holds the seeded hierarchy: Chongqing, 38 county-level units, 27 Xiushan towns and the park', async () => {
    const { items } = (await leader.get('/api/org-units')).json() as {
      items: { code: string; level: string; parentCode: string | null }[];
    };
    expect(items.filter((u) => u.level === 'province').map((u) => u.code)).toEqual(['500000']);
    expect(items.filter((u) => u.level === 'county')).toHaveLength(38);
    expect(items.filter((u) => u.level === 'township' && u.parentCode === '500241')).toHaveLength(27);
    expect(items.find((u) => u.code === '500241P01')).toMatchObject({ level: 'park', parentCode: '500241' });
    const within = (await leader.get('/api/org-units?within=500241')).json().items as unknown[];
    expect(within).toHaveLength(29);
  });

  it('resolves the plan’s loose spellings and says how', async () => {
    expect((await resolve('九龙坡')).matches).toEqual([expect.objectContaining({ code: '500107', matchedBy: 'short' })]);
    expect((await resolve('忠 县')).matches).toEqual([expect.objectContaining({ code: '500233', matchedBy: 'normalized' })]);
    expect((await resolve('秀山县')).matches).toEqual([expect.objectContaining({ code: '500241', matchedBy: 'alias' })]);
    expect((await resolve('秀山土家族苗族自治县')).matches[0]).toMatchObject({
      code: '500241',
      matchedBy: 'name',
      pathNames: ['重庆市', '秀山土家族苗族自治县'],
    });
    expect((await resolve('彭水')).matches).toEqual([expect.objectContaining({ code: '500243' })]);
    expect((await resolve('500241001')).matches).toEqual([expect.objectContaining({ code: '500241001', matchedBy: 'code' })]);
    expect((await resolve('中和')).matches).toEqual([expect.objectContaining({ code: '500241001', matchedBy: 'short' })]);
    expect((await resolve('秀山工业园')).matches).toEqual([expect.objectContaining({ code: '500241P01', matchedBy: 'alias' })]);
    expect((await resolve('火星县')).matches).toEqual([]);
  });

  it('reports ambiguity instead of guessing', async () => {
    // A town under another county with the same short name as a Xiushan town.
    await admin.post('/api/org-units', { code: '500242777', name: '中和镇', level: 'township', parentCode: '500242' });
    const res = await resolve('中和');
    expect(res.ambiguous).toBe(true);
    expect(res.matches.map((m) => m.code).sort()).toEqual(['500241001', '500242777']);
    const scoped = await resolve('中和', '&within=500241');
    expect(scoped.ambiguous).toBe(false);
    expect(scoped.matches.map((m) => m.code)).toEqual(['500241001']);
  });
});

describe('GET /api/org-units/:code', () => {
  it('401, 400, 404 and the unit with parent and children', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/org-units/500241' })).statusCode).toBe(401);
    expect((await leader.get('/api/org-units/xyz')).statusCode).toBe(400);
    expect((await leader.get('/api/org-units/999999')).statusCode).toBe(404);
    const res = (await leader.get('/api/org-units/500241')).json();
    expect(res.unit.name).toBe('秀山土家族苗族自治县');
    expect(res.parent.code).toBe('500000');
    expect(res.children).toHaveLength(28);
    expect(res.pathNames).toEqual(['重庆市', '秀山土家族苗族自治县']);
  });
});

describe('POST /api/org-units', () => {
  const park = { code: '500241P02', name: '秀山高新技术产业开发区', level: 'park', parentCode: '500241', aliases: ['秀山高新区'] };
  it('401, 403 for non-admins and admins outside the scope, 400 with field names', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/org-units', payload: park })).statusCode).toBe(401);
    expect((await leader.post('/api/org-units', park)).statusCode).toBe(403);
    expect((await countyAdmin.post('/api/org-units', { ...park, code: '500242P01', parentCode: '500242' })).statusCode).toBe(403);
    const bad = await admin.post('/api/org-units', { ...park, code: '12' });
    expect(bad.json().error).toMatchObject({ field: 'code', message: '字段“区划代码”：格式不正确' });
    const level = await admin.post('/api/org-units', { ...park, level: 'county' });
    expect(level.json().error).toMatchObject({ code: 'org_level_order', field: 'level' });
    const dates = await admin.post('/api/org-units', { ...park, validFrom: '2024-01-01', validTo: '2023-01-01' });
    expect(dates.json().error.field).toBe('validTo');
    const date = await admin.post('/api/org-units', { ...park, validFrom: '2024/01/01' });
    expect(date.json().error.message).toBe('字段“生效日期”：应为 YYYY-MM-DD 格式的有效日期');
  });

  it('creates a unit that the resolver finds by alias, and refuses a duplicate code', async () => {
    const res = await countyAdmin.post('/api/org-units', park);
    expect(res.statusCode).toBe(201);
    expect((await resolve('秀山高新区')).matches[0]).toMatchObject({ code: '500241P02', matchedBy: 'alias' });
    expect((await countyAdmin.post('/api/org-units', park)).statusCode).toBe(409);
  });
});

describe('PATCH /api/org-units/:code', () => {
  it('401, 403, 400, and edits aliases and validity (an inactive unit drops out of resolution)', async () => {
    expect((await t.app.inject({ method: 'PATCH', url: '/api/org-units/500241001', payload: {} })).statusCode).toBe(401);
    expect((await leader.patch('/api/org-units/500241001', { aliases: ['中和'] })).statusCode).toBe(403);
    expect((await admin.patch('/api/org-units/500241001', { aliases: 'x' })).statusCode).toBe(400);
    const res = await countyAdmin.patch('/api/org-units/500241001', { aliases: ['中和街道办事处', '城区'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().aliases).toEqual(['中和街道办事处', '城区']);
    expect((await resolve('城区')).matches[0]).toMatchObject({ code: '500241001', matchedBy: 'alias' });
    await countyAdmin.patch('/api/org-units/500241002', { validTo: '2020-12-31' });
    expect((await resolve('乌杨街道')).matches).toEqual([]);
    expect((await resolve('乌杨街道', '&includeInactive=true')).matches[0]).toMatchObject({ code: '500241002', active: false });
  });

  it('moves a unit with its subtree and refuses cycles', async () => {
    await admin.post('/api/org-units', { code: '500241P09', name: '测试园区', level: 'park', parentCode: '500241' });
    const cycle = await admin.patch('/api/org-units/500241', { parentCode: '500241001' });
    expect(cycle.json().error).toMatchObject({ code: 'org_cycle', field: 'parentCode' });
    const move = await admin.patch('/api/org-units/500241P09', { parentCode: '500242' });
    expect(move.statusCode).toBe(200);
    const detail = (await leader.get('/api/org-units/500241P09')).json();
    expect(detail.pathNames).toEqual(['重庆市', '酉阳土家族苗族自治县', '测试园区']);
    expect((await admin.patch('/api/org-units/500000', { parentCode: '500241' })).json().error.code).toMatch(/org_cycle|org_level_order/);
  });
});
