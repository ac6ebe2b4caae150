/** Reading a registry import's upload (xlsx streamed, or csv) as batches of rows. */
import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import type { ImportKind } from '../../../common/values/registry.js';
import { parseCsv } from '../../platform/csv.js';
import { AppError } from '../../platform/errors.js';
import ExcelJS, { assertZipWithinLimits } from '../../platform/exceljs.js';
import { cellText } from '../../platform/xlsx-cells.js';
import { COLUMNS } from './import-columns.js';

/** Limits that keep a malformed or hostile file from exhausting the server: a clear error instead. */
export const IMPORT_LIMITS = { rows: 500_000, cellChars: 2_000 } as const;

function headerIndex(kind: ImportKind, header: string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const col of COLUMNS[kind]) {
    const at = header.findIndex((h) => h.startsWith(col.zh) || h.toLowerCase().startsWith(col.en.toLowerCase()));
    if (at >= 0) index.set(col.key, at);
  }
  return index;
}

export type ImportRow = { row: number; cells: Record<string, string> };

/** Keeps only the columns we know, keyed by name: rows are held once, not as a grid and again as records. */
function toRecord(index: Map<string, number>, cells: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, at] of index) out[key] = cells[at] ?? '';
  return out;
}

/** Rows are read, checked and written this many at a time. */
export const IMPORT_BATCH = 10_000;

/**
 * The rows of an uploaded file, read as they are needed: a batch at a time, in file order, with the
 * spreadsheet row numbers. The file is never expanded whole in memory.
 */
export interface RowSource {
  batches: AsyncIterator<ImportRow[]>;
  /** Share of the file read so far, 0–1 (for progress bars: an xlsx does not say how many rows it has). */
  fraction: () => number;
}

/**
 * Streams the workbook and keeps the first sheet whose first row carries our header; stops with a clear
 * error past the row limit. `consumed` counts the bytes the zip reader has pulled.
 */
async function* xlsxBatches(kind: ImportKind, body: Buffer, read: { bytes: number }): AsyncGenerator<ImportRow[]> {
  function* slices() {
    for (let at = 0; at < body.length; at += 64 * 1024) {
      const part = body.subarray(at, at + 64 * 1024);
      read.bytes = at + part.length;
      yield part;
    }
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(slices()), {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  let found = false;
  let count = 0;
  let batch: ImportRow[] = [];
  try {
    for await (const ws of reader) {
      let index: Map<string, number> | undefined;
      let first = true;
      for await (const row of ws) {
        if (first) {
          first = false;
          const candidate = headerIndex(kind, (row.values as CellValue[]).slice(1).map(cellText));
          if (!found && row.number === 1 && candidate.size >= 2) {
            index = candidate;
            found = true;
          }
          continue;
        }
        if (!index) continue;
        const values = (row.values as CellValue[]).slice(1).map(cellText);
        if (values.every((x) => !x)) continue;
        if (++count > IMPORT_LIMITS.rows) throw new AppError(400, 'import_too_many_rows', { max: IMPORT_LIMITS.rows });
        batch.push({ row: row.number, cells: toRecord(index, values) });
        if (batch.length >= IMPORT_BATCH) {
          yield batch;
          batch = [];
        }
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(400, 'import_bad_file', { detail: (e as Error).message.slice(0, 200) });
  }
  if (!found) throw new AppError(400, 'import_no_header');
  if (batch.length) yield batch;
}

/**
 * Opens an upload (xlsx, or csv: UTF-8 with or without BOM) as batches of rows {column key → text}. The
 * first batch is read before this returns, so an empty, broken or header-less file is refused at once.
 */
export async function openRows(kind: ImportKind, body: Buffer, contentType: string | undefined): Promise<RowSource> {
  if (body.length === 0) throw new AppError(400, 'import_empty');
  if (!(contentType ?? '').includes('csv') && body.subarray(0, 2).toString() === 'PK') {
    await assertZipWithinLimits(body);
    const read = { bytes: 0 };
    const it = xlsxBatches(kind, body, read);
    const first = await it.next();
    let pending: IteratorResult<ImportRow[]> | undefined = first;
    return {
      batches: {
        next: () => {
          if (!pending) return it.next();
          const r = pending;
          pending = undefined;
          return Promise.resolve(r);
        },
      },
      fraction: () => read.bytes / body.length,
    };
  }
  const text = body.toString('utf8');
  if (text.includes('\u0000')) throw new AppError(400, 'import_bad_file', { detail: 'binary data' });
  const grid = parseCsv(text);
  if (grid.length > IMPORT_LIMITS.rows + 1) throw new AppError(400, 'import_too_many_rows', { max: IMPORT_LIMITS.rows });
  const index = headerIndex(kind, grid[0] ?? []);
  if (index.size < 2) throw new AppError(400, 'import_no_header');
  const rows: ImportRow[] = [];
  grid.forEach((cells, k) => {
    if (k > 0 && !cells.every((x) => !x)) rows.push({ row: k + 1, cells: toRecord(index, cells) });
  });
  let at = 0;
  return {
    batches: {
      next: () => {
        const batch = rows.slice(at, at + IMPORT_BATCH);
        at += batch.length;
        return Promise.resolve(batch.length ? { done: false, value: batch } : { done: true, value: undefined });
      },
    },
    fraction: () => (rows.length ? at / rows.length : 1),
  };
}

/** Every row of a source (tests and small files). */
export async function allRows(source: RowSource): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for (let r = await source.batches.next(); !r.done; r = await source.batches.next()) out.push(...r.value);
  return out;
}
