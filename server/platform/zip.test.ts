import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../common/limits.js';
import { writeZip, xlsxWith } from '../../test/zip-writer.js';
import ExcelJS from './exceljs.js';
import { AppError } from './errors.js';
import { assertZipDeclaredWithinLimits, assertZipWithinLimits, mb, zipEntries } from './zip.js';

const BOMB_CHUNK = '<si><t>x</t></si>'.repeat(61_681); // 1 MiB of shared strings

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('not refused');
}

describe('zip limits, read before parsing', () => {
  it('passes the workbooks exceljs writes, whole or streamed (data descriptors), and ours', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('导入').addRows([
      ['名称', '代码'],
      ['秀山', 500241],
    ]);
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    await assertZipWithinLimits(whole);
    expect(zipEntries(whole).map((e) => e.name)).toContain('xl/workbook.xml');

    const chunks: Buffer[] = [];
    const sink = new (await import('node:stream')).PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    const streamed = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true });
    const ws = streamed.addWorksheet('导入');
    for (let i = 0; i < 2000; i++) ws.addRow([`企业${i}`, i]).commit();
    ws.commit();
    await streamed.commit();
    const file = Buffer.concat(chunks);
    await assertZipWithinLimits(file);
    expect(zipEntries(file).length).toBeGreaterThan(5);

    const ours = xlsxWith([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await assertZipWithinLimits(ours);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(ours as unknown as ArrayBuffer);
    expect(back.worksheets[0]!.getRow(2).values).toEqual([undefined, 'c', 'd']);
  });

  it('refuses a 2.6 MB xlsx with a 1 GB sharedStrings.xml in milliseconds, naming the part and the limit', async () => {
    const bomb = xlsxWith([['a', 'b']], { padding: { chunk: BOMB_CHUNK, times: 1024 } });
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const t0 = performance.now();
    const e = await refusal(assertZipWithinLimits(bomb));
    expect(performance.now() - t0).toBeLessThan(100);
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * 1024 * 1024);
    expect(e.status).toBe(413);
    expect(e.code).toBe('zip_too_large');
    expect(e.params).toMatchObject({ entry: 'xl/sharedStrings.xml', size: '1024 MB', limit: mb(LIMITS.zipUncompressedMaxBytes) });
    // Through exceljs's own loader as well (the data-entry upload): refused before JSZip inflates it.
    const t1 = performance.now();
    expect((await refusal(new ExcelJS.Workbook().xlsx.load(bomb as unknown as ArrayBuffer))).code).toBe('zip_too_large');
    expect(performance.now() - t1).toBeLessThan(100);
  });

  it('refuses a part packed tighter than any document even when the total is within the limit', async () => {
    const dense = xlsxWith([['a']], { padding: { chunk: BOMB_CHUNK, times: 100 } }); // 100 MB at ~400 : 1
    const e = await refusal(() => assertZipDeclaredWithinLimits(dense));
    expect(e.code).toBe('zip_too_large');
  });

  it('refuses a zip whose headers declare less than its data unpacks to, before a parser sees it', async () => {
    const liar = xlsxWith([['a', 'b']], { padding: { chunk: BOMB_CHUNK, times: 1024 }, declareStrings: 1000 });
    const t0 = performance.now();
    const e = await refusal(assertZipWithinLimits(liar));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(e.status).toBe(400);
    expect(e.code).toBe('zip_size_mismatch');
    expect(e.params.entry).toBe('xl/sharedStrings.xml');
  });

  it('refuses too many entries, entries hidden from the central directory, and what is not a zip', async () => {
    const many = writeZip(Array.from({ length: LIMITS.zipEntriesMax + 1 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('<a/>') })));
    const e = await refusal(assertZipWithinLimits(many));
    expect([e.status, e.code]).toEqual([413, 'zip_too_many_entries']);

    // A local entry the central directory does not list (a streaming reader would read it): broken.
    const two = writeZip([
      { name: 'a.xml', data: Buffer.from('<a/>') },
      { name: 'b.xml', data: Buffer.from('<b/>') },
    ]);
    const entries = zipEntries(two);
    const cdAt = entries[1]!.dataAt + entries[1]!.compressed;
    const firstCentralLength = 46 + 'a.xml'.length;
    const hidden = Buffer.concat([two.subarray(0, cdAt), two.subarray(cdAt + firstCentralLength)]);
    const end = hidden.length - 22;
    hidden.writeUInt16LE(1, end + 8);
    hidden.writeUInt16LE(1, end + 10);
    hidden.writeUInt32LE(46 + 'b.xml'.length, end + 12);
    expect((await refusal(assertZipWithinLimits(hidden))).code).toBe('import_bad_file');

    for (const junk of [
      Buffer.alloc(0),
      Buffer.from('PK'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 7)]),
      two.subarray(0, two.length - 10),
    ])
      expect([(await refusal(assertZipWithinLimits(junk))).status, (await refusal(assertZipWithinLimits(junk))).code]).toEqual([
        400,
        'import_bad_file',
      ]);
  });
});
