/**
 * Evaluation of tech-based SMEs (科技型中小企业评价办法, 2017): size limits, no serious violation, and either a
 * score of at least 60 with the S&T-staff item above 0, or one of four direct routes. Figures are the last
 * fiscal year's; money in 万元, ratios as fractions. Where data is missing an item is a range of still-possible
 * points, so a company can be decided even with gaps (e.g. R&D/sales already earns the full 50 points).
 */
import {
  type Band,
  type Condition,
  type Eligibility,
  type Label,
  type ScoreRange,
  type TriState,
  allOf,
  anyOf,
  atLeast,
  atMost,
  bandPoints,
  toEligibility,
} from './types.js';
import { yearOf } from './dates.js';

export type TechSmeConditionCode = 'employees' | 'sales' | 'total_assets' | 'no_serious_violation' | 'qualification';
export type TechSmeItemCode = 'st_staff' | 'rd' | 'ip';
export type DirectRouteCode = 'high_tech_certificate' | 'national_award' | 'provincial_rd_institution' | 'led_standard';

export const TECH_SME_CONDITION_LABELS: Record<TechSmeConditionCode, Label> = {
  employees: { label_zh: '职工总数不超过上限', label_en: 'Employees within the limit' },
  sales: { label_zh: '年销售收入不超过上限', label_en: 'Annual sales within the limit' },
  total_assets: { label_zh: '资产总额不超过上限', label_en: 'Total assets within the limit' },
  no_serious_violation: {
    label_zh: '未发生重大安全、质量事故和严重环境违法、科研严重失信行为',
    label_en: 'No major accident, serious environmental violation or serious research misconduct',
  },
  qualification: { label_zh: '综合评价达标或符合直接认定条件', label_en: 'Score reached, or a direct route met' },
};

export const TECH_SME_ITEM_LABELS: Record<TechSmeItemCode, Label> = {
  st_staff: { label_zh: '科技人员指标', label_en: 'S&T staff' },
  rd: { label_zh: '研发投入指标', label_en: 'R&D input' },
  ip: { label_zh: '科技成果指标', label_en: 'S&T output (intellectual property)' },
};

export const DIRECT_ROUTE_LABELS: Record<DirectRouteCode, Label> = {
  high_tech_certificate: { label_zh: '拥有有效期内的高新技术企业资格证书', label_en: 'Holds a valid high-tech enterprise certificate' },
  national_award: {
    label_zh: '近五年内获得过国家级科技奖励，并在获奖单位中排在前三名',
    label_en: 'National S&T award in the last five years, among the first three units',
  },
  provincial_rd_institution: {
    label_zh: '拥有经认定的省部级以上研发机构',
    label_en: 'Has a recognised provincial or ministerial R&D institution',
  },
  led_standard: {
    label_zh: '近五年内主导制定过国际标准、国家标准或行业标准',
    label_en: 'Led an international, national or industry standard in the last five years',
  },
};

export interface TechSmeInput {
  /** 职工总数. */
  employees: number | null;
  /** 科技人员数. */
  stStaff: number | null;
  /** 销售收入 (万元). */
  sales: number | null;
  /** 资产总额 (万元). */
  totalAssets: number | null;
  /** 研发费用总额 (万元). */
  rdExpense: number | null;
  /** 成本费用支出总额 (万元). */
  totalCost: number | null;
  /** Valid IP: class I (invention patents etc.), class II (utility models, designs, software copyrights...). */
  ip: { classI: number; classII: number } | null;
  noSeriousViolation: boolean | null;
  /** The direct routes, as judged from the records (time windows included). Missing means unknown. */
  direct?: Partial<Record<DirectRouteCode, boolean | null>>;
}

export interface TechSmeParams {
  maxEmployees: number;
  maxSales: number;
  maxAssets: number;
  passScore: number;
  staffBands: readonly Band[];
  rdSalesBands: readonly Band[];
  rdCostBands: readonly Band[];
  ipClassIPoints: number;
  ipClassIIBands: readonly Band[];
  maxPoints: Record<TechSmeItemCode, number>;
}

