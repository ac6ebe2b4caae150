import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, agentWith, createTestApp, login, makeUser, type Agent, type TestContext } from '../../../test/harness.js';

let t: TestContext;
let admin: Agent; // admin over all of Chongqing
let countyAdmin: Agent; // admin over Xiushan only
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  const a = await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }]);
  admin = a.agent;
  adminId = a.user.id;
  countyAdmin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500241' }])).agent;
});
afterAll(() => t.close());

const newUser = (over: Record<string, unknown> = {}) => ({
  username: `clerk${Math.random().toString(36).slice(2, 8)}`,
  displayName: '张科员',
  roles: [{ role: 'bureau', orgUnitCode: '500241' }],
  ...over,
});

describe('POST /api/users', () => {
  it('401 without a session, 403 for a non-admin', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/users', payload: newUser() })).statusCode).toBe(401);
    const { agent } = await agentWith(t, ['bureau']);
    expect((await agent.post('/api/users', newUser())).statusCode).toBe(403);
  });

  it('400 names the field: unknown role, bad username, unknown org unit, common password, unknown key', async () => {
    const role = await admin.post('/api/users', newUser({ roles: [{ role: 'king', orgUnitCode: '500241' }] }));
    expect(role.statusCode).toBe(400);
    expect(role.json().error.field).toBe('roles.0.role');
    expect(role.json().error.message).toContain('第 1 项的角色');
    const name = await admin.post('/api/users', newUser({ username: 'a b' }));
    expect(name.json().error).toMatchObject({ field: 'username', message: '字段“用户名”：格式不正确' });
    const unit = await admin.post('/api/users', newUser({ roles: [{ role: 'bureau', orgUnitCode: '999999' }] }));
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error).toMatchObject({ code: 'unknown_org_unit', field: 'roles.0.orgUnitCode' });
    const common = await admin.post('/api/users', newUser({ password: '1234567890' }));
    expect(common.json().error).toMatchObject({ code: 'password_too_common', field: 'password' });
    const extra = await admin.post('/api/users', newUser({ isRoot: true }));
    expect(extra.json().error).toMatchObject({ field: 'isRoot' });
  });

  it('creates a user with a generated password shown once, who must change it', async () => {
    const body = newUser();
    const res = await admin.post('/api/users', body);
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(initialPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(user.roles).toEqual([
      { role: 'bureau', orgUnitCode: '500241', orgUnitName: '秀山土家族苗族自治县', dataElements: null, enterpriseId: null },
    ]);
    const agent = await login(t, body.username, initialPassword);
    expect((await agent.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const dup = await admin.post('/api/users', { ...newUser(), username: body.username.toUpperCase() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('username');
  });

  it('a county admin may only grant roles inside the county', async () => {
    const outside = await countyAdmin.post('/api/users', newUser({ roles: [{ role: 'bureau', orgUnitCode: '500242' }] }));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toContain('酉阳土家族苗族自治县');
    const town = await countyAdmin.post(
      '/api/users',
      newUser({ roles: [{ role: 'department', orgUnitCode: '500241001' }], password: 'Town-clerk-pass-1' }),
    );
    expect(town.statusCode).toBe(201);
    expect(town.json().initialPassword).toBeUndefined();
  });
});

describe('GET /api/users', () => {
  it('401, 400, 403 and the scoped list', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    expect((await admin.get('/api/users?role=king')).statusCode).toBe(400);
    const { agent } = await agentWith(t, ['auditor']);
    expect((await agent.get('/api/users')).statusCode).toBe(403);
    await makeUser(t, [{ role: 'bureau', orgUnitCode: '500242' }], { username: 'youyang_clerk' });
    const all = (await admin.get('/api/users')).json();
    expect(all.items.some((u: { username: string }) => u.username === 'youyang_clerk')).toBe(true);
    const county = (await countyAdmin.get('/api/users')).json();
    expect(county.items.some((u: { username: string }) => u.username === 'youyang_clerk')).toBe(false);
    const filtered = (await admin.get('/api/users?q=youyang&role=bureau&disabled=false')).json();
    expect(filtered.items.map((u: { username: string }) => u.username)).toEqual(['youyang_clerk']);
  });

  it('GET /api/users/:id: 400 for a bad id, 404 for none, 403 outside the scope', async () => {
    expect((await admin.get('/api/users/not-a-uuid')).statusCode).toBe(400);
    const other = await makeUser(t, [{ role: 'bureau', orgUnitCode: '500242' }]);
    expect((await admin.get(`/api/users/${other.id}`)).statusCode).toBe(200);
    // The access layer names the unit the user belongs to (before #12 the user was hidden behind a 404).
    const outside = await countyAdmin.get(`/api/users/${other.id}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('forbidden_scope');
    expect((await admin.get('/api/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('PATCH /api/users/:id', () => {
  it('disabling revokes the user’s sessions at once', async () => {
    const u = await makeUser(t, ['bureau']);
    const session = await login(t, u.username);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${u.id}`, { disabled: 'yes' })).statusCode).toBe(400);
    const res = await admin.patch(`/api/users/${u.id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    await expect(login(t, u.username)).rejects.toThrow(/401/);
    await admin.patch(`/api/users/${u.id}`, { disabled: false });
    await login(t, u.username);
  });

  it('changes roles; a county admin cannot touch a city-wide user (403)', async () => {
    const u = await makeUser(t, ['bureau']);
    const res = await admin.patch(`/api/users/${u.id}`, {
      roles: [
        { role: 'leader', orgUnitCode: '500241' },
        { role: 'department', orgUnitCode: '500241P01' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['department', 'leader']);
    const cityUser = await makeUser(t, [
      { role: 'bureau', orgUnitCode: '500241' },
      { role: 'leader', orgUnitCode: '500000' },
    ]);
    expect((await countyAdmin.patch(`/api/users/${cityUser.id}`, { disabled: true })).statusCode).toBe(403);
  });

  it('an admin cannot disable or demote themself', async () => {
    expect((await admin.patch(`/api/users/${adminId}`, { disabled: true })).json().error.code).toBe('cannot_disable_self');
    expect((await admin.patch(`/api/users/${adminId}`, { roles: [{ role: 'bureau', orgUnitCode: '500000' }] })).json().error.code).toBe(
      'cannot_remove_own_admin',
    );
  });

  it('401 without a session', async () => {
    const u = await makeUser(t, ['bureau']);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { disabled: true } })).statusCode).toBe(401);
  });
});

describe('POST /api/users/:id/reset-password', () => {
  it('401, 403, 400 and a generated password that works once shown', async () => {
    const u = await makeUser(t, ['expert']);
    expect((await t.app.inject({ method: 'POST', url: `/api/users/${u.id}/reset-password`, payload: {} })).statusCode).toBe(401);
    const { agent } = await agentWith(t, ['bureau']);
    expect((await agent.post(`/api/users/${u.id}/reset-password`, {})).statusCode).toBe(403);
    expect((await admin.post(`/api/users/${u.id}/reset-password`, { password: 'short' })).statusCode).toBe(400);
    const old = await login(t, u.username);
    const res = await admin.post(`/api/users/${u.id}/reset-password`, {});
    expect(res.statusCode).toBe(200);
    const { password } = res.json();
    expect(password).toHaveLength(16);
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
    await expect(login(t, u.username, PASSWORD)).rejects.toThrow();
    await login(t, u.username, password);
  });
});

describe('scope of user administration (issue #12)', () => {
  it('an admin sees users with a grant in the subtree, and may change only those with all grants there', async () => {
    const inside = await makeUser(t, [{ role: 'bureau', orgUnitCode: '500241001' }]);
    const straddling = await makeUser(t, [
      { role: 'leader', orgUnitCode: '500241' },
      { role: 'leader', orgUnitCode: '500101' },
    ]);
    const outside = await makeUser(t, [{ role: 'bureau', orgUnitCode: '500109' }]);
    const list = (await countyAdmin.get('/api/users')).json().items as { id: string; manageable: boolean }[];
    const byId = new Map(list.map((u) => [u.id, u]));
    expect(byId.get(inside.id)?.manageable).toBe(true);
    expect(byId.get(straddling.id)?.manageable).toBe(false);
    expect(byId.has(outside.id)).toBe(false);
    // The city admin manages all three.
    const cityList = (await admin.get('/api/users')).json().items as { id: string; manageable: boolean }[];
    expect(cityList.filter((u) => [inside.id, straddling.id, outside.id].includes(u.id)).every((u) => u.manageable)).toBe(true);
    // What the list says is what the server does.
    expect((await countyAdmin.get(`/api/users/${straddling.id}`)).json().manageable).toBe(false);
    expect((await countyAdmin.patch(`/api/users/${straddling.id}`, { displayName: '改名' })).statusCode).toBe(403);
    expect((await countyAdmin.post(`/api/users/${straddling.id}/reset-password`, {})).statusCode).toBe(403);
    expect((await countyAdmin.patch(`/api/users/${outside.id}`, { disabled: true })).statusCode).toBe(403);
    expect((await countyAdmin.patch(`/api/users/${inside.id}`, { displayName: '改名' })).statusCode).toBe(200);
    // A town's admin (a descendant grant) does not see the county-wide straddler at all… but does see the town user.
    const town = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500241001' }])).agent;
    const townIds = ((await town.get('/api/users')).json().items as { id: string }[]).map((u) => u.id);
    expect(townIds).toContain(inside.id);
    expect(townIds).not.toContain(straddling.id);
    // `q` is text, not a LIKE pattern.
    expect((await countyAdmin.get('/api/users?q=%25')).json().total).toBe(0);
  });
});
