/**
 * Precheck for the high-tech enterprise qualification (高新技术企业认定管理办法, 2016, Art. 11). Not a decision:
 * the expert review decides. It tells the bureau which companies to encourage and what each still lacks, so
 * every condition is three-valued (missing data → unknown, never a guess) and carries the numbers it used.
 * Money is in 万元; ratios are fractions (0.05 = 5 %). Fiscal years are calendar years.
 */
import { type Condition, type Eligibility, type Label, allOf, atLeast, atMost, toEligibility } from './types.js';
import { daysBetween, termEnd, yearOf } from './dates.js';
import { INNOVATION_DEFAULTS, type InnovationInput, type InnovationParams, innovationScore } from './high-tech-innovation.js';

export type HighTechConditionCode =
  | 'registered_one_year'
  | 'core_ip'
  | 'key_field'
  | 'st_staff_ratio'
  | 'rd_ratio'
  | 'rd_in_china'
  | 'high_tech_revenue'
  | 'innovation_score'
  | 'no_major_incident';

export const HIGH_TECH_CONDITION_LABELS: Record<HighTechConditionCode, Label> = {
  registered_one_year: { label_zh: '注册成立满一年', label_en: 'Registered for at least one year' },
  core_ip: { label_zh: '拥有核心自主知识产权', label_en: 'Owns core intellectual property' },
  key_field: { label_zh: '属于国家重点支持的高新技术领域', label_en: 'Technology in a nationally key-supported field' },
  st_staff_ratio: { label_zh: '科技人员占职工总数比例', label_en: 'S&T staff share of employees' },
  rd_ratio: { label_zh: '近三年研发费用占销售收入比例', label_en: 'R&D expense to sales, last three years' },
  rd_in_china: { label_zh: '境内研发费用占全部研发费用比例', label_en: 'Share of R&D spent in China' },
  high_tech_revenue: {
    label_zh: '近一年高新技术产品（服务）收入占比',
    label_en: 'High-tech products/services share of revenue, last year',
  },
  innovation_score: { label_zh: '企业创新能力评价得分', label_en: 'Innovation capability score' },
  no_major_incident: {
    label_zh: '申请前一年内未发生重大安全、重大质量事故或严重环境违法行为',
    label_en: 'No major safety or quality accident or serious environmental violation in the past year',
  },
};

export interface FiscalYearFigures {
  year: number;
  /** 销售收入 (万元). */
  sales: number | null;
  /** 研究开发费用总额 (万元). */
  rdExpense: number | null;
  /** Of which spent in China (境内研发费用, 万元). */
  rdExpenseInChina: number | null;
  /** Net assets at year end (万元), for the growth part of the innovation score. */
  netAssets?: number | null;
}

export interface HighTechInput {
  registrationDate: string | null;
  /** Date of the application or of the precheck; fixes the fiscal years considered (the three before its year). */
  assessmentDate: string;
  coreIp: { count: number; hasInvention: boolean } | null;
  inKeySupportedField: boolean | null;
  /** Average headcount of the year (mean of monthly (start + end) / 2). */
  averageEmployees: number | null;
  /** S&T staff (worked ≥ 183 days in the year). */
  stStaff: number | null;
  /** Any order; years outside the period are ignored. */
  fiscalYears: FiscalYearFigures[];
  lastYearHighTechRevenue: number | null;
  lastYearTotalRevenue: number | null;
  innovation?: InnovationInput;
  /** Art. 11(8): no major safety or quality accident or serious environmental violation in the year before. */
  noMajorIncident: boolean | null;
}

export interface HighTechParams {
  /**
   * "注册成立一年以上": we count 365 calendar days, as the 2016 work guidelines (工作指引) put it as we recall
   * them; not in the domain rules, so a parameter.
   */
  registeredMinDays: number;
  stStaffMinRatio: number;
  /** By the latest year's sales, upper bounds inclusive (5 000 万 is in the first band, 2 亿 in the second). */
  rdRatioBands: readonly { maxSales: number; minRatio: number }[];
  rdInChinaMinRatio: number;
  highTechRevenueMinRatio: number;
  innovation: InnovationParams;
}

export const HIGH_TECH_DEFAULTS: HighTechParams = {
  registeredMinDays: 365,
  stStaffMinRatio: 0.1,
  rdRatioBands: [
    { maxSales: 5_000, minRatio: 0.05 },
    { maxSales: 20_000, minRatio: 0.04 },
    { maxSales: Infinity, minRatio: 0.03 },
  ],
  rdInChinaMinRatio: 0.6,
  highTechRevenueMinRatio: 0.6,
  innovation: INNOVATION_DEFAULTS,
};

