import type { Row, Workbook, Worksheet } from 'exceljs';
import ExcelJS from '../../platform/exceljs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';

let t: TestContext;
let bureau: Agent;
let leader: Agent;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  bureau = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
  planId = (await leader.get('/api/plans')).json()[0].id;
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function template(agent: Agent, query: string): Promise<Workbook> {
  const res = await agent.get(`/api/data-entry/template?${query}`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

const upload = async (agent: Agent, wb: Workbook, dryRun: boolean) =>
  agent.request({
    method: 'POST',
    url: `/api/data-entry/import?dryRun=${dryRun}`,
    headers: { 'content-type': XLSX },
    payload: Buffer.from(await wb.xlsx.writeBuffer()),
  });

/** Row number of a data element × unit in the template. */
function rowOf(ws: Worksheet, de: string, unit: string): Row {
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === de && row.getCell(4).value === unit) return row;
  }
  throw new Error(`${de}@${unit} not in template`);
}

describe('Excel round trip', () => {
  it('the template lists every data element × unit in scope with unit and last year’s value', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/data-entry/template?year=2021' })).statusCode).toBe(401);
    expect((await bureau.get('/api/data-entry/template?year=x')).statusCode).toBe(400);
    expect((await leader.get('/api/data-entry/template?year=2021&orgUnit=500241')).statusCode).toBe(403);
    const wb = await template(bureau, 'year=2021&orgUnit=500241');
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('数据元素代码 Data element code');
    const des = new Set<string>();
    const units = new Set<string>();
    for (let r = 2; r <= ws.rowCount; r++) {
      des.add(String(ws.getRow(r).getCell(1).value));
      units.add(String(ws.getRow(r).getCell(4).value));
    }
    expect(units.size).toBe(29); // the county, 27 towns, the park
    expect(ws.rowCount - 1).toBe(des.size * units.size);
    const gdp = rowOf(ws, 'gdp', '500241');
    expect(gdp.getCell(3).value).toBe('亿元');
    expect(typeof gdp.getCell(7).value).toBe('number'); // the 2020 official GDP
    expect(wb.worksheets[1]!.name).toBe('说明');
  });

  it('one bad row: the preview names it, confirming saves nothing; fixed, it saves everything and the dashboard shows it', async () => {
    const wb = await template(bureau, 'year=2021&orgUnit=500241');
    const ws = wb.worksheets[0]!;
    rowOf(ws, 'tech_enterprises', '500241').getCell(8).value = 260;
    rowOf(ws, 'patents_granted', '500241001').getCell(8).value = 12;
    const bad = rowOf(ws, 'high_tech_enterprises', '500241002');
    bad.getCell(8).value = '十二';
    const byName = rowOf(ws, 'high_tech_enterprises', '500241003');
    byName.getCell(4).value = null;
    byName.getCell(5).value = '秀山县'; // resolved by name: the county itself
    byName.getCell(8).value = 100; // 8 in 2020: a twelvefold jump is a warning, not an error
    const preview = await upload(bureau, wb, true);
    expect(preview.statusCode).toBe(200);
    const report = preview.json();
    expect(report.counts).toMatchObject({ ok: 2, error: 1 });
    const badRow = report.rows.find((r: { status: string }) => r.status === 'error');
    expect(badRow).toMatchObject({
      row: bad.number,
      messages: [{ field: 'value', message: `字段“第 ${bad.number} 行的数值”：“十二”不是数字` }],
    });
    expect(report.rows.find((r: { row: number }) => r.row === byName.number)).toMatchObject({ status: 'warning', orgUnit: '500241' });

    const confirm = await upload(bureau, wb, false);
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().error.code).toBe('import_errors');
    expect((await bureau.get('/api/data-values/history?dataElement=tech_enterprises&orgUnit=500241&period=2021')).json()).toEqual([]);

    bad.getCell(8).value = 12;
    const ok = await upload(bureau, wb, false);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ committed: true, counts: { error: 0 } });
    const dash = (await leader.get(`/api/plans/${planId}/dashboard?year=2021`)).json();
    expect(dash.cards.find((c: { code: string }) => c.code === 'T1-05').latest).toMatchObject({ year: 2021, value: 260 });
    const hist = (await bureau.get('/api/data-values/history?dataElement=tech_enterprises&orgUnit=500241&period=2021')).json();
    expect(hist[0]).toMatchObject({ source: 'import', status: 'submitted' });
  });

  it('reports unknown and ambiguous units and unreadable files', async () => {
    await (
      await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }])
    ).agent.post('/api/org-units', { code: '500241P07', name: '中和工业园', level: 'park', parentCode: '500241', aliases: ['中和镇'] });
    const wb = await template(bureau, 'year=2022&orgUnit=500241001');
    const ws = wb.worksheets[0]!;
    const row = ws.getRow(2);
    row.getCell(4).value = null;
    row.getCell(5).value = '中和';
    row.getCell(8).value = 5;
    const row3 = ws.getRow(3);
    row3.getCell(4).value = null;
    row3.getCell(5).value = '火星镇';
    row3.getCell(8).value = 5;
    const report = (await upload(bureau, wb, true)).json();
    const msgs = report.rows
      .filter((r: { status: string }) => r.status === 'error')
      .map((r: { messages: { message: string }[] }) => r.messages[0]!.message);
    expect(msgs[0]).toMatch(/“中和”对应多个区划：.*500241001.*500241P07/);
    expect(msgs[1]).toContain('找不到区划“火星镇”');
    const junk = await bureau.request({
      method: 'POST',
      url: '/api/data-entry/import',
      headers: { 'content-type': XLSX },
      payload: Buffer.from('not a workbook'),
    });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('import_bad_file');
  });

  it('GET /api/data-entry/grid: 401, 400, the unit’s rows with last year’s value', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/data-entry/grid?orgUnit=500241&year=2021' })).statusCode).toBe(401);
    expect((await bureau.get('/api/data-entry/grid?orgUnit=500241')).statusCode).toBe(400);
    const { agent } = await agentWith(t, [{ role: 'department', orgUnitCode: '500242' }]);
    expect((await agent.get(`/api/data-entry/grid?orgUnit=500241&year=2021&plan=${planId}`)).statusCode).toBe(403);
    const grid = (await bureau.get('/api/data-entry/grid?orgUnit=500241&year=2021')).json();
    expect(grid.canApprove).toBe(true);
    const gdp = grid.rows.find((r: { dataElement: { code: string } }) => r.dataElement.code === 'gdp');
    expect(gdp.previous).toMatchObject({ period: '2020', value: expect.any(Number), status: 'approved' });
    expect(grid.rows.find((r: { dataElement: { code: string } }) => r.dataElement.code === 'tech_enterprises').current.value).toBe(260);
  });

  it('POST /api/export/xlsx turns a shown table into a workbook', async () => {
    const body = {
      title: '指标一览',
      columns: [
        { key: 'code', title: '编码' },
        { key: 'v', title: '值' },
      ],
      rows: [{ code: 'T1-01', v: 36 }],
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/export/xlsx', payload: body })).statusCode).toBe(401);
    expect((await leader.post('/api/export/xlsx', { ...body, columns: [] })).statusCode).toBe(400);
    const res = await leader.post('/api/export/xlsx', body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([undefined, 'T1-01', 36]);
  });
});

