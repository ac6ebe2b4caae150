import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import { cellText } from '../../platform/xlsx-cells.js';
import { parseCsv } from '../../platform/csv.js';

export { parseCsv };
import ExcelJS, { assertZipWithinLimits } from '../../platform/exceljs.js';
import { platformInput, qualificationInput } from '../../../common/contracts/registry.js';
import { IMPORT_KINDS, STAT_FIELDS, type ImportKind } from '../../../common/values/registry.js';
import type { Locale } from '../../../common/enums.js';
import { ERROR_MESSAGES, fieldLabel, translate } from '../../../common/messages.js';
import { normalizeName } from '../../../common/orgnames.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, describeIssue } from '../../platform/errors.js';
import { listUnits, resolveAmong, type OrgUnitRow } from '../orgunits/index.js';
import { enterpriseImporter, parseRow, patentImporter, statsImporter } from './bulk.js';
import { bumpRevision } from '../../platform/revision.js';
import { addQualification, checkCreditCode } from './enterprises.service.js';
import { addPlatform } from './records.service.js';
import * as repo from './registry.repo.js';
import { registryTypes } from './presenters.js';

export { IMPORT_KINDS, type ImportKind };

type Col = { key: string; zh: string; en: string; example: string };
const c = (key: string, zh: string, en: string, example = ''): Col => ({ key, zh, en, example });

export const COLUMNS: Record<ImportKind, Col[]> = {
  enterprises: [
    c('creditCode', '统一社会信用代码', 'Credit code', '91500241MA5U3XXXXX'),
    c('name', '企业名称', 'Name', '秀山县某某科技有限公司'),
    c('legalRepresentative', '法定代表人', 'Legal representative'),
    c('foundedOn', '成立日期', 'Founded on', '2018-05-01'),
    c('town', '注册地（乡镇街道）', 'Registered in (town)', '中和街道'),
    c('industryCode', '行业代码', 'Industry code (GB/T 4754)', 'C27'),
    c('tags', '产业标签', 'Industry tags', '中医药、数字经济'),
    c('sizeClass', '企业规模', 'Size', '小型'),
    c('contactName', '联系人', 'Contact'),
    c('contactPhone', '联系电话', 'Phone'),
    c('address', '地址', 'Address'),
    c('park', '所在园区', 'Park', '秀山工业园区'),
    c('parkFrom', '入园日期', 'In the park since', '2019-01-01'),
  ],
  qualifications: [
    c('creditCode', '统一社会信用代码', 'Credit code'),
    c('type', '资质类型', 'Qualification type', '高新技术企业'),
    c('number', '证书编号', 'Certificate number'),
    c('issuedOn', '发证日期', 'Issued on', '2023-11-20'),
    c('revokedOn', '撤销日期', 'Revoked on'),
  ],
  platforms: [
    c('name', '平台名称', 'Name'),
    c('type', '平台类型', 'Type', '工程技术研究中心'),
    c('level', '级别', 'Level', '市级'),
    c('hostCreditCode', '依托单位信用代码', 'Host credit code'),
    c('hostName', '依托单位名称', 'Host name'),
    c('unit', '所在区划', 'Org unit', '中和街道'),
    c('recognizedOn', '认定日期', 'Recognised on', '2022-06-01'),
    c('revokedOn', '撤销日期', 'Revoked on'),
    c('floorArea', '孵化面积（平方米）', 'Floor area (m²)'),
  ],
  patents: [
    c('number', '专利号', 'Patent number', 'ZL202110123456.X'),
    c('title', '专利名称', 'Title'),
    c('filedOn', '申请日', 'Filed on', '2021-03-02'),
    c('grantedOn', '授权日', 'Granted on'),
    c('status', '法律状态', 'Status', '有效'),
    c('owners', '专利权人信用代码', 'Owner credit codes', '91500241…、91500241…'),
  ],
  stats: [
    c('creditCode', '统一社会信用代码', 'Credit code'),
    c('year', '年度', 'Year', '2024'),
    c('avgEmployees', '平均职工人数', 'Average employees'),
    c('stStaff', '科技人员数', 'S&T staff'),
    c('revenue', '营业收入（万元）', 'Revenue (10k yuan)'),
    c('productSales', '产品销售收入（万元）', 'Product sales'),
    c('newProductSales', '新产品销售收入（万元）', 'New-product sales'),
    c('highTechRevenue', '高新技术产品（服务）收入（万元）', 'High-tech revenue'),
    c('rdExpense', '研发费用（万元）', 'R&D expense'),
    c('rdExpenseDomestic', '境内研发费用（万元）', 'R&D in China'),
    c('totalCost', '成本费用总额（万元）', 'Total cost'),
    c('netAssets', '净资产（万元）', 'Net assets'),
    c('totalAssets', '资产总额（万元）', 'Total assets'),
  ],
};

