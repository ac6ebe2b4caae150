import { randomBytes } from 'node:crypto';
import type { Workbook } from 'exceljs';
import ExcelJS from '../../platform/exceljs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';
import { COLUMNS } from './import.js';

/** Malformed and hostile files: a clear error every time, no crash, nothing written. */
let t: TestContext;
let bureau: Agent;
beforeAll(async () => {
  t = await createTestApp();
  bureau = (await agentWith(t, ['bureau'])).agent;
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function run(body: Buffer, type: string, dryRun = false) {
  const res = await bureau.request({
    method: 'POST',
    url: `/api/registry/imports?kind=enterprises&dryRun=${dryRun}`,
    headers: { 'content-type': type },
    payload: body,
  });
  if (res.statusCode !== 202) return { status: res.statusCode, error: res.json().error as { code: string; message: string } };
  const { jobId } = res.json();
  for (;;) {
    const job = (await bureau.get(`/api/registry/imports/${jobId}`)).json();
    if (job.state !== 'running') return { status: 202, job };
    await new Promise((r) => setTimeout(r, 20));
  }
}

const header = COLUMNS.enterprises.map((c) => `${c.zh} ${c.en}`);
async function xlsx(build: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const count = async () => (await bureau.get('/api/enterprises')).json().total as number;

describe('importer fuzzing', () => {
  it('empty, random bytes, a truncated workbook, binary in csv', async () => {
    expect((await run(Buffer.alloc(0), 'text/csv')).error).toMatchObject({ code: 'import_empty', message: '文件是空的' });
    for (let i = 0; i < 5; i++) {
      const r = await run(randomBytes(2000 + i * 997), XLSX);
      expect(r.status).toBe(400);
      expect(['import_bad_file', 'import_no_header']).toContain(r.error!.code);
    }
    const good = await xlsx((wb) => wb.addWorksheet('x').addRow(header));
    const truncated = await run(good.subarray(0, Math.floor(good.length / 2)), XLSX);
    expect(truncated.error!.code).toBe('import_bad_file');
    const zipHeaderGarbage = await run(Buffer.concat([Buffer.from('PK'), randomBytes(500)]), XLSX);
    expect(zipHeaderGarbage.error!.code).toBe('import_bad_file');
    expect((await run(Buffer.from('a\u0000b,c'), 'text/csv')).error!.code).toBe('import_bad_file');
    expect(await count()).toBe(0);
  });

  it('the wrong sheet, no header anywhere, or the data on a later sheet', async () => {
    const none = await xlsx((wb) => {
      wb.addWorksheet('封面').addRow(['秀山县创新主体']);
      wb.addWorksheet('其他').addRow(['a', 'b', 'c']);
    });
    expect((await run(none, XLSX)).error!.code).toBe('import_no_header');
    const later = await xlsx((wb) => {
      wb.addWorksheet('封面').addRow(['说明']);
      const ws = wb.addWorksheet('数据');
      ws.addRow(header);
      ws.addRow(['not-a-code', 'x']);
    });
    const r = await run(later, XLSX, true);
    expect(r.job.report.rows[0].messages[0].message).toContain('应为 18 位');
  });

  it('merged cells, formulas, huge cells and wrong types are reported by row', async () => {
    const file = await xlsx((wb) => {
      const ws = wb.addWorksheet('导入');
      ws.addRow(header);
      ws.addRow(['91500241MA60000A1X', { formula: '"秀山"&"公司"', result: '秀山公司' }, '', 43000, '中和街道']);
      ws.addRow(['x'.repeat(100_000), 'huge']);
      ws.addRow([12345, true, null, new Date('2020-01-01'), 500241001]);
      ws.mergeCells('F2:H2');
    });
    const r = await run(file, XLSX);
    expect(r.job.state).toBe('done');
    expect(r.job.report.committed).toBe(false);
    const msgs = r.job.report.rows.map((x: { row: number; messages: { field: string; message: string }[] }) => [
      x.row,
      x.messages[0]?.field,
    ]);
    expect(msgs).toEqual([
      [2, 'creditCode'],
      [3, 'creditCode'],
      [4, 'creditCode'],
    ]);
    expect(r.job.report.rows[1].messages[0].message).toContain('超过 2000 个字符');
    expect(await count()).toBe(0);
  });

  it('a million rows is refused with a clear message before anything runs', async () => {
    const lines = [header.join(','), ...Array.from({ length: 1_000_000 }, () => 'x')];
    const r = await run(Buffer.from(lines.join('\n')), 'text/csv');
    expect(r.status).toBe(400);
    expect(r.error!.message).toBe('文件超过 500000 行，请分批导入');
    expect(await count()).toBe(0);
  });

  it('a body over the limit is a 413', async () => {
    const r = await bureau.request({
      method: 'POST',
      url: '/api/registry/imports?kind=enterprises',
      headers: { 'content-type': 'text/csv' },
      payload: Buffer.alloc(21 * 1024 * 1024, 'a'),
    });
    expect(r.statusCode).toBe(413);
  });
});
