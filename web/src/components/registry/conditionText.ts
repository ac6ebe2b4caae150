import type { Condition, Measure } from '../../../../common/registry';
import type { Locale } from '../../../../common/enums';
import type { TFunction } from '../../app/i18n';
import { isMessageKey } from '../../app/messages';
import { formatNumber, formatPercent } from '../format';

/** How a number in a condition reads: ratios as per cent, money in 万元, headcounts in persons. */
export type Kind = Measure['unit'] | 'bool' | 'plain';

const KINDS: Record<string, Kind> = {
  days: 'days',
  count: 'count',
  hasInvention: 'bool',
  stStaff: 'persons',
  averageEmployees: 'persons',
  employees: 'persons',
  ratio: 'ratio',
  salesRatio: 'ratio',
  costRatio: 'ratio',
  netAssetsGrowth: 'ratio',
  salesGrowth: 'ratio',
  rdExpense: 'wan_yuan',
  sales: 'wan_yuan',
  latestSales: 'wan_yuan',
  rdExpenseInChina: 'wan_yuan',
  lastYearHighTechRevenue: 'wan_yuan',
  lastYearTotalRevenue: 'wan_yuan',
  totalAssets: 'wan_yuan',
  totalCost: 'wan_yuan',
  staffPoints: 'points',
  salesPoints: 'points',
  costPoints: 'points',
  classI: 'count',
  classII: 'count',
  inKeySupportedField: 'bool',
  noMajorIncident: 'bool',
  noSeriousViolation: 'bool',
};

/** The unit of each condition's threshold, known even when the comparison could not be made. */
const THRESHOLD_KINDS: Record<string, Kind> = {
  registered_one_year: 'days',
  core_ip: 'count',
  st_staff_ratio: 'ratio',
  rd_ratio: 'ratio',
  rd_in_china: 'ratio',
  high_tech_revenue: 'ratio',
  innovation_score: 'points',
  employees: 'persons',
  sales: 'wan_yuan',
  total_assets: 'wan_yuan',
  qualification: 'points',
};
/** Upper limits (tech-SME size); every other threshold is a minimum. */
const UPPER_LIMITS = new Set(['employees', 'sales', 'total_assets']);

export function formatKind(kind: Kind, value: number | boolean | null | undefined, t: TFunction, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (kind === 'ratio') return formatPercent(value, locale, 1);
  const n = formatNumber(value, locale, kind === 'wan_yuan' ? undefined : Number.isInteger(value) ? 0 : 2);
  return kind === 'bool' || kind === 'plain' ? n : t(`unit.${kind}`, { n });
}

const label = (key: string, t: TFunction) => {
  const k = `precheck.n.${key}`;
  return isMessageKey(k) ? t(k) : key;
};

/** "实际 15.8%，要求 ≥ 10.0%" from the comparison the condition made. */
export function measureText(m: Measure, t: TFunction, locale: Locale): string {
  const sign = m.comparator === '>=' ? '≥ ' : '≤ ';
  return t('precheck.actual', {
    value: formatKind(m.unit, m.value, t, locale),
    required: sign + formatKind(m.unit, m.threshold, t, locale),
  });
}

/** "要求 ≥ 10.0%" for a condition that could not be compared, or null when it has no threshold. */
export function requirementText(c: Pick<Condition, 'code' | 'numbers'>, t: TFunction, locale: Locale): string | null {
  const threshold = c.numbers.threshold;
  if (typeof threshold !== 'number') return null;
  const kind = THRESHOLD_KINDS[c.code] ?? 'plain';
  return t('precheck.required', { required: (UPPER_LIMITS.has(c.code) ? '≤ ' : '≥ ') + formatKind(kind, threshold, t, locale) });
}

/**
 * The figures a condition used, labelled: "科技人员 15 人；年平均职工 95 人". Pairs such as ipMin/ipMax read as a
 * range of possible points; the threshold and ratio are left out when the comparison line already shows them.
 */
export function numbersText(numbers: Condition['numbers'], t: TFunction, locale: Locale, skip: readonly string[] = []): string {
  const parts: string[] = [];
  const done = new Set(skip);
  for (const [key, value] of Object.entries(numbers)) {
    // Absent values are named in the "missing" line instead.
    if (done.has(key) || key === 'threshold' || value === null) continue;
    const base = key === 'min' ? '' : key.endsWith('Min') ? key.slice(0, -3) : null;
    const maxKey = base === '' ? 'max' : base ? `${base}Max` : null;
    if (base !== null && maxKey && maxKey in numbers) {
      const [lo, hi] = [value, numbers[maxKey]];
      done.add(maxKey);
      if (typeof lo !== 'number' || typeof hi !== 'number') continue;
      const range = lo === hi ? formatKind('points', lo, t, locale) : t('unit.points', { n: t('precheck.range', { min: lo, max: hi }) });
      parts.push(`${label(base === '' || base === 'score' ? 'score' : base, t)} ${range}`);
      continue;
    }
    parts.push(`${label(key, t)} ${formatKind(KINDS[key] ?? 'plain', value, t, locale)}`);
  }
  return parts.join(t('common.semi'));
}

const FISCAL = /^fiscalYears\[(\d{4})\]\.(\w+)$/;

/** Missing inputs in words, the per-year figures grouped by field: "研发费用（2023、2024 年）". */
export function missingText(fields: readonly string[], t: TFunction, directLabels: ReadonlyMap<string, string> = new Map()): string {
  const byField = new Map<string, number[]>();
  const out: string[] = [];
  const name = (code: string) => {
    const k = `precheck.f.${code}`;
    return isMessageKey(k) ? t(k) : (directLabels.get(code) ?? code);
  };
  for (const f of fields) {
    const m = FISCAL.exec(f);
    if (m) byField.set(m[2]!, [...(byField.get(m[2]!) ?? []), Number(m[1])]);
  }
  for (const f of fields) {
    const m = FISCAL.exec(f);
    if (!m) {
      out.push(f.startsWith('direct.') ? (directLabels.get(f.slice(7)) ?? f) : name(f));
    } else if (byField.has(m[2]!)) {
      const years = byField.get(m[2]!)!.sort((a, b) => a - b);
      out.push(t('precheck.f.fiscalYears', { field: name(m[2]!), years: years.join(t('common.listSep')) }));
      byField.delete(m[2]!);
    }
  }
  return out.join(t('common.listSep'));
}

export function noteText(note: string, t: TFunction): string {
  const k = `precheck.note.${note}`;
  return isMessageKey(k) ? t(k) : note;
}
