import type {
  AggregationMethod,
  ImputationMethod,
  IndexSpec,
  IndexSpecInput,
  IndicatorSpec,
  NormalisationMethod,
} from '../../../../common/benchmarks';
import { DEFAULT_GROUP, DEFAULT_YEAR } from './useBenchParams';

// The index form's values and the spec they stand for (common/benchmarks/composite.ts), both ways.

export const NORMALISATIONS: readonly NormalisationMethod[] = ['minmax', 'zscore', 'target', 'goalposts', 'rank'];
export const AGGREGATIONS: readonly AggregationMethod[] = ['arithmetic', 'geometric', 'harmonic'];
export const IMPUTATIONS: readonly ImputationMethod[] = ['mean', 'median', 'none'];

export interface IndicatorRowValues {
  code: string;
  direction: 1 | -1;
  weight: number;
  target?: number | null;
  lo?: number | null;
  hi?: number | null;
}

export interface IndexFormValues {
  year: number;
  group: string;
  name?: string;
  save: boolean;
  indicators: IndicatorRowValues[];
  normalisation: NormalisationMethod;
  aggregation: AggregationMethod;
  imputation: ImputationMethod;
  shift: boolean;
  /** Percent; empty = the engine's default (2/3). */
  minDataSharePct?: number | null;
  outliers: boolean;
  uncertainty: boolean;
  runs: number;
  seed: number;
  weightPerturbation: number;
  normalisations: NormalisationMethod[];
  aggregations: AggregationMethod[];
}

/** R&D intensity, enterprise share of R&D, GDP per capita, nominal GDP growth and R&D expenditure, equally weighted. */
export const DEFAULT_INDEX_INDICATORS = ['rd_intensity', 'enterprise_rd_share', 'gdp_per_capita', 'gdp_nominal_growth', 'rd_expenditure'];

export function defaultIndexValues(directions: ReadonlyMap<string, 1 | -1>): IndexFormValues {
  return {
    year: DEFAULT_YEAR,
    group: DEFAULT_GROUP,
    name: '',
    save: true,
    indicators: DEFAULT_INDEX_INDICATORS.map((code) => ({ code, direction: directions.get(code) ?? 1, weight: 1 })),
    normalisation: 'minmax',
    aggregation: 'arithmetic',
    imputation: 'mean',
    shift: true,
    minDataSharePct: null,
    outliers: true,
    uncertainty: true,
    runs: 500,
    seed: 1,
    weightPerturbation: 0.25,
    normalisations: ['minmax', 'rank'],
    aggregations: ['arithmetic', 'geometric'],
  };
}

/** Normalisations the spec uses, nominal and in the uncertainty analysis. */
export const methodsUsed = (v: Pick<IndexFormValues, 'normalisation' | 'uncertainty' | 'normalisations'>) =>
  new Set<NormalisationMethod>([v.normalisation, ...(v.uncertainty ? (v.normalisations ?? []) : [])]);

const present = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

export function toSpec(v: IndexFormValues): IndexSpecInput {
  const methods = methodsUsed(v);
  const indicators: IndicatorSpec[] = v.indicators.map((row) => {
    const out: IndicatorSpec = { code: row.code, direction: row.direction, weight: row.weight };
    if (methods.has('target') && present(row.target)) out.target = row.target;
    if (methods.has('goalposts') && present(row.lo) && present(row.hi)) out.goalposts = { lo: row.lo, hi: row.hi };
    return out;
  });
  const spec: IndexSpecInput = {
    indicators,
    imputation: v.imputation,
    outliers: { enabled: v.outliers },
    normalisation: { method: v.normalisation },
    aggregation: v.aggregation,
    shift: v.shift,
  };
  if (present(v.minDataSharePct)) spec.screening = { minDataShare: v.minDataSharePct / 100 };
  if (v.uncertainty) {
    spec.uncertainty = {
      runs: v.runs,
      seed: v.seed,
      weightPerturbation: v.weightPerturbation,
      normalisations: v.normalisations.length ? v.normalisations : [v.normalisation],
      aggregations: v.aggregations.length ? v.aggregations : [v.aggregation],
    };
  }
  return spec;
}

/** A stored spec back into the form, to re-run or vary it. The form has no tree editor: see `loadable`. */
export function fromSpec(spec: IndexSpec, year: number, group: string): IndexFormValues {
  const u = spec.uncertainty;
  return {
    year,
    group,
    name: '',
    save: true,
    indicators: spec.indicators.map((i) => ({
      code: i.code,
      direction: i.direction,
      weight: i.weight ?? 1,
      target: i.target ?? null,
      lo: i.goalposts?.lo ?? null,
      hi: i.goalposts?.hi ?? null,
    })),
    normalisation: spec.normalisation.method,
    aggregation: spec.aggregation,
    imputation: spec.imputation,
    shift: spec.shift,
    minDataSharePct: Math.abs(spec.screening.minDataShare - 2 / 3) < 1e-9 ? null : Math.round(spec.screening.minDataShare * 10000) / 100,
    outliers: spec.outliers.enabled,
    uncertainty: u !== undefined,
    runs: u?.runs ?? 500,
    seed: u?.seed ?? 1,
    weightPerturbation: u?.weightPerturbation ?? 0.25,
    normalisations: u?.normalisations ?? [spec.normalisation.method],
    aggregations: u?.aggregations ?? [spec.aggregation],
  };
}

/** Whether the form can hold the spec: it has no weight tree (sub-indices), which the form cannot edit. */
export const loadable = (spec: IndexSpec) => spec.tree.length === 0 && spec.indicators.every((i) => i.group === undefined);

/**
 * The engine names a bad field in its message ("indicators[2].weight must be ≥ 0"); the form field it
 * means, when it is one of the indicator rows.
 */
export function specFieldOf(message: string): ['indicators', number, 'code' | 'direction' | 'weight' | 'target' | 'lo'] | null {
  const m = /indicators\[(\d+)\]\.(code|direction|weight|target|goalposts)/.exec(message);
  if (!m) return null;
  const field = m[2] === 'goalposts' ? 'lo' : (m[2] as 'code' | 'direction' | 'weight' | 'target');
  return ['indicators', Number(m[1]), field];
}
