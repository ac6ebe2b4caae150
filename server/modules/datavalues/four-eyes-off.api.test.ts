import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db.js';
import { agentWith, createTestApp, type TestContext } from '../../../test/harness.js';

/**
 * An installation that turned four eyes on data values off (KECHUANG_FOUR_EYES_VALUES=0) and questions only
 * changes beyond 50 times the previous value (KECHUANG_PLAUSIBILITY_FACTOR=50).
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ fourEyesValues: false, plausibilityFactor: 50 });
});
afterAll(() => t.close());

describe('four eyes on data values, turned off by the installation', () => {
  it('the setting reaches the database, which then lets one person enter and approve', async () => {
    const setting = rowsOf<{ value: number }>(
      await t.database.db.execute(sql`select "value"::int as value from kc_settings where "key" = 'four_eyes_values'`),
    );
    expect(setting).toEqual([{ value: 0 }]);
    const { user, agent } = await agentWith(t, ['bureau']);
    const key = { dataElement: 'patents_granted', orgUnit: '500241004', period: '2029' };
    expect((await agent.post('/api/data-values', { values: [{ ...key, value: 5 }], action: 'submit' })).statusCode).toBe(200);
    expect((await agent.post('/api/data-values/approve', { keys: [key] })).json()).toEqual({ changed: 1 });
    // A direct UPDATE by the same user is accepted too.
    const [row] = rowsOf<{ id: number }>(
      await t.database.db.execute(sql`insert into data_values
        (data_element_code, org_unit_code, period, value, version, status, source, created_by, submitted_by, submitted_at)
        values ('patents_granted', '500241003', '2029', 7, 1, 'submitted', 'manual', ${user.id}, ${user.id}, now()) returning id`),
    );
    await t.database.db.execute(
      sql`update data_values set status = 'approved', approved_by = ${user.id}, approved_at = now() where id = ${row!.id}`,
    );
    const after = rowsOf<{ status: string }>(await t.database.db.execute(sql`select status from data_values where id = ${row!.id}`));
    expect(after).toEqual([{ status: 'approved' }]);
  });

  it('the entry grid says so and offers one’s own values for approval', async () => {
    const { agent } = await agentWith(t, ['bureau']);
    const key = { dataElement: 'patents_granted', orgUnit: '500241', period: '2027' };
    expect((await agent.post('/api/data-values', { values: [{ ...key, value: 5 }], action: 'submit' })).statusCode).toBe(200);
    const grid = (await agent.get('/api/data-entry/grid?orgUnit=500241&year=2027')).json();
    expect(grid.fourEyes).toBe(false);
    const row = grid.rows.find((r: { dataElement: { code: string } }) => r.dataElement.code === 'patents_granted');
    expect(row).toMatchObject({ mine: true, approvable: true });
  });

  it('the plausibility factor is the installation’s: 12.5 times the previous value passes under 50, 60 times does not', async () => {
    const { agent } = await agentWith(t, ['bureau']);
    const key = { dataElement: 'patents_granted', orgUnit: '500241001', period: '2028' };
    expect((await agent.post('/api/data-values', { values: [{ ...key, period: '2027', value: 8 }] })).statusCode).toBe(200);
    expect((await agent.post('/api/data-values', { values: [{ ...key, value: 100 }] })).statusCode).toBe(200);
    const res = await agent.post('/api/data-values', { values: [{ ...key, period: '2029', value: 6000 }] });
    expect(res.json().error.details.warnings[0]).toMatchObject({ code: 'dv_jump', factor: 50, ratio: 60 });
    const stored = rowsOf<{ value: number }>(
      await t.database.db.execute(sql`select "value"::int as value from kc_settings where "key" = 'plausibility_factor'`),
    );
    expect(stored).toEqual([{ value: 50 }]);
  });
});
