/**
 * Chinese patent application numbers (专利申请号) and patent numbers (专利号 = 'ZL' + application number), patent
 * terms, and the "high-value invention patent" (高价值发明专利) test used by the plan's indicators.
 *
 * Number formats:
 * - since 1 Oct 2003 (ZC 0006-2003 专利申请号标准): 12 digits YYYY T NNNNNNN, then '.', then a check character;
 *   T (the 5th digit) is the application type.
 * - 1985 – Sept 2003: 8 digits YY T NNNNN, then '.', then a check character; T is the 3rd digit.
 * ZC 0006-2003 allows 'CN' before the number (with one optional space) and single spaces between year, type and
 * serial; a granted patent is written with 'ZL'. We accept either prefix, remove spaces, and accept '·' for '.'.
 *
 * Check character. Source: the published description of the CNIPA rule, as reposted on public sites (we could
 * not open the normative text of ZC 0006-2003 itself): multiply the digits before the dot, from the left, by
 * 2, 3, 4, 5, 6, 7, 8, 9 (cycling: 2,3,4,5,6,7,8,9,2,3,4,5 for the 12-digit form), sum, take the remainder
 * mod 11; a remainder of 10 is written 'X'. Both worked examples in those sources check out here and are in the
 * tests: 201710601862.3 (12-digit) and ZL95115608.X (8-digit, Σ = 186, 186 mod 11 = 10 → X). An open-source
 * validator (checkpatnum.py, "判断校验位是否正确") implements the same weights.
 */
import { type Label } from './types.js';
import { anniversary, daysBetween, termEnd } from './dates.js';
import { normalizeCode } from './text.js';

export type PatentType = 'invention' | 'utility_model' | 'design';

export const PATENT_TYPE_LABELS: Record<PatentType, Label> = {
  invention: { label_zh: '发明专利', label_en: 'Invention patent' },
  utility_model: { label_zh: '实用新型专利', label_en: 'Utility model patent' },
  design: { label_zh: '外观设计专利', label_en: 'Design patent' },
};

/** Type digit → type; 8 and 9 are PCT applications entering the Chinese national phase. */
const TYPE_DIGITS: Record<string, { type: PatentType; pct: boolean }> = {
  '1': { type: 'invention', pct: false },
  '2': { type: 'utility_model', pct: false },
  '3': { type: 'design', pct: false },
  '8': { type: 'invention', pct: true },
  '9': { type: 'utility_model', pct: true },
};

/** Intellectual-property class in the S&T enterprise rules: inventions are class I, the others class II. */
export function ipClass(type: PatentType): 'I' | 'II' {
  return type === 'invention' ? 'I' : 'II';
}

export type PatentNumberError = 'format' | 'year' | 'type' | 'check' | 'missing_check';

export type PatentNumberResult =
  | {
      ok: true;
      /** Without prefix, with the dot: '202110123456.7'. */
      normalized: string;
      prefix: 'CN' | 'ZL' | null;
      form: '12-digit' | '8-digit';
      year: number;
      type: PatentType;
      pct: boolean;
      serial: string;
      checkChar: string;
    }
  | {
      ok: false;
      error: PatentNumberError;
      /** For 'check' and 'missing_check': the correct check character. */
      expected?: string;
      /** For 'check' the character given; for 'year' and 'type' the digits found. */
      actual?: string;
    };

