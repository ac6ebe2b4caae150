import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, makeEnterprise, type Agent, type TestContext } from '../../../test/harness.js';
import { isValidOn, validQualifications, validQualificationsOf } from './index.js';

let t: TestContext;
let bureau: Agent;
let leader: Agent;
beforeAll(async () => {
  t = await createTestApp();
  bureau = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
});
afterAll(() => t.close());

// The SQL form (validQualifications, the enterprise filter, the live indicator) and the row predicate agree at
// every boundary: issue date, last day of the term, revocation date (not valid on it), a later revocation.
const BOUNDARIES = ['2019-04-30', '2019-05-01', '2021-06-29', '2021-06-30', '2022-04-30', '2022-05-01'];

describe('validQualifications: the registry answer other modules use', () => {
  it('issue date, end of term and revocation date at their boundaries, in SQL as in the predicate', async () => {
    const a = await makeEnterprise(t);
    const b = await makeEnterprise(t);
    // a: a high-tech certificate issued 2019-05-01 (valid until 2022-04-30); b: the same, revoked 2021-06-30.
    for (const id of [a, b])
      expect(
        (await bureau.post(`/api/enterprises/${id}/qualifications`, { typeCode: 'high_tech', issuedOn: '2019-05-01' })).statusCode,
      ).toBe(201);
    const qb = (await leader.get(`/api/enterprises/${b}`)).json().qualifications[0];
    expect(qb.validUntil).toBe('2022-04-30');
    expect((await bureau.post(`/api/enterprises/${b}/qualifications/${qb.id}/revoke`, { revokedOn: '2021-06-30' })).statusCode).toBe(204);

    const db = t.database.db;
    const expected: Record<string, [boolean, boolean]> = {
      '2019-04-30': [false, false],
      '2019-05-01': [true, true],
      '2021-06-29': [true, true],
      '2021-06-30': [true, false], // revoked ON this day: not valid that day
      '2022-04-30': [true, false], // the last day of the term is valid
      '2022-05-01': [false, false],
    };
    for (const d of BOUNDARIES) {
      const [va, vb] = expected[d]!;
      expect((await validQualifications(db, a, d)).length, `a on ${d}`).toBe(va ? 1 : 0);
      expect((await validQualifications(db, b, d)).length, `b on ${d}`).toBe(vb ? 1 : 0);
      const batch = await validQualificationsOf(db, [a, b], d, ['high_tech']);
      expect(batch.map((q) => q.enterpriseId).sort(), `batch on ${d}`).toEqual([...(va ? [a] : []), ...(vb ? [b] : [])].sort());
      for (const q of batch) expect(isValidOn(q, d)).toBe(true);
      // The enterprise list's qualification filter reads the same rule.
      const listed = (await leader.get(`/api/enterprises?qualification=high_tech&validOn=${d}&pageSize=500`)).json();
      const ids = new Set(listed.items.map((e: { id: string }) => e.id));
      expect(ids.has(a), `list a on ${d}`).toBe(va);
      expect(ids.has(b), `list b on ${d}`).toBe(vb);
    }
    // A type not asked for, or no types at all, answers nothing.
    expect(await validQualifications(db, a, '2020-01-01', ['cq_tech_enterprise'])).toEqual([]);
    expect(await validQualificationsOf(db, [a], '2020-01-01', [])).toEqual([]);
    expect(await validQualificationsOf(db, [], '2020-01-01')).toEqual([]);
  });

  it('the live indicator (valid on 31 December) counts a certificate revoked on 31 December as not valid that year', async () => {
    const town = '500241003';
    const before = (await leader.get(`/api/indicators/T1-04/values?orgUnit=${town}&to=2024`)).json().values;
    const base = (y: number) => (before.find((v: { year: number }) => v.year === y)?.computed as number | null) ?? 0;
    const e = await makeEnterprise(t, town);
    expect(
      (
        await bureau.post(`/api/enterprises/${e}/qualifications`, {
          typeCode: 'high_tech',
          issuedOn: '2020-03-01',
          revokedOn: '2021-12-31',
        })
      ).statusCode,
    ).toBe(201);
    const v = (await leader.get(`/api/indicators/T1-04/values?orgUnit=${town}&to=2024`)).json().values;
    const computed = (y: number) => v.find((x: { year: number }) => x.year === y)?.computed as number;
    expect(computed(2020)).toBe(base(2020) + 1);
    expect(computed(2021)).toBe(base(2021));
  });
});
