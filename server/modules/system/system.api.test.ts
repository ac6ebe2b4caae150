import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../../../test/db-template.js';
import { createTestApp, type TestContext } from '../../../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('platform conventions', () => {
  it('GET /api/health reports the database kind and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: backend(), version: expect.any(String) });
  });

  it('unknown API routes answer 404 JSON in the user’s language', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error).toMatchObject({ code: 'route_not_found', message: expect.stringContaining('接口不存在') });
    const en = await t.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toMatch(/^No such endpoint/);
  });

  it('malformed JSON is a 400 that changes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_json');
  });

  it('a body over the limit is a 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('sets security headers and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/health', '/api/auth/login', '/api/users', '/api/org-units', '/api/org-units/{code}', '/api/audit']) {
      expect(doc.paths).toHaveProperty(p);
    }
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});
