/**
 * Shared vocabulary of the registry rules: three-valued results (OpenFisca-style "undetermined" when data is
 * missing, never a silent pass or fail) and conditions that carry the numbers they were decided on, so the UI
 * can show why and the cultivation ranking can measure how far a company is from each threshold.
 */

/** Outcome of one condition: unknown means the data needed to decide is missing (or not computable). */
export type TriState = 'pass' | 'fail' | 'unknown';

/** Outcome of a whole qualification. */
export type Eligibility = 'eligible' | 'ineligible' | 'undetermined';

/** Bilingual label: the UI is Chinese first. */
export interface Label {
  label_zh: string;
  label_en: string;
}

export type MeasureUnit = 'ratio' | 'days' | 'count' | 'points' | 'persons' | 'wan_yuan';

/**
 * The number a condition compared with its threshold. Ratios are fractions (0.04 = 4 %), money is in 万元.
 * Present only when the comparison was actually made (or, for a range of possible scores, when the range alone
 * decides the result: the upper bound for a fail, the lower bound for a pass).
 */
export interface Measure {
  value: number;
  threshold: number;
  /** '>=' the value must reach the threshold; '<=' it must not exceed it. Bounds are inclusive. */
  comparator: '>=' | '<=';
  unit: MeasureUnit;
}

export interface Condition<C extends string = string> extends Label {
  code: C;
  result: TriState;
  /** The values used (inputs, ratios, thresholds), for display and audit. */
  numbers: Record<string, number | boolean | null>;
  measure?: Measure;
  /** Input fields whose absence made the result unknown. */
  missing?: string[];
  /** Why a result is unknown although data is present (e.g. a zero denominator). */
  note?: string;
}

/**
 * Tolerance for threshold comparisons: sums of decimal 万元 amounts carry binary rounding noise (0.1 + 0.2), and
 * a ratio that is exactly on a threshold must pass. Far below any meaningful difference (0.01 % = 1e-4).
 */
export const COMPARISON_EPSILON = 1e-9;

export const atLeast = (value: number, threshold: number): boolean => value >= threshold - COMPARISON_EPSILON;
export const atMost = (value: number, threshold: number): boolean => value <= threshold + COMPARISON_EPSILON;

/** Three-valued AND: any fail fails; otherwise any unknown is unknown. */
export function allOf(results: readonly TriState[]): TriState {
  if (results.includes('fail')) return 'fail';
  if (results.includes('unknown')) return 'unknown';
  return 'pass';
}

/** Three-valued OR: any pass passes; otherwise any unknown is unknown; an empty list fails. */
export function anyOf(results: readonly TriState[]): TriState {
  if (results.includes('pass')) return 'pass';
  if (results.includes('unknown')) return 'unknown';
  return 'fail';
}

export function toEligibility(result: TriState): Eligibility {
  return result === 'pass' ? 'eligible' : result === 'fail' ? 'ineligible' : 'undetermined';
}

/** A score whose exact value may be unknown: the range of values still possible. min === max when known. */
export interface ScoreRange {
  min: number;
  max: number;
}

/** A band table row: values ≥ `min` (inclusive) earn `points`. Rows are listed from the highest `min` down. */
export interface Band<P = number> {
  min: number;
  points: P;
}

/** Points of the first band whose lower bound (inclusive) the value reaches; `fallback` below the last band. */
export function bandPoints<P>(value: number, bands: readonly Band<P>[], fallback: P): P {
  for (const band of bands) if (atLeast(value, band.min)) return band.points;
  return fallback;
}
