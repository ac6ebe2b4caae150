/**
 * npm run bench:index — the composite-index engine (common/benchmarks) at size, on one core:
 *  - 3 000 units × 40 indicators, seeded random: ~3 % missing values, 2 % of units mostly empty (screened out),
 *    heavy-tailed and outlier-laden indicators (winsorised or log-transformed), mixed directions
 *  - a two-level tree: 40 indicators → 8 pillars → 2 dimensions → index, random weights
 *  - time of one run without uncertainty, and of the full pipeline with 1 000 uncertainty runs
 *    (normalisation minmax | zscore | rank, aggregation arithmetic | geometric, weights ± 25 %); goal ≤ 10 s
 * Each figure is the median of 3.
 */
import { performance } from 'node:perf_hooks';
import { mulberry32, runIndex, type IndexData, type IndexResult, type IndexSpecInput } from '../common/benchmarks/index.js';
import { median } from './lib.js';

const UNITS = 3_000;
const INDICATORS = 40;
const PILLARS = 8;
const RUNS = 1_000;
const REPEATS = 3;
const GOAL_MS = 10_000;

function syntheticData(seed: number): IndexData {
  const rng = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const units = Array.from({ length: UNITS }, (_, u) => ({ code: `U${String(u).padStart(4, '0')}`, name: `合成单位${u}` }));
  const indicators = Array.from({ length: INDICATORS }, (_, j) => ({
    code: `I${String(j).padStart(2, '0')}`,
    nameZh: `合成指标${j}`,
    nameEn: `Synthetic indicator ${j}`,
  }));
  const values: IndexData['values'] = {};
  for (const unit of units) {
    const sparse = rng() < 0.02; // these units lose most values and are screened out
    const row: Record<string, number | null> = {};
    indicators.forEach((ind, j) => {
      if (rng() < (sparse ? 0.6 : 0.03)) {
        row[ind.code] = null;
        return;
      }
      let v: number;
      switch (j % 4) {
        case 0: // normal
          v = 50 + 10 * normal();
          break;
        case 1: // uniform
          v = 100 * rng();
          break;
        case 2: // log-normal, heavily skewed: usually beyond 5 winsorised points → log transform
          v = Math.exp(1.5 * normal());
          break;
        default: // normal with a few far outliers: winsorised
          v = 20 + 3 * normal() + (rng() < 0.001 ? 60 + 40 * rng() : 0);
      }
      row[ind.code] = v;
    });
    values[unit.code] = row;
  }
  return { units, indicators, values };
}

function syntheticSpec(seed: number): IndexSpecInput {
  const rng = mulberry32(seed);
  const per = INDICATORS / PILLARS;
  return {
    indicators: Array.from({ length: INDICATORS }, (_, j) => ({
      code: `I${String(j).padStart(2, '0')}`,
      direction: j % 7 === 3 ? -1 : 1,
      weight: 0.5 + rng(),
      group: `P${Math.floor(j / per) + 1}`,
    })),
    tree: [
      { code: 'D1', weight: 1 },
      { code: 'D2', weight: 1 },
      ...Array.from({ length: PILLARS }, (_, p) => ({ code: `P${p + 1}`, parent: p < PILLARS / 2 ? 'D1' : 'D2', weight: 0.5 + rng() })),
    ],
    normalisation: { method: 'minmax' },
    aggregation: 'arithmetic',
    shift: true,
  };
}

function time(f: () => IndexResult): { ms: number; result: IndexResult } {
  const times: number[] = [];
  let result: IndexResult | undefined;
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result: result! };
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

const data = syntheticData(20_240_601);
const spec = syntheticSpec(7);
const withUncertainty: IndexSpecInput = {
  ...spec,
  uncertainty: {
    runs: RUNS,
    seed: 1,
    weightPerturbation: 0.25,
    normalisations: ['minmax', 'zscore', 'rank'],
    aggregations: ['arithmetic', 'geometric'],
  },
};

console.log(
  `composite index bench: ${UNITS} units × ${INDICATORS} indicators, ${PILLARS} pillars in 2 dimensions, one core, median of ${REPEATS}`,
);
const single = time(() => runIndex(data, spec));
const r = single.result;
const treated = (t: string) => r.outliers.filter((o) => o.treatment === t).length;
console.log(
  `data: ${r.scores.length} units ranked, ${r.screenedOut.length} screened out, ${r.imputed.length} values imputed, ` +
    `outliers: ${treated('winsorised')} indicators winsorised, ${treated('log')} log-transformed`,
);
console.log(`single run (screening → ranking, no uncertainty):   ${fmt(single.ms)}`);
const full = time(() => runIndex(data, withUncertainty));
console.log(
  `full pipeline with ${RUNS} uncertainty runs:           ${fmt(full.ms)}  (${((full.ms - single.ms) / RUNS).toFixed(2)} ms per run; goal ≤ ${fmt(GOAL_MS)}: ${full.ms <= GOAL_MS ? 'met' : 'NOT MET'})`,
);
const u = full.result.uncertainty!;
const top = u.perUnit[0]!;
const widest = u.perUnit.reduce((a, b) => (b.p95 - b.p05 > a.p95 - a.p05 ? b : a));
console.log(
  `uncertainty: mean absolute rank shift ${u.meanAbsoluteRankShift.toFixed(2)}; nominal #1 ${top.unit} median ${top.median} [p05 ${top.p05}, p95 ${top.p95}]; ` +
    `widest ${widest.unit} nominal ${widest.nominal} [p05 ${widest.p05}, p95 ${widest.p95}]`,
);
