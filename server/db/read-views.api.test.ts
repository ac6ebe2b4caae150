/**
 * The read views of migration 0019: another module's reads of a widely joined table go through its owner's
 * projection, which the server's role may read (on PostgreSQL as the least-privileged role of migration 0018)
 * and nobody may write through.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeEnterprise, makeUser, type TestContext } from '../../test/harness.js';
import { usersRead } from '../modules/accounts/index.js';
import { orgUnitsRead } from '../modules/orgunits/index.js';
import { dataElementsRead } from '../modules/plans/index.js';
import { enterprisesRead, enterpriseStatsRead, platformsRead, qualificationsRead } from '../modules/registry/index.js';
import { rowsOf } from '../platform/db.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await makeEnterprise(t);
  await makeUser(t, ['bureau']);
});
afterAll(() => t.close());

const count = async (relation: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${relation}`)))[0]!.n;

describe('read views (migration 0019)', () => {
  it('show every row of their table, with the columns their declaration names', async () => {
    const db = t.database.db;
    const units = await db.select().from(orgUnitsRead).limit(1);
    expect(Object.keys(units[0]!).sort()).toEqual(['code', 'level', 'name', 'parentCode', 'path', 'validFrom', 'validTo']);
    const users = await db.select().from(usersRead).limit(1);
    expect(Object.keys(users[0]!).sort()).toEqual(['displayName', 'id', 'username']);
    const enterprises = await db.select().from(enterprisesRead).limit(1);
    expect(Object.keys(enterprises[0]!).sort()).toEqual(['creditCode', 'foundedOn', 'id', 'name', 'orgUnitCode']);
    const elements = await db.select().from(dataElementsRead).limit(1);
    expect(Object.keys(elements[0]!).sort()).toEqual([
      'aggregation',
      'code',
      'definitionZh',
      'maxValue',
      'minValue',
      'nameEn',
      'nameZh',
      'unit',
    ]);
    // The register's records (none need exist in the template): the declarations select without error.
    for (const view of [qualificationsRead, platformsRead, enterpriseStatsRead]) await db.select().from(view).limit(1);
    for (const [view, table] of [
      ['kc_qualifications_read', 'qualifications'],
      ['kc_platforms_read', 'platforms'],
      ['kc_enterprise_stats_read', 'enterprise_stats'],
      ['kc_org_units_read', 'org_units'],
      ['kc_users_read', 'users'],
      ['kc_enterprises_read', 'enterprises'],
      ['kc_data_elements_read', 'data_elements'],
    ] as const) {
      expect(await count(view), view).toBe(await count(table));
    }
  });

  // Each view has rows (seeded units and data elements, the user and enterprise above), so each write below
  // reaches a row and is refused: by the trigger of 0019, and on PostgreSQL first by the role's SELECT-only grant.
  it('refuse every write through them', async () => {
    const writes = [
      `insert into kc_org_units_read (code, name, level, path) values ('999999', 'x', 'county', '/999999/')`,
      `update kc_org_units_read set name = 'x'`,
      `delete from kc_org_units_read`,
      `update kc_users_read set display_name = 'x'`,
      `delete from kc_users_read`,
      `update kc_enterprises_read set name = 'x'`,
      `delete from kc_enterprises_read`,
      `update kc_data_elements_read set unit = 'x'`,
      `delete from kc_data_elements_read`,
      `insert into kc_qualifications_read (id, enterprise_id, type_code, issued_on) select gen_random_uuid(), id, 'x', '2020-01-01' from enterprises`,
      `insert into kc_platforms_read (id, type_code, level, org_unit_code, recognized_on) values (gen_random_uuid(), 'x', 'county', '500241', '2020-01-01')`,
      `insert into kc_enterprise_stats_read (id, enterprise_id, year, status) select gen_random_uuid(), id, 2020, 'approved' from enterprises`,
    ];
    for (const write of writes) {
      await expect(t.database.db.execute(sql.raw(write)), write).rejects.toThrow();
    }
    for (const view of ['kc_org_units_read', 'kc_users_read', 'kc_enterprises_read', 'kc_data_elements_read']) {
      expect(await count(view), view).toBeGreaterThan(0);
    }
  });
});
