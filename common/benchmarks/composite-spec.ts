/** The composite index's spec: checks every field and fills in the defaults (resolveSpec). */
import {
  AGGREGATION_METHODS,
  IMPUTATION_METHODS,
  NORMALISATION_METHODS,
  type AggregationMethod,
  type NormalisationMethod,
} from '../values/benchmarks.js';
import { bool, checkKeys, code, fail, finite, isObject, oneOf } from './composite-fields.js';
import { compileTree } from './composite-tree.js';
import {
  DEFAULT_MIN_DATA_SHARE,
  DEFAULT_OUTLIERS,
  DEFAULT_WEIGHT_PERTURBATION,
  type IndexSpec,
  type IndicatorSpec,
  type NormalisationSpec,
  type TreeNodeSpec,
  type UncertaintySpec,
} from './composite-types.js';

function resolveIndicators(input: Record<string, unknown>, known: Set<string> | null, seen: Set<string>): IndicatorSpec[] {
  if (!Array.isArray(input.indicators) || input.indicators.length === 0) fail('indicators must be a non-empty array');
  return (input.indicators as unknown[]).map((raw, i) => {
    const p = `indicators[${i}]`;
    if (!isObject(raw)) fail(`${p} must be an object`);
    checkKeys(raw, ['code', 'direction', 'weight', 'group', 'target', 'goalposts'], `${p}.`);
    const c = code(raw.code, `${p}.code`);
    if (seen.has(c)) fail(`${p}.code "${c}" is listed twice`);
    seen.add(c);
    if (known && !known.has(c)) fail(`${p}.code "${c}" is not an indicator of the data`);
    if (raw.direction !== 1 && raw.direction !== -1) fail(`${p}.direction must be 1 or -1`);
    const out: IndicatorSpec = { code: c, direction: raw.direction, weight: 1 };
    if (raw.weight !== undefined) {
      out.weight = finite(raw.weight, `${p}.weight`);
      if (out.weight < 0) fail(`${p}.weight must be ≥ 0`);
    }
    if (raw.group !== undefined) out.group = code(raw.group, `${p}.group`);
    if (raw.target !== undefined) out.target = finite(raw.target, `${p}.target`);
    if (raw.goalposts !== undefined) {
      const g = raw.goalposts;
      if (!isObject(g)) fail(`${p}.goalposts must be an object {lo, hi}`);
      checkKeys(g, ['lo', 'hi'], `${p}.goalposts.`);
      const lo = finite(g.lo, `${p}.goalposts.lo`);
      const hi = finite(g.hi, `${p}.goalposts.hi`);
      if (!(lo < hi)) fail(`${p}.goalposts.lo must be < ${p}.goalposts.hi`);
      out.goalposts = { lo, hi };
    }
    return out;
  });
}

function resolveTree(input: Record<string, unknown>, seen: Set<string>): TreeNodeSpec[] {
  if (input.tree !== undefined && !Array.isArray(input.tree)) fail('tree must be an array');
  return ((input.tree as unknown[] | undefined) ?? []).map((raw, k) => {
    const p = `tree[${k}]`;
    if (!isObject(raw)) fail(`${p} must be an object`);
    checkKeys(raw, ['code', 'parent', 'weight'], `${p}.`);
    const c = code(raw.code, `${p}.code`);
    if (seen.has(c)) fail(`${p}.code "${c}" is already used by an indicator or another tree node`);
    seen.add(c);
    const w = finite(raw.weight, `${p}.weight`);
    if (w < 0) fail(`${p}.weight must be ≥ 0`);
    const out: TreeNodeSpec = { code: c, weight: w };
    if (raw.parent !== undefined) out.parent = code(raw.parent, `${p}.parent`);
    return out;
  });
}

function resolveScreening(input: Record<string, unknown>): number {
  let minDataShare = DEFAULT_MIN_DATA_SHARE;
  if (input.screening !== undefined) {
    if (!isObject(input.screening)) fail('screening must be an object');
    checkKeys(input.screening, ['minDataShare'], 'screening.');
    if (input.screening.minDataShare !== undefined) {
      minDataShare = finite(input.screening.minDataShare, 'screening.minDataShare');
      if (minDataShare < 0 || minDataShare > 1) fail('screening.minDataShare must be between 0 and 1');
    }
  }
  return minDataShare;
}

function resolveOutliers(input: Record<string, unknown>): IndexSpec['outliers'] {
  const outliers = { ...DEFAULT_OUTLIERS };
  if (input.outliers !== undefined) {
    const o = input.outliers;
    if (!isObject(o)) fail('outliers must be an object');
    checkKeys(o, ['enabled', 'skew', 'kurtosis', 'maxWinsorised'], 'outliers.');
    if (o.enabled !== undefined) outliers.enabled = bool(o.enabled, 'outliers.enabled');
    if (o.skew !== undefined) outliers.skew = finite(o.skew, 'outliers.skew');
    if (outliers.skew <= 0) fail('outliers.skew must be > 0');
    if (o.kurtosis !== undefined) outliers.kurtosis = finite(o.kurtosis, 'outliers.kurtosis');
    if (o.maxWinsorised !== undefined) outliers.maxWinsorised = finite(o.maxWinsorised, 'outliers.maxWinsorised');
    if (!Number.isInteger(outliers.maxWinsorised) || outliers.maxWinsorised < 0) fail('outliers.maxWinsorised must be an integer ≥ 0');
  }
  return outliers;
}

