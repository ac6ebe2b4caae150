import ExcelJS from '../../platform/exceljs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../common/registry/index.js';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';
import { IMPORT_BATCH, parseCsv } from './import.js';

let t: TestContext;
let bureau: Agent;
let leader: Agent;
const code = (body: string) => body + creditCodeCheckChar(body);

beforeAll(async () => {
  t = await createTestApp();
  bureau = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
});
afterAll(() => t.close());

async function run(
  agent: Agent,
  kind: string,
  body: Buffer,
  dryRun: boolean,
  contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  query = '',
) {
  const res = await agent.request({
    method: 'POST',
    url: `/api/registry/imports?kind=${kind}&dryRun=${dryRun}${query}`,
    headers: { 'content-type': contentType },
    payload: body,
  });
  if (res.statusCode !== 202) return { statusCode: res.statusCode, body: res.json() };
  const { jobId } = res.json();
  for (;;) {
    const job = (await agent.get(`/api/registry/imports/${jobId}`)).json();
    if (job.state !== 'running') return { statusCode: 200, body: job };
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function workbook(kind: string, rows: (string | number | null)[][]): Promise<Buffer> {
  const res = await bureau.get(`/api/registry/import/template?kind=${kind}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('bulk import', () => {
  it('csv parsing handles quotes, commas and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,c","d ""e"""\r\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
  });

  it('401, 403 for a leader, 400 for a bad kind or file', async () => {
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/registry/imports?kind=enterprises',
          headers: { 'content-type': 'text/csv' },
          payload: 'x',
        })
      ).statusCode,
    ).toBe(401);
    expect((await run(leader, 'enterprises', Buffer.from('a,b\n'), true, 'text/csv')).statusCode).toBe(403);
    expect((await run(bureau, 'stuff', Buffer.from('a,b\n'), true, 'text/csv')).statusCode).toBe(400);
    expect((await run(bureau, 'enterprises', Buffer.from('nothing,here\n1,2\n'), true, 'text/csv')).body.error.code).toBe(
      'import_no_header',
    );
  });

  it('enterprises: a dry run reports every bad row; a commit with errors saves nothing; a clean file saves all', async () => {
    const good = code('91500241MA60000A1');
    const good2 = code('91500241MA60000B2');
    const rows = [
      [
        good,
        '秀山县茶叶科技有限公司',
        '张三',
        '2019-04-01',
        '中和街道',
        'C15',
        '食品加工',
        '小型',
        '',
        '',
        '',
        '秀山工业园区',
        '2020-01-01',
      ],
      [
        good.slice(0, 17) + (good.endsWith('0') ? '1' : '0'),
        '校验码错的公司',
        '',
        '2019-04-01',
        '中和街道',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      [good2, '秀山县火星公司', '', '2019-04-01', '火星镇', '', '', '', '', '', '', '', ''],
      [good, '重复的公司', '', '2019-04-01', '乌杨街道', '', '', '', '', '', '', '', ''],
    ];
    const file = await workbook('enterprises', rows);
    const dry = (await run(bureau, 'enterprises', file, true)).body;
    expect(dry.state).toBe('done');
    expect(dry.report.counts).toEqual({ ok: 1, error: 3, empty: 0 });
    const errs = dry.report.rows.filter((r: { status: string }) => r.status === 'error');
    expect(errs.map((r: { row: number }) => r.row)).toEqual([3, 4, 5]);
    expect(errs[0].messages[0].message).toContain('第 18 位校验码应为');
    expect(errs[1].messages[0].message).toContain('找不到区划“火星镇”');
    expect(errs[2].messages[0].message).toContain('与第 2 行重复');
    const commit = (await run(bureau, 'enterprises', file, false)).body;
    expect(commit.report.committed).toBe(false);
    expect((await leader.get('/api/enterprises')).json().total).toBe(0);

    const clean = await workbook('enterprises', [
      rows[0]!,
      [good2, '秀山县云计算有限公司', '', '2020-02-02', '乌杨街道', '', '数字经济', '微型', '', '', '', '', ''],
    ]);
    const ok = (await run(bureau, 'enterprises', clean, false)).body;
    expect(ok.report).toMatchObject({ committed: true, counts: { ok: 2, error: 0 } });
    const list = (await leader.get('/api/enterprises')).json();
    expect(list.items.map((e: { name: string }) => e.name).sort()).toEqual(['秀山县云计算有限公司', '秀山县茶叶科技有限公司']);
    expect(list.items.find((e: { name: string }) => e.name === '秀山县云计算有限公司').tags).toEqual(['digital']);
    const again = (await run(bureau, 'enterprises', clean, true)).body;
    expect(again.report.rows.map((r: { messages: { message: string }[] }) => r.messages[0]?.message)).toEqual([
      expect.stringContaining('已登记（秀山县茶叶科技有限公司）'),
      expect.stringContaining('已登记（秀山县云计算有限公司）'),
    ]);
  });
});

describe('bulk import: other kinds, large files, scope and jobs', () => {
  it('qualifications and statistics from csv, checked against the register', async () => {
    const good = code('91500241MA60000A1');
    const csv = `统一社会信用代码,资质类型,证书编号,发证日期,撤销日期\n${good},高新技术企业,GR2023001,2023-11-20,\n${good},不存在的资质,,2023-01-01,\n`;
    const dry = (await run(bureau, 'qualifications', Buffer.from(csv), true, 'text/csv')).body;
    expect(dry.report.counts).toEqual({ ok: 1, error: 1, empty: 0 });
    const fixed = csv.split('\n').slice(0, 2).join('\n');
    expect((await run(bureau, 'qualifications', Buffer.from(fixed), false, 'text/csv')).body.report.committed).toBe(true);
    const stats = `统一社会信用代码,年度,平均职工人数,科技人员数,营业收入（万元）\n${good},2024,80,12,3000\n${good},2024,-5,1,1\n`;
    const s = (await run(bureau, 'stats', Buffer.from(stats), true, 'text/csv')).body;
    expect(s.report.rows[1].messages[0].field).toBe('avgEmployees');
    expect(s.report.counts.error).toBe(1);
  });

  it('a file larger than one batch: a problem in a later batch undoes the earlier ones; the audit trail finds each record', async () => {
    const n = IMPORT_BATCH + 2;
    const codes = Array.from({ length: n }, (_, i) => code(`91500241MB${String(i).padStart(7, '0')}`));
    const header = '统一社会信用代码,企业名称,注册地（乡镇街道）';
    const lines = codes.map((c, i) => `${c},秀山县批量${i}有限公司,中和街道`);
    // The last row repeats the first: found across batches, after the first batch was written.
    const bad = Buffer.from([header, ...lines, lines[0]].join('\n'));
    const refused = (await run(bureau, 'enterprises', bad, false, 'text/csv')).body;
    expect(refused.total).toBe(n + 1);
    expect(refused.report).toMatchObject({ committed: false, counts: { ok: n, error: 1 } });
    expect(refused.report.rows.at(-1)).toMatchObject({ row: n + 2, status: 'error' });
    expect(refused.report.rows.at(-1).messages[0].message).toContain('与第 2 行重复');
    const before = (await leader.get('/api/enterprises')).json().total as number;
    expect((await leader.get(`/api/enterprises/${codes[0]}`)).statusCode).toBe(404);

    const ok = (await run(bureau, 'enterprises', Buffer.from([header, ...lines].join('\n')), false, 'text/csv')).body;
    expect(ok.report).toMatchObject({ committed: true, counts: { ok: n, error: 0 } });
    expect((await leader.get('/api/enterprises')).json().total).toBe(before + n);
    const last = (await leader.get(`/api/enterprises/${codes.at(-1)}`)).json();
    const admin = (await agentWith(t, ['admin'])).agent;
    const trail = (await admin.get(`/api/audit?entityId=${last.id}`)).json();
    expect(trail.items).toHaveLength(1);
    expect(trail.items[0]).toMatchObject({ action: 'import', entity: 'enterprise' });
  }, 120_000);

  it('scope (issue #12): a row outside the editor’s subtree is refused (and nothing saved); a region outside is 403', async () => {
    const county = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241' }])).agent;
    const header = '统一社会信用代码,企业名称,注册地（乡镇街道）';
    const beibei = code('91500109MA5U00XA1');
    const xiushan = code('91500241MA5U00XB1');
    const csv = Buffer.from([header, `${beibei},北碚区越权企业有限公司,500109`, `${xiushan},秀山县范围内企业有限公司,中和街道`].join('\n'));
    // Named in the city's region, the 北碚 row resolves, and is refused for scope; the import saves nothing.
    const res = (await run(county, 'enterprises', csv, false, 'text/csv', '&orgUnit=500000')).body;
    expect(res.report).toMatchObject({ committed: false, counts: { ok: 1, error: 1 } });
    expect(res.report.rows[0]).toMatchObject({ row: 2, status: 'error' });
    expect(JSON.stringify(res.report.rows[0].messages)).toContain('北碚');
    const admin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }])).agent;
    expect((await admin.get(`/api/enterprises/${beibei}`)).statusCode).toBe(404);
    // A region outside the editor's scope altogether is refused before the file is read.
    const other = await county.request({
      method: 'POST',
      url: '/api/registry/imports?kind=enterprises&dryRun=true&orgUnit=500101',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden_scope');
  });

  it('a job belongs to its user', async () => {
    const csv = Buffer.from('统一社会信用代码,资质类型,证书编号,发证日期\n');
    const res = await bureau.request({
      method: 'POST',
      url: '/api/registry/imports?kind=qualifications',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    const other = (await agentWith(t, ['bureau'])).agent;
    expect((await other.get(`/api/registry/imports/${res.json().jobId}`)).statusCode).toBe(404);
  });
});
