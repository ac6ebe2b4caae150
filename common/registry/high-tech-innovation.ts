/**
 * The innovation-capability score of the 2016 high-tech enterprise rules (企业创新能力评价, 100 points: IP 30,
 * achievement transfer 30, R&D organisation 20, growth 20; pass mark 71). IP and R&D organisation are expert
 * judgements and can only be entered; transfer and growth can be estimated from facts, but the tables give a
 * range of points per band (the expert picks within it). So the score is a range, and the condition is decided
 * only when the whole range lies on one side of the pass mark.
 */
import { type Band, type ScoreRange, bandPoints } from './types.js';

export interface InnovationInput {
  /** 知识产权 (0–30), when scored. */
  ipPoints?: number | null;
  /** 科技成果转化能力 (0–30), when scored; otherwise estimated from `achievementTransfers`. */
  transferPoints?: number | null;
  /** Number of S&T achievements transferred during the evaluation period (up to the last three fiscal years). */
  achievementTransfers?: number | null;
  /** 研究开发组织管理水平 (0–20), when scored. */
  rdOrganisationPoints?: number | null;
  /** 企业成长性 (0–20), when scored; otherwise estimated from net assets and sales of the three fiscal years. */
  growthPoints?: number | null;
}

export interface InnovationParams {
  /** Pass mark (domain rules: ≥ 71; the 2016 text says "70 分以上（不含70分）", which differs for fractional averages). */
  passMark: number;
  maxPoints: { ip: number; transfer: number; rdOrganisation: number; growth: number };
  /** Yearly average of transferred achievements → points range (domain rules §2). */
  transferBands: readonly Band<readonly [number, number]>[];
  transferBelow: readonly [number, number];
  /**
   * Growth rate → points range, for net assets and for sales separately (each out of half the growth points).
   * The cut points 35/25/15/5 % are in the rules; the points per band are *unconfirmed* defaults: change them here.
   */
  growthBands: readonly Band<readonly [number, number]>[];
  /** Below the lowest cut point (5 %): *unconfirmed*; 0–2 covers both readings we know of (0, or 1–2 when > 0). */
  growthBelow: readonly [number, number];
}

export const INNOVATION_DEFAULTS: InnovationParams = {
  passMark: 71,
  maxPoints: { ip: 30, transfer: 30, rdOrganisation: 20, growth: 20 },
  transferBands: [
    { min: 5, points: [25, 30] },
    { min: 4, points: [19, 24] },
    { min: 3, points: [13, 18] },
    { min: 2, points: [7, 12] },
    { min: 1, points: [1, 6] },
  ],
  transferBelow: [0, 0],
  growthBands: [
    { min: 0.35, points: [9, 10] },
    { min: 0.25, points: [7, 8] },
    { min: 0.15, points: [5, 6] },
    { min: 0.05, points: [3, 4] },
  ],
  growthBelow: [0, 2],
};

/**
 * Growth rate over three year values: ½(y2/y1 + y3/y2) − 1. Null when y1 or y2 is not positive: the guidelines
 * treat zero or negative bases specially and we do not encode those cases (enter the points instead).
 */
export function growthRate(y1: number, y2: number, y3: number): number | null {
  if (!(y1 > 0) || !(y2 > 0)) return null;
  return (y2 / y1 + y3 / y2) / 2 - 1;
}

export interface InnovationComponent {
  range: ScoreRange;
  /** How the range was obtained. */
  source: 'entered' | 'estimated' | 'unknown';
}

export interface InnovationScore {
  total: ScoreRange;
  ip: InnovationComponent;
  transfer: InnovationComponent & { perYear: number | null };
  rdOrganisation: InnovationComponent;
  growth: InnovationComponent & { netAssetsGrowth: number | null; salesGrowth: number | null };
  missing: string[];
}

/** Figures for growth: the three fiscal years of the period, oldest first (fewer when the company is younger). */
export interface GrowthFigures {
  years: number[];
  netAssets: (number | null)[];
  sales: (number | null)[];
}

function entered(points: number, max: number, name: string): InnovationComponent {
  if (!(points >= 0 && points <= max)) throw new RangeError(`${name} must be between 0 and ${max}: ${points}`);
  return { range: { min: points, max: points }, source: 'entered' };
}

const unknown = (max: number): InnovationComponent => ({ range: { min: 0, max }, source: 'unknown' });
const rangeOf = ([min, max]: readonly [number, number]): ScoreRange => ({ min, max });

export function innovationScore(
  input: InnovationInput,
  figures: GrowthFigures,
  params: InnovationParams = INNOVATION_DEFAULTS,
): InnovationScore {
  const max = params.maxPoints;
  const missing: string[] = [];

  let ip: InnovationComponent;
  if (input.ipPoints != null) ip = entered(input.ipPoints, max.ip, 'ipPoints');
  else {
    ip = unknown(max.ip);
    missing.push('innovation.ipPoints');
  }

  let transfer: InnovationComponent & { perYear: number | null };
  const periodYears = figures.years.length;
  if (input.transferPoints != null) transfer = { ...entered(input.transferPoints, max.transfer, 'transferPoints'), perYear: null };
  else if (input.achievementTransfers != null && periodYears > 0) {
    const perYear = input.achievementTransfers / periodYears;
    transfer = { range: rangeOf(bandPoints(perYear, params.transferBands, params.transferBelow)), source: 'estimated', perYear };
  } else {
    transfer = { ...unknown(max.transfer), perYear: null };
    missing.push('innovation.achievementTransfers');
  }

  let rdOrganisation: InnovationComponent;
  if (input.rdOrganisationPoints != null) rdOrganisation = entered(input.rdOrganisationPoints, max.rdOrganisation, 'rdOrganisationPoints');
  else {
    rdOrganisation = unknown(max.rdOrganisation);
    missing.push('innovation.rdOrganisationPoints');
  }

  let growth: InnovationScore['growth'];
  if (input.growthPoints != null)
    growth = { ...entered(input.growthPoints, max.growth, 'growthPoints'), netAssetsGrowth: null, salesGrowth: null };
  else {
    const half = max.growth / 2;
    const one = (values: (number | null)[], field: string): { rate: number | null; range: ScoreRange } => {
      const [y1, y2, y3] = values;
      if (values.length !== 3 || y1 == null || y2 == null || y3 == null) {
        figures.years.forEach((year, i) => {
          if (values[i] == null) missing.push(`fiscalYears[${year}].${field}`);
        });
        if (values.length !== 3) missing.push(`innovation.growthPoints`);
        return { rate: null, range: { min: 0, max: half } };
      }
      const rate = growthRate(y1, y2, y3);
      if (rate === null) return { rate: null, range: { min: 0, max: half } };
      return { rate, range: rangeOf(bandPoints(rate, params.growthBands, params.growthBelow)) };
    };
    const netAssets = one(figures.netAssets, 'netAssets');
    const sales = one(figures.sales, 'sales');
    const known = netAssets.rate !== null && sales.rate !== null;
    growth = {
      range: { min: netAssets.range.min + sales.range.min, max: netAssets.range.max + sales.range.max },
      source: known ? 'estimated' : 'unknown',
      netAssetsGrowth: netAssets.rate,
      salesGrowth: sales.rate,
    };
  }

  const parts = [ip, transfer, rdOrganisation, growth];
  return {
    total: { min: parts.reduce((s, p) => s + p.range.min, 0), max: parts.reduce((s, p) => s + p.range.max, 0) },
    ip,
    transfer,
    rdOrganisation,
    growth,
    missing: [...new Set(missing)],
  };
}
