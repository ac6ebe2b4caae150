import { createRequire } from 'node:module';
import type ExcelJSType from 'exceljs';
import { AppError } from './errors.js';
import { assertZipWithinLimits, mb } from './zip.js';
import { LIMITS } from '../../common/limits.js';

/**
 * exceljs, with its XML chunk decoding fixed. exceljs 4.4 turns every chunk of an unzipped part into
 * text on its own, so a Chinese character whose UTF-8 bytes straddle two chunks becomes "��" — in
 * imports of large workbooks (seen at row 4 744 of 5 000 in the registry benchmark). Here each parse
 * gets a streaming TextDecoder. Everything of ours loads exceljs through this module (lint-enforced),
 * so the fixed parser is in place before exceljs first loads.
 */
const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExceljs = createRequire(parseSaxPath);
const { SaxesParser } = fromExceljs('saxes') as { SaxesParser: new () => SaxesLike };
const { PassThrough } = fromExceljs('readable-stream') as { PassThrough: new () => NodeJS.ReadWriteStream };

interface SaxesLike {
  on(event: string, handler: (value: unknown) => void): void;
  write(text: string): void;
}

type Source = AsyncIterable<Buffer | string> | { pipe: (s: NodeJS.ReadWriteStream) => AsyncIterable<Buffer | string> };

async function* parseSax(input: Source) {
  // Old-style streams are upgraded, as exceljs itself does.
  const iterable =
    Symbol.asyncIterator in input
      ? (input as AsyncIterable<Buffer | string>)
      : (input as { pipe: (s: NodeJS.ReadWriteStream) => AsyncIterable<Buffer | string> }).pipe(new PassThrough());
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  parser.on('error', (err) => (error = err));
  let events: { eventType: string; value: unknown }[] = [];
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  // A part that unpacks past the limit is refused whatever its zip headers claimed (they can lie).
  let length = 0;
  for await (const chunk of iterable) {
    length += chunk.length;
    if (length > LIMITS.zipUncompressedMaxBytes) throw guard().tooLarge(length);
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

/**
 * The checks the patched parts of exceljs call. The patches outlive one evaluation of this module (they
 * sit in Node's require cache), so they call the checks of the latest evaluation, whose AppError is the
 * one the error handler of the running app recognises.
 */
interface Guard {
  assertZip(b: Buffer): Promise<void>;
  tooLarge(bytes: number): Error;
}
const GUARD = Symbol.for('kechuang.exceljs.guard');
const guard = () => (globalThis as { [GUARD]?: Guard })[GUARD]!;
(globalThis as { [GUARD]?: Guard })[GUARD] = {
  assertZip: assertZipWithinLimits,
  tooLarge: (bytes) =>
    new AppError(413, 'zip_too_large', {
      entry: 'xml',
      size: mb(bytes),
      limit: mb(LIMITS.zipUncompressedMaxBytes),
      ratio: LIMITS.zipRatioMax,
    }),
};

// Our replacement is marked, so this module may be evaluated again in one process (a test runner's module
// runners each evaluate it) without mistaking its own earlier patch for exceljs loaded first.
const PATCHED = Symbol.for('kechuang.exceljs.parse-sax');
const cached = require.cache[parseSaxPath] as (NodeJS.Module & { [PATCHED]?: true }) | undefined;
if (cached && !cached[PATCHED]) {
  // Loaded before us: its readers already hold the faulty parser.
  throw new Error('exceljs was loaded before server/platform/exceljs.ts; import ExcelJS from there');
}
if (!cached)
  require.cache[parseSaxPath] = {
    id: parseSaxPath,
    filename: parseSaxPath,
    loaded: true,
    exports: parseSax,
    [PATCHED]: true,
  } as unknown as NodeJS.Module;

const ExcelJS = require('exceljs') as typeof ExcelJSType;

/**
 * Every workbook read through `Workbook.xlsx.load` is first checked against the zip limits (entry count,
 * unpacked size, packing ratio) from its central directory, before exceljs inflates a byte. The streaming
 * readers get a stream, not the file: their callers call `assertZipWithinLimits` on the upload first.
 */
const xlsxPath = require.resolve('exceljs/lib/xlsx/xlsx.js');
const XLSX = require(xlsxPath) as { prototype: { load: ((data: unknown, options?: unknown) => Promise<unknown>) & { [PATCHED]?: true } } };
if (!XLSX.prototype.load[PATCHED]) {
  const load = XLSX.prototype.load;
  XLSX.prototype.load = Object.assign(
    async function (this: unknown, data: unknown, options?: unknown) {
      if (data instanceof Uint8Array) await guard().assertZip(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      return load.call(this, data, options);
    },
    { [PATCHED]: true as const },
  );
}

export { assertZipWithinLimits };
export default ExcelJS;
export type { ExcelJSType };
