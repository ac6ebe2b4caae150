/**
 * Composite-index engine after COINr and the OECD-JRC Handbook on Constructing Composite Indicators (2008).
 *
 *   runIndex(data, spec) → result      (pure: same data and spec ⇒ same result; nothing is read or written)
 *
 * Steps, in order:
 *  1. screening     units whose data share (non-missing / indicators in the spec) is below minDataShare are
 *                   dropped and listed; a unit with no data at all is always dropped, whatever the threshold
 *  2. imputation    column mean or median over the units that passed screening (or none)
 *  3. outliers      COINr: fails if |skew| ≥ 2 AND kurtosis ≥ 3.5 (Excel SKEW / KURT); winsorise up to
 *                   maxWinsorised points, re-testing after each; if still failing, revert and log-transform
 *                   (ln(x − min + 1), mirrored −ln(max − x + 1) for a negative skew). Targets and goalposts go
 *                   through the same (monotone) map so they keep their meaning.
 *  4. direction     values of direction −1 indicators (and their targets and goalposts) are multiplied by −1
 *                   before normalisation, so a higher normalised value is always better
 *  5. normalisation minmax | zscore | target | goalposts | rank (see stats.ts for each formula)
 *  6. weights       equal unless given; sibling weights normalised to sum 1; effective weight = product of the
 *                   normalised weights from the index down to the indicator
 *  7. aggregation   weighted arithmetic | geometric | harmonic mean at every tree node, bottom-up; a missing
 *                   child drops out and the remaining weights are rescaled
 *  8. ranking       competition ranks (1, 1, 3), ties within stats.TIE_TOLERANCE
 *  9. strengths and weaknesses: each unit's 3 best and 3 worst indicator ranks among units, ranked on the
 *                   screened raw data with directions applied (imputed and missing values are not ranked)
 * 10. uncertainty   optional Monte Carlo over weights, normalisation and aggregation (seeded, reproducible)
 *
 * Steps 1–4 do not depend on the uncertainty draws and are computed once; each run only re-weights and
 * re-aggregates precomputed normalised matrices (Float64Array, indicator-major, NaN = missing).
 */
import {
  distanceToTargetInto,
  goalpostsInto,
  minMaxInto,
  mulberry32,
  outlierTest,
  quantile7,
  rankInto,
  rankNormaliseInto,
  rankScratch,
  treatOutliers,
  zScoreInto,
} from './stats.js';

// ---------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------

import {
  AGGREGATION_METHODS,
  IMPUTATION_METHODS,
  NORMALISATION_METHODS,
  type AggregationMethod,
  type ImputationMethod,
  type NormalisationMethod,
} from '../values/benchmarks.js';
export {
  AGGREGATION_METHODS,
  IMPUTATION_METHODS,
  NORMALISATION_METHODS,
  type AggregationMethod,
  type ImputationMethod,
  type NormalisationMethod,
};

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

// ---------------------------------------------------------------------------------------------------------
// Spec validation
// ---------------------------------------------------------------------------------------------------------