export async function importTemplate(kind: ImportKind, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang';
  const ws = wb.addWorksheet(locale === 'zh-CN' ? '导入' : 'Import');
  ws.addRow(COLUMNS[kind].map((col) => `${col.zh} ${col.en}`)).font = { bold: true };
  ws.columns.forEach((col) => (col.width = 24));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet(locale === 'zh-CN' ? '说明' : 'Instructions');
  help.addRow([
    locale === 'zh-CN'
      ? '每行一条记录；日期写成 2024-05-01；金额单位为万元；区划可写名称或代码。'
      : 'One record per row; dates as 2024-05-01; money in 10 000 yuan; org units by name or code.',
  ]);
  help.addRow([locale === 'zh-CN' ? '示例：' : 'Example:']);
  help.addRow(COLUMNS[kind].map((col) => col.example));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reading files

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

type ImportRow = { row: number; cells: Record<string, string> };

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

// ---------------------------------------------------------------- rows → service calls

const SIZE: Record<string, string> = { 大型: 'large', 中型: 'medium', 小型: 'small', 微型: 'micro' };
const LEVEL: Record<string, string> = { 国家级: 'national', 市级: 'municipal', 省级: 'municipal', 县级: 'county', 区县级: 'county' };
const PATENT_STATUS: Record<string, string> = {
  有效: 'granted',
  授权: 'granted',
  审查中: 'pending',
  在审: 'pending',
  失效: 'lapsed',
  无效: 'invalidated',
};
const list = (s: string) => s.split(/[,，、;；\s]+/).filter(Boolean);
const opt = (s: string | undefined) => (s ? s : undefined);
const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s.replace(/[,，\s]/g, '')));

export interface ImportContext {
  db: Db;
  ctx: RequestContext;
  canWrite: (path: string) => boolean;
  region: OrgUnitRow;
}

interface Lookups {
  resolved: Map<string, ReturnType<typeof resolveAmong>>;
  units: OrgUnitRow[];
  all: OrgUnitRow[];
  tags: Map<string, string>;
  qualTypes: Map<string, string>;
  platTypes: Map<string, string>;
}

function unitCode(l: Lookups, text: string, field: string): string {
  if (!text) throw new AppError(400, 'import_required', {}, field);
  if (l.units.some((u) => u.code === text)) return text;
  // A file names the same few towns over and over: resolve each spelling once.
  let res = l.resolved.get(text);
  if (!res) l.resolved.set(text, (res = resolveAmong(text, l.units, l.all)));
  if (res.matches.length === 1) return res.matches[0]!.code;
  if (res.ambiguous)
    throw new AppError(
      400,
      'import_ambiguous_unit',
      { text, candidates: res.matches.map((m) => `${m.pathNames.join('/')}（${m.code}）`).join('、') },
      field,
    );
  throw new AppError(400, 'import_unknown_unit', { text }, field);
}

const byName = (m: Map<string, string>, text: string, field: string) => {
  const hit = m.get(text) ?? m.get(normalizeName(text));
  if (!hit) throw new AppError(400, 'unknown_type', { code: text }, field);
  return hit;
};

async function enterpriseId(db: Db, code: string, field: string): Promise<string> {
  const normalized = checkCreditCode(code, field);
  const [e] = await repo.findByCreditCodes(db, [normalized]);
  if (!e) throw new AppError(400, 'unknown_enterprise', { code: normalized }, field);
  return e.id;
}