/** Check character for the 8 or 12 digits before the dot (weights 2..9 cycling from the left, mod 11, 10 → X). */
export function patentCheckChar(digits: string): string {
  if (!/^(\d{8}|\d{12})$/.test(digits)) throw new RangeError(`expected 8 or 12 digits, got ${digits}`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits.charAt(i)) * (2 + (i % 8));
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

const NUMBER = /^(CN|ZL)?(\d{8}|\d{12})(?:\.?([0-9X]))?$/;

/** Validate an application or patent number: prefix, format, year, type digit and check character. */
export function validatePatentNumber(input: string): PatentNumberResult {
  const s = normalizeCode(input)
    .replace(/\s+/g, '')
    .replace(/[·•・]/g, '.');
  const m = NUMBER.exec(s);
  if (!m) return { ok: false, error: 'format' };
  const prefix = (m[1] ?? null) as 'CN' | 'ZL' | null;
  const body = m[2] ?? '';
  const given = m[3];
  const long = body.length === 12;
  let year: number;
  if (long) {
    year = Number(body.slice(0, 4));
    if (year < 2003) return { ok: false, error: 'year', actual: body.slice(0, 4) };
  } else {
    const yy = Number(body.slice(0, 2));
    if (yy >= 85) year = 1900 + yy;
    else if (yy <= 3) year = 2000 + yy;
    else return { ok: false, error: 'year', actual: body.slice(0, 2) };
  }
  const typeDigit = body.charAt(long ? 4 : 2);
  const kind = TYPE_DIGITS[typeDigit];
  if (!kind) return { ok: false, error: 'type', actual: typeDigit };
  const expected = patentCheckChar(body);
  if (given === undefined) return { ok: false, error: 'missing_check', expected };
  if (given !== expected) return { ok: false, error: 'check', expected, actual: given };
  return {
    ok: true,
    normalized: `${body}.${expected}`,
    prefix,
    form: long ? '12-digit' : '8-digit',
    year,
    type: kind.type,
    pct: kind.pct,
    serial: body.slice(long ? 5 : 3),
    checkChar: expected,
  };
}

/** Statutory terms in years from the filing date (专利法 Art. 42). */
export const PATENT_TERM_YEARS = { invention: 20, utility_model: 10, design: 15, designBefore2021: 10 } as const;

/** Design patents filed on or after this date (the fourth amendment of the Patent Law) have a 15-year term. */
export const DESIGN_15_YEARS_FROM = '2021-06-01';

/**
 * Last day of the statutory term: the day before the anniversary of the filing date (for PCT applications, the
 * international filing date). Term adjustments for examination delay or new drugs (Art. 42 since 2021) are not
 * included: they are granted case by case and must be recorded separately.
 */
export function patentExpiry(type: PatentType, filingDate: string): string {
  const years =
    type === 'invention'
      ? PATENT_TERM_YEARS.invention
      : type === 'utility_model'
        ? PATENT_TERM_YEARS.utility_model
        : filingDate >= DESIGN_15_YEARS_FROM
          ? PATENT_TERM_YEARS.design
          : PATENT_TERM_YEARS.designBefore2021;
  return termEnd(filingDate, years);
}

export type HighValueReason =
  'strategic_emerging_industry' | 'overseas_family_member' | 'maintained_over_10_years' | 'pledged_for_financing' | 'national_award';

export const HIGH_VALUE_REASON_LABELS: Record<HighValueReason, Label> = {
  strategic_emerging_industry: { label_zh: '战略性新兴产业相关', label_en: 'In a strategic emerging industry' },
  overseas_family_member: { label_zh: '在海外有同族专利权', label_en: 'Has an overseas family member' },
  maintained_over_10_years: { label_zh: '维持年限超过10年', label_en: 'Maintained for more than 10 years' },
  pledged_for_financing: { label_zh: '实现较高质押融资金额', label_en: 'Pledged for significant financing' },
  national_award: { label_zh: '获得国家科学技术奖或中国专利奖', label_en: 'Won a national award' },
};

/** Facts about one patent; a criterion left null or undefined is not known. */
export interface HighValueFacts {
  type: PatentType;
  /** In force on `asOf` (granted, annuities paid, not invalidated): from the legal-status record. */
  valid: boolean;
  filingDate?: string | null;
  /** The date the question is asked for (e.g. 31 Dec of the reporting year). */
  asOf?: string | null;
  strategicEmergingIndustry?: boolean | null;
  overseasFamilyMember?: boolean | null;
  pledgedForSignificantFinancing?: boolean | null;
  nationalAward?: boolean | null;
}

export interface HighValueResult {
  value: boolean;
  reasons: HighValueReason[];
  /** The reasons with their labels, for display. */
  labels: (Label & { code: HighValueReason })[];
  /** Criteria that could not be checked: when value is false, it may turn true once these are known. */
  unknown: HighValueReason[];
}

/**
 * A valid invention patent meeting any of the five criteria (domain rules §4). "Maintained more than 10 years"
 * is read as: on `asOf` the patent has completed ten years from filing, i.e. `asOf` is on or after the tenth
 * anniversary of the filing date (its eleventh annuity year has begun).
 */
export function isHighValueInvention(facts: HighValueFacts): HighValueResult {
  // Only a valid invention can be high-value: the other criteria are not even looked at.
  if (facts.type !== 'invention' || !facts.valid) return { value: false, reasons: [], labels: [], unknown: [] };
  const flags: [HighValueReason, boolean | null | undefined][] = [
    ['strategic_emerging_industry', facts.strategicEmergingIndustry],
    ['overseas_family_member', facts.overseasFamilyMember],
    ['maintained_over_10_years', facts.filingDate && facts.asOf ? daysBetween(anniversary(facts.filingDate, 10), facts.asOf) >= 0 : null],
    ['pledged_for_financing', facts.pledgedForSignificantFinancing],
    ['national_award', facts.nationalAward],
  ];
  const reasons = flags.filter(([, v]) => v === true).map(([code]) => code);
  const unknown = flags.filter(([, v]) => v === null || v === undefined).map(([code]) => code);
  return {
    value: reasons.length > 0,
    reasons,
    labels: reasons.map((code) => ({ code, ...HIGH_VALUE_REASON_LABELS[code] })),
    unknown,
  };
}
