import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.js';
import { experts } from '../../db/schema/projects.js';
import { enterprises } from '../../db/schema/registry.js';
import { agentWith, createTestApp, makeEnterprise, type Agent, type TestContext } from '../../../test/harness.js';

/** User administration for every role: what an enterprise or expert user acts for, and the scope of the choice. */
let t: TestContext;
let countyAdmin: Agent; // over Xiushan only
let townAdmin: Agent; // over 中和街道 only
let inZhonghe: string;
let inWuyang: string;
let inYouyang: string;

beforeAll(async () => {
  t = await createTestApp();
  countyAdmin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500241' }])).agent;
  townAdmin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500241001' }])).agent;
  inZhonghe = await makeEnterprise(t, '500241001', '中和链接测试科技有限公司');
  inWuyang = await makeEnterprise(t, '500241002', '乌杨链接测试科技有限公司');
  inYouyang = await makeEnterprise(t, '500242', '酉阳链接测试科技有限公司');
});
afterAll(() => t.close());

const uname = (p: string) => `${p}${Math.random().toString(36).slice(2, 8)}`;
const enterpriseUser = (enterpriseId: string, orgUnitCode = '500241001') => ({
  username: uname('ent'),
  displayName: '企业联系人',
  roles: [{ role: 'enterprise', orgUnitCode, enterpriseId }],
});
const creditCodeOf = async (id: string) =>
  (await t.database.db.select({ c: enterprises.creditCode }).from(enterprises).where(eq(enterprises.id, id)))[0]!.c;

