import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottle, sessions, users } from '../../db/schema/accounts.js';
import { systemContext } from '../../platform/audit.js';
import { PASSWORD, agentWith, createTestApp, login, makeUser, type TestContext } from '../../../test/harness.js';
import { ensureInitialAdmin } from './index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const loginReq = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object, headers });

describe('POST /api/auth/login', () => {
  it('400 names the missing field in the user’s language', async () => {
    const zh = await loginReq({ username: 'someone' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({ code: 'validation', field: 'password', message: '字段“密码”：必填' });
    const en = await loginReq({ username: 'someone', password: 5 }, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('Field "password": must be text');
  });

  it('401 for a wrong password or unknown user, with the same message', async () => {
    const u = await makeUser(t, ['bureau']);
    const wrong = await loginReq({ username: u.username, password: 'not-the-password' });
    const unknown = await loginReq({ username: 'nobody-here', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('succeeds with an HttpOnly SameSite=Lax session cookie and a CSRF cookie', async () => {
    const u = await makeUser(t, ['bureau']);
    const res = await loginReq({ username: u.username.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookies = res.cookies as { name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[];
    const session = cookies.find((c) => c.name === 'kc_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(session.secure).toBeFalsy();
    expect(cookies.find((c) => c.name === 'kc_csrf')!.httpOnly).toBeFalsy();
    expect(res.json().user).toMatchObject({
      username: u.username,
      roles: [{ role: 'bureau', orgUnitCode: '500241', orgUnitName: '秀山土家族苗族自治县' }],
    });
  });

  it('sets Secure cookies behind HTTPS (trusted proxy)', async () => {
    const t2 = await createTestApp({ trustProxy: true });
    try {
      const u = await makeUser(t2, ['bureau']);
      const res = await t2.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect((res.cookies as { name: string; secure?: boolean }[]).find((c) => c.name === 'kc_session')!.secure).toBe(true);
    } finally {
      await t2.close();
    }
  });

  it('answers 429 after 10 failed attempts for one username and IP, even with the right password', async () => {
    const u = await makeUser(t, ['bureau']);
    for (let i = 0; i < 10; i++) expect((await loginReq({ username: u.username, password: 'wrong-password' })).statusCode).toBe(401);
    const locked = await loginReq({ username: u.username, password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('15 分钟');
    // Another user from the same IP is not locked out.
    const other = await makeUser(t, ['bureau']);
    expect((await loginReq({ username: other.username, password: PASSWORD })).statusCode).toBe(200);
  });

  it('refuses a cross-site login form post (login CSRF)', async () => {
    const u = await makeUser(t, ['bureau']);
    const res = await loginReq({ username: u.username, password: PASSWORD }, { origin: 'https://evil.example', host: 'localhost:80' });
    expect(res.statusCode).toBe(403);
  });
});

describe('session', () => {
  it('GET /api/auth/me: 401 without a session, the user with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const { agent, user } = await agentWith(t, ['leader']);
    const me = await agent.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, locale: 'zh-CN', mustChangePassword: false });
  });

  it('mutations with a session cookie but without the CSRF token are refused (403)', async () => {
    const { agent } = await agentWith(t, ['leader']);
    const res = await agent.request({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en-US' }, csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    const wrong = await agent.request({
      method: 'PATCH',
      url: '/api/auth/me',
      payload: { locale: 'en-US' },
      csrf: false,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('PATCH /api/auth/me remembers the language per user and answers in it', async () => {
    const { agent, user } = await agentWith(t, ['leader']);
    expect((await agent.patch('/api/auth/me', { locale: 'xx' })).statusCode).toBe(400);
    const res = await agent.patch('/api/auth/me', { locale: 'en-US' });
    expect(res.statusCode).toBe(200);
    expect(res.json().locale).toBe('en-US');
    const again = await login(t, user.username);
    expect((await again.get('/api/auth/me')).json().locale).toBe('en-US');
    // Errors now come in English without any header.
    expect((await again.get('/api/users')).json().error.message).toBe('You are not allowed to do this');
  });

  it('expires after the idle time', async () => {
    const { agent } = await agentWith(t, ['leader']);
    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '9 hours'` });
    const res = await agent.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });

  it('POST /api/auth/logout ends the session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
    const { agent } = await agentWith(t, ['bureau']);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('POST /api/auth/password', () => {
  it('401 / 400 (short, common, wrong current) / 204, and the new password works', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: {} })).statusCode).toBe(401);
    const { agent, user } = await agentWith(t, ['bureau']);
    const short = await agent.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ field: 'newPassword', message: '字段“新密码”：至少 10 个字符' });
    const common = await agent.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'qwertyuiop' });
    expect(common.json().error.code).toBe('password_too_common');
    const wrongCurrent = await agent.post('/api/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'Brand-new-secret-7' });
    expect(wrongCurrent.json().error.code).toBe('wrong_current_password');
    const ok = await agent.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Brand-new-secret-7' });
    expect(ok.statusCode).toBe(204);
    expect((await agent.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    await expect(login(t, user.username)).rejects.toThrow();
    await login(t, user.username, 'Brand-new-secret-7');
  });
});

describe('sign-in hardening (issue #12)', () => {
  it('a user who must change the password is sent to the change, and gets 403 on everything else until then', async () => {
    const admin = await makeUser(t, [{ role: 'admin', orgUnitCode: '500241' }], { mustChangePassword: true });
    const bureau = await makeUser(t, ['bureau'], { mustChangePassword: true });
    // The sign-in answer tells the web app to open the change page.
    const res = await loginReq({ username: admin.username, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
    const a = await login(t, admin.username);
    const b = await login(t, bureau.username);
    // Before the fix both answered: the list of users (200) and a new budget (201/400).
    for (const [agent, method, url, payload] of [
      [a, 'GET', '/api/users', undefined],
      [a, 'POST', '/api/users', { username: 'created-by-locked', displayName: 'x', roles: [{ role: 'leader', orgUnitCode: '500241' }] }],
      [b, 'POST', '/api/ledger/budgets', { year: 2026, policyCode: 'XS-RD-2025', amountFen: 10_000_000 }],
      [b, 'GET', '/api/enterprises', undefined],
    ] as const) {
      const r = await agent.request({ method, url, ...(payload ? { payload } : {}) });
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().error.code).toBe('must_change_password');
    }
    // What the change page needs still works: who am I, the change itself, signing out.
    expect((await a.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    expect((await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Fresh-admin-secret-9' })).statusCode).toBe(204);
    expect((await a.get('/api/users')).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).json().mustChangePassword).toBe(false);
  });

  it('a new password must differ from the current one (400 naming newPassword)', async () => {
    const { agent, user } = await agentWith(t, ['leader']);
    const same = await agent.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({ code: 'password_unchanged', field: 'newPassword' });
    expect(same.json().error.message).toContain('新密码');
    // Nothing changed: the old password still signs in.
    await login(t, user.username);
  });

  it('wrong current passwords count toward the lock-out, on the same counter as sign-ins', async () => {
    const { agent, user } = await agentWith(t, ['leader']);
    for (let i = 0; i < 10; i++) {
      const r = await agent.post('/api/auth/password', { currentPassword: `wrong-guess-${i}`, newPassword: 'Another-secret-77' });
      expect(r.json().error.code).toBe('wrong_current_password');
    }
    // The 11th guess is not even checked, even the right one; and sign-in from this address is locked too.
    const locked = await agent.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Another-secret-77' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too_many_attempts');
    expect((await loginReq({ username: user.username, password: PASSWORD })).statusCode).toBe(429);
    // An administrator's reset clears the counter.
    await t.database.db.delete(loginThrottle).where(eq(loginThrottle.username, user.username.toLowerCase()));
    expect((await agent.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Another-secret-77' })).statusCode).toBe(204);
  });

  it('the lock-out holds under concurrency: of 200 parallel wrong sign-ins at most 10 are checked', async () => {
    const u = await makeUser(t, ['bureau']);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => loginReq({ username: u.username, password: `wrong-password-${i}` })),
    );
    const checked = answers.filter((r) => r.statusCode === 401).length;
    const refused = answers.filter((r) => r.statusCode === 429).length;
    // Before the fix 16 of 200 were checked (the count was read before, and written after, the slow hash).
    expect(checked).toBe(10);
    expect(refused).toBe(190);
    const [row] = await t.database.db.select().from(loginThrottle).where(eq(loginThrottle.username, u.username.toLowerCase()));
    expect(row?.attempts).toBe(10);
    expect((await loginReq({ username: u.username, password: PASSWORD })).statusCode).toBe(429);
  });

  it('a success clears the counter; an expired window starts again', async () => {
    const u = await makeUser(t, ['bureau']);
    for (let i = 0; i < 9; i++) expect((await loginReq({ username: u.username, password: 'wrong-password' })).statusCode).toBe(401);
    expect((await loginReq({ username: u.username, password: PASSWORD })).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) expect((await loginReq({ username: u.username, password: 'wrong-password' })).statusCode).toBe(401);
    expect((await loginReq({ username: u.username, password: PASSWORD })).statusCode).toBe(429);
    await t.database.db
      .update(loginThrottle)
      .set({ windowStart: sql`now() - interval '16 minutes'` })
      .where(eq(loginThrottle.username, u.username.toLowerCase()));
    expect((await loginReq({ username: u.username, password: PASSWORD })).statusCode).toBe(200);
  });

  it('KECHUANG_ADMIN_PASSWORD must pass the password rules when the first administrator is created', async () => {
    const db = t.database.db;
    // The first start's admin exists only when no active administrator does: make room for one.
    await db.execute(sql`update users set disabled = true where id in (select user_id from user_roles where role = 'admin')`);
    await db.execute(sql`update users set username = username || '-old' where lower(username) = 'admin'`);
    for (const [password, code] of [
      ['short-1', 'password_too_short'],
      ['password123', 'password_too_common'],
      ['my-admin-secret-1', 'password_contains_username'],
    ] as const) {
      await expect(ensureInitialAdmin(db, systemContext('test'), { password, dataDir: undefined })).rejects.toMatchObject({
        status: 400,
        code,
        field: 'KECHUANG_ADMIN_PASSWORD',
      });
    }
    const created = await ensureInitialAdmin(db, systemContext('test'), { password: 'Strong-initial-9x', dataDir: undefined });
    expect(created?.username).toBe('admin');
    const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
    expect(admin?.mustChangePassword).toBe(false);
    await login(t, 'admin', 'Strong-initial-9x');
  });
});