/** Domain rules §2; all lower bounds inclusive (exactly 30 % staff → 20 points). */
export const TECH_SME_DEFAULTS: TechSmeParams = {
  maxEmployees: 500,
  maxSales: 20_000,
  maxAssets: 20_000,
  passScore: 60,
  staffBands: [
    { min: 0.3, points: 20 },
    { min: 0.25, points: 16 },
    { min: 0.2, points: 12 },
    { min: 0.15, points: 8 },
    { min: 0.1, points: 4 },
  ],
  rdSalesBands: [
    { min: 0.06, points: 50 },
    { min: 0.05, points: 40 },
    { min: 0.04, points: 30 },
    { min: 0.03, points: 20 },
    { min: 0.02, points: 10 },
  ],
  rdCostBands: [
    { min: 0.3, points: 50 },
    { min: 0.25, points: 40 },
    { min: 0.2, points: 30 },
    { min: 0.15, points: 20 },
    { min: 0.1, points: 10 },
  ],
  ipClassIPoints: 30,
  ipClassIIBands: [
    { min: 4, points: 24 },
    { min: 3, points: 18 },
    { min: 2, points: 12 },
    { min: 1, points: 6 },
  ],
  maxPoints: { st_staff: 20, rd: 50, ip: 30 },
};

export interface TechSmeItem extends Label {
  code: TechSmeItemCode;
  /** Exact points, or null while the range is not a single value. */
  points: number | null;
  min: number;
  max: number;
  maxPoints: number;
  numbers: Record<string, number | null>;
  /** For the R&D item: which ratio gave the points (the better one). */
  basis?: 'sales' | 'total_cost';
  missing?: string[];
}

export interface TechSmeEvaluation {
  overall: Eligibility;
  /** How it qualifies, when it does. */
  route: 'direct' | 'score' | null;
  conditions: Condition<TechSmeConditionCode>[];
  items: TechSmeItem[];
  score: ScoreRange & { result: TriState; threshold: number };
  direct: (Label & { code: DirectRouteCode; result: TriState })[];
  /** Inputs that would decide what is still undecided. */
  missing: string[];
}

function item(
  code: TechSmeItemCode,
  range: ScoreRange,
  maxPoints: number,
  numbers: TechSmeItem['numbers'],
  missing: string[],
  basis?: TechSmeItem['basis'],
): TechSmeItem {
  return {
    code,
    ...TECH_SME_ITEM_LABELS[code],
    points: range.min === range.max ? range.min : null,
    min: range.min,
    max: range.max,
    maxPoints,
    numbers,
    ...(basis ? { basis } : {}),
    ...(range.min !== range.max ? { missing } : {}),
  };
}

/** Points of ratio num ÷ den in the bands, or the full range when it cannot be computed. */
function ratioPoints(num: [string, number | null], den: [string, number | null], bands: readonly Band[], max: number) {
  const missing = [num, den].filter(([, v]) => v === null).map(([k]) => k);
  if (missing.length > 0 || !((den[1] as number) > 0)) return { ratio: null, range: { min: 0, max }, missing };
  const ratio = (num[1] as number) / (den[1] as number);
  const p = bandPoints(ratio, bands, 0);
  return { ratio, range: { min: p, max: p }, missing };
}

function staffItem(input: TechSmeInput, p: TechSmeParams): TechSmeItem {
  const r = ratioPoints(['stStaff', input.stStaff], ['employees', input.employees], p.staffBands, p.maxPoints.st_staff);
  return item('st_staff', r.range, p.maxPoints.st_staff, { stStaff: input.stStaff, employees: input.employees, ratio: r.ratio }, r.missing);
}

function rdItem(input: TechSmeInput, p: TechSmeParams): TechSmeItem {
  const max = p.maxPoints.rd;
  const bySales = ratioPoints(['rdExpense', input.rdExpense], ['sales', input.sales], p.rdSalesBands, max);
  const byCost = ratioPoints(['rdExpense', input.rdExpense], ['totalCost', input.totalCost], p.rdCostBands, max);
  const range = { min: Math.max(bySales.range.min, byCost.range.min), max: Math.max(bySales.range.max, byCost.range.max) };
  const known = range.min === range.max;
  const basis = !known ? undefined : bySales.range.min === range.min && bySales.ratio !== null ? 'sales' : 'total_cost';
  const numbers = {
    rdExpense: input.rdExpense,
    sales: input.sales,
    totalCost: input.totalCost,
    salesRatio: bySales.ratio,
    salesPoints: bySales.ratio === null ? null : bySales.range.min,
    costRatio: byCost.ratio,
    costPoints: byCost.ratio === null ? null : byCost.range.min,
  };
  return item('rd', range, max, numbers, [...new Set([...bySales.missing, ...byCost.missing])], basis);
}

