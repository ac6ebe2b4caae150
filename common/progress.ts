/**
 * Progress toward a target (docs/METHODS.md): the UNSD Progress Chart method with its edge cases.
 * Pure and unit-tested with hand-computed vectors.
 */

import type { Comparator, Direction, ProgressMethod, ProgressStatus } from './values/plans.js';

export type { Comparator, Direction, ProgressMethod, ProgressStatus };

export interface Point {
  year: number;
  value: number;
}

export interface ProgressInput {
  direction: Direction;
  baseline: Point | null;
  target: (Point & { comparator?: Comparator }) | null;
  /** Observed values (any order); the latest at or before `asOf` is used. */
  series: Point[];
  /** Rank-like indicators (lower is better, not a quantity): always linear. */
  rank?: boolean;
  asOf?: number;
}

export interface Progress {
  status: ProgressStatus;
  /** Why there is no status, or which edge case decided the method. */
  reason?: 'no_baseline' | 'no_target' | 'no_value' | 'single_point' | 'zero_base' | 'sign_change' | 'rank' | 'target_equals_baseline';
  method: ProgressMethod | null;
  latest: Point | null;
  /** Share of the way from baseline to target, 0..1 (may be negative or above 1). */
  shareOfWay: number | null;
  cagrActual: number | null;
  cagrRequired: number | null;
  /** CR = actual ÷ required (growth rates for 'cagr', progress share ÷ time share for 'linear'). */
  ratio: number | null;
  /** Where the straight line from baseline to target stands in the latest year. */
  expectedOnTrajectory: number | null;
  projection: { year: number; value: number; method: 'compound_growth' | 'linear_trend'; extrapolation: true } | null;
}

export const CUTS = { onTrack: 0.95, acceleration: 0.5, limited: -0.1 } as const;

export function band(ratio: number): Exclude<ProgressStatus, 'achieved' | 'no_data'> {
  if (ratio >= CUTS.onTrack) return 'on_track';
  if (ratio >= CUTS.acceleration) return 'needs_acceleration';
  if (ratio >= CUTS.limited) return 'limited';
  return 'deteriorating';
}

function isMet(value: number, target: number, direction: Direction, comparator: Comparator = '='): boolean {
  if (comparator === '>=') return value >= target;
  if (comparator === '<=') return value <= target;
  return direction === 'increase' ? value >= target : value <= target;
}

/** Least-squares line through the points; with two points, the line through them. */
export function linearTrend(points: Point[]): { slope: number; intercept: number } | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.year - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.year - mx) * (p.value - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

const empty = (status: ProgressStatus, reason: Progress['reason'], latest: Point | null): Progress => ({
  status,
  reason,
  method: null,
  latest,
  shareOfWay: null,
  cagrActual: null,
  cagrRequired: null,
  ratio: null,
  expectedOnTrajectory: null,
  projection: null,
});

export function progress(input: ProgressInput): Progress {
  const { baseline: b, target: T, direction } = input;
  const observed = input.series
    .filter((p) => Number.isFinite(p.value) && (input.asOf === undefined || p.year <= input.asOf))
    .sort((x, y) => x.year - y.year);
  const latest = observed.at(-1) ?? null;
  if (!T) return empty('no_data', 'no_target', latest);
  if (!latest) return empty('no_data', 'no_value', null);
  if (isMet(latest.value, T.value, direction, T.comparator) && (!b || latest.year > b.year || T.year === b.year)) {
    return {
      ...empty('achieved', undefined, latest),
      shareOfWay: b && T.value !== b.value ? (latest.value - b.value) / (T.value - b.value) : null,
    };
  }
  if (!b) return empty('no_data', 'no_baseline', latest);
  if (latest.year <= b.year) return empty('no_data', 'single_point', latest);
  if (T.value === b.value) return { ...empty('deteriorating', 'target_equals_baseline', latest) };

  const t = latest.year - b.year;
  const span = T.year - b.year;
  const shareOfWay = (latest.value - b.value) / (T.value - b.value);
  const expectedOnTrajectory = b.value + ((T.value - b.value) * t) / span;
  const points = [b, ...observed.filter((p) => p.year > b.year)];

  let reason: Progress['reason'];
  if (input.rank) reason = 'rank';
  else if (b.value === 0) reason = 'zero_base';
  else if (Math.sign(b.value) !== Math.sign(latest.value) || Math.sign(b.value) !== Math.sign(T.value)) reason = 'sign_change';

  if (reason) {
    const ratio = shareOfWay / (t / span);
    const trend = linearTrend(points);
    return {
      status: band(ratio),
      reason,
      method: 'linear',
      latest,
      shareOfWay,
      cagrActual: null,
      cagrRequired: null,
      ratio,
      expectedOnTrajectory,
      projection: trend
        ? { year: T.year, value: trend.intercept + trend.slope * T.year, method: 'linear_trend', extrapolation: true }
        : null,
    };
  }
  const cagrActual = (latest.value / b.value) ** (1 / t) - 1;
  const cagrRequired = (T.value / b.value) ** (1 / span) - 1;
  const ratio = cagrActual / cagrRequired;
  return {
    status: band(ratio),
    method: 'cagr',
    latest,
    shareOfWay,
    cagrActual,
    cagrRequired,
    ratio,
    expectedOnTrajectory,
    projection: {
      year: T.year,
      value: latest.value * (1 + cagrActual) ** (T.year - latest.year),
      method: 'compound_growth',
      extrapolation: true,
    },
  };
}