function enterpriseCells(l: Lookups, cells: Record<string, string>) {
  const park = cells.park ? unitCode(l, cells.park, 'park') : '';
  return {
    creditCode: cells.creditCode ?? '',
    name: cells.name ?? '',
    legalRepresentative: opt(cells.legalRepresentative),
    foundedOn: opt(cells.foundedOn),
    orgUnitCode: unitCode(l, cells.town ?? '', 'town'),
    industryCode: opt(cells.industryCode),
    tags: list(cells.tags ?? '').map((t) => byName(l.tags, t, 'tags')),
    sizeClass: cells.sizeClass ? (SIZE[cells.sizeClass] ?? cells.sizeClass) : undefined,
    contactName: opt(cells.contactName),
    contactPhone: opt(cells.contactPhone),
    address: opt(cells.address),
    parks: park ? [{ parkCode: park, fromDate: cells.parkFrom || cells.foundedOn || '' }] : [],
  };
}

const patentCells = (cells: Record<string, string>) => ({
  number: cells.number ?? '',
  title: cells.title ?? '',
  filedOn: cells.filedOn ?? '',
  grantedOn: opt(cells.grantedOn),
  status: PATENT_STATUS[cells.status ?? ''] ?? cells.status,
  owners: list(cells.owners ?? ''),
});

