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
import { code, fail, isObject } from './composite-fields.js';
import { aggregationInput, normaliseMatrix } from './composite-normalise.js';
import { prepare } from './composite-prepare.js';
import { resolveSpec } from './composite-spec.js';
import { aggregateTree, compileTree, effectiveWeights } from './composite-tree.js';
import {
  STRENGTHS_COUNT,
  type IndexData,
  type IndexResult,
  type IndexSpec,
  type IndexSpecInput,
  type UnitScore,
} from './composite-types.js';
import { runUncertainty } from './composite-uncertainty.js';
import { rankInto, rankScratch, type RankScratch } from './stats.js';

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
export {
  DEFAULT_MIN_DATA_SHARE,
  DEFAULT_OUTLIERS,
  DEFAULT_WEIGHT_PERTURBATION,
  STRENGTHS_COUNT,
  type IndexData,
  type IndexResult,
  type IndexSpec,
  type IndexSpecInput,
  type IndicatorRank,
  type IndicatorSpec,
  type NormalisationSpec,
  type OutlierReport,
  type OutlierSpec,
  type TreeNodeSpec,
  type UncertaintyResult,
  type UncertaintySpec,
  type UnitScore,
} from './composite-types.js';
export { effectiveWeights, resolveSpec };

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

const orNull = (v: number) => (v === v ? v : null);

/** 9. strengths and weaknesses: each unit's best and worst indicator ranks among the units, on raw data. */
function strengthsAndWeaknesses(
  inds: IndexSpec['indicators'],
  raw: Float64Array,
  n: number,
  unitCode: (u: number) => string,
  scratch: RankScratch,
) {
  const nInd = inds.length;
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
  return { strengths, weaknesses };
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

  // 1.–4. screening, imputation, outliers, direction ------------------------------------------------------
  const { prep, n, screenedOut, imputed, outliers } = prepare(data, spec, warnings);
  const kept = prep.kept;

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
  const { strengths, weaknesses } = strengthsAndWeaknesses(inds, prep.raw, n, unitCode, scratch);

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
    const run = { plan, n, nInd, nominalRank, nodeVals, scoreArr, acc, wsum, scratch, unitCode, inputFor };
    result.uncertainty = runUncertainty(unc, run);
  }
  return result;
}
