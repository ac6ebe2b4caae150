/**
 * What a reader of the dashboard is told beside the UNSD status (docs/METHODS.md §4): the share of the way
 * from baseline to target, clipped to 0–100 % and saying why, and, once the target year is over, the final
 * verdict — achieved or not, with the gap in the indicator's unit. Pure; codes and numbers, never text.
 */

import type { Comparator, Direction } from './values/plans.js';
import type { ShareBasis, ShareClip, VerdictOutcome } from './values/plans.js';
import type { Point, ProgressInput } from './progress.js';

export type { ShareBasis, ShareClip, VerdictOutcome };

export interface ShareOfWay {
  /** Shown: clipped to 0..1. */
  value: number;
  /** Unclipped: below 0 when the value moved away from the target, above 1 past it. */
  raw: number;
  /**
   * baseline: (y − y₀) ÷ (y_T − y₀), the same formula for decreasing targets (both differences are negative
   * when things go the right way); from_zero: no baseline, an increase measured from 0 (y ÷ y_T, the plan's
   * 完成率); target_over_actual: no baseline, a decrease (y_T ÷ y, the 逆向指标 completion rate).
   */
  basis: ShareBasis;
  clipped: ShareClip | null;
  /** The year of the value measured. */
  year: number;
}

export interface Verdict {
  outcome: VerdictOutcome;
  targetYear: number;
  target: number;
  comparator: Comparator;
  /** The target year's value (achieved / not achieved), or while awaiting it the latest before it, if any. */
  value: number | null;
  valueYear: number | null;
  /**
   * How far the value is from the target, ≥ 0, in the indicator's unit rounded to its decimals: the shortfall
   * when not achieved (or awaiting), the margin beyond the target when achieved. Null without a value.
   */
  gap: number | null;
}

/** The value as published: rounded half away from zero to the indicator's decimals (12 significant digits first). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(value) * f).toPrecision(12));
  const rounded = (Math.sign(value) * Math.round(scaled)) / f;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** +1 when the target is a floor (more is better), −1 when it is a ceiling. */
function wantsUp(direction: Direction, comparator: Comparator = '='): 1 | -1 {
  if (comparator === '>=') return 1;
  if (comparator === '<=') return -1;
  return direction === 'increase' ? 1 : -1;
}

function latestOf(input: ProgressInput): Point | null {
  const observed = input.series
    .filter((p) => Number.isFinite(p.value) && (input.asOf === undefined || p.year <= input.asOf))
    .sort((x, y) => x.year - y.year);
  return observed.at(-1) ?? null;
}

function clip(raw: number, basis: ShareBasis, year: number): ShareOfWay {
  const clipped: ShareClip | null = raw > 1 ? 'overshoot' : raw < 0 ? 'backwards' : null;
  return { value: Math.min(1, Math.max(0, raw)), raw, basis, clipped, year };
}

/** The share of the way to the target of the latest value at or before `asOf`; null when it cannot be said. */
export function shareOfWay(input: ProgressInput): ShareOfWay | null {
  const { baseline: b, target: T } = input;
  const latest = latestOf(input);
  if (!T || !latest) return null;
  const up = wantsUp(input.direction, T.comparator);
  if (b) {
    if (latest.year < b.year) return null;
    // In the baseline year itself none of the way is covered yet, whatever that year's figure now says.
    if (latest.year === b.year) return clip(0, 'baseline', latest.year);
    if (T.value === b.value) return clip(up * (latest.value - T.value) >= 0 ? 1 : 0, 'baseline', latest.year);
    return clip((latest.value - b.value) / (T.value - b.value), 'baseline', latest.year);
  }
  if (up === 1) return T.value > 0 ? clip(latest.value / T.value, 'from_zero', latest.year) : null;
  if (latest.value > 0 && T.value >= 0) return clip(T.value / latest.value, 'target_over_actual', latest.year);
  return null;
}

/**
 * The final verdict once the target year is over (`currentYear` after it) and the view reaches it (`asOf`
 * at or after it); null before. The target year's value decides, as published (rounded to `decimals`);
 * without it the verdict is awaiting_value, with the latest earlier value and its shortfall for reference.
 */
export function verdict(input: ProgressInput & { decimals: number; currentYear: number }): Verdict | null {
  const T = input.target;
  const asOf = input.asOf ?? input.currentYear;
  if (!T || input.currentYear <= T.year || asOf < T.year) return null;
  const comparator = T.comparator ?? '=';
  const up = wantsUp(input.direction, comparator);
  const base = { targetYear: T.year, target: T.value, comparator };
  const atTarget = input.series.find((p) => p.year === T.year && Number.isFinite(p.value));
  const measured = atTarget ?? latestOf({ ...input, asOf: T.year });
  if (!measured) return { ...base, outcome: 'awaiting_value', value: null, valueYear: null, gap: null };
  const value = roundTo(measured.value, input.decimals);
  const short = roundTo(up * (T.value - value), input.decimals);
  const gap = Math.abs(short);
  if (!atTarget) return { ...base, outcome: 'awaiting_value', value: measured.value, valueYear: measured.year, gap: short > 0 ? gap : 0 };
  return { ...base, outcome: short > 0 ? 'not_achieved' : 'achieved', value: measured.value, valueYear: measured.year, gap };
}