function statsCells(cells: Record<string, string>) {
  const year = Number(cells.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw new AppError(400, 'import_bad_period', { text: cells.year ?? '' }, 'year');
  return { creditCode: cells.creditCode ?? '', year, figures: Object.fromEntries(STAT_FIELDS.map((k) => [k, num(cells[k]) ?? null])) };
}

/** The small imports go record by record through the services. */
async function applyRow(
  kind: 'qualifications' | 'platforms',
  db: Db,
  x: ImportContext,
  l: Lookups,
  cells: Record<string, string>,
): Promise<void> {
  if (kind === 'qualifications') {
    const id = await enterpriseId(db, cells.creditCode ?? '', 'creditCode');
    const e = await repo.findEnterprise(db, id);
    if (!e || !x.canWrite(e.orgPath)) throw new AppError(403, 'forbidden_scope', { unit: e?.orgUnitName ?? '' });
    const input = parseRow(qualificationInput, {
      typeCode: byName(l.qualTypes, cells.type ?? '', 'type'),
      number: opt(cells.number),
      issuedOn: cells.issuedOn ?? '',
      revokedOn: opt(cells.revokedOn),
    });
    await addQualification(db, x.ctx, id, input);
    return;
  }
  const input = parseRow(platformInput, {
    name: cells.name ?? '',
    typeCode: byName(l.platTypes, cells.type ?? '', 'type'),
    level: LEVEL[cells.level ?? ''] ?? cells.level,
    hostCreditCode: opt(cells.hostCreditCode),
    hostName: opt(cells.hostName),
    orgUnitCode: unitCode(l, cells.unit ?? '', 'unit'),
    recognizedOn: cells.recognizedOn ?? '',
    revokedOn: opt(cells.revokedOn),
    floorArea: num(cells.floorArea),
  });
  await addPlatform(db, x.ctx, x.canWrite, input);
}

export interface RegistryImportReport {
  dryRun: boolean;
  committed: boolean;
  rows: { row: number; status: 'ok' | 'error'; messages: { field: string; message: string }[] }[];
  counts: { ok: number; error: number; empty: number };
}

class Rollback extends Error {}

/**
 * Runs the whole file inside one transaction, a batch at a time. Every row is checked, and a row's problem
 * never hides the next row's; once any row has failed nothing more is written, and at the end a dry run, or
 * any error, rolls everything back. So the preview checks exactly what the commit would do, database
 * constraints and duplicates within the file included. Qualifications and platforms (small files) go
 * record by record through the services, each row in its own savepoint; the large kinds go through the
 * batch importers.
 */
export async function runImport(
  kind: ImportKind,
  x: ImportContext,
  source: RowSource,
  opts: { dryRun: boolean; locale: Locale; onProgress?: (processed: number, fraction: number) => void },
): Promise<RegistryImportReport> {
  const types = await registryTypes(x.db);
  const pairs = (rows: { code: string; nameZh: string; nameEn?: string }[]) =>
    new Map(
      rows.flatMap((t) => [
        [t.code, t.code] as const,
        [t.nameZh, t.code] as const,
        ...(t.nameEn ? [[t.nameEn.toLowerCase(), t.code] as const] : []),
      ]),
    );
  const lookups: Lookups = {
    resolved: new Map(),
    units: await listUnits(x.db, { withinPath: x.region.path }),
    all: await listUnits(x.db),
    tags: pairs(types.industryTags),
    qualTypes: pairs(types.qualificationTypes.map(({ code, nameZh }) => ({ code, nameZh }))),
    platTypes: pairs(types.platformTypes.map(({ code, nameZh }) => ({ code, nameZh }))),
  };
  const report: RegistryImportReport = { dryRun: opts.dryRun, committed: false, rows: [], counts: { ok: 0, error: 0, empty: 0 } };
  const messages = (e: unknown): { field: string; message: string }[] => {
    if (e instanceof AppError) {
      if (e.code === 'import_field')
        return (e.params.issues as Parameters<typeof describeIssue>[0][]).map((i) => describeIssue(i, opts.locale));
      const field = e.field ?? '';
      return [
        {
          field,
          message: translate(ERROR_MESSAGES, e.code, opts.locale, { ...e.params, field: field ? fieldLabel(field, opts.locale) : '' }),
        },
      ];
    }
    throw e;
  };
  const tooLong = (r: { cells: Record<string, string> }) => {
    const long = Object.entries(r.cells).find(([, v]) => v.length > IMPORT_LIMITS.cellChars);
    if (long) throw new AppError(400, 'import_cell_too_long', { max: IMPORT_LIMITS.cellChars }, long[0]);
  };
  let processed = 0;
  const NO_MESSAGES: { field: string; message: string }[] = [];
  const record = (row: number, problems: { field: string; message: string }[] | undefined) => {
    report.rows.push(problems ? { row, status: 'error', messages: problems } : { row, status: 'ok', messages: NO_MESSAGES });
    report.counts[problems ? 'error' : 'ok'] += 1;
  };
  try {
    await x.db.transaction(async (tx) => {
      const b = {
        ctx: x.ctx,
        importId: randomUUID(),
        canWrite: x.canWrite,
        unitByCode: new Map(lookups.all.map((u) => [u.code, u])),
        auditUnit: x.region.code,
      };
      let errors = new Map<number, { field: string; message: string }[]>();
      const fail = (row: number, e: unknown) => errors.set(row, [...(errors.get(row) ?? []), ...messages(e)]);
      const bulk =
        kind === 'enterprises'
          ? enterpriseImporter(b, (cells) => enterpriseCells(lookups, cells), fail)
          : kind === 'patents'
            ? patentImporter(b, patentCells, fail)
            : kind === 'stats'
              ? statsImporter(b, statsCells, fail)
              : null;
      let written = false;
      // The database writes batch k while this process reads batch k + 1 from the file (PostgreSQL runs in
      // its own process, so on a server the two overlap); a batch's checks wait for the previous write.
      let writing: Promise<void> | undefined;
      for (let next = await source.batches.next(); !next.done;) {
        const rows = next.value;
        if (bulk) {
          errors = new Map();
          const checked = rows.filter((r) => {
            try {
              tooLong(r);
              return true;
            } catch (e) {
              fail(r.row, e);
              return false;
            }
          });
          const lookup = bulk(checked);
          await writing;
          const write = await lookup(tx);
          for (const r of rows) record(r.row, errors.get(r.row));
          if (!opts.dryRun && report.counts.error === 0) {
            writing = write(tx);
            // Awaited before the next batch (or the end); this only keeps it from counting as unhandled meanwhile.
            writing.catch(() => undefined);
            written = true;
          }
          processed += rows.length;
          opts.onProgress?.(processed, source.fraction());
        } else {
          await writing;
          for (const r of rows) {
            try {
              tooLong(r);
              await tx.transaction((sp) => applyRow(kind as 'qualifications' | 'platforms', sp, x, lookups, r.cells));
              record(r.row, undefined);
            } catch (e) {
              record(r.row, messages(e));
            }
            processed += 1;
            if (processed % 25 === 0) opts.onProgress?.(processed, source.fraction());
          }
        }
        try {
          next = await source.batches.next();
        } catch (e) {
          await writing?.catch(() => undefined);
          throw e;
        }
      }
      await writing;
      if (opts.dryRun || report.counts.error > 0) throw new Rollback();
      if (written) await bumpRevision(tx);
    });
    report.committed = true;
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  opts.onProgress?.(processed, 1);
  return report;
}
