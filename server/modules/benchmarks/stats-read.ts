/** Statistics import, step 1: the upload's columns and rows (xlsx or csv). */
import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import { normalizeName } from '../../../common/orgnames.js';
import { parseCsv } from '../../platform/csv.js';
import { AppError } from '../../platform/errors.js';
import ExcelJS, { assertZipWithinLimits } from '../../platform/exceljs.js';
import { cellText } from '../../platform/xlsx-cells.js';

// ---------------------------------------------------------------- columns

export type StatsColumn = 'region' | 'indicator' | 'year' | 'value' | 'unit' | 'source';

interface ColumnDef {
  key: StatsColumn;
  zh: string;
  en: string;
  /** Other headers accepted (compared without white space and case; exact names win over prefixes). */
  also: string[];
  required: boolean;
}

export const STATS_COLUMNS: readonly ColumnDef[] = [
  { key: 'region', zh: '地区', en: 'Region', also: ['区县', '区划', '区域', '地区名称', 'area', 'orgunit'], required: true },
  { key: 'indicator', zh: '指标', en: 'Indicator', also: ['指标名称', '数据元素', 'dataelement'], required: true },
  { key: 'year', zh: '年份', en: 'Year', also: ['年度'], required: true },
  { key: 'value', zh: '数值', en: 'Value', also: ['值'], required: true },
  { key: 'unit', zh: '单位', en: 'Unit', also: ['计量单位'], required: true },
  { key: 'source', zh: '来源', en: 'Source', also: ['数据来源', '资料来源'], required: false },
];

/** Limits that keep a malformed or hostile file from exhausting the server: a clear error instead. */
export const STATS_IMPORT_LIMITS = { rows: 100_000, cellChars: 2_000, bytes: 20 * 1024 * 1024 } as const;

export const fold = (s: string) => normalizeName(s).toLowerCase();

/** Column → index: exact header names first, then headers that start with a name ("数值（万元）"). */
function headerIndex(header: string[]): Map<StatsColumn, number> {
  const index = new Map<StatsColumn, number>();
  const cells = header.map(fold);
  const names = new Map(STATS_COLUMNS.map((col) => [col.key, [col.zh, col.en, ...col.also].map(fold)]));
  for (const test of [(h: string, n: string) => h === n, (h: string, n: string) => h.startsWith(n)])
    for (const col of STATS_COLUMNS) {
      if (index.has(col.key)) continue;
      const taken = new Set(index.values());
      const at = cells.findIndex((h, i) => h !== '' && !taken.has(i) && names.get(col.key)!.some((n) => test(h, n)));
      if (at >= 0) index.set(col.key, at);
    }
  return index;
}

function checkHeader(index: Map<StatsColumn, number>): void {
  if (index.size < 2) throw new AppError(400, 'stats_import_no_header');
  const missing = STATS_COLUMNS.filter((c) => c.required && !index.has(c.key));
  if (missing.length)
    throw new AppError(400, 'stats_import_missing_columns', { columns: missing.map((c) => `${c.zh} ${c.en}`).join('、') });
}

// ---------------------------------------------------------------- reading files

export interface StatsRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  cells: Partial<Record<StatsColumn, string>>;
}

const toRecord = (index: Map<StatsColumn, number>, cells: string[]) => {
  const out: Partial<Record<StatsColumn, string>> = {};
  for (const [key, at] of index) out[key] = (cells[at] ?? '').trim();
  return out;
};

/** UTF-8 (with or without BOM); a CSV saved by Chinese Excel is GB18030, which is tried next. */
function decodeText(body: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw new AppError(400, 'stats_import_bad_encoding');
    }
  }
  if (text.includes('\u0000')) throw new AppError(400, 'import_bad_file', { detail: 'binary data' });
  return text.replace(/^\uFEFF/, '');
}

function tooManyRows(): AppError {
  return new AppError(400, 'import_too_many_rows', { max: STATS_IMPORT_LIMITS.rows });
}

async function readXlsx(body: Buffer): Promise<StatsRow[]> {
  await assertZipWithinLimits(body);
  function* slices() {
    for (let at = 0; at < body.length; at += 64 * 1024) yield body.subarray(at, at + 64 * 1024);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(slices()), {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  let index: Map<StatsColumn, number> | undefined;
  let firstHeader: Map<StatsColumn, number> | undefined;
  const rows: StatsRow[] = [];
  try {
    for await (const ws of reader) {
      // The first sheet whose first row is our header; the others (instructions, units) are read past.
      let mine = false;
      for await (const row of ws) {
        const values = (row.values as CellValue[]).slice(1).map(cellText);
        if (row.number === 1 && !index) {
          const candidate = headerIndex(values);
          firstHeader ??= candidate;
          if (candidate.size >= 2 && STATS_COLUMNS.every((c) => !c.required || candidate.has(c.key))) {
            index = candidate;
            mine = true;
          }
          continue;
        }
        if (!mine || !index || values.every((x) => !x)) continue;
        if (rows.length >= STATS_IMPORT_LIMITS.rows) throw tooManyRows();
        rows.push({ row: row.number, cells: toRecord(index, values) });
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(400, 'import_bad_file', { detail: (e as Error).message.slice(0, 200) });
  }
  if (!index) {
    checkHeader(firstHeader ?? new Map());
    throw new AppError(400, 'stats_import_no_header');
  }
  return rows;
}

/** The rows of an upload (xlsx, or csv), with their spreadsheet row numbers; blank rows are skipped. */
export async function readStatsFile(body: Buffer, contentType: string | undefined): Promise<StatsRow[]> {
  if (body.length === 0) throw new AppError(400, 'import_empty');
  if (!(contentType ?? '').includes('csv') && body.subarray(0, 2).toString() === 'PK') return readXlsx(body);
  const grid = parseCsv(decodeText(body));
  const index = headerIndex(grid[0] ?? []);
  checkHeader(index);
  const rows: StatsRow[] = [];
  for (let k = 1; k < grid.length; k++) {
    const cells = grid[k]!;
    if (cells.every((x) => !x)) continue;
    if (rows.length >= STATS_IMPORT_LIMITS.rows) throw tooManyRows();
    rows.push({ row: k + 1, cells: toRecord(index, cells) });
  }
  return rows;
}
