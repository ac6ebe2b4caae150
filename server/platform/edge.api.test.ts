import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../common/enums.js';
import { LIMITS } from '../../common/limits.js';
import { agentWith, createTestApp, makeEnterprise, type Agent, type TestContext } from '../../test/harness.js';
import { xlsxWith } from '../../test/zip-writer.js';
import { orgUnits } from '../db/schema/orgunits.js';

/**
 * Issue #12, point 5 — input at the edge: impossible dates, control characters, LIKE wildcards, absurd
 * figures, zip bombs, the 413's limit and internal messages, each a reproduction from the issue.
 */

let t: TestContext;
let admin: Agent;
let bureau: Agent;
let everything: Agent;
/** An administrator whose language is English (a signed-in user's own setting wins over headers). */
let english: Agent;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp();
  admin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }])).agent;
  bureau = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241' }])).agent;
  everything = (
    await agentWith(
      t,
      ROLES.map((role) => ({ role, orgUnitCode: '500000' })),
    )
  ).agent;
  english = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }])).agent;
  expect((await english.patch('/api/auth/me', { locale: 'en-US' })).statusCode).toBe(200);
});
afterAll(() => t.close());

const park = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `测试园区${code}`,
  level: 'park',
  parentCode: '500241',
  ...extra,
});
const unitExists = async (code: string) => (await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, code))).length > 0;

describe('one date type', () => {
  it('refuses impossible dates with a 400 naming the field, in zh-CN and en-US, and writes nothing', async () => {
    for (const [i, date] of ['2025-02-30', '2025-13-01', '0000-00-00', '2025-02-29'].entries()) {
      const code = `500241P${70 + i}`;
      const res = await admin.post('/api/org-units', park(code, { validFrom: date }));
      expect(res.statusCode, date).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation',
        field: 'validFrom',
        message: '字段“生效日期”：应为 YYYY-MM-DD 格式的有效日期',
      });
      const en = await english.post('/api/org-units', park(code, { validTo: date }));
      expect(en.json().error).toMatchObject({ field: 'validTo', message: 'Field "valid to": must be a real date as YYYY-MM-DD' });
      expect(await unitExists(code)).toBe(false);
    }
    // In a query too: the audit search's day range.
    const audit = await admin.get('/api/audit?from=2025-02-30');
    expect(audit.statusCode).toBe(400);
    expect(audit.json().error.field).toBe('from');
    // A real 29 February is a date.
    expect((await admin.post('/api/org-units', park('500241P79', { validFrom: '2024-02-29' }))).statusCode).toBe(201);
  });
});

describe('control characters', () => {
  const refused = (
    res: { statusCode: number; json: () => { error: { code: string; field?: string; message: string } } },
    field: string,
  ) => {
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation', field });
    expect(res.json().error.message).toContain('控制字符');
  };

  it('NUL in the login username, a search, a name, a file name, an objection, a URL parameter or a JSON key: 400 naming the field', async () => {
    refused(
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: 'whatever-123' } }),
      'username',
    );
    refused(await admin.get('/api/org-units?q=%00'), 'q');
    refused(await bureau.get('/api/enterprises?q=%00'), 'q');
    refused(await admin.post('/api/org-units', park('500241P81', { name: '园区\u0000' })), 'name');
    refused(await admin.post('/api/org-units', { ...park('500241P82'), aliases: ['ok', 'b\u0000'] }), 'aliases.1');
    refused(await admin.patch('/api/auth/me', { displayName: '张\u0000三' }), 'displayName');
    refused(
      await everything.request({
        method: 'POST',
        url: `/api/applications/${randomUUID()}/attachments?key=plan&fileName=${encodeURIComponent('计划\u0000.pdf')}`,
        payload: Buffer.from('%PDF-1.4'),
        headers: { 'content-type': 'application/pdf' },
      }),
      'fileName',
    );
    const objection = { text: '公示内容有误\u0000，请核实', contact: '138' };
    refused(await t.app.inject({ method: 'POST', url: `/api/public/notices/${randomUUID()}/objections`, payload: objection }), 'text');
    refused(
      await t.app.inject({ method: 'POST', url: `/api/public/project-notices/${randomUUID()}/objections`, payload: objection }),
      'text',
    );
    refused(await admin.get('/api/org-units/5002%0041'), 'code');
    refused(await admin.post('/api/org-units', { ...park('500241P83'), ['na\u0000me']: 'x' }), 'na\u0000me');
    const en = await english.get('/api/org-units?q=a%00');
    expect(en.json().error.message).toBe('Field "query": contains a control character that is not allowed (such as NUL)');
    expect(await unitExists('500241P81')).toBe(false);
  });

  it('the other C0 characters and DEL too, but not tab and line breaks in free text', async () => {
    for (const c of ['\u0001', '\u0008', '\u000B', '\u001B', '\u001F', '\u007F'])
      refused(
        await t.app.inject({
          method: 'POST',
          url: `/api/public/notices/${randomUUID()}/objections`,
          payload: { text: `异议内容${c}异议内容` },
        }),
        'text',
      );
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/public/notices/${randomUUID()}/objections`,
      payload: { text: '第一条\r\n第二条\t说明' },
    });
    expect(ok.statusCode).toBe(404); // past the edge: the notice does not exist
  });

  it('an anonymous caller still gets 401 first, and a mutation without its CSRF token 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/org-units?q=%00' })).statusCode).toBe(401);
    expect(
      (await admin.request({ method: 'PATCH', url: '/api/auth/me', payload: { displayName: 'a\u0000' }, csrf: false })).statusCode,
    ).toBe(403);
  });
});

describe('names are normalised', () => {
  it('trimmed, NFC, zero-width characters removed — in what is stored and shown', async () => {
    const me = await admin.patch('/api/auth/me', { displayName: ' \u200B张\u200C三\uFEFF Cafe\u0301 ' });
    expect(me.statusCode).toBe(200);
    expect(me.json().displayName).toBe('张三 Café');
    const created = await admin.post('/api/org-units', park('500241P84', { name: '\u2060 秀山\u200D数字园区 ' }));
    expect(created.statusCode).toBe(201);
    const [row] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, '500241P84'));
    expect(row!.name).toBe('秀山数字园区');
    // Nothing left once normalised: required.
    expect((await admin.patch('/api/auth/me', { displayName: '\u200B\u200B' })).json().error.field).toBe('displayName');
  });
});

describe('LIKE wildcards', () => {
  it('?q=% and ?q=_ match only names that hold them, not everything', async () => {
    await makeEnterprise(t, '500241001', '秀山普通科技有限公司');
    await makeEnterprise(t, '500241001', '秀山百分百_100%科技有限公司');
    const count = async (q: string) => {
      const res = await bureau.get(`/api/enterprises?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as { total: number }).total;
    };
    expect(await count('%')).toBe(1);
    expect(await count('_')).toBe(1);
    expect(await count('100%')).toBe(1);
    expect(await count('%%%')).toBe(0);
    expect(await count('普通')).toBe(1);
    const users = await admin.get('/api/users?q=%25');
    expect(users.statusCode).toBe(200);
    expect((users.json() as { items: unknown[] }).items).toHaveLength(0);
  });
});

