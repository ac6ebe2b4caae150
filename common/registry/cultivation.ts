/**
 * "Distance to high-tech" for the cultivation pipeline (高企培育库): rank companies by how little they lack, so
 * the bureau spends its coaching where a certificate is closest. Built on a precheck result: every failed
 * condition costs a base penalty plus its relative shortfall (how far the number is from the threshold, as a
 * share of the threshold, capped at 1); every unknown condition costs a smaller penalty (the data must be
 * collected first). Deterministic: same precheck, same key; ties broken by id.
 */
import { type Condition, type Label, type MeasureUnit, type TriState } from './types.js';

export interface CultivationParams {
  /** Cost of each failed condition, before its shortfall. */
  failWeight: number;
  /** Shortfall added for a failed condition without a number (e.g. not in a key-supported field). */
  failWithoutMeasure: number;
  /** Cost of each unknown condition. */
  unknownWeight: number;
}

/** Our choice, not a rule: one failure always outweighs one gap in the data. */
export const CULTIVATION_DEFAULTS: CultivationParams = { failWeight: 1, failWithoutMeasure: 1, unknownWeight: 0.5 };

export interface Shortfall {
  value: number;
  threshold: number;
  /** Distance to the threshold in the measure's unit (0.008 for 3.2 % vs 4 %: 0.8 percentage points). */
  absolute: number;
  /** absolute ÷ threshold, capped at 1 (0.2 for 3.2 % vs 4 %). */
  relative: number;
  unit: MeasureUnit;
}

export interface MissingCondition extends Label {
  code: string;
  result: Exclude<TriState, 'pass'>;
  shortBy?: Shortfall;
  /** For unknown conditions: the inputs to collect. */
  missing?: string[];
}

export interface CultivationScore {
  /** Lower is closer to qualifying; 0 when every condition passes. */
  rankKey: number;
  failed: number;
  unknown: number;
  missing: MissingCondition[];
}

/** Round away binary noise so equal situations give equal keys (0.04 − 0.032 = 0.008000000000000002). */
const clean = (x: number): number => Math.round(x * 1e10) / 1e10;

export function shortfall(measure: NonNullable<Condition['measure']>): Shortfall {
  const { value, threshold, comparator, unit } = measure;
  const absolute = Math.max(0, comparator === '>=' ? threshold - value : value - threshold);
  const relative = threshold > 0 ? Math.min(1, absolute / threshold) : absolute > 0 ? 1 : 0;
  return { value, threshold, absolute: clean(absolute), relative: clean(relative), unit };
}

export function distanceToQualification(
  precheck: { conditions: readonly Condition[] },
  params: CultivationParams = CULTIVATION_DEFAULTS,
): CultivationScore {
  let key = 0;
  let failed = 0;
  let unknown = 0;
  const missing: MissingCondition[] = [];
  for (const c of precheck.conditions) {
    if (c.result === 'pass') continue;
    const entry: MissingCondition = { code: c.code, label_zh: c.label_zh, label_en: c.label_en, result: c.result };
    if (c.result === 'fail') {
      failed++;
      const s = c.measure ? shortfall(c.measure) : undefined;
      if (s) entry.shortBy = s;
      key += params.failWeight + (s ? s.relative : params.failWithoutMeasure);
    } else {
      unknown++;
      if (c.missing?.length) entry.missing = c.missing;
      key += params.unknownWeight;
    }
    missing.push(entry);
  }
  return { rankKey: clean(key), failed, unknown, missing };
}

/** The high-tech cultivation score: the precheck's conditions measured against their thresholds. */
export const distanceToHighTech = distanceToQualification;

/** Order a pipeline: rank key, then fewer failures, then id (code-unit order, independent of locale). */
export function rankPipeline<T extends { id: string; precheck: { conditions: readonly Condition[] } }>(
  entries: readonly T[],
  params: CultivationParams = CULTIVATION_DEFAULTS,
): (T & { position: number; score: CultivationScore })[] {
  return entries
    .map((e) => ({ ...e, score: distanceToQualification(e.precheck, params) }))
    .sort((a, b) => a.score.rankKey - b.score.rankKey || a.score.failed - b.score.failed || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e, i) => ({ ...e, position: i + 1 }));
}
