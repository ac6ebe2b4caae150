/**
 * Units of measurement and their conversions, declared as data. A unit belongs to one kind of quantity
 * and has a size in the base unit of that kind, as a fraction of whole numbers (1 亩 = 2000/3 平方米) so
 * that conversions by powers of ten are exact: 0.3005 亿元 is 3005 万元, not 3004.9999999999995.
 * Pure: used by the server's importers and by web hints.
 */

export type UnitKind = 'money' | 'people' | 'percent' | 'count' | 'area' | 'livestock' | 'rank' | 'score';

export interface UnitDef {
  /** The symbol as data elements and statistical tables write it. */
  symbol: string;
  kind: UnitKind;
  /** Size in the kind's base unit: numerator / denominator, both whole numbers. */
  size: readonly [number, number];
  /** Other ways of writing it (compared after NFKC folding, so m² also covers m2 and ㎡, and removal of white space). */
  aliases?: readonly string[];
  nameEn: string;
}

export const UNIT_KINDS: Record<UnitKind, { zh: string; en: string; base: string }> = {
  money: { zh: '金额', en: 'money', base: '元' },
  people: { zh: '人数', en: 'people', base: '人' },
  percent: { zh: '百分比', en: 'percentage', base: '%' },
  count: { zh: '个数', en: 'count', base: '个' },
  area: { zh: '面积', en: 'area', base: '平方米' },
  livestock: { zh: '牲畜头数', en: 'head of livestock', base: '头' },
  rank: { zh: '名次', en: 'rank', base: '位' },
  score: { zh: '得分', en: 'score', base: '分' },
};

const u = (symbol: string, kind: UnitKind, size: number | readonly [number, number], nameEn: string, aliases: string[] = []): UnitDef => ({
  symbol,
  kind,
  size: typeof size === 'number' ? [size, 1] : size,
  nameEn,
  aliases,
});

export const UNITS: readonly UnitDef[] = [
  u('元', 'money', 1, 'yuan', ['人民币元', 'yuan', 'CNY', 'RMB']),
  u('千元', 'money', 1_000, 'thousand yuan'),
  u('万元', 'money', 10_000, '10 000 yuan'),
  u('亿元', 'money', 100_000_000, '100 million yuan'),
  u('人', 'people', 1, 'persons', ['名']),
  u('万人', 'people', 10_000, '10 000 persons'),
  // A percentage is only ever a percentage: no conversion to ‰ or to a fraction.
  u('%', 'percent', 1, 'percent', ['百分比', 'percent']),
  // Counts: the measure word differs with what is counted (个 institutions, 家 enterprises, 件/项 patents),
  // the number does not, so any count converts to any other unchanged.
  u('个', 'count', 1, 'count'),
  u('件', 'count', 1, 'count (items)'),
  u('家', 'count', 1, 'count (enterprises)'),
  u('项', 'count', 1, 'count (items)'),
  u('平方米', 'area', 1, 'square metres', ['m²', '平米']),
  u('万平方米', 'area', 10_000, '10 000 square metres', ['万m²']),
  u('公顷', 'area', 10_000, 'hectares', ['ha']),
  u('平方公里', 'area', 1_000_000, 'square kilometres', ['平方千米', 'km²']),
  // 1 亩 = 10 000 / 15 平方米.
  u('亩', 'area', [2_000, 3], 'mu'),
  u('万亩', 'area', [20_000_000, 3], '10 000 mu'),
  u('头', 'livestock', 1, 'head'),
  u('万头', 'livestock', 10_000, '10 000 head'),
  u('位', 'rank', 1, 'rank'),
  u('分', 'score', 1, 'points'),
];

const fold = (text: string) => text.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');

const BY_TEXT: ReadonlyMap<string, UnitDef> = (() => {
  const m = new Map<string, UnitDef>();
  for (const def of UNITS)
    for (const t of [def.symbol, ...(def.aliases ?? [])]) {
      const k = fold(t).toLowerCase();
      if (m.has(k)) throw new Error(`unit “${t}” is declared twice`);
      m.set(k, def);
    }
  return m;
})();

/** The unit written as `text` (symbol or alias, any width, any spacing), or undefined. */
export function findUnit(text: string): UnitDef | undefined {
  return BY_TEXT.get(fold(text).toLowerCase());
}

/** The units a value of this kind may be given in. */
export const unitsOfKind = (kind: UnitKind): UnitDef[] => UNITS.filter((d) => d.kind === kind);

/** Why a conversion is impossible; `code` and `params` let callers say it in the user's language. */
export class UnitConversionError extends Error {
  constructor(
    readonly code: 'unit_unknown' | 'unit_incompatible',
    readonly params: { from: string; to: string; fromKind?: UnitKind; toKind?: UnitKind; unit?: string },
    message: string,
  ) {
    super(message);
    this.name = 'UnitConversionError';
  }
}

