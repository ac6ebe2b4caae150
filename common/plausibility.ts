import { parsePeriod } from './aggregation.js';
import type { PlausibilityCode } from './values/plans.js';
import { convert, findUnit, MAGNITUDE_CAP, UNIT_KINDS, unitsOfKind } from './units.js';

/** The default factor of change from the previous value beyond which a figure is questioned (KECHUANG_PLAUSIBILITY_FACTOR). */
export const DEFAULT_PLAUSIBILITY_FACTOR = 10;

/** A value of an earlier period that a new one is compared with. */
export interface EarlierValue {
  period: string;
  value: number;
}

/** Why a figure looks implausible, with what the message needs. */
export interface PlausibilityFinding {
  code: PlausibilityCode;
  /** The figure divided by the previous one (dv_jump, dv_wrong_unit). */
  ratio?: number;
  /** The installation's factor (dv_jump). */
  factor?: number;
  /** The unit the figure was probably given in, and the figure converted from it (dv_wrong_unit). */
  likelyUnit?: string;
  corrected?: number;
  /** The magnitude no county reaches, in the data element's unit (dv_magnitude). */
  typicalMax?: number;
}

/**
 * Whether `candidate` is an earlier period of the same shape as `period`: an earlier year for a year, the
 * same quarter (month) of an earlier year for a quarter (month).
 */
export function isEarlierSamePeriod(period: string, candidate: string): boolean {
  const a = parsePeriod(period);
  const b = parsePeriod(candidate);
  return Boolean(a && b && a.kind === b.kind && a.index === b.index && b.year < a.year);
}

/** The latest of `values` that is an earlier period of the same shape as `period` (the 上年值 where it exists). */
export function latestEarlier<T extends EarlierValue>(period: string, values: Iterable<T>): T | null {
  let best: T | null = null;
  for (const v of values)
    if (isEarlierSamePeriod(period, v.period) && (!best || parsePeriod(v.period)!.year > parsePeriod(best.period)!.year)) best = v;
  return best;
}

/** A figure this many times the magnitude cap of its kind (common/units.ts) is beyond what a county reports. */
const TYPICAL_SHARE_OF_CAP = 1 / 100;
/** A ratio within this factor of a unit conversion (10⁴ for 万元 → 亿元) is read as a figure in that unit. */
const UNIT_TOLERANCE = 3;

/**
 * The unit among those of the same kind that explains `ratio` (a figure `ratio` times the previous one) as a
 * figure given in it instead of in `unit`: 万元 for a ratio of about 10 000 in a 亿元 field. Only conversions by
 * 100 or more; null when none fits.
 */
function likelyUnitOf(unit: string, ratio: number): string | null {
  const def = findUnit(unit);
  if (!def) return null;
  let best: { symbol: string; distance: number } | null = null;
  for (const other of unitsOfKind(def.kind)) {
    // How many of `other` make one of `unit`: a 亿元 figure given in 万元 is 10 000 times larger.
    const f = (def.size[0] * other.size[1]) / (def.size[1] * other.size[0]);
    if (Math.abs(Math.log10(f)) < 2) continue;
    const distance = Math.abs(Math.log10(ratio / f));
    if (distance <= Math.log10(UNIT_TOLERANCE) && (!best || distance < best.distance)) best = { symbol: other.symbol, distance };
  }
  return best?.symbol ?? null;
}

/**
 * The plausibility of a figure of a data element given in `unit`: compared with the previous value of the
 * same unit and element (when there is one, non-zero) by the ratio, else with the magnitude of the unit's
 * kind. Null when nothing looks wrong. Pure: the server checks every save with it.
 */
export function plausibility(value: number, unit: string, previous: EarlierValue | null, factor: number): PlausibilityFinding | null {
  if (!Number.isFinite(value) || value === 0) return null;
  if (previous && previous.value !== 0 && Math.sign(previous.value) === Math.sign(value)) {
    const ratio = value / previous.value;
    const likelyUnit = likelyUnitOf(unit, ratio);
    if (likelyUnit) return { code: 'dv_wrong_unit', ratio, likelyUnit, corrected: convert(value, likelyUnit, unit) };
    if (ratio > factor || ratio < 1 / factor) return { code: 'dv_jump', ratio, factor };
    return null;
  }
  const def = findUnit(unit);
  if (!def || def.kind === 'percent' || def.kind === 'rank' || def.kind === 'score') return null;
  const typicalMax = convert(MAGNITUDE_CAP[def.kind] * TYPICAL_SHARE_OF_CAP, UNIT_KINDS[def.kind].base, def.symbol);
  return Math.abs(value) >= typicalMax ? { code: 'dv_magnitude', typicalMax } : null;
}