export interface HighTechPrecheck {
  overall: Eligibility;
  conditions: Condition<HighTechConditionCode>[];
  /** Fiscal years the three-year ratios were computed over, oldest first. */
  period: number[];
}

/** The last three fiscal years before the assessment year, from the registration year on when younger. */
export function fiscalPeriod(assessmentDate: string, registrationDate: string | null): number[] {
  const y = yearOf(assessmentDate);
  const from = registrationDate === null ? y - 3 : Math.max(y - 3, yearOf(registrationDate));
  const years: number[] = [];
  for (let year = from; year <= y - 1; year++) years.push(year);
  return years;
}

type Ctx = { input: HighTechInput; params: HighTechParams; period: number[]; byYear: Map<number, FiscalYearFigures> };

function condition(
  code: HighTechConditionCode,
  rest: Omit<Condition<HighTechConditionCode>, 'code' | 'label_zh' | 'label_en'>,
): Condition<HighTechConditionCode> {
  return { code, ...HIGH_TECH_CONDITION_LABELS[code], ...rest };
}

const missingOnly = (code: HighTechConditionCode, missing: string[], numbers: Condition['numbers'] = {}) =>
  condition(code, { result: 'unknown', numbers, missing });

function registered({ input, params }: Ctx) {
  const min = params.registeredMinDays;
  if (input.registrationDate === null) return missingOnly('registered_one_year', ['registrationDate'], { threshold: min });
  const days = daysBetween(input.registrationDate, input.assessmentDate);
  return condition('registered_one_year', {
    result: days >= min ? 'pass' : 'fail',
    numbers: { days, threshold: min },
    measure: { value: days, threshold: min, comparator: '>=', unit: 'days' },
  });
}

function coreIp({ input }: Ctx) {
  if (input.coreIp === null) return missingOnly('core_ip', ['coreIp'], { threshold: 1 });
  const { count, hasInvention } = input.coreIp;
  return condition('core_ip', {
    result: count >= 1 ? 'pass' : 'fail',
    numbers: { count, hasInvention, threshold: 1 },
    measure: { value: count, threshold: 1, comparator: '>=', unit: 'count' },
  });
}

function keyField({ input }: Ctx) {
  const v = input.inKeySupportedField;
  if (v === null) return missingOnly('key_field', ['inKeySupportedField']);
  return condition('key_field', { result: v ? 'pass' : 'fail', numbers: { inKeySupportedField: v } });
}

/** A ratio condition: numerator ÷ denominator ≥ threshold, unknown when either is missing or the base is not positive. */
function ratioCondition(
  code: HighTechConditionCode,
  num: [string, number | null],
  den: [string, number | null],
  threshold: number,
  extra: Condition['numbers'] = {},
): Condition<HighTechConditionCode> {
  const missing = [num, den].filter(([, v]) => v === null).map(([k]) => k);
  const numbers: Condition['numbers'] = { [num[0]]: num[1], [den[0]]: den[1], ...extra, threshold };
  if (missing.length > 0) return missingOnly(code, missing, numbers);
  const [n, d] = [num[1] as number, den[1] as number];
  if (!(d > 0)) return condition(code, { result: 'unknown', numbers: { ...numbers, ratio: null }, note: 'zero_denominator' });
  const ratio = n / d;
  return condition(code, {
    result: atLeast(ratio, threshold) ? 'pass' : 'fail',
    numbers: { ...numbers, ratio },
    measure: { value: ratio, threshold, comparator: '>=', unit: 'ratio' },
  });
}

function staff({ input, params }: Ctx) {
  return ratioCondition('st_staff_ratio', ['stStaff', input.stStaff], ['averageEmployees', input.averageEmployees], params.stStaffMinRatio);
}

/** Sum of one field over the period, with the names of the missing values. */
function sumOver(ctx: Ctx, field: 'sales' | 'rdExpense' | 'rdExpenseInChina'): { sum: number | null; missing: string[] } {
  const missing: string[] = [];
  let sum = 0;
  for (const year of ctx.period) {
    const v = ctx.byYear.get(year)?.[field];
    if (v == null) missing.push(`fiscalYears[${year}].${field}`);
    else sum += v;
  }
  return { sum: missing.length > 0 ? null : sum, missing };
}