function fail(message: string): never {
  throw new Error(message);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkKeys(o: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${path}${k} is not a known field`);
}

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path} must be a finite number`);
  return v;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(`${path} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
  return v as T;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(`${path} must be true or false`);
  return v;
}

function code(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.length === 0) fail(`${path} must be a non-empty string`);
  return v;
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

  if (!Array.isArray(input.indicators) || input.indicators.length === 0) fail('indicators must be a non-empty array');
  const seen = new Set<string>();
  const indicators: IndicatorSpec[] = (input.indicators as unknown[]).map((raw, i) => {
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

  if (input.tree !== undefined && !Array.isArray(input.tree)) fail('tree must be an array');
  const tree: TreeNodeSpec[] = ((input.tree as unknown[] | undefined) ?? []).map((raw, k) => {
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

  let minDataShare = DEFAULT_MIN_DATA_SHARE;
  if (input.screening !== undefined) {
    if (!isObject(input.screening)) fail('screening must be an object');
    checkKeys(input.screening, ['minDataShare'], 'screening.');
    if (input.screening.minDataShare !== undefined) {
      minDataShare = finite(input.screening.minDataShare, 'screening.minDataShare');
      if (minDataShare < 0 || minDataShare > 1) fail('screening.minDataShare must be between 0 and 1');
    }
  }

  const imputation = input.imputation === undefined ? 'mean' : oneOf(input.imputation, IMPUTATION_METHODS, 'imputation');

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

  const aggregation = input.aggregation === undefined ? 'arithmetic' : oneOf(input.aggregation, AGGREGATION_METHODS, 'aggregation');
  const shift = input.shift === undefined ? false : bool(input.shift, 'shift');

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

// ---------------------------------------------------------------------------------------------------------
// The weight tree
// ---------------------------------------------------------------------------------------------------------

interface TreePlan {
  /** Number of tree nodes; node index nNodes is the index itself (the root). */
  nNodes: number;
  /** Node indices children-first, ending with the root. */
  order: number[];
  childInd: number[][];
  childNode: number[][];
  indW: Float64Array;
  nodeW: Float64Array;
  /** Effective weights of indicators and tree nodes. */
  effective: Record<string, number>;
}

function compileTree(indicators: readonly Pick<IndicatorSpec, 'code' | 'weight' | 'group'>[], tree: readonly TreeNodeSpec[]): TreePlan {
  const nNodes = tree.length;
  const root = nNodes;
  const index = new Map<string, number>();
  tree.forEach((t, k) => {
    if (index.has(t.code)) fail(`tree[${k}].code "${t.code}" is listed twice`);
    index.set(t.code, k);
  });
  const childInd: number[][] = Array.from({ length: nNodes + 1 }, () => []);
  const childNode: number[][] = Array.from({ length: nNodes + 1 }, () => []);
  const parentOf = new Int32Array(nNodes);
  tree.forEach((t, k) => {
    let p = root;
    if (t.parent !== undefined) {
      const q = index.get(t.parent);
      if (q === undefined) fail(`tree[${k}].parent "${t.parent}" is not a tree node`);
      if (q === k) fail(`tree[${k}].parent must not be the node itself`);
      p = q;
    }
    parentOf[k] = p;
    childNode[p]!.push(k);
  });
  indicators.forEach((ind, j) => {
    let p = root;
    if (ind.group !== undefined) {
      const q = index.get(ind.group);
      if (q === undefined) fail(`indicators[${j}].group "${ind.group}" is not a tree node`);
      p = q;
    }
    childInd[p]!.push(j);
  });
  // depth (and cycles)
  const depth = new Int32Array(nNodes).fill(-1);
  const depthOf = (k: number): number => {
    let d = 0;
    let q = k;
    while (q !== root) {
      if (depth[q]! >= 0) return depth[q]! + d;
      q = parentOf[q]!;
      if (++d > nNodes) fail(`tree[${k}].parent: the tree has a cycle through "${tree[k]!.code}"`);
    }
    return d;
  };
  for (let k = 0; k < nNodes; k++) depth[k] = depthOf(k);
  for (let k = 0; k < nNodes; k++) {
    if (childInd[k]!.length + childNode[k]!.length === 0) fail(`tree[${k}] "${tree[k]!.code}" has no indicators or child nodes`);
  }
  const order = [...Array(nNodes).keys()].sort((a, b) => depth[b]! - depth[a]! || a - b);
  order.push(root);

  const indW = Float64Array.from(indicators, (i) => i.weight ?? 1);
  const nodeW = Float64Array.from(tree, (t) => t.weight);
  // effective weights, top-down
  const effNode = new Float64Array(nNodes + 1);
  effNode[root] = 1;
  const effective: Record<string, number> = {};
  for (let q = order.length - 1; q >= 0; q--) {
    const k = order[q]!;
    let sum = 0;
    for (const j of childInd[k]!) sum += indW[j]!;
    for (const c of childNode[k]!) sum += nodeW[c]!;
    if (!(sum > 0)) {
      const fields = [...childInd[k]!.map((j) => `indicators[${j}].weight`), ...childNode[k]!.map((c) => `tree[${c}].weight`)];
      const where = k === root ? 'at the top level' : `under tree[${k}] "${tree[k]!.code}"`;
      fail(`the weights ${where} sum to 0 (${fields.join(', ')})`);
    }
    for (const j of childInd[k]!) effective[indicators[j]!.code] = (effNode[k]! * indW[j]!) / sum;
    for (const c of childNode[k]!) {
      effNode[c] = (effNode[k]! * nodeW[c]!) / sum;
      effective[tree[c]!.code] = effNode[c]!;
    }
  }
  return { nNodes, order, childInd, childNode, indW, nodeW, effective };
}

/**
 * Effective weights of indicators and tree nodes: sibling weights (indicators default 1) normalised to sum
 * 1, multiplied down the tree. E.g. weights 1 and 3 in a group of weight 0.5 beside an indicator of weight
 * 0.5 → 0.125, 0.375 (group 0.5) and 0.5.
 */
export function effectiveWeights(
  indicators: readonly Pick<IndicatorSpec, 'code' | 'weight' | 'group'>[],
  tree: readonly TreeNodeSpec[] = [],
): Record<string, number> {
  return compileTree(indicators, tree).effective;
}

// ---------------------------------------------------------------------------------------------------------
// Aggregation up the tree (hot path)
// ---------------------------------------------------------------------------------------------------------

/**
 * Aggregates every node for n units. `input` holds the indicator values already transformed for the method
 * (x for arithmetic, ln x for geometric, 1/x for harmonic; NaN = missing), indicator-major. Each node value is
 * inv(Σ w·t(x) / Σ w) over its present children, NaN when none is present (or only zero weights are).
 */
function aggregateTree(
  plan: TreePlan,
  input: Float64Array,
  n: number,
  method: AggregationMethod,
  indW: Float64Array,
  nodeW: Float64Array,
  out: Float64Array,
  acc: Float64Array,
  wsum: Float64Array,
): void {
  const geo = method === 'geometric';
  const har = method === 'harmonic';
  for (const k of plan.order) {
    acc.fill(0);
    wsum.fill(0);
    for (const j of plan.childInd[k]!) {
      const w = indW[j]!;
      if (w === 0) continue;
      const off = j * n;
      for (let u = 0; u < n; u++) {
        const v = input[off + u]!;
        if (v === v) {
          acc[u] = acc[u]! + w * v;
          wsum[u] = wsum[u]! + w;
        }
      }
    }
    for (const c of plan.childNode[k]!) {
      const w = nodeW[c]!;
      if (w === 0) continue;
      const off = c * n;
      for (let u = 0; u < n; u++) {
        const v = out[off + u]!;
        if (v === v) {
          acc[u] = acc[u]! + w * (geo ? Math.log(v) : har ? 1 / v : v);
          wsum[u] = wsum[u]! + w;
        }
      }
    }
    const off = k * n;
    for (let u = 0; u < n; u++) {
      const s = wsum[u]!;
      if (s > 0) {
        const m = acc[u]! / s;
        out[off + u] = geo ? Math.exp(m) : har ? 1 / m : m;
      } else out[off + u] = NaN;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// runIndex
// ---------------------------------------------------------------------------------------------------------

function checkData(data: IndexData): void {
  if (!isObject(data)) fail('data must be an object');
  if (!Array.isArray(data.units)) fail('data.units must be an array');
  if (!Array.isArray(data.indicators)) fail('data.indicators must be an array');
  if (!isObject(data.values)) fail('data.values must be an object');
  const seenU = new Set<string>();
  data.units.forEach((u, i) => {
    const c = code(u?.code, `data.units[${i}].code`);
    if (seenU.has(c)) fail(`data.units[${i}].code "${c}" is listed twice`);
    seenU.add(c);
  });
  const seenI = new Set<string>();
  data.indicators.forEach((ind, i) => {
    const c = code(ind?.code, `data.indicators[${i}].code`);
    if (seenI.has(c)) fail(`data.indicators[${i}].code "${c}" is listed twice`);
    seenI.add(c);
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const orNull = (v: number) => (v === v ? v : null);

interface Prepared {
  /** Indices into data.units of the units that passed screening. */
  kept: number[];
  /** Treated, direction-flipped values, indicator-major, NaN = missing. */
  X: Float64Array;
  /** Raw (screened, unimputed, untreated) values × direction, for strengths and weaknesses. */
  raw: Float64Array;
  /** Targets and goalposts mapped like the data and flipped. */
  targets: Float64Array;
  postsLo: Float64Array;
  postsHi: Float64Array;
}

/**
 * Runs the index. Throws an Error naming the field for a bad spec or bad data; degenerate data (constant
 * indicators, empty columns, units without data) gives a result with warnings, never NaN.
 */
export function runIndex(data: IndexData, specInput: IndexSpecInput | IndexSpec): IndexResult {
  checkData(data);
  const spec = resolveSpec(
    specInput,
    data.indicators.map((i) => i.code),
  );
  const plan = compileTree(spec.indicators, spec.tree);
  const inds = spec.indicators;
  const nInd = inds.length;
  const warnings: string[] = [];

  // 1. screening ------------------------------------------------------------------------------------------
  const kept: number[] = [];
  const screenedOut: IndexResult['screenedOut'] = [];
  const rowsAll = new Float64Array(data.units.length * nInd);
  data.units.forEach((unit, ui) => {
    const row = data.values[unit.code];
    let have = 0;
    for (let j = 0; j < nInd; j++) {
      const v = row?.[inds[j]!.code];
      let x = NaN;
      if (v !== null && v !== undefined) {
        if (typeof v !== 'number' || !Number.isFinite(v))
          fail(`data.values["${unit.code}"]["${inds[j]!.code}"] must be a finite number or null`);
        x = v;
        have++;
      }
      rowsAll[ui * nInd + j] = x;
    }
    const share = have / nInd;
    if (have > 0 && share >= spec.screening.minDataShare - 1e-12) kept.push(ui);
    else screenedOut.push({ unit: unit.code, name: unit.name, dataShare: share });
  });
  const n = kept.length;
  if (n === 0) warnings.push('no unit passed screening');
  const X = new Float64Array(nInd * n);
  for (let u = 0; u < n; u++) for (let j = 0; j < nInd; j++) X[j * n + u] = rowsAll[kept[u]! * nInd + j]!;
  const raw = new Float64Array(nInd * n);

  // 2. imputation -----------------------------------------------------------------------------------------
  const fill = new Float64Array(nInd).fill(NaN);
  for (let j = 0; j < nInd; j++) {
    const off = j * n;
    const obs: number[] = [];
    for (let u = 0; u < n; u++) {
      const v = X[off + u]!;
      raw[off + u] = v * inds[j]!.direction;
      if (v === v) obs.push(v);
    }
    if (obs.length === 0) {
      if (n > 0)
        warnings.push(`indicator "${inds[j]!.code}" has no values among the units that passed screening: it drops out of the index`);
      continue;
    }
    if (obs.length === n || spec.imputation === 'none') continue;
    if (spec.imputation === 'mean') fill[j] = obs.reduce((a, b) => a + b, 0) / obs.length;
    else
      fill[j] = quantile7(
        obs.sort((a, b) => a - b),
        0.5,
      );
  }
  const imputed: IndexResult['imputed'] = [];
  for (let u = 0; u < n; u++) {
    for (let j = 0; j < nInd; j++) {
      const f = fill[j]!;
      if (f === f && X[j * n + u]! !== X[j * n + u]!) {
        X[j * n + u] = f;
        imputed.push({ unit: data.units[kept[u]!]!.code, indicator: inds[j]!.code, value: f });
      }
    }
  }

  // 3. outliers, 4. direction -----------------------------------------------------------------------------
  const outliers: OutlierReport[] = [];
  const targets = new Float64Array(nInd).fill(NaN);
  const postsLo = new Float64Array(nInd).fill(NaN);
  const postsHi = new Float64Array(nInd).fill(NaN);
  for (let j = 0; j < nInd; j++) {
    const ind = inds[j]!;
    const col = Array.from(X.subarray(j * n, (j + 1) * n));
    let map = (v: number) => v;
    if (spec.outliers.enabled) {
      const t = treatOutliers(col, spec.outliers);
      const rep: OutlierReport = { indicator: ind.code, skew: t.skew, kurtosis: t.kurtosis, failed: t.failed, treatment: t.treatment };
      if (t.points !== undefined) rep.points = t.points;
      if (t.treatment !== 'none') {
        rep.skewAfter = t.skewAfter ?? null;
        rep.kurtosisAfter = t.kurtosisAfter ?? null;
      }
      outliers.push(rep);
      map = t.map;
      for (let u = 0; u < n; u++) X[j * n + u] = t.values[u]!;
    } else {
      const t = outlierTest(col, spec.outliers);
      outliers.push({ indicator: ind.code, ...t, treatment: 'none' });
    }
    const d = ind.direction;
    for (let u = 0; u < n; u++) X[j * n + u] = X[j * n + u]! * d;
    if (ind.target !== undefined) targets[j] = d * map(ind.target);
    if (ind.goalposts) {
      const lo = map(ind.goalposts.lo);
      const hi = map(ind.goalposts.hi);
      postsLo[j] = d === 1 ? lo : -hi;
      postsHi[j] = d === 1 ? hi : -lo;
    }
  }
  const prep: Prepared = { kept, X, raw, targets, postsLo, postsHi };

  // 5. normalisation (cached per method) ------------------------------------------------------------------
  const normCache = new Map<NormalisationMethod, Float64Array>();
  const normalisedFor = (method: NormalisationMethod, warn: boolean): Float64Array => {
    const cached = normCache.get(method);
    if (cached) return cached;
    const N = normaliseMatrix(
      prep,
      n,
      nInd,
      method,
      spec.normalisation,
      warn ? (j, msg) => warnings.push(`indicator "${inds[j]!.code}" ${msg}`) : null,
    );
    normCache.set(method, N);
    return N;
  };
  const inputCache = new Map<string, { input: Float64Array; shift: number }>();
  const inputFor = (norm: NormalisationMethod, agg: AggregationMethod, context: string) => {
    const key = `${norm}|${agg}`;
    let hit = inputCache.get(key);
    if (!hit) {
      hit = aggregationInput(normalisedFor(norm, false), norm, agg, spec.shift, context);
      inputCache.set(key, hit);
    }
    return hit;
  };

  const N0 = normalisedFor(spec.normalisation.method, true);
  const nominalInput = inputFor(spec.normalisation.method, spec.aggregation, '');

  // 6.–8. weights, aggregation, ranking -------------------------------------------------------------------
  const nodeVals = new Float64Array((plan.nNodes + 1) * n);
  const acc = new Float64Array(n);
  const wsum = new Float64Array(n);
  aggregateTree(plan, nominalInput.input, n, spec.aggregation, plan.indW, plan.nodeW, nodeVals, acc, wsum);
  const scoreArr = nodeVals.subarray(plan.nNodes * n, (plan.nNodes + 1) * n);
  const nominalRank = new Float64Array(n);
  const scratch = rankScratch(n);
  rankInto(scoreArr, n, nominalRank, scratch);

  const unitCode = (u: number) => data.units[kept[u]!]!.code;
  const scores: UnitScore[] = [];
  for (let u = 0; u < n; u++) {
    const unit = data.units[kept[u]!]!;
    scores.push({ unit: unit.code, name: unit.name, score: orNull(scoreArr[u]!), rank: orNull(nominalRank[u]!) });
  }
  scores.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const unscored = scores.filter((s) => s.score === null).map((s) => s.unit);
  if (unscored.length) warnings.push(`no score for ${unscored.join(', ')}: every indicator they have sits under zero weights`);

  const subindices: IndexResult['subindices'] = {};
  spec.tree.forEach((t, k) => {
    const rec: Record<string, number | null> = {};
    for (let u = 0; u < n; u++) rec[unitCode(u)] = orNull(nodeVals[k * n + u]!);
    subindices[t.code] = rec;
  });
  const normalised: IndexResult['normalised'] = {};
  for (let u = 0; u < n; u++) {
    const rec: Record<string, number | null> = {};
    for (let j = 0; j < nInd; j++) rec[inds[j]!.code] = orNull(N0[j * n + u]!);
    normalised[unitCode(u)] = rec;
  }

  // 9. strengths and weaknesses ---------------------------------------------------------------------------
  const indRank = new Float64Array(nInd * n);
  const colRank = new Float64Array(n);
  for (let j = 0; j < nInd; j++) {
    rankInto(raw.subarray(j * n, (j + 1) * n), n, colRank, scratch);
    indRank.set(colRank, j * n);
  }
  const strengths: IndexResult['strengths'] = {};
  const weaknesses: IndexResult['weaknesses'] = {};
  for (let u = 0; u < n; u++) {
    const list: { j: number; rank: number }[] = [];
    for (let j = 0; j < nInd; j++) {
      const r = indRank[j * n + u]!;
      if (r === r) list.push({ j, rank: r });
    }
    const asc = [...list].sort((a, b) => a.rank - b.rank || a.j - b.j);
    const desc = [...list].sort((a, b) => b.rank - a.rank || a.j - b.j);
    const pick = (xs: typeof list) => xs.slice(0, STRENGTHS_COUNT).map((x) => ({ indicator: inds[x.j]!.code, rank: x.rank }));
    strengths[unitCode(u)] = pick(asc);
    weaknesses[unitCode(u)] = pick(desc);
  }

  const result: IndexResult = {
    spec,
    scores,
    screenedOut,
    imputed,
    outliers,
    effectiveWeights: plan.effective,
    subindices,
    normalised,
    strengths,
    weaknesses,
    shift: nominalInput.shift,
    warnings,
  };

  // 10. uncertainty ---------------------------------------------------------------------------------------
  const unc = spec.uncertainty;
  if (unc) {
    const norms = unc.normalisations;
    const aggs = unc.aggregations;
    // Build every combination up front: a combination that cannot run fails whatever the seed draws.
    const inputs = norms.map((nm) => aggs.map((ag) => inputFor(nm, ag, 'uncertainty: ').input));
    const rng = mulberry32(unc.seed);
    const p = unc.weightPerturbation;
    const runs = unc.runs;
    const indW = new Float64Array(nInd);
    const nodeW = new Float64Array(plan.nNodes);
    const runRank = new Float64Array(n);
    const ranks = new Float64Array(n * runs); // unit-major
    let shiftSum = 0;
    let shiftCount = 0;
    for (let r = 0; r < runs; r++) {
      // Draw order per run: normalisation, aggregation, then one factor per indicator weight (spec order)
      // and one per tree-node weight (spec order): a fixed number of draws, so a seed fixes every run.
      const ni = Math.floor(rng() * norms.length);
      const ai = Math.floor(rng() * aggs.length);
      for (let j = 0; j < nInd; j++) indW[j] = plan.indW[j]! * (1 - p + 2 * p * rng());
      for (let k = 0; k < plan.nNodes; k++) nodeW[k] = plan.nodeW[k]! * (1 - p + 2 * p * rng());
      aggregateTree(plan, inputs[ni]![ai]!, n, aggs[ai]!, indW, nodeW, nodeVals, acc, wsum);
      rankInto(scoreArr, n, runRank, scratch);
      for (let u = 0; u < n; u++) {
        const rr = runRank[u]!;
        ranks[u * runs + r] = rr;
        const nom = nominalRank[u]!;
        if (nom === nom && rr === rr) {
          shiftSum += Math.abs(rr - nom);
          shiftCount++;
        }
      }
    }
    const perUnit: UncertaintyResult['perUnit'] = [];
    for (let u = 0; u < n; u++) {
      const nom = nominalRank[u]!;
      if (nom !== nom) continue;
      const sorted = ranks.subarray(u * runs, (u + 1) * runs).sort();
      perUnit.push({
        unit: unitCode(u),
        nominal: nom,
        median: round2(quantile7(sorted, 0.5)),
        p05: round2(quantile7(sorted, 0.05)),
        p95: round2(quantile7(sorted, 0.95)),
      });
    }
    perUnit.sort((a, b) => a.nominal - b.nominal);
    result.uncertainty = { runs, seed: unc.seed, perUnit, meanAbsoluteRankShift: shiftCount ? shiftSum / shiftCount : 0 };
  }
  return result;
}

function normaliseMatrix(
  prep: Prepared,
  n: number,
  nInd: number,
  method: NormalisationMethod,
  ns: NormalisationSpec,
  warn: ((j: number, msg: string) => void) | null,
): Float64Array {
  const { X } = prep;
  const out = new Float64Array(X.length);
  const range = ns.range;
  const mid = (range[0] + range[1]) / 2;
  for (let j = 0; j < nInd; j++) {
    const off = j * n;
    switch (method) {
      case 'minmax':
        if (minMaxInto(X, off, n, out, range)) warn?.(j, `has the same value for every unit: min-max puts it at ${mid}`);
        break;
      case 'zscore':
        if (zScoreInto(X, off, n, out)) warn?.(j, 'has the same value for every unit: its z-score is 0');
        break;
      case 'rank':
        if (rankNormaliseInto(X, off, n, out, range)) warn?.(j, `has the same value for every unit: rank normalisation puts it at ${mid}`);
        break;
      case 'target':
        if (distanceToTargetInto(X, off, n, out, prep.targets[j]!, ns.targetCap, range)) {
          warn?.(j, `has its target met by every unit: all get ${range[1]}`);
        }
        break;
      case 'goalposts':
        goalpostsInto(X, off, n, out, prep.postsLo[j]!, prep.postsHi[j]!, range);
        break;
    }
  }
  return out;
}

/** The indicator matrix transformed for the aggregation: x, ln(x + c) or 1/(x + c), c the shift if needed. */
function aggregationInput(
  N: Float64Array,
  norm: NormalisationMethod,
  agg: AggregationMethod,
  shiftAllowed: boolean,
  context: string,
): { input: Float64Array; shift: number } {
  if (agg === 'arithmetic') return { input: N, shift: 0 };
  let min = Infinity;
  for (let i = 0; i < N.length; i++) {
    const v = N[i]!;
    if (v < min) min = v; // NaN compares false
  }
  let c = 0;
  if (min <= 0) {
    if (!shiftAllowed) {
      fail(
        `${context}aggregation '${agg}' needs positive inputs, but normalisation '${norm}' gives values down to ${min}` +
          (norm === 'minmax' || norm === 'rank' ? ` (it puts each indicator's worst unit at the bottom of the range)` : '') +
          `: set "shift": true to add a constant so the minimum is 1, or use 'arithmetic'`,
      );
    }
    c = 1 - min;
  }
  const input = new Float64Array(N.length);
  if (agg === 'geometric') for (let i = 0; i < N.length; i++) input[i] = Math.log(N[i]! + c);
  else for (let i = 0; i < N.length; i++) input[i] = 1 / (N[i]! + c);
  return { input, shift: c };
}
