import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patentCheckChar } from '../../../common/registry/index.js';
import { agentWith, createTestApp, makeEnterprise, type Agent, type TestContext } from '../../../test/harness.js';

let t: TestContext;
let bureau: Agent;
let leader: Agent;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  bureau = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
  planId = (await leader.get('/api/plans')).json()[0].id;
});
afterAll(() => t.close());

const yearOf = (values: { year: number }[], y: number) =>
  values.find((v) => v.year === y) as
    { value: number | null; reported: number | null; computed: number | null; difference: number | null } | undefined;

describe('live indicators from the register', () => {
  it('high-tech enterprises with a valid certificate on 31 December, beside the reported figure, changing with the records', async () => {
    const a = await makeEnterprise(t, '500241001');
    const b = await makeEnterprise(t, '500241002');
    const c = await makeEnterprise(t, '500241002');
    for (const [id, issuedOn] of [
      [a, '2019-05-01'],
      [b, '2020-11-20'],
      [c, '2023-02-01'],
    ] as const) {
      expect((await bureau.post(`/api/enterprises/${id}/qualifications`, { typeCode: 'high_tech', issuedOn })).statusCode).toBe(201);
    }
    const v = (await leader.get('/api/indicators/T1-04/values?orgUnit=500241&to=2024')).json().values;
    // 2020: a and b valid; the plan reports 8 for 2020 (chapter 1), so the difference is shown.
    expect(yearOf(v, 2020)).toMatchObject({ value: 8, reported: 8, computed: 2, difference: -6 });
    // 2022: a's certificate ended on 2022-04-30 (three years), b still valid; nothing reported → computed feeds the indicator.
    expect(yearOf(v, 2022)).toMatchObject({ value: 1, reported: null, computed: 1 });
    // 2023: b's certificate ended on 2023-11-19; c's is valid.
    expect(yearOf(v, 2023)).toMatchObject({ value: 1, computed: 1 });
    const town = (await leader.get('/api/indicators/T1-04/values?orgUnit=500241002&to=2024')).json().values;
    expect(yearOf(town, 2021)?.value).toBe(1);

    // Revoking a certificate changes the indicator on the next request.
    const detail = (await leader.get(`/api/enterprises/${c}`)).json();
    expect(
      (await bureau.post(`/api/enterprises/${c}/qualifications/${detail.qualifications[0].id}/revoke`, { revokedOn: '2023-06-30' }))
        .statusCode,
    ).toBe(204);
    const after = (await leader.get('/api/indicators/T1-04/values?orgUnit=500241&to=2024')).json().values;
    // The register now knows of none: 0, not "no data".
    expect(yearOf(after, 2023)?.value).toBe(0);
    const reg = (await leader.get('/api/registry/indicators?orgUnit=500241&year=2020')).json();
    expect(reg.indicators.map((i: { code: string }) => i.code)).toEqual([
      'T1-03',
      'T1-04',
      'T1-05',
      'T1-06',
      'T1-07',
      'T1-08',
      'T1-09',
      'T1-10',
    ]);
    expect(reg.indicators.find((i: { code: string }) => i.code === 'T1-04')).toMatchObject({ computed: 2, reported: 8, difference: -6 });
    expect(reg.indicators.find((i: { code: string }) => i.code === 'T1-03')).toMatchObject({
      computed: null,
      reason: 'missing',
      missing: ['employed_persons'],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/indicators' })).statusCode).toBe(401);
    expect((await leader.get('/api/registry/indicators?year=abc')).statusCode).toBe(400);
    const dash = (await leader.get(`/api/plans/${planId}/dashboard?year=2023`)).json();
    expect(dash.cards.find((x: { code: string }) => x.code === 'T1-04').latest).toMatchObject({ year: 2023, value: 0 });
  });

  it('platforms, incubation area, park enterprises and patents', async () => {
    const e = await makeEnterprise(t, '500241003');
    const host = (await leader.get(`/api/enterprises/${e}`)).json();
    const base = { level: 'county', orgUnitCode: '500241003', recognizedOn: '2021-03-01' };
    await bureau.post('/api/platforms', {
      ...base,
      name: '研发中心甲',
      typeCode: 'enterprise_tech_center',
      hostCreditCode: host.creditCode,
    });
    await bureau.post('/api/platforms', { ...base, name: '孵化器乙', typeCode: 'incubator', floorArea: 5200 });
    await bureau.post('/api/platforms', { ...base, name: '众创空间丙', typeCode: 'maker_space', floorArea: 800, revokedOn: '2022-06-30' });
    const t7 = (await leader.get('/api/indicators/T1-07/values?orgUnit=500241003&to=2024')).json().values;
    expect(yearOf(t7, 2021)?.value).toBe(3); // 1 R&D + 2 service institutions
    expect(yearOf(t7, 2022)?.value).toBe(2);
    const t8 = (await leader.get('/api/indicators/T1-08/values?orgUnit=500241003&to=2024')).json().values;
    expect(yearOf(t8, 2021)?.value).toBe(6000);
    expect(yearOf(t8, 2022)?.value).toBe(5200);

    const put = await bureau.request({
      method: 'PUT',
      url: `/api/enterprises/${e}`,
      payload: {
        creditCode: host.creditCode,
        name: host.name,
        orgUnitCode: '500241003',
        tags: [],
        parks: [{ parkCode: '500241P01', fromDate: '2021-01-01' }],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    await bureau.post(`/api/enterprises/${e}/qualifications`, { typeCode: 'cq_tech_enterprise', issuedOn: '2022-03-01' });
    const t6 = (await leader.get('/api/indicators/T1-06/values?orgUnit=500241P01&to=2024')).json().values;
    expect(yearOf(t6, 2021)?.value).toBe(0); // in the park, not yet a tech enterprise
    expect(yearOf(t6, 2022)?.value).toBe(100);

    const number = `202210654321.${patentCheckChar('202210654321')}`;
    const patent = {
      number,
      title: '一种茶叶加工装置',
      filedOn: '2022-01-10',
      grantedOn: '2023-08-01',
      status: 'granted',
      owners: [host.creditCode],
    };
    expect((await bureau.post('/api/patents', patent)).statusCode).toBe(201);
    const t10 = (await leader.get('/api/indicators/T1-10/values?orgUnit=500241003&to=2024')).json().values;
    expect(yearOf(t10, 2022)?.value).toBe(0);
    expect(yearOf(t10, 2023)?.value).toBe(1);
  });
});