describe('who may upload (issue #12)', () => {
  it('the dry runs that parse an upload are open only to those who write figures, not to leaders and auditors', async () => {
    const wb = await template(bureau, 'year=2021&orgUnit=500241');
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const csv = Buffer.from('地区,指标,年份,数值,单位\n秀山县,gdp,2020,301.27,亿元\n');
    for (const role of ['leader', 'auditor'] as const) {
      const { agent } = await agentWith(t, [role]);
      const entry = await agent.request({
        method: 'POST',
        url: '/api/data-entry/import?dryRun=true&orgUnit=500241',
        headers: { 'content-type': XLSX },
        payload: body,
      });
      expect(entry.statusCode).toBe(403);
      expect(entry.json().error.code).toBe('forbidden');
      const stats = await agent.request({
        method: 'POST',
        url: '/api/benchmarks/imports?dryRun=true',
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(stats.statusCode).toBe(403);
    }
    // A writer of another county may not upload for Xiushan either.
    const other = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500101' }])).agent;
    const refused = await other.request({
      method: 'POST',
      url: '/api/data-entry/import?dryRun=true&orgUnit=500241',
      headers: { 'content-type': XLSX },
      payload: body,
    });
    expect(refused.json().error.code).toBe('forbidden_scope');
    expect((await upload(bureau, wb, true)).statusCode).toBe(200);
  });
});
