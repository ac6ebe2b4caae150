import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db.js';
import { agentWith, createTestApp, type TestContext } from '../../../test/harness.js';

/** An installation that turned four eyes on data values off (KECHUANG_FOUR_EYES_VALUES=0). */
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ fourEyesValues: false });
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
});