describe('enterprise users', () => {
  it('the picker lists the enterprises of the grant’s unit and below, by name or credit code, with their users', async () => {
    const res = await countyAdmin.get('/api/users/options/enterprises?orgUnitCode=500241&q=%E9%93%BE%E6%8E%A5%E6%B5%8B%E8%AF%95');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((e: { name: string }) => e.name);
    expect(names).toEqual(['中和链接测试科技有限公司', '乌杨链接测试科技有限公司']);
    expect(res.json().items[0]).toMatchObject({ id: inZhonghe, orgUnitCode: '500241001', orgUnitName: '中和街道', users: 0 });
    const byCode = await countyAdmin.get(`/api/users/options/enterprises?orgUnitCode=500241001&q=${await creditCodeOf(inZhonghe)}`);
    expect(byCode.json()).toMatchObject({ total: 1, items: [{ id: inZhonghe }] });
    const town = await townAdmin.get('/api/users/options/enterprises?orgUnitCode=500241001&q=%E9%93%BE%E6%8E%A5');
    expect(town.json().items.map((e: { id: string }) => e.id)).toEqual([inZhonghe]);
  });

  it('an admin asks only about units where it may grant roles', async () => {
    expect((await countyAdmin.get('/api/users/options/enterprises?orgUnitCode=500242')).statusCode).toBe(403);
    expect((await townAdmin.get('/api/users/options/enterprises?orgUnitCode=500241')).statusCode).toBe(403);
    expect((await townAdmin.get('/api/users/options/experts?orgUnitCode=500241002')).statusCode).toBe(403);
    const { agent: clerk } = await agentWith(t, ['bureau']);
    expect((await clerk.get('/api/users/options/enterprises?orgUnitCode=500241')).statusCode).toBe(403);
  });

  it('creates an enterprise user; the list and the user show the enterprise it acts for', async () => {
    const body = enterpriseUser(inZhonghe);
    const res = await countyAdmin.post('/api/users', body);
    expect(res.statusCode).toBe(201);
    const code = await creditCodeOf(inZhonghe);
    expect(res.json().user.roles).toEqual([
      {
        role: 'enterprise',
        orgUnitCode: '500241001',
        orgUnitName: '中和街道',
        dataElements: null,
        enterpriseId: inZhonghe,
        enterpriseName: '中和链接测试科技有限公司',
        enterpriseCreditCode: code,
      },
    ]);
    const list = await countyAdmin.get(`/api/users?q=${body.username}`);
    expect(list.json().items[0].roles[0]).toMatchObject({ enterpriseName: '中和链接测试科技有限公司', enterpriseCreditCode: code });
    const options = await countyAdmin.get(`/api/users/options/enterprises?orgUnitCode=500241001&q=${code}`);
    expect(options.json().items[0].users).toBe(1);
  });

  it('edits an enterprise user: its name alone, or its grant sent back with the enterprise', async () => {
    const { user } = (await countyAdmin.post('/api/users', enterpriseUser(inZhonghe))).json();
    const name = await countyAdmin.patch(`/api/users/${user.id}`, { displayName: '新联系人' });
    expect(name.statusCode).toBe(200);
    expect(name.json()).toMatchObject({ displayName: '新联系人', roles: [{ enterpriseId: inZhonghe }] });
    const moved = await countyAdmin.patch(`/api/users/${user.id}`, {
      displayName: '新联系人',
      roles: [{ role: 'enterprise', orgUnitCode: '500241002', enterpriseId: inWuyang }],
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().roles[0]).toMatchObject({ enterpriseId: inWuyang, enterpriseName: '乌杨链接测试科技有限公司' });
    const without = await countyAdmin.patch(`/api/users/${user.id}`, { roles: [{ role: 'enterprise', orgUnitCode: '500241002' }] });
    expect(without.statusCode).toBe(400);
    expect(without.json().error).toMatchObject({ code: 'grant_enterprise', field: 'roles.0.enterpriseId' });
    expect(without.json().error.message).toContain('第 1 项的所代表的企业');
  });

  it('refuses an enterprise outside the grant’s unit, and a grant outside the admin’s scope, changing nothing', async () => {
    const before = (await countyAdmin.get('/api/users?role=enterprise')).json().total;
    const neighbour = await townAdmin.post('/api/users', enterpriseUser(inWuyang));
    expect(neighbour.statusCode).toBe(400);
    expect(neighbour.json().error).toMatchObject({ code: 'grant_enterprise', field: 'roles.0.enterpriseId' });
    const otherCounty = await countyAdmin.post('/api/users', enterpriseUser(inYouyang, '500241'));
    expect(otherCounty.json().error).toMatchObject({ code: 'grant_enterprise', field: 'roles.0.enterpriseId' });
    const outside = await countyAdmin.post('/api/users', enterpriseUser(inYouyang, '500242'));
    expect(outside.statusCode).toBe(403);
    expect((await countyAdmin.get('/api/users?role=enterprise')).json().total).toBe(before);
  });
});

describe('expert users and the pool', () => {
  const expertUser = (expert: unknown, orgUnitCode = '500241') => ({
    username: uname('exp'),
    displayName: '李专家',
    roles: [{ role: 'expert', orgUnitCode }],
    expert,
  });

  it('creates the pool entry with the user, in the expert grant’s unit', async () => {
    const res = await countyAdmin.post('/api/users', expertUser({ mode: 'create', orgName: '重庆大学', fields: ['新材料'] }));
    expect(res.statusCode).toBe(201);
    const { user } = res.json();
    expect(user.expert).toMatchObject({ name: '李专家', orgUnitCode: '500241', orgUnitName: '秀山土家族苗族自治县' });
    const [row] = await t.database.db.select().from(experts).where(eq(experts.userId, user.id));
    expect(row).toMatchObject({ id: user.expert.id, orgName: '重庆大学', fields: ['新材料'], orgUnitCode: '500241' });
    expect((await countyAdmin.get(`/api/users/${user.id}`)).json().expert.id).toBe(row!.id);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'expert'), eq(auditEvents.entityId, row!.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('links an entry without an account, once; the picker offers only such entries of the unit', async () => {
    const [entry] = await t.database.db
      .insert(experts)
      .values({ name: '王研究员', orgName: '西南大学', history: {}, orgUnitCode: '500241' })
      .returning();
    const offered = await countyAdmin.get('/api/users/options/experts?orgUnitCode=500241&q=%E7%8E%8B');
    expect(offered.json().items).toEqual([{ id: entry!.id, name: '王研究员', orgName: '西南大学', orgUnitName: '秀山土家族苗族自治县' }]);
    expect((await townAdmin.get('/api/users/options/experts?orgUnitCode=500241001')).json().items).toEqual([]);
    const res = await countyAdmin.post('/api/users', expertUser({ mode: 'link', expertId: entry!.id }));
    expect(res.statusCode).toBe(201);
    expect(res.json().user.expert).toMatchObject({ id: entry!.id, name: '王研究员' });
    expect((await countyAdmin.get('/api/users/options/experts?orgUnitCode=500241&q=%E7%8E%8B')).json().items).toEqual([]);
    const again = await countyAdmin.post('/api/users', expertUser({ mode: 'link', expertId: entry!.id }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'expert_entry_taken', field: 'expert.expertId' });
  });

  it('links an existing expert user without an entry later; refuses an entry outside the grant’s unit or without the role', async () => {
    const { user } = (await countyAdmin.post('/api/users', { ...expertUser(undefined, '500241001'), expert: undefined })).json();
    expect(user.expert).toBeNull();
    const [county] = await t.database.db.insert(experts).values({ name: '赵工', history: {}, orgUnitCode: '500241' }).returning();
    const outside = await countyAdmin.patch(`/api/users/${user.id}`, { expert: { mode: 'link', expertId: county!.id } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ code: 'expert_entry_outside', field: 'expert.expertId' });
    const [town] = await t.database.db.insert(experts).values({ name: '钱工', history: {}, orgUnitCode: '500241001' }).returning();
    const linked = await countyAdmin.patch(`/api/users/${user.id}`, { expert: { mode: 'link', expertId: town!.id } });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().expert).toMatchObject({ id: town!.id, name: '钱工' });
    const clerk = await countyAdmin.post('/api/users', {
      username: uname('clk'),
      displayName: '科员',
      roles: [{ role: 'bureau', orgUnitCode: '500241' }],
      expert: { mode: 'create' },
    });
    expect(clerk.statusCode).toBe(400);
    expect(clerk.json().error).toMatchObject({ code: 'expert_link_without_role', field: 'expert' });
    expect(
      (await countyAdmin.get(`/api/users?q=${'科员'}`)).json().items.some((u: { displayName: string }) => u.displayName === '科员'),
    ).toBe(false);
  });
});

describe('department users', () => {
  it('offers the data elements and limits a department grant to some of them', async () => {
    const options = await countyAdmin.get('/api/users/options/data-elements');
    expect(options.statusCode).toBe(200);
    const [first, second] = options.json().items as { code: string; nameZh: string }[];
    expect(first?.nameZh).toBeTruthy();
    const res = await countyAdmin.post('/api/users', {
      username: uname('dep'),
      displayName: '统计局填报人',
      roles: [{ role: 'department', orgUnitCode: '500241', dataElements: [second!.code, first!.code] }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.roles[0].dataElements).toEqual([first!.code, second!.code].sort());
  });
});