function resolve(text: string, from: string, to: string): UnitDef {
  const def = findUnit(text);
  if (!def)
    throw new UnitConversionError(
      'unit_unknown',
      { from, to, unit: text },
      `Cannot convert “${from}” to “${to}”: unknown unit “${text}” (known: ${UNITS.map((d) => d.symbol).join(' ')})`,
    );
  return def;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** k when n = 10^k (n a positive whole number), else null. */
function powerOfTen(n: number): number | null {
  let k = 0;
  while (n >= 10 && n % 10 === 0) {
    n /= 10;
    k += 1;
  }
  return n === 1 ? k : null;
}

/** value × 10^k, exactly as the decimal written: shifts the exponent instead of multiplying. */
function shift(value: number, k: number): number {
  if (k === 0 || value === 0 || !Number.isFinite(value)) return value;
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + k}`);
}

/**
 * Converts a value between two units of the same kind. Throws a UnitConversionError naming both units
 * when either is unknown or when they measure different things (万人 → 万元). A unit converts to itself
 * unchanged even when it is not declared here. Conversions by powers of
 * ten are exact decimal shifts; others (亩 ↔ 平方米) are rounded to 15 significant digits.
 */
export function convert(value: number, from: string, to: string): number {
  // The same unit written the same way needs no declaration (a data element's own unit, e.g. 万户 → 万户).
  if (fold(from).toLowerCase() === fold(to).toLowerCase()) return value;
  const a = resolve(from, from, to);
  const b = resolve(to, from, to);
  if (a.kind !== b.kind)
    throw new UnitConversionError(
      'unit_incompatible',
      { from: a.symbol, to: b.symbol, fromKind: a.kind, toKind: b.kind },
      `Cannot convert “${a.symbol}” (${UNIT_KINDS[a.kind].en}) to “${b.symbol}” (${UNIT_KINDS[b.kind].en}): they measure different things`,
    );
  if (a === b) return value;
  // value × (a.n / a.d) ÷ (b.n / b.d) = value × (a.n × b.d) / (a.d × b.n), reduced.
  let num = a.size[0] * b.size[1];
  let den = a.size[1] * b.size[0];
  const g = gcd(num, den);
  num /= g;
  den /= g;
  if (den === 1 && powerOfTen(num) !== null) return shift(value, powerOfTen(num)!);
  if (num === 1 && powerOfTen(den) !== null) return shift(value, -powerOfTen(den)!);
  const out = (value * num) / den;
  return Number.isFinite(out) ? Number(out.toPrecision(15)) : out;
}

/** Whether a value in `from` can be converted to `to` (both known, same kind). */
export function convertible(from: string, to: string): boolean {
  const a = findUnit(from);
  const b = findUnit(to);
  return Boolean(a && b && a.kind === b.kind);
}

/**
 * The largest plausible magnitude of one figure of each kind, in the kind's base unit: generous bounds that
 * no real statistic of a province or anything below it reaches (China's GDP is about 1.3 × 10¹⁴ 元, its
 * population 1.4 × 10⁹, its area 9.6 × 10¹² m²), so that a typo of many digits or a `1e20` is refused.
 */
export const MAGNITUDE_CAP: Record<UnitKind, number> = {
  money: 1e15,
  people: 2e9,
  percent: 100,
  count: 1e9,
  area: 1e13,
  livestock: 1e10,
  rank: 10_000,
  score: 10_000,
};

/** Whatever is not declared here (an unknown unit): still bounded, so no figure is ever 1e308. */
const UNKNOWN_CAP = 1e15;

/**
 * The plausible range of a figure given in `unit`, derived from the unit's kind: amounts, counts, people,
 * areas and ranks are never negative, shares (%) lie in 0–100; a `signed` figure (a growth rate or change)
 * may be negative (a percentage down to −100) and a growth rate may exceed 100 % (up to 10 000 %).
 * Magnitudes are bounded by MAGNITUDE_CAP, converted into the unit (1e15 元 = 1e7 亿元).
 */
export function plausibleRange(unit: string, opts: { signed?: boolean } = {}): { min: number; max: number } {
  const def = findUnit(unit);
  if (!def) return { min: opts.signed ? -UNKNOWN_CAP : 0, max: UNKNOWN_CAP };
  if (def.kind === 'percent') return opts.signed ? { min: -100, max: 10_000 } : { min: 0, max: 100 };
  const cap = (MAGNITUDE_CAP[def.kind] * def.size[1]) / def.size[0];
  if (def.kind === 'rank') return { min: 1, max: cap };
  return { min: opts.signed ? -cap : 0, max: cap };
}

/** Data elements whose figures may be negative: growth rates and changes (by their code). */
export const isSignedElement = (code: string) => /growth|change|rate_of/.test(code);
