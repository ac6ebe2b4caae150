import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/index.js';
import { PASSWORD, agentWith, createTestApp, login, makeUser, type TestContext } from '../../../test/harness.js';

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
    expect(me.json()).toMatchObject({ id: user.id, locale: 'zh-CN', mustChangePassword: true });
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