describe('figures', () => {
  it('1e20 and 1e308 are refused where a figure is entered', async () => {
    const id = await makeEnterprise(t, '500241001', '秀山数值测试有限公司');
    for (const raw of ['1e20', '1e308', '-1e20']) {
      const res = await bureau.request({
        method: 'PUT',
        url: `/api/enterprises/${id}/stats/2024`,
        payload: `{"revenue": ${raw}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, raw).toBe(400);
      expect(res.json().error.field).toBe('revenue');
    }
    expect(
      (await bureau.request({ method: 'PUT', url: `/api/enterprises/${id}/stats/2024`, payload: { revenue: 123_456.5 } })).statusCode,
    ).toBe(204);
  });
});

describe('xlsx inputs capped before parsing', () => {
  const bomb = xlsxWith([['统一社会信用代码 Credit code', '企业名称 Name']], {
    padding: { chunk: '<si><t>x</t></si>'.repeat(61_681), times: 1024 },
  });

  it('a 2.6 MB xlsx with a 1 GB sharedStrings.xml is refused in well under a second by every importer', async () => {
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const uploads = [
      { agent: bureau, url: '/api/registry/imports?kind=enterprises&dryRun=true' },
      { agent: admin, url: '/api/benchmarks/imports?dryRun=true' },
      { agent: bureau, url: '/api/data-entry/import?dryRun=true' },
    ];
    for (const { agent, url } of uploads) {
      const rss = process.memoryUsage().rss;
      const t0 = performance.now();
      const res = await agent.request({ method: 'POST', url, payload: bomb, headers: { 'content-type': XLSX } });
      const ms = performance.now() - t0;
      expect(res.statusCode, `${url}: ${res.body}`).toBe(413);
      expect(ms, url).toBeLessThan(1000);
      expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
      expect(res.json().error.code).toBe('zip_too_large');
      expect(res.json().error.message).toContain('xl/sharedStrings.xml');
      expect(res.json().error.message).toContain('1024 MB');
      expect(res.json().error.message).toContain(`${LIMITS.zipUncompressedMaxBytes / 1024 / 1024} MB`);
    }
  });

  it('an ordinary workbook still goes through', async () => {
    const ok = xlsxWith([
      ['统一社会信用代码 Credit code', '企业名称 Name'],
      ['91500241MA5U3XXXXX', '秀山县某某科技有限公司'],
    ]);
    const res = await bureau.request({
      method: 'POST',
      url: '/api/registry/imports?kind=enterprises&dryRun=true',
      payload: ok,
      headers: { 'content-type': XLSX },
    });
    expect(res.statusCode, res.body).toBe(202);
  });
});

describe('413 names the route’s limit', () => {
  it('20 MB on the upload routes, 1 MB on JSON routes', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    for (const [url, type] of [
      ['/api/registry/imports?kind=enterprises', 'text/csv'],
      ['/api/registry/imports?kind=enterprises', XLSX],
      ['/api/data-entry/import', XLSX],
    ] as const) {
      const res = await bureau.request({ method: 'POST', url, payload: big, headers: { 'content-type': type } });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toBe('请求内容过大（上限 20 MB）');
    }
    const json = await english.request({
      method: 'POST',
      url: '/api/org-units',
      payload: JSON.stringify({ ...park('500241P85'), name: 'x'.repeat(LIMITS.bodyLimitBytes) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(json.statusCode).toBe(413);
    expect(json.json().error.message).toBe('Request body too large (limit 1 MB)');
  });
});

describe('no internal message reaches a user', () => {
  const INTERNAL =
    /TypeError|RangeError|SyntaxError|ReferenceError|Cannot read propert|undefined|is not a function|syntax error|invalid input syntax|violates|duplicate key|at Object\.|at async|node_modules|\.ts:\d|\.js:\d|SQLSTATE|relation "|column "|postgres|pglite|drizzle|FST_ERR|Unsupported Media Type|Body cannot be empty|zod/;

  it('a malformed or over-long URL is answered by us, not by the framework', async () => {
    const bad = await admin.get('/api/org-units/%E0%A4%A');
    expect([bad.statusCode, bad.json().error.code, bad.json().error.message]).toEqual([400, 'bad_url', '网址无效（编码不正确）']);
    const long = await admin.get(`/api/org-units/${'9'.repeat(400)}`);
    expect([long.statusCode, long.json().error.code]).toEqual([414, 'url_too_long']);
    expect(long.body).not.toMatch(/FST_ERR|exceeding/);
  });

  it('a battery of bad inputs to every route answers in our words', async () => {
    const junkIds = [
      'not-a-uuid',
      '00000000-0000-0000-0000-000000000000',
      "1'; drop table users;--",
      '%E0%A4%A',
      '9'.repeat(400),
      '2025-02-30',
    ];
    const bodies: (string | undefined)[] = [
      '{',
      '[]',
      'null',
      '"text"',
      '{"a":1e308,"b":"\\u0000","c":{"d":[1,2,{"e":null}]}}',
      JSON.stringify({
        id: 'x',
        code: 'x',
        name: 123,
        date: '2025-13-01',
        validFrom: '0000-00-00',
        amountFen: 1e20,
        value: 1e308,
        year: -1,
        items: 'x',
      }),
      undefined,
    ];
    const routes = t.app.routeRegistry.filter((r) => r.method !== 'GET' && r.url !== '/api/auth/logout');
    const leaks: string[] = [];
    const failures: string[] = [];
    let requests = 0;
    const statuses = new Map<number, number>();
    // Signing out would end the battery's session.
    for (const route of t.app.routeRegistry.filter((r) => r.url !== '/api/auth/logout')) {
      for (const id of junkIds) {
        const url =
          route.url.replace(/:(\w+)/g, () => encodeURIComponent(id).replace('%25E0', '%E0')) +
          `?q=${encodeURIComponent(id)}&year=abc&from=2025-02-30`;
        const send = route.method === 'GET' || route.method === 'DELETE' ? [undefined] : bodies;
        for (const payload of send) {
          const res = await everything.request({
            method: route.method as 'GET',
            url,
            ...(payload !== undefined ? { payload, headers: { 'content-type': 'application/json' } } : {}),
          });
          requests++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500)
            failures.push(`${route.method} ${route.url} ${id.slice(0, 20)} ${String(payload).slice(0, 60)} → ${res.statusCode}`);
          if (res.statusCode >= 400) {
            const body = res.body;
            const m = INTERNAL.exec(body);
            if (m) leaks.push(`${route.method} ${url} ${res.statusCode}: “${m[0]}” in ${body.slice(0, 300)}`);
          }
        }
      }
    }
    // Content types and empty bodies the routes do not take.
    for (const route of routes.slice(0, 30)) {
      const url = route.url.replace(/:(\w+)/g, 'x');
      for (const headers of [{ 'content-type': 'application/x-nonsense' }, { 'content-type': 'application/json' }]) {
        const res = await everything.request({ method: route.method as 'POST', url, payload: '', headers });
        requests++;
        if (res.statusCode >= 400 && INTERNAL.test(res.body))
          leaks.push(`${route.method} ${url} ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }
    }
    if (process.env.KC_EDGE_REPORT) console.log(requests, [...statuses], failures.join('\n'));
    expect(requests).toBeGreaterThan(500);
    expect(leaks).toEqual([]);
    // And nothing bad got as far as the database or a crash: every refusal was ours.
    expect(failures).toEqual([]);
  }, 300_000);
});
