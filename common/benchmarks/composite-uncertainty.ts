/** Step 10 of the composite index: Monte Carlo over weights, normalisation and aggregation (seeded). */
import type { AggregationMethod, NormalisationMethod } from '../values/benchmarks.js';
import { aggregateTree, type TreePlan } from './composite-tree.js';
import type { UncertaintyResult, UncertaintySpec } from './composite-types.js';
import { mulberry32, quantile7, rankInto, type RankScratch } from './stats.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The nominal run's state the uncertainty runs reuse (buffers are overwritten). */
export interface NominalRun {
  plan: TreePlan;
  n: number;
  nInd: number;
  nominalRank: Float64Array;
  nodeVals: Float64Array;
  scoreArr: Float64Array;
  acc: Float64Array;
  wsum: Float64Array;
  scratch: RankScratch;
  unitCode: (u: number) => string;
  inputFor: (norm: NormalisationMethod, agg: AggregationMethod, context: string) => { input: Float64Array };
}

export function runUncertainty(unc: UncertaintySpec, run: NominalRun): UncertaintyResult {
  const { plan, n, nInd, nominalRank, nodeVals, scoreArr, acc, wsum, scratch, unitCode, inputFor } = run;
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
  return { runs, seed: unc.seed, perUnit, meanAbsoluteRankShift: shiftCount ? shiftSum / shiftCount : 0 };
}
