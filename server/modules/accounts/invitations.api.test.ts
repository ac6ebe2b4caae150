import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.js';
import { users } from '../../db/schema/accounts.js';
import { enterprises } from '../../db/schema/registry.js';
import ExcelJS from '../../platform/exceljs.js';
import { agentWith, createTestApp, login, makeEnterprise, makeUser, type Agent, type TestContext } from '../../../test/harness.js';

/** Bulk invitation of enterprise contacts: one user per enterprise without one, the passwords in an xlsx, all or nothing. */
let t: TestContext;
let countyAdmin: Agent;
let townAdmin: Agent;
/** Three enterprises of 清溪场街道 (500241005): two with contacts, one with a user already. */
let first: string;
let second: string;
let served: string;

const TOWN = '500241005';

beforeAll(async () => {
  t = await createTestApp();
  countyAdmin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500241' }])).agent;
  townAdmin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500241001' }])).agent;
  first = await makeEnterprise(t, TOWN, '清溪邀请一号科技有限公司');
  second = await makeEnterprise(t, TOWN, '清溪邀请二号科技有限公司');
  served = await makeEnterprise(t, TOWN, '清溪已有账号科技有限公司');
  await t.database.db.update(enterprises).set({ contactName: '陈经理', contactPhone: '13800000001' }).where(eq(enterprises.id, first));
  await makeUser(t, [{ role: 'enterprise', orgUnitCode: TOWN, enterpriseId: served }]);
});
afterAll(() => t.close());

const creditCodes = async (ids: string[]) =>
  new Map(
    (
      await t.database.db.select({ id: enterprises.id, c: enterprises.creditCode }).from(enterprises).where(inArray(enterprises.id, ids))
    ).map((r) => [r.id, r.c]),
  );

async function sheetRows(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('POST /api/users/invitations', () => {
  it('refuses a unit outside the admin’s scope, and an enterprise outside the unit, naming the row and creating nobody', async () => {
    expect((await townAdmin.post('/api/users/invitations', { orgUnitCode: TOWN })).statusCode).toBe(403);
    const outside = await makeEnterprise(t, '500241002', '乌杨邀请测试有限公司');
    const res = await countyAdmin.post('/api/users/invitations', { orgUnitCode: TOWN, enterpriseIds: [first, outside] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invitation_rows', message: '有 1 家企业无法邀请，未创建任何用户' });
    expect(res.json().error.details).toEqual([{ field: 'enterpriseIds.1', message: '第 2 项：企业不存在或不在区划“清溪场街道”内' }]);
    const codes = await creditCodes([first]);
    expect(
      await t.database.db
        .select()
        .from(users)
        .where(eq(users.username, codes.get(first)!)),
    ).toEqual([]);
  });

  it('a credit code already used as another username is a row of the report; nothing is created', async () => {
    const codes = await creditCodes([second]);
    const squatter = await makeUser(t, ['bureau'], { username: codes.get(second)!.toLowerCase() });
    const res = await countyAdmin.post('/api/users/invitations', { orgUnitCode: TOWN });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        field: 'rows.1',
        message: `第 2 行：企业“清溪邀请二号科技有限公司”的用户名“${codes.get(second)}”已被其他用户使用`,
      },
    ]);
    expect((await creditCodes([first])).size).toBe(1);
    const firstCode = (await creditCodes([first])).get(first)!;
    expect(await t.database.db.select().from(users).where(eq(users.username, firstCode))).toEqual([]);
    await t.database.db
      .update(users)
      .set({ username: `${squatter.username}_moved` })
      .where(eq(users.id, squatter.id));
  });

  it('invites every enterprise of the unit without a user: the xlsx holds usernames and one-time passwords', async () => {
    const res = await countyAdmin.post('/api/users/invitations', { orgUnitCode: TOWN });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-kechuang-created']).toBe('2');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('企业用户邀请-清溪场街道.xlsx');
    const rows = await sheetRows(res.rawPayload);
    const codes = await creditCodes([first, second]);
    expect(rows[0]).toEqual(['企业名称', '统一社会信用代码', '所在区划', '联系人', '联系电话', '用户名', '一次性密码']);
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['清溪邀请一号科技有限公司', codes.get(first), '清溪场街道', '陈经理', '13800000001', codes.get(first)],
      ['清溪邀请二号科技有限公司', codes.get(second), '清溪场街道', '', '', codes.get(second)],
    ]);
    const [, row] = rows;
    expect(row![6]).toMatch(/^[A-Za-z2-9]{16}$/);

    // The contact signs in with it, must change it first, then reaches its own enterprise.
    const agent = await login(t, row![5]!, row![6]!);
    const me = (await agent.get('/api/auth/me')).json();
    expect(me).toMatchObject({ mustChangePassword: true, displayName: '陈经理', roles: [{ role: 'enterprise', enterpriseId: first }] });
    expect((await agent.get('/api/my/enterprise')).json().error.code).toBe('must_change_password');
    const changed = await agent.post('/api/auth/password', { currentPassword: row![6], newPassword: 'Qingxi-new-pass-7' });
    expect(changed.statusCode).toBe(204);
    const again = await login(t, row![5]!, 'Qingxi-new-pass-7');
    expect((await again.get('/api/my/enterprise')).json()).toMatchObject({ id: first, name: '清溪邀请一号科技有限公司' });

    const created = await t.database.db
      .select()
      .from(users)
      .where(inArray(users.username, [codes.get(first)!, codes.get(second)!]));
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'create'),
          inArray(
            auditEvents.entityId,
            created.map((u) => u.id),
          ),
        ),
      );
    expect(audit.map((a) => [a.action, a.changes.invitation?.after])).toEqual([
      ['create', 2],
      ['create', 2],
    ]);
  });

  it('a second invitation finds nobody left to invite', async () => {
    const res = await countyAdmin.post('/api/users/invitations', { orgUnitCode: TOWN, enterpriseIds: [first, served] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invitation_nothing');
  });
});
