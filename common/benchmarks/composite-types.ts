/** The composite-index engine's spec, result and default values (see composite.ts for the method). */
import type { AggregationMethod, ImputationMethod, NormalisationMethod } from '../values/benchmarks.js';

/** How many best and worst indicators are listed per unit. */
export const STRENGTHS_COUNT = 3;

export interface IndexData {
  units: { code: string; name: string }[];
  indicators: { code: string; nameZh: string; nameEn: string }[];
  /** values[unitCode][indicatorCode]; null or absent = missing. */
  values: Record<string, Record<string, number | null | undefined> | undefined>;
}

export interface IndicatorSpec {
  code: string;
  /** 1: higher is better; −1: lower is better. */
  direction: 1 | -1;
  /** Weight among its siblings (default 1). */
  weight?: number;
  /** Parent tree node; absent = directly under the index. */
  group?: string;
  /** For normalisation 'target', in the indicator's own units. */
  target?: number;
  /** For normalisation 'goalposts', in the indicator's own units, lo < hi (direction −1: lo is best). */
  goalposts?: { lo: number; hi: number };
}

export interface TreeNodeSpec {
  code: string;
  /** Parent tree node; absent = directly under the index. */
  parent?: string;
  weight: number;
}

export interface OutlierSpec {
  enabled: boolean;
  skew: number;
  kurtosis: number;
  maxWinsorised: number;
}

export interface NormalisationSpec {
  method: NormalisationMethod;
  /** Scale of minmax, rank, goalposts and target (whose [0, 1] fraction maps onto it); zscore stays plain. */
  range: [number, number];
  /** Cap distance-to-target at 1 (the target itself). */
  targetCap: boolean;
}

export interface UncertaintySpec {
  runs: number;
  seed: number;
  /** Each weight is multiplied by a uniform factor in [1 − p, 1 + p], 0 ≤ p < 1. */
  weightPerturbation: number;
  normalisations: NormalisationMethod[];
  aggregations: AggregationMethod[];
}

/** The full method, every default filled in: stored with each result, so the index can be re-run exactly. */
export interface IndexSpec {
  indicators: IndicatorSpec[];
  tree: TreeNodeSpec[];
  screening: { minDataShare: number };
  imputation: ImputationMethod;
  outliers: OutlierSpec;
  normalisation: NormalisationSpec;
  aggregation: AggregationMethod;
  /** Geometric / harmonic: if an input is ≤ 0, add a constant so the minimum is 1 (else fail). */
  shift: boolean;
  uncertainty?: UncertaintySpec;
}

/** What runIndex accepts: an IndexSpec with defaults optional. */
export interface IndexSpecInput {
  indicators: IndicatorSpec[];
  tree?: TreeNodeSpec[];
  screening?: { minDataShare?: number };
  imputation?: ImputationMethod;
  outliers?: Partial<OutlierSpec>;
  normalisation?: Partial<NormalisationSpec>;
  aggregation?: AggregationMethod;
  shift?: boolean;
  uncertainty?: {
    runs: number;
    seed: number;
    weightPerturbation?: number;
    normalisations?: NormalisationMethod[];
    aggregations?: AggregationMethod[];
  };
}

export const DEFAULT_MIN_DATA_SHARE = 2 / 3;
export const DEFAULT_OUTLIERS: OutlierSpec = { enabled: true, skew: 2, kurtosis: 3.5, maxWinsorised: 5 };
export const DEFAULT_WEIGHT_PERTURBATION = 0.25;

export interface OutlierReport {
  indicator: string;
  /** Before treatment; null when fewer than 4 values (the test is not defined and never fails). */
  skew: number | null;
  kurtosis: number | null;
  failed: boolean;
  treatment: 'none' | 'winsorised' | 'log';
  /** Number of winsorised points (treatment 'winsorised'). */
  points?: number;
  /** After treatment (treatment 'winsorised' or 'log'). */
  skewAfter?: number | null;
  kurtosisAfter?: number | null;
}

export interface UnitScore {
  unit: string;
  name: string;
  /** null only when every indicator the unit has sits under zero weights. */
  score: number | null;
  rank: number | null;
}

export interface IndicatorRank {
  indicator: string;
  rank: number;
}

export interface UncertaintyResult {
  runs: number;
  seed: number;
  /**
   * Rank statistics over the runs: median, p05 and p95 are type-7 quantiles (R's default: linear
   * interpolation between order statistics, h = (runs − 1)·p), rounded to 2 decimals (exact for type 7 at
   * p = 0.05, 0.5 and 0.95 over integer ranks).
   */
  perUnit: { unit: string; nominal: number; median: number; p05: number; p95: number }[];
  /** Mean over units and runs of |rank in the run − nominal rank|. */
  meanAbsoluteRankShift: number;
}

export interface IndexResult {
  spec: IndexSpec;
  /** Best first; units without a score last. */
  scores: UnitScore[];
  screenedOut: { unit: string; name: string; dataShare: number }[];
  imputed: { unit: string; indicator: string; value: number }[];
  outliers: OutlierReport[];
  /** Indicators and tree nodes: the product of normalised sibling weights from the index down. */
  effectiveWeights: Record<string, number>;
  /** Tree node → unit → aggregated value (null when all its inputs are missing for the unit). */
  subindices: Record<string, Record<string, number | null>>;
  /** Unit → indicator → normalised value (higher = better), before any aggregation shift. */
  normalised: Record<string, Record<string, number | null>>;
  strengths: Record<string, IndicatorRank[]>;
  weaknesses: Record<string, IndicatorRank[]>;
  /** Constant added to normalised values before geometric / harmonic aggregation (0 if none). */
  shift: number;
  /** Degenerate cases handled (constant indicators, empty columns, targets met by all, …). */
  warnings: string[];
  uncertainty?: UncertaintyResult;
}
