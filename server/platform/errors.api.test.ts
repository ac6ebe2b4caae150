import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/harness.js';
import { AppError, registerErrorHandling } from './errors.js';

/**
 * What the database refuses reaches the user as a localised 400/409 of ours, never as the driver's text
 * ("invalid input syntax for type uuid", "duplicate key value violates unique constraint"), on PGlite and
 * PostgreSQL alike. The refusals are provoked for real, on the test database.
 */
let t: TestContext;
let app: FastifyInstance;

const CASES: Record<string, (db: TestContext['database']['db']) => Promise<unknown>> = {
  uuid: (db) => db.execute(sql`select ${'not-a-uuid'}::uuid`),
  int: (db) => db.execute(sql`select ${'99999999999'}::int`),
  date: (db) => db.execute(sql`select ${'2025-02-30'}::date`),
  nul: (db) => db.execute(sql`select ${'a\u0000b'}::text`),
  jsonb: (db) => db.execute(sql`select ${'{"a":"\\u0000"}'}::jsonb`),
  duplicate: (db) => db.execute(sql`insert into org_units select * from org_units where code = '500000'`),
  crash: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")),
  // A library's message that a module passed on as the detail of its own error.
  passedOn: () =>
    Promise.reject(new AppError(400, 'index_spec', { detail: "Cannot read properties of undefined (reading 'weights')" }, 'spec')),
  ownDetail: () => Promise.reject(new AppError(400, 'index_spec', { detail: 'spec.weights: 权重之和须为 1' }, 'spec')),
};

beforeAll(async () => {
  t = await createTestApp();
  app = Fastify({ logger: false });
  registerErrorHandling(app);
  app.get('/api/db/:case', async (req) => {
    await CASES[(req.params as { case: string }).case]!(t.database.db);
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const ask = async (c: string, locale = 'zh-CN') => {
  const res = await app.inject({ method: 'GET', url: `/api/db/${c}`, headers: { 'x-kechuang-locale': locale } });
  return { status: res.statusCode, ...(res.json() as { error: { code: string; message: string } }).error };
};

describe('database refusals in our words', () => {
  it('bad text, out of range, impossible date, NUL, duplicate: 400/409 with a localised message', async () => {
    expect(await ask('uuid')).toMatchObject({
      status: 400,
      code: 'db_invalid_text',
      message: '请求中有值的格式不正确（如编号、日期或数字）',
    });
    expect(await ask('uuid', 'en-US')).toMatchObject({
      message: 'A value in the request has the wrong format (an id, a date or a number)',
    });
    expect(await ask('int')).toMatchObject({ status: 400, code: 'db_out_of_range' });
    expect(await ask('date')).toMatchObject({ status: 400, code: 'db_bad_date' });
    expect(await ask('nul')).toMatchObject({ status: 400, code: 'db_bad_character' });
    expect(await ask('jsonb')).toMatchObject({ status: 400, code: 'db_bad_character' });
    expect(await ask('duplicate')).toMatchObject({ status: 409, code: 'db_duplicate' });
  });

  it('anything else is a 500 naming only the request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/db/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/Cannot read|TypeError|undefined/);
    expect(res.json().error.message).toBe(`服务器内部错误（请求编号 ${res.json().requestId}）`);
  });

  it('a library message passed on as a detail is withheld; our own detail is shown', async () => {
    const passed = await ask('passedOn');
    expect(passed).toMatchObject({ status: 400, code: 'index_spec' });
    expect(passed.message).toMatch(/^指数方法设置有误：详情已记录（请求编号 [\w-]+）$/);
    expect(await ask('ownDetail')).toMatchObject({ message: '指数方法设置有误：spec.weights: 权重之和须为 1' });
  });

  it('no driver text in any of them', async () => {
    for (const c of Object.keys(CASES)) {
      const res = await app.inject({ method: 'GET', url: `/api/db/${c}` });
      expect(res.body).not.toMatch(
        /invalid input syntax|out of range for|violates|duplicate key|0x00|Unicode|uuid|SQLSTATE|TypeError|Cannot read/,
      );
    }
  });
});