function rdRatio(ctx: Ctx) {
  if (ctx.period.length === 0) return condition('rd_ratio', { result: 'unknown', numbers: {}, note: 'no_fiscal_year' });
  const latestYear = ctx.period[ctx.period.length - 1] as number;
  const latestSales = ctx.byYear.get(latestYear)?.sales ?? null;
  const sales = sumOver(ctx, 'sales');
  const rd = sumOver(ctx, 'rdExpense');
  const band = latestSales === null ? undefined : ctx.params.rdRatioBands.find((b) => atMost(latestSales, b.maxSales));
  const numbers: Condition['numbers'] = { latestSales, years: ctx.period.length };
  if (band === undefined || sales.sum === null || rd.sum === null) {
    return condition('rd_ratio', {
      result: 'unknown',
      numbers: { ...numbers, threshold: band?.minRatio ?? null },
      missing: [...new Set([...rd.missing, ...sales.missing])],
    });
  }
  return ratioCondition('rd_ratio', ['rdExpense', rd.sum], ['sales', sales.sum], band.minRatio, numbers);
}

function rdInChina(ctx: Ctx) {
  if (ctx.period.length === 0) return condition('rd_in_china', { result: 'unknown', numbers: {}, note: 'no_fiscal_year' });
  const inChina = sumOver(ctx, 'rdExpenseInChina');
  const rd = sumOver(ctx, 'rdExpense');
  const missing = [...inChina.missing, ...rd.missing];
  if (missing.length > 0) return missingOnly('rd_in_china', missing, { threshold: ctx.params.rdInChinaMinRatio });
  return ratioCondition('rd_in_china', ['rdExpenseInChina', inChina.sum], ['rdExpense', rd.sum], ctx.params.rdInChinaMinRatio);
}

function highTechRevenue({ input, params }: Ctx) {
  return ratioCondition(
    'high_tech_revenue',
    ['lastYearHighTechRevenue', input.lastYearHighTechRevenue],
    ['lastYearTotalRevenue', input.lastYearTotalRevenue],
    params.highTechRevenueMinRatio,
  );
}

function innovation(ctx: Ctx) {
  const p = ctx.params.innovation;
  const fig = (f: 'netAssets' | 'sales') => ctx.period.map((y) => ctx.byYear.get(y)?.[f] ?? null);
  const s = innovationScore(ctx.input.innovation ?? {}, { years: ctx.period, netAssets: fig('netAssets'), sales: fig('sales') }, p);
  const { min, max } = s.total;
  const result = atLeast(min, p.passMark) ? 'pass' : !atLeast(max, p.passMark) ? 'fail' : 'unknown';
  const numbers: Condition['numbers'] = {
    min,
    max,
    threshold: p.passMark,
    ipMin: s.ip.range.min,
    ipMax: s.ip.range.max,
    transferMin: s.transfer.range.min,
    transferMax: s.transfer.range.max,
    transfersPerYear: s.transfer.perYear,
    rdOrganisationMin: s.rdOrganisation.range.min,
    rdOrganisationMax: s.rdOrganisation.range.max,
    growthMin: s.growth.range.min,
    growthMax: s.growth.range.max,
    netAssetsGrowth: s.growth.netAssetsGrowth,
    salesGrowth: s.growth.salesGrowth,
  };
  return condition('innovation_score', {
    result,
    numbers,
    ...(result === 'unknown' ? { missing: s.missing } : {}),
    ...(result !== 'unknown'
      ? { measure: { value: result === 'pass' ? min : max, threshold: p.passMark, comparator: '>=' as const, unit: 'points' as const } }
      : {}),
  });
}

function incident({ input }: Ctx) {
  const v = input.noMajorIncident;
  if (v === null) return missingOnly('no_major_incident', ['noMajorIncident']);
  return condition('no_major_incident', { result: v ? 'pass' : 'fail', numbers: { noMajorIncident: v } });
}

/** Evaluate every condition; ineligible as soon as one fails, undetermined while any is unknown. */
export function highTechPrecheck(input: HighTechInput, params: HighTechParams = HIGH_TECH_DEFAULTS): HighTechPrecheck {
  const period = fiscalPeriod(input.assessmentDate, input.registrationDate);
  const byYear = new Map(input.fiscalYears.map((f) => [f.year, f]));
  const ctx: Ctx = { input, params, period, byYear };
  const conditions = [registered, coreIp, keyField, staff, rdRatio, rdInChina, highTechRevenue, innovation, incident].map((f) => f(ctx));
  return { overall: toEligibility(allOf(conditions.map((c) => c.result))), conditions, period };
}

/** A certificate is valid for three years from its issue date. */
export const HIGH_TECH_CERTIFICATE_YEARS = 3;

/** Last day of validity: the day before the third anniversary of the issue date. */
export function certificateValidUntil(issueDate: string): string {
  return termEnd(issueDate, HIGH_TECH_CERTIFICATE_YEARS);
}

export function certificateValidOn(issueDate: string, date: string): boolean {
  return daysBetween(issueDate, date) >= 0 && daysBetween(date, certificateValidUntil(issueDate)) >= 0;
}
