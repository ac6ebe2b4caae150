import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/clock.js';
import { today as clockToday } from '../../platform/clock.js';
import { creditCodeCheckChar } from '../../../common/registry/index.js';
import { agentWith, createTestApp, login, makeEnterprise, makeUser, type Agent, type TestContext } from '../../../test/harness.js';

let t: TestContext;
let bureau: Agent;
let leader: Agent;
const code = (body: string) => body + creditCodeCheckChar(body);
const CC_A = code('91500241MA5U000A1');
const CC_B = code('91500241MA5U000B2');

beforeAll(async () => {
  t = await createTestApp();
  bureau = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
});
afterAll(() => t.close());

const enterprise = (over: Record<string, unknown> = {}) => ({
  creditCode: CC_A,
  name: '秀山县中药材加工有限公司',
  foundedOn: '2015-03-01',
  orgUnitCode: '500241001',
  tags: ['tcm'],
  sizeClass: 'small',
  parks: [{ parkCode: '500241P01', fromDate: '2018-01-01' }],
  ...over,
});

describe('enterprises', () => {
  it('401, 403 for a leader, 400 naming the wrong position of a credit code and its check character', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/enterprises', payload: enterprise() })).statusCode).toBe(401);
    expect((await leader.post('/api/enterprises', enterprise())).statusCode).toBe(403);
    const wrongCheck = CC_A.slice(0, 17) + (CC_A.endsWith('0') ? '1' : '0');
    const check = await bureau.post('/api/enterprises', enterprise({ creditCode: wrongCheck }));
    expect(check.statusCode).toBe(400);
    expect(check.json().error).toMatchObject({
      field: 'creditCode',
      message: `字段“统一社会信用代码”：第 18 位校验码应为“${CC_A[17]}”，现为“${wrongCheck[17]}”，请核对前 17 位`,
    });
    const charset = await bureau.post('/api/enterprises', enterprise({ creditCode: `91500241MA5U0O0A1${CC_A[17]}` }));
    expect(charset.json().error.message).toContain('第 14 位“O”不是有效字符');
    expect((await bureau.post('/api/enterprises', enterprise({ creditCode: '123' }))).json().error.message).toContain(
      '应为 18 位，现为 3 位',
    );
    expect(
      (await bureau.post('/api/enterprises', enterprise({ parks: [{ parkCode: '500241001', fromDate: '2018-01-01' }] }))).json().error
        .field,
    ).toBe('parks.0.parkCode');
  });

  it('registers, refuses a duplicate credit code (also in lower case), lists and filters', async () => {
    const res = await bureau.post('/api/enterprises', enterprise());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ creditCode: CC_A, orgUnitName: '中和街道', parks: [{ parkName: '秀山工业园区' }] });
    const dup = await bureau.post('/api/enterprises', enterprise({ creditCode: CC_A.toLowerCase(), name: '另一家' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已登记（秀山县中药材加工有限公司）');
    await bureau.post(
      '/api/enterprises',
      enterprise({ creditCode: CC_B, name: '秀山电子科技有限公司', tags: ['electronics'], orgUnitCode: '500241002', parks: [] }),
    );
    const all = (await leader.get('/api/enterprises')).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect((await leader.get('/api/enterprises?tag=electronics')).json().items.map((e: { name: string }) => e.name)).toEqual([
      '秀山电子科技有限公司',
    ]);
    expect((await leader.get('/api/enterprises?orgUnit=500241001&q=中药')).json().total).toBe(1);
    const other = (await agentWith(t, [{ role: 'leader', orgUnitCode: '500242' }])).agent;
    expect((await other.get('/api/enterprises')).json().total).toBe(0);
    // Outside the reader's subtree: refused naming the unit (before #12: hidden behind a 404).
    expect((await other.get(`/api/enterprises/${CC_A}`)).statusCode).toBe(403);
    // Addressed by credit code; a wrong one is a 400 that says where.
    expect((await leader.get(`/api/enterprises/${CC_A}`)).json().name).toBe('秀山县中药材加工有限公司');
    expect((await leader.get(`/api/enterprises/${CC_A.toLowerCase()}`)).json().creditCode).toBe(CC_A);
    const bad = await leader.get(`/api/enterprises/${CC_A.slice(0, 17)}${CC_A.endsWith('0') ? '1' : '0'}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('第 18 位校验码应为');
    expect((await leader.get(`/api/enterprises/${code('91500241MA5U000C3')}`)).statusCode).toBe(404);
  });
});

describe('qualifications', () => {
  it('high-tech certificates are valid three years; the expiry list finds those ending soon', async () => {
    const list = (await leader.get(`/api/enterprises?q=${CC_A}`)).json();
    const id = list.items[0].id;
    expect(
      (await bureau.post(`/api/enterprises/${id}/qualifications`, { typeCode: 'nope', issuedOn: '2024-01-01' })).json().error.field,
    ).toBe('typeCode');
    const issuedOn = addDays(clockToday(), -(3 * 365 - 60));
    expect(
      (await bureau.post(`/api/enterprises/${id}/qualifications`, { typeCode: 'high_tech', number: 'GR202350000123', issuedOn }))
        .statusCode,
    ).toBe(201);
    const detail = (await leader.get(`/api/enterprises/${id}`)).json();
    const q = detail.qualifications[0];
    expect(q.validToday).toBe(true);
    expect(q.validUntil > issuedOn).toBe(true);
    const expiring = (await leader.get('/api/qualifications?type=high_tech&expiringWithinMonths=6')).json();
    expect(expiring.map((x: { enterpriseName: string }) => x.enterpriseName)).toContain('秀山县中药材加工有限公司');
    expect((await leader.get(`/api/enterprises?qualification=high_tech`)).json().items.map((e: { id: string }) => e.id)).toEqual([id]);
    expect((await leader.get(`/api/enterprises?qualification=high_tech&validOn=2010-01-01`)).json().total).toBe(0);
  });
});

describe('platforms, talents, patents', () => {
  it('validate dates, types, links and patent numbers', async () => {
    const platform = {
      name: '秀山县中药材工程技术研究中心',
      typeCode: 'engineering_center',
      level: 'municipal',
      hostCreditCode: CC_A,
      orgUnitCode: '500241001',
      recognizedOn: '2021-06-01',
    };
    expect((await leader.post('/api/platforms', platform)).statusCode).toBe(403);
    expect((await bureau.post('/api/platforms', { ...platform, revokedOn: '2020-01-01' })).json().error.field).toBe('revokedOn');
    expect((await bureau.post('/api/platforms', { ...platform, hostCreditCode: CC_B.slice(0, 17) + '0' })).json().error.field).toBe(
      'hostCreditCode',
    );
    expect((await bureau.post('/api/platforms', platform)).statusCode).toBe(201);
    const platforms = (await leader.get('/api/platforms')).json();
    expect(platforms[0]).toMatchObject({ hostName: '秀山县中药材加工有限公司', category: 'rd', typeName: '工程技术研究中心' });

    const talent = { name: '张博士', category: '博士', employerCreditCode: CC_A, orgUnitCode: '500241001', fromDate: '2022-01-01' };
    expect((await bureau.post('/api/talents', { ...talent, toDate: '2021-01-01' })).json().error.field).toBe('toDate');
    expect((await bureau.post('/api/talents', talent)).statusCode).toBe(201);
    expect(JSON.stringify((await leader.get('/api/talents')).json())).not.toMatch(/idNumber|身份证/);

    const patent = {
      number: 'ZL202110123456.0',
      title: '一种金银花提取方法',
      filedOn: '2021-03-02',
      grantedOn: '2023-05-06',
      status: 'granted',
      owners: [CC_A],
    };
    const bad = await bureau.post('/api/patents', patent);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('number');
    const { patentCheckChar } = await import('../../../common/registry/index.js');
    const good = { ...patent, number: `ZL202110123456.${patentCheckChar('202110123456')}` };
    expect((await bureau.post('/api/patents', good)).statusCode).toBe(201);
    expect((await bureau.post('/api/patents', good)).statusCode).toBe(409);
    const patents = (await leader.get('/api/patents')).json();
    expect(patents[0]).toMatchObject({
      type: 'invention',
      expiresOn: '2041-03-01',
      owners: [{ creditCode: CC_A, name: '秀山县中药材加工有限公司' }],
    });
  });
});

describe('annual statistics and prechecks', () => {
  it('the bureau enters and approves figures; approved figures are locked; prechecks show the numbers used', async () => {
    const id = (await leader.get(`/api/enterprises?q=${CC_A}`)).json().items[0].id;
    const year = (y: number, rd: number) =>
      bureau.request({
        method: 'PUT',
        url: `/api/enterprises/${id}/stats/${y}`,
        payload: {
          avgEmployees: 120,
          stStaff: 18,
          revenue: 4000,
          rdExpense: rd,
          rdExpenseDomestic: rd,
          highTechRevenue: 2800,
          totalCost: 3500,
          totalAssets: 6000,
          netAssets: 3000,
        },
      });
    const thisYear = Number(clockToday().slice(0, 4));
    for (const [y, rd] of [
      [thisYear - 3, 190],
      [thisYear - 2, 210],
      [thisYear - 1, 230],
    ] as const)
      expect((await year(y, rd)).statusCode).toBe(204);
    expect(
      (await bureau.request({ method: 'PUT', url: `/api/enterprises/${id}/stats/${thisYear - 1}`, payload: { revenue: -1 } })).statusCode,
    ).toBe(400);
    expect((await bureau.post(`/api/enterprises/${id}/stats/${thisYear - 1}/approve`)).statusCode).toBe(204);
    expect((await year(thisYear - 1, 1)).statusCode).toBe(409);
    const p = (await leader.get(`/api/enterprises/${id}/prechecks`)).json();
    const rd = p.highTech.conditions.find((c: { code: string }) => c.code === 'rd_ratio');
    expect(rd.result).toBe('pass'); // (190+210+230)/(3×4000) = 5.25 % ≥ 5 % for sales ≤ 5 000 万
    expect(p.highTech.conditions.find((c: { code: string }) => c.code === 'st_staff_ratio').result).toBe('pass'); // 15 %
    expect(p.highTech.overall).toBe('undetermined'); // the field and incidents are for a person to judge
    expect(p.fromRegister).toMatchObject({ validInventions: 1, hasHighTechCertificate: true });
    expect(p.techSme.route).toBe('direct'); // a valid high-tech certificate qualifies directly
    expect((await leader.get(`/api/enterprises/${CC_A}/precheck`)).json().highTech.overall).toBe('undetermined');
    const pipeline = (await leader.get('/api/registry/pipeline')).json();
    expect(pipeline.length).toBeGreaterThan(0);
  });
});

describe('enterprise portal', () => {
  it('an enterprise user sees and edits only its own enterprise', async () => {
    const ids = (await leader.get('/api/enterprises')).json().items as { id: string; creditCode: string }[];
    const mine = ids.find((e) => e.creditCode === CC_A)!.id;
    const theirs = ids.find((e) => e.creditCode === CC_B)!.id;
    const user = await makeUser(t, [{ role: 'enterprise', orgUnitCode: '500241', enterpriseId: mine }]);
    const me = await login(t, user.username);
    expect((await me.get('/api/my/enterprise')).json().id).toBe(mine);
    expect((await me.get(`/api/my/enterprise?enterprise=${theirs}`)).statusCode).toBe(404);
    expect((await me.get(`/api/enterprises/${theirs}`)).statusCode).toBe(404);
    expect((await me.get(`/api/enterprises/${theirs}/stats`)).statusCode).toBe(404);
    expect((await me.get(`/api/enterprises/${theirs}/prechecks`)).statusCode).toBe(404);
    expect((await me.get(`/api/enterprises/${mine}`)).statusCode).toBe(200);
    expect((await me.get('/api/enterprises')).statusCode).toBe(403);
    expect((await me.get('/api/patents')).statusCode).toBe(403);
    // Editing the register needs an editor's role, whoever's enterprise it is.
    expect(
      (await me.request({ method: 'PUT', url: `/api/enterprises/${theirs}`, payload: enterprise({ creditCode: CC_B }) })).statusCode,
    ).toBe(403);
    expect((await me.request({ method: 'PUT', url: `/api/enterprises/${mine}`, payload: enterprise() })).statusCode).toBe(403);
    const patch = await me.patch('/api/my/enterprise', { contactPhone: '023-76600000' });
    expect(patch.json().contactPhone).toBe('023-76600000');
    expect((await me.patch('/api/my/enterprise', { name: '改名' })).statusCode).toBe(400);
    const y = Number(clockToday().slice(0, 4)) - 1;
    expect((await me.request({ method: 'PUT', url: `/api/my/stats/${y}`, payload: { revenue: 1 } })).statusCode).toBe(409); // approved by the bureau
    expect((await me.request({ method: 'PUT', url: `/api/my/stats/${y + 1}`, payload: { revenue: 1000, submit: true } })).statusCode).toBe(
      204,
    );
    expect((await me.get('/api/my/prechecks')).json().highTech.conditions.length).toBeGreaterThan(5);
    expect((await me.get('/api/my/patents')).json()).toHaveLength(1);
    // The access matrix: every portal endpoint refuses someone else's enterprise, every register endpoint hides it.
    for (const url of ['/api/my/enterprise', '/api/my/stats', '/api/my/patents', '/api/my/prechecks']) {
      expect((await me.get(`${url}?enterprise=${theirs}`)).statusCode, url).toBe(404);
    }
    expect(
      (await me.request({ method: 'PUT', url: `/api/my/stats/${y + 1}?enterprise=${theirs}`, payload: { revenue: 1 } })).statusCode,
    ).toBe(404);
    expect((await me.patch(`/api/my/enterprise?enterprise=${theirs}`, { contactPhone: '1' })).statusCode).toBe(404);
    for (const url of [
      `/api/enterprises/${theirs}`,
      `/api/enterprises/${CC_B}`,
      `/api/enterprises/${theirs}/stats`,
      `/api/enterprises/${theirs}/precheck`,
    ]) {
      expect((await me.get(url)).statusCode, url).toBe(404);
    }
    expect((await me.request({ method: 'PUT', url: `/api/enterprises/${theirs}/stats/${y}`, payload: { revenue: 1 } })).statusCode).toBe(
      403,
    );
    expect((await me.post(`/api/enterprises/${theirs}/stats/${y}/approve`)).statusCode).toBe(403);
    expect((await me.post(`/api/enterprises/${theirs}/qualifications`, { typeCode: 'high_tech', issuedOn: '2024-01-01' })).statusCode).toBe(
      403,
    );
    for (const url of ['/api/qualifications', '/api/platforms', '/api/talents', '/api/registry/pipeline']) {
      expect((await me.get(url)).statusCode, url).toBe(403);
    }
    const { agent: unlinked } = await agentWith(t, ['bureau']);
    // The portal is for enterprise users only: the access rule refuses anyone else.
    expect((await unlinked.get('/api/my/enterprise')).json().error.code).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/my/enterprise' })).statusCode).toBe(401);
  });

  it('an enterprise grant must name an enterprise inside its scope', async () => {
    const admin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }])).agent;
    const res = await admin.post('/api/users', {
      username: 'ent_user_x',
      displayName: 'x',
      roles: [{ role: 'enterprise', orgUnitCode: '500241' }],
    });
    expect(res.json().error).toMatchObject({ code: 'grant_enterprise', field: 'roles.0.enterpriseId' });
  });
});

describe('scope (issue #12): the register checks every enterprise against the caller’s grants', () => {
  it('reads and writes by scope relation: same unit, ancestor grant, sibling, other county; lists filtered', async () => {
    const id = await makeEnterprise(t, '500241001', '范围测试企业');
    const year = 2023;
    const as = async (role: 'bureau' | 'leader', orgUnitCode: string) => (await agentWith(t, [{ role, orgUnitCode }])).agent;
    const cases = [
      { who: 'same town', agent: await as('bureau', '500241001'), read: 200, write: 204 },
      { who: 'county (ancestor grant)', agent: await as('bureau', '500241'), read: 200, write: 204 },
      { who: 'sibling town', agent: await as('bureau', '500241002'), read: 403, write: 403 },
      { who: 'other county 万州', agent: await as('bureau', '500101'), read: 403, write: 403 },
      { who: 'city leader', agent: await as('leader', '500000'), read: 200, write: 403 },
    ];
    for (const c of cases) {
      const one = await c.agent.get(`/api/enterprises/${id}`);
      expect(one.statusCode, c.who).toBe(c.read);
      // The page shows edit buttons only where the server will accept the edit.
      if (c.read === 200) expect(one.json().editable, c.who).toBe(c.write === 204);
      expect((await c.agent.get(`/api/enterprises/${id}/stats`)).statusCode, c.who).toBe(c.read);
      const put = await c.agent.request({ method: 'PUT', url: `/api/enterprises/${id}/stats/${year}`, payload: { revenue: 10 } });
      expect(put.statusCode, c.who).toBe(c.write);
      const listed = (await c.agent.get('/api/enterprises?q=范围测试')).json();
      expect(listed.total ?? 0, c.who).toBe(c.read === 200 ? 1 : 0);
    }
    // A city-wide reader who edits only one town: reads the enterprise, but may not edit it.
    const mixed = (
      await agentWith(t, [
        { role: 'leader', orgUnitCode: '500000' },
        { role: 'bureau', orgUnitCode: '500241002' },
      ])
    ).agent;
    expect((await mixed.get(`/api/enterprises/${id}`)).json().editable).toBe(false);
    const refused = await cases[2]!.agent.get(`/api/enterprises/${id}`);
    expect(refused.json().error).toMatchObject({ code: 'forbidden_scope' });
    expect(refused.json().error.message).toContain('中和街道');
    // A missing enterprise is 404 for everyone, whatever their scope.
    expect((await cases[3]!.agent.get('/api/enterprises/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('registers and records only inside the editor’s subtree (the unit named in the body)', async () => {
    const town = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241002' }])).agent;
    const outside = await town.post('/api/enterprises', enterprise({ creditCode: code('91500241MA5U000D4'), parks: [] }));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('forbidden_scope');
    const inside = await town.post(
      '/api/enterprises',
      enterprise({ creditCode: code('91500241MA5U000D4'), orgUnitCode: '500241002', parks: [] }),
    );
    expect(inside.statusCode).toBe(201);
    const talent = { name: '张三', category: 'tech_leader', orgUnitCode: '500101', fromDate: '2024-01-01' };
    expect((await town.post('/api/talents', talent)).statusCode).toBe(403);
  });
});
