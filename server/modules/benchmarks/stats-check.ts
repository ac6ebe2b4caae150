/** Statistics import, step 3: every row checked (cells, duplicates, published ratios, values stored now). */
import type { Locale } from '../../../common/enums.js';
import { normalizeName } from '../../../common/orgnames.js';
import { convert, findUnit, UNIT_KINDS, UnitConversionError, UNITS, unitsOfKind } from '../../../common/units.js';
import type { Db } from '../../platform/db.js';
import { currentValues, keyString, rangeProblem, type DataElementRow, type DataValueRow } from '../datavalues/index.js';
import { STATS_COLUMNS, STATS_IMPORT_LIMITS, type StatsColumn, type StatsRow } from './stats-read.js';
import { RATIO_CHECKS, roundTo, writtenDecimals, type indicatorResolver, type Province, type RegionResult } from './stats-resolve.js';
import type { Fact } from './stats-write.js';

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

export interface Checked {
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

/** One row's cells checked and resolved: its problems are listed, never thrown. */
export function checkRow(
  r: StatsRow,
  opts: StatsImportOptions,
  indicatorOf: ReturnType<typeof indicatorResolver>,
  regionOf: (text: string) => RegionResult,
): Checked {
  const zh = opts.locale === 'zh-CN';
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
}

/** Duplicates within the file: the same region, indicator and year twice. */
export function markDuplicates(checked: Checked[]): void {
  const first = new Map<string, number>();
  for (const c of checked) {
    if (!c.region || !c.de || c.year === undefined) continue;
    const k = `${c.region.code}|${c.de.code}|${c.year}`;
    const other = first.get(k);
    if (other === undefined) first.set(k, c.report.row);
    else c.problems.push({ field: 'value', code: 'import_duplicate_row', params: { other } });
  }
}

export const valid = (c: Checked): c is Checked & Required<Pick<Checked, 'de' | 'region' | 'year' | 'value'>> =>
  c.problems.every((p) => p.warning) && Boolean(c.de && c.region && c.year !== undefined && c.value !== undefined);

/** Published ratios against their inputs in the same file, region and year (a mismatch is a warning). */
export function checkRatios(checked: Checked[], deByCode: Map<string, DataElementRow>, zh: boolean): void {
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
}

/** What is stored now: unchanged rows are not written again; a different value is replaced (warned). */
export async function compareStored(db: Db, checked: Checked[], opts: StatsImportOptions): Promise<{ unchanged: number; facts: Fact[] }> {
  const { locale } = opts;
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
  return { unchanged, facts };
}

/** Provinces to add: named on the first row that needs each. */
export function provincesToAdd(checked: Checked[]): Map<string, Province> {
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
  return added;
}
