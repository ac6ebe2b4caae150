import { connect, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, cloneTemplate } from '../../../test/db-template.js';
import { agentWith, createTestApp, TEST_RATE_LIMITS, type TestContext } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db.js';

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

/**
 * A loopback TCP proxy to PostgreSQL that can be cut (listener closed, every connection destroyed: what the
 * server sees when the database stops) and restored on the same port.
 */
async function cuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  const port = await listen(0);
  return {
    port,
    cut: async () => {
      await new Promise((resolve) => {
        server.close(resolve);
        for (const s of sockets) s.destroy();
      });
    },
    restore: () => listen(port),
  };
}

// The server over a PostgreSQL that goes away mid-flight and comes back (the connection cut by a proxy). The
// whole outage — a real cluster stopped and restarted under load, in a server process — is
// server/platform/outage.api.test.ts.
describe.skipIf(backend() !== 'postgres')('when PostgreSQL goes away', () => {
  it('answers 503 database_unavailable with Retry-After at once — /api/health says down — and comes back with the same session', async () => {
    const clone = await cloneTemplate();
    await clone.database.close();
    const direct = new URL(clone.url!);
    const proxy = await cuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(clone.url!);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const database = await openDatabase({ url: proxied.toString(), poolSize: 5 });
    const config = { ...loadConfig({ KECHUANG_WEB_DIR: '/nonexistent' }), rateLimits: TEST_RATE_LIMITS };
    const app = await buildApp({ database, config });
    const ctx: TestContext = { app, database, config, close: async () => undefined };
    try {
      const { agent } = await agentWith(ctx, [{ role: 'admin', orgUnitCode: '500000' }]);
      const unit = await agent.get('/api/org-units/500241');
      expect(unit.statusCode).toBe(200);

      await proxy.cut();
      const t0 = performance.now();
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.headers['retry-after']).toBe('2');
      expect(health.json()).toEqual({
        status: 'down',
        database: 'postgres',
        version: expect.any(String),
        error: { code: 'database_unavailable', message: '数据库暂时无法访问，请 2 秒后重试' },
      });
      // A signed-in user's requests: a page, a write (the session is still in the 2 s cache, or cannot be read —
      // which is not "signed out"), in the user's language.
      const read = await agent.request({ method: 'GET', url: '/api/org-units/500241', headers: { 'accept-language': 'en-US' } });
      expect(read.statusCode).toBe(503);
      expect(read.headers['retry-after']).toBe('2');
      // (The user's own language when the session is still cached, else the browser's.)
      expect(read.json().error.code).toBe('database_unavailable');
      expect(['The database is temporarily unavailable; please try again in 2 s', '数据库暂时无法访问，请 2 秒后重试']).toContain(
        read.json().error.message,
      );
      const write = await agent.post('/api/org-units', { code: '500241Z01', name: '停机', level: 'township', parentCode: '500241' });
      expect(write.statusCode).toBe(503);
      const anonymous = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: 'Whatever-123456' },
      });
      expect(anonymous.statusCode).toBe(503);
      // Once a failure was seen, the breaker answers a burst without waiting on the pool.
      const burst = await Promise.all(Array.from({ length: 20 }, () => agent.get('/api/org-units/500241')));
      expect(burst.map((r) => r.statusCode)).toEqual(Array(20).fill(503));
      expect(performance.now() - t0).toBeLessThan(5_000);

      await proxy.restore();
      for (let waited = 0; (await app.inject({ method: 'GET', url: '/api/health' })).statusCode !== 200; waited += 100) {
        if (waited > 10_000) throw new Error('the database did not come back within 10 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
      const again = await agent.get('/api/org-units/500241');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(unit.json());
      // The write refused during the outage was not carried out: it can be made now, once.
      expect(
        (await agent.post('/api/org-units', { code: '500241Z01', name: '停机', level: 'township', parentCode: '500241' })).statusCode,
      ).toBe(201);
    } finally {
      await app.close();
      await database.close();
      await proxy.cut();
      await clone.dispose();
    }
  });
});