function ipItem(input: TechSmeInput, p: TechSmeParams): TechSmeItem {
  const max = p.maxPoints.ip;
  if (input.ip === null) return item('ip', { min: 0, max }, max, { classI: null, classII: null }, ['ip']);
  const { classI, classII } = input.ip;
  const points = classI >= 1 ? p.ipClassIPoints : bandPoints(classII, p.ipClassIIBands, 0);
  return item('ip', { min: points, max: points }, max, { classI, classII }, []);
}

function limit(
  code: TechSmeConditionCode,
  field: string,
  value: number | null,
  max: number,
  unit: 'persons' | 'wan_yuan',
): Condition<TechSmeConditionCode> {
  const labels = TECH_SME_CONDITION_LABELS[code];
  if (value === null) return { code, ...labels, result: 'unknown', numbers: { [field]: null, threshold: max }, missing: [field] };
  return {
    code,
    ...labels,
    result: atMost(value, max) ? 'pass' : 'fail',
    numbers: { [field]: value, threshold: max },
    measure: { value, threshold: max, comparator: '<=', unit },
  };
}

export function evaluateTechSme(input: TechSmeInput, params: TechSmeParams = TECH_SME_DEFAULTS): TechSmeEvaluation {
  const items = [staffItem(input, params), rdItem(input, params), ipItem(input, params)];
  const [staff] = items as [TechSmeItem, ...TechSmeItem[]];
  const min = items.reduce((s, i) => s + i.min, 0);
  const max = items.reduce((s, i) => s + i.max, 0);
  const scoreResult: TriState =
    staff.max === 0 || !atLeast(max, params.passScore) ? 'fail' : staff.min > 0 && atLeast(min, params.passScore) ? 'pass' : 'unknown';

  const direct = (Object.keys(DIRECT_ROUTE_LABELS) as DirectRouteCode[]).map((code) => {
    const v = input.direct?.[code];
    return { code, ...DIRECT_ROUTE_LABELS[code], result: (v === true ? 'pass' : v === false ? 'fail' : 'unknown') as TriState };
  });
  const directResult = anyOf(direct.map((d) => d.result));
  const qualifies = anyOf([directResult, scoreResult]);
  const route = directResult === 'pass' ? 'direct' : scoreResult === 'pass' ? 'score' : null;

  const qualificationMissing =
    qualifies === 'unknown'
      ? [
          ...(scoreResult === 'unknown' ? items.flatMap((i) => i.missing ?? []) : []),
          ...direct.filter((d) => d.result === 'unknown').map((d) => `direct.${d.code}`),
        ]
      : [];
  const v = input.noSeriousViolation;
  const conditions: Condition<TechSmeConditionCode>[] = [
    limit('employees', 'employees', input.employees, params.maxEmployees, 'persons'),
    limit('sales', 'sales', input.sales, params.maxSales, 'wan_yuan'),
    limit('total_assets', 'totalAssets', input.totalAssets, params.maxAssets, 'wan_yuan'),
    v === null
      ? {
          code: 'no_serious_violation',
          ...TECH_SME_CONDITION_LABELS.no_serious_violation,
          result: 'unknown',
          numbers: {},
          missing: ['noSeriousViolation'],
        }
      : {
          code: 'no_serious_violation',
          ...TECH_SME_CONDITION_LABELS.no_serious_violation,
          result: v ? 'pass' : 'fail',
          numbers: { noSeriousViolation: v },
        },
    {
      code: 'qualification',
      ...TECH_SME_CONDITION_LABELS.qualification,
      result: qualifies,
      numbers: { scoreMin: min, scoreMax: max, threshold: params.passScore, staffPoints: staff.points },
      ...(route === 'score' || (qualifies === 'fail' && staff.max > 0)
        ? {
            measure: {
              value: route === 'score' ? min : max,
              threshold: params.passScore,
              comparator: '>=' as const,
              unit: 'points' as const,
            },
          }
        : {}),
      ...(qualificationMissing.length > 0 ? { missing: [...new Set(qualificationMissing)] } : {}),
    },
  ];
  const missing = [...new Set(conditions.filter((c) => c.result === 'unknown').flatMap((c) => c.missing ?? []))];
  return {
    overall: toEligibility(allOf(conditions.map((c) => c.result))),
    route,
    conditions,
    items,
    score: { min, max, result: scoreResult, threshold: params.passScore },
    direct,
    missing,
  };
}

/**
 * A registration number (入库登记编号) is valid in its registration year only: 1 January to 31 December.
 * (Tax rules about claiming the previous year's deduction with a number obtained before the filing deadline are
 * not encoded here.)
 */
export function smeRegistrationValidOn(year: number, date: string): boolean {
  return yearOf(date) === year;
}