function resolveNormalisation(input: Record<string, unknown>): NormalisationSpec {
  const normalisation: NormalisationSpec = { method: 'minmax', range: [0, 100], targetCap: false };
  if (input.normalisation !== undefined) {
    const n = input.normalisation;
    if (!isObject(n)) fail('normalisation must be an object');
    checkKeys(n, ['method', 'range', 'targetCap'], 'normalisation.');
    if (n.method !== undefined) normalisation.method = oneOf(n.method, NORMALISATION_METHODS, 'normalisation.method');
    if (n.range !== undefined) {
      if (!Array.isArray(n.range) || n.range.length !== 2) fail('normalisation.range must be [lo, hi]');
      const lo = finite(n.range[0], 'normalisation.range[0]');
      const hi = finite(n.range[1], 'normalisation.range[1]');
      if (!(lo < hi)) fail('normalisation.range[0] must be < normalisation.range[1]');
      normalisation.range = [lo, hi];
    }
    if (n.targetCap !== undefined) normalisation.targetCap = bool(n.targetCap, 'normalisation.targetCap');
  }
  return normalisation;
}

function resolveUncertainty(
  input: Record<string, unknown>,
  normalisation: NormalisationSpec,
  aggregation: AggregationMethod,
): UncertaintySpec | undefined {
  let uncertainty: UncertaintySpec | undefined;
  if (input.uncertainty !== undefined) {
    const u = input.uncertainty;
    if (!isObject(u)) fail('uncertainty must be an object');
    checkKeys(u, ['runs', 'seed', 'weightPerturbation', 'normalisations', 'aggregations'], 'uncertainty.');
    const runs = finite(u.runs, 'uncertainty.runs');
    if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) fail('uncertainty.runs must be an integer from 1 to 1 000 000');
    const seed = finite(u.seed, 'uncertainty.seed');
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail('uncertainty.seed must be an integer from 0 to 4294967295');
    let p = DEFAULT_WEIGHT_PERTURBATION;
    if (u.weightPerturbation !== undefined) {
      p = finite(u.weightPerturbation, 'uncertainty.weightPerturbation');
      if (p < 0 || p >= 1) fail('uncertainty.weightPerturbation must be ≥ 0 and < 1');
    }
    const list = <T extends string>(v: unknown, allowed: readonly T[], path: string, dflt: T): T[] => {
      if (v === undefined) return [dflt];
      if (!Array.isArray(v) || v.length === 0) fail(`${path} must be a non-empty array`);
      return v.map((m, i) => oneOf(m, allowed, `${path}[${i}]`));
    };
    uncertainty = {
      runs,
      seed,
      weightPerturbation: p,
      normalisations: list(u.normalisations, NORMALISATION_METHODS, 'uncertainty.normalisations', normalisation.method),
      aggregations: list(u.aggregations, AGGREGATION_METHODS, 'uncertainty.aggregations', aggregation),
    };
  }
  return uncertainty;
}

/**
 * Checks a spec and fills in the defaults. Throws an Error naming the offending field, e.g.
 * 'indicators[2].weight must be ≥ 0'. indicatorCodes, when given, are the codes the data holds.
 */
export function resolveSpec(input: unknown, indicatorCodes?: readonly string[]): IndexSpec {
  if (!isObject(input)) fail('spec must be an object');
  checkKeys(
    input,
    ['indicators', 'tree', 'screening', 'imputation', 'outliers', 'normalisation', 'aggregation', 'shift', 'uncertainty'],
    'spec.',
  );
  const known = indicatorCodes ? new Set(indicatorCodes) : null;
  const seen = new Set<string>();
  const indicators = resolveIndicators(input, known, seen);
  const tree = resolveTree(input, seen);
  const minDataShare = resolveScreening(input);

  const imputation = input.imputation === undefined ? 'mean' : oneOf(input.imputation, IMPUTATION_METHODS, 'imputation');
  const outliers = resolveOutliers(input);
  const normalisation = resolveNormalisation(input);

  const aggregation = input.aggregation === undefined ? 'arithmetic' : oneOf(input.aggregation, AGGREGATION_METHODS, 'aggregation');
  const shift = input.shift === undefined ? false : bool(input.shift, 'shift');
  const uncertainty = resolveUncertainty(input, normalisation, aggregation);

  // Targets and goalposts the chosen normalisations need.
  const methods = new Set<NormalisationMethod>([normalisation.method, ...(uncertainty?.normalisations ?? [])]);
  indicators.forEach((ind, i) => {
    if (methods.has('target') && ind.target === undefined) fail(`indicators[${i}].target is required by normalisation 'target'`);
    if (methods.has('goalposts') && !ind.goalposts) fail(`indicators[${i}].goalposts is required by normalisation 'goalposts'`);
  });

  const spec: IndexSpec = { indicators, tree, screening: { minDataShare }, imputation, outliers, normalisation, aggregation, shift };
  if (uncertainty) spec.uncertainty = uncertainty;
  compileTree(indicators, tree); // structural checks
  return spec;
}
