import { describe, expect, it } from 'vitest';
import {
  distanceToTarget,
  effectiveWeights,
  goalposts,
  kurtosis,
  logTransform,
  minMax,
  mulberry32,
  outlierTest,
  quantile7,
  rankNormalise,
  rankWithTies,
  resolveSpec,
  runIndex,
  skew,
  treatOutliers,
  weightedArithmeticMean,
  weightedGeometricMean,
  weightedHarmonicMean,
  winsorise,
  zScore,
  type IndexData,
  type IndexSpecInput,
} from './index.js';

const COINR_X = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
const T = { skew: 2, kurtosis: 3.5 };

/** Builds IndexData from rows of values keyed by unit code. */
function dataOf(rows: Record<string, (number | null)[]>, indicatorCodes: string[]): IndexData {
  return {
    units: Object.keys(rows).map((code) => ({ code, name: `Unit ${code}` })),
    indicators: indicatorCodes.map((code) => ({ code, nameZh: code, nameEn: code })),
    values: Object.fromEntries(
      Object.entries(rows).map(([u, vs]) => [u, Object.fromEntries(indicatorCodes.map((c, j) => [c, vs[j] ?? null]))]),
    ),
  };
}

/** A, B, C pass screening; D (1 of 3 values) does not. i2 is lower-is-better. */
const small = dataOf(
  {
    A: [10, 1, 5],
    B: [20, 2, null],
    C: [30, 3, 15],
    D: [null, null, 10],
  },
  ['i1', 'i2', 'i3'],
);
const smallSpec: IndexSpecInput = {
  indicators: [
    { code: 'i1', direction: 1 },
    { code: 'i2', direction: -1 },
    { code: 'i3', direction: 1 },
  ],
};

function hasNaN(v: unknown): boolean {
  if (typeof v === 'number') return Number.isNaN(v);
  if (Array.isArray(v)) return v.some(hasNaN);
  if (v && typeof v === 'object') return Object.values(v).some(hasNaN);
  return false;
}

function randomData(units: number, inds: number, seed: number): IndexData {
  const rng = mulberry32(seed);
  const rows: Record<string, (number | null)[]> = {};
  for (let u = 0; u < units; u++) {
    rows[`U${u}`] = Array.from({ length: inds }, (_, j) => (rng() < 0.05 ? null : j % 3 === 0 ? Math.exp(3 * rng()) : 100 * rng()));
  }
  return dataOf(
    rows,
    Array.from({ length: inds }, (_, j) => `x${j}`),
  );
}

describe('COINr published vectors', () => {
  it('skew and kurtosis of (1..10, 30, 100): 3.063241 and 9.741391, failing the test', () => {
    expect(skew(COINR_X)).toBeCloseTo(3.063241, 6);
    expect(kurtosis(COINR_X)).toBeCloseTo(9.741391, 6);
    expect(outlierTest(COINR_X, T).failed).toBe(true);
  });

  it('winsorising at most 2 points: 100 → 30, then skew 1.712038 and kurtosis 1.815781 pass', () => {
    const w = winsorise(COINR_X, { ...T, maxPoints: 2 });
    expect(w.values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30]);
    expect(w.points).toBe(1);
    expect(w.passed).toBe(true);
    expect(w.skew).toBeCloseTo(1.712038, 6);
    expect(w.kurtosis).toBeCloseTo(1.815781, 6);
    expect(skew(w.values)).toBeCloseTo(1.712038, 6);
    expect(kurtosis(w.values)).toBeCloseTo(1.815781, 6);
  });

  it('distance to target 10 of (0, 5, 11) is (0, 0.5, 1.1), capped (0, 0.5, 1)', () => {
    expect(distanceToTarget([0, 5, 11], 10)).toEqual([0, 0.5, 1.1]);
    expect(distanceToTarget([0, 5, 11], 10, true)).toEqual([0, 0.5, 1]);
  });

  it('weighted geometric mean of (1, 2, 3): 1.8171 equal weights, 2.0598 with weights (1, 1, 2)', () => {
    expect(weightedGeometricMean([1, 2, 3])).toBeCloseTo(1.8171, 4);
    expect(weightedGeometricMean([1, 2, 3], [1, 1, 2])).toBeCloseTo(2.0598, 4);
  });

  it('weighted harmonic mean of (1, 2, 3) with weights (2, 1, 1) is 1.4118', () => {
    expect(weightedHarmonicMean([1, 2, 3], [2, 1, 1])).toBeCloseTo(1.4118, 4);
  });
});

describe('outlier treatment', () => {
  it('winsorises a negative skew at the low end (mirror of the COINr vector)', () => {
    const w = winsorise(
      COINR_X.map((v) => -v),
      { ...T, maxPoints: 5 },
    );
    expect(w.values).toEqual([-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -30, -30]);
    expect(w.skew).toBeCloseTo(-1.712038, 6);
  });

  it('counts tied extremes once each and never goes past the maximum', () => {
    // needs more than 1 point: with maxPoints 0 nothing moves
    const w = winsorise(COINR_X, { ...T, maxPoints: 0 });
    expect(w.values).toEqual(COINR_X);
    expect(w.passed).toBe(false);
  });

  it('reverts to the original and log-transforms when winsorising cannot pass', () => {
    const t = treatOutliers(COINR_X, { ...T, maxWinsorised: 0 });
    expect(t.treatment).toBe('log');
    expect(t.failed).toBe(true);
    // ln(x − min + 1) with min 1 is ln x
    t.values.forEach((v, i) => expect(v).toBeCloseTo(Math.log(COINR_X[i]!), 12));
    expect(t.skewAfter).toBeCloseTo(skew(COINR_X.map(Math.log)), 12);
    const w = treatOutliers(COINR_X, { ...T, maxWinsorised: 5 });
    expect(w).toMatchObject({ treatment: 'winsorised', points: 1, failed: true });
    expect(treatOutliers([1, 2, 3, 4, 5], { ...T, maxWinsorised: 5 }).treatment).toBe('none');
  });

  it('mirrors the log transform for a negative skew: −ln(max − x + 1)', () => {
    const neg = COINR_X.map((v) => -v); // max −1: −ln(−1 − x + 1) = −ln(original)
    logTransform(neg, -1).forEach((v, i) => expect(v).toBeCloseTo(-Math.log(COINR_X[i]!), 12));
    expect(logTransform([1, 2, 5], 1)).toEqual([0, Math.log(2), Math.log(5)]);
  });

  it('is reported per indicator in the pipeline, and the treated values are normalised', () => {
    const rows = Object.fromEntries(COINR_X.map((v, i) => [`U${i}`, [v, i]]));
    const r = runIndex(dataOf(rows, ['a', 'b']), {
      indicators: [
        { code: 'a', direction: 1 },
        { code: 'b', direction: 1 },
      ],
    });
    expect(r.outliers[0]).toMatchObject({ indicator: 'a', failed: true, treatment: 'winsorised', points: 1 });
    expect(r.outliers[0]!.skew).toBeCloseTo(3.063241, 6);
    expect(r.outliers[0]!.skewAfter).toBeCloseTo(1.712038, 6);
    expect(r.outliers[1]).toMatchObject({ indicator: 'b', failed: false, treatment: 'none' });
    expect(r.normalised.U11!.a).toBe(100); // 100 became 30, the new maximum
    expect(r.normalised.U10!.a).toBe(100);
    expect(r.normalised.U9!.a).toBeCloseTo((9 / 29) * 100, 12);
  });

  it('carries targets through a log transform, so a unit at the target stays at the target', () => {
    const rows = Object.fromEntries(COINR_X.map((v, i) => [`U${i}`, [v]]));
    const r = runIndex(dataOf(rows, ['a']), {
      indicators: [{ code: 'a', direction: 1, target: 10 }],
      outliers: { maxWinsorised: 0 },
      normalisation: { method: 'target', targetCap: true },
    });
    expect(r.outliers[0]!.treatment).toBe('log');
    expect(r.normalised.U9!.a).toBeCloseTo(100, 12); // x = 10, the target
    expect(r.normalised.U4!.a).toBeCloseTo((Math.log(5) / Math.log(10)) * 100, 12); // ln(x − 1 + 1) / ln(10)
    expect(r.normalised.U11!.a).toBe(100); // capped
  });

  it('can be switched off, still reporting the test', () => {
    const rows = Object.fromEntries(COINR_X.map((v, i) => [`U${i}`, [v]]));
    const r = runIndex(dataOf(rows, ['a']), { indicators: [{ code: 'a', direction: 1 }], outliers: { enabled: false } });
    expect(r.outliers[0]).toMatchObject({ failed: true, treatment: 'none' });
    expect(r.normalised.U9!.a).toBeCloseTo((9 / 99) * 100, 12);
  });
});

describe('normalisers', () => {
  it('min-max onto [0, 100] (or another range)', () => {
    expect(minMax([2, 4, 6, 10])).toEqual([0, 25, 50, 100]);
    expect(minMax([2, null, 10], [1, 3])).toEqual([1, null, 3]);
  });
  it('z-score with the sample sd', () => {
    expect(zScore([2, 4, 6])).toEqual([-1, 0, 1]);
  });
  it('goalposts (x − lo)/(hi − lo) clipped to [0, 1] × 100', () => {
    expect(goalposts([-10, 25, 60], { lo: 0, hi: 50 })).toEqual([0, 50, 100]);
  });
  it('rank among units scaled to [0, 100], average ranks for ties', () => {
    expect(rankNormalise([10, 30, 20, 20])).toEqual([0, 100, 50, 50]);
  });
  it('constant columns give the middle of the range (minmax, rank) or 0 (z-score), never NaN', () => {
    expect(minMax([3, 3, 3])).toEqual([50, 50, 50]);
    expect(rankNormalise([3, 3])).toEqual([50, 50]);
    expect(zScore([3, 3, 3])).toEqual([0, 0, 0]);
    expect(zScore([3])).toEqual([0]);
  });
});

describe('weights, means and ranks', () => {
  it('effective weights in a two-level tree: 1 and 3 in a group of 0.5 beside 0.5 → 0.125, 0.375, 0.5', () => {
    const w = effectiveWeights(
      [
        { code: 'a', weight: 1, group: 'G' },
        { code: 'b', weight: 3, group: 'G' },
        { code: 'c', weight: 0.5 },
      ],
      [{ code: 'G', weight: 0.5 }],
    );
    expect(w).toEqual({ a: 0.125, b: 0.375, c: 0.5, G: 0.5 });
  });

  it('effective weights over three levels multiply down the tree; no weights means equal', () => {
    const w = effectiveWeights(
      [
        { code: 'a', group: 'P1' },
        { code: 'b', group: 'P1' },
        { code: 'c', group: 'P2' },
      ],
      [
        { code: 'D', weight: 1 },
        { code: 'P1', parent: 'D', weight: 1 },
        { code: 'P2', parent: 'D', weight: 3 },
      ],
    );
    expect(w).toEqual({ D: 1, P1: 0.25, P2: 0.75, a: 0.125, b: 0.125, c: 0.75 });
  });

  it('a missing value drops out and the remaining weights are rescaled', () => {
    expect(weightedArithmeticMean([10, null, 40], [1, 1, 2])).toBe(30);
    expect(weightedGeometricMean([4, null, 1], [1, 5, 1])).toBe(2);
    expect(weightedHarmonicMean([null, 2, 2], [1, 1, 1])).toBe(2);
    expect(weightedArithmeticMean([null, null], [1, 1])).toBeNull();
    expect(() => weightedGeometricMean([0, 1])).toThrow(/positive/);
  });

  it('ties share the best rank (1, 1, 3)', () => {
    expect(rankWithTies([5, 7, 7, 1])).toEqual([3, 1, 1, 4]);
    expect(rankWithTies([5, 7, 7, 1], false)).toEqual([2, 3, 3, 1]);
    expect(rankWithTies([2, null, 2 + 1e-13, 1])).toEqual([1, null, 1, 3]);
  });

  it('type-7 quantiles, as R quantile(x, type = 7)', () => {
    expect(quantile7([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantile7([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile7([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(quantile7([7], 0.95)).toBe(7);
  });

  it('mulberry32 is deterministic per seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('runIndex, step by step on a hand-checked example', () => {
  const r = runIndex(small, smallSpec);

  it('screens out units below 2/3 data share and lists them', () => {
    expect(r.screenedOut).toEqual([{ unit: 'D', name: 'Unit D', dataShare: 1 / 3 }]);
    expect(r.scores.map((s) => s.unit).sort()).toEqual(['A', 'B', 'C']);
    // a unit with exactly 2 of 3 values passes the default threshold
    expect(r.imputed).toEqual([{ unit: 'B', indicator: 'i3', value: 10 }]);
  });

  it('imputes the column mean over the units that passed screening (D’s 10 is not counted)', () => {
    const d = dataOf({ A: [10, 1, 5], B: [20, 2, null], C: [30, 3, 14], D: [null, null, 1000] }, ['i1', 'i2', 'i3']);
    expect(runIndex(d, smallSpec).imputed).toEqual([{ unit: 'B', indicator: 'i3', value: 9.5 }]);
    const m = dataOf({ A: [1], B: [2], C: [10], D: [null] }, ['i1']);
    expect(
      runIndex(m, { indicators: [{ code: 'i1', direction: 1 }], imputation: 'median', screening: { minDataShare: 0 } }).imputed,
    ).toEqual([]); // D has no data at all: always screened out
  });

  it('imputes the median when asked', () => {
    const m = dataOf({ A: [1, 1], B: [2, 1], C: [10, 1], D: [null, 1] }, ['i1', 'i2']);
    const res = runIndex(m, {
      indicators: [
        { code: 'i1', direction: 1 },
        { code: 'i2', direction: 1 },
      ],
      imputation: 'median',
      screening: { minDataShare: 0.5 },
    });
    expect(res.imputed).toEqual([{ unit: 'D', indicator: 'i1', value: 2 }]);
  });

  it('flips direction −1 so that higher normalised is better, then min-max normalises', () => {
    expect(r.normalised).toEqual({
      A: { i1: 0, i2: 100, i3: 0 },
      B: { i1: 50, i2: 50, i3: 50 },
      C: { i1: 100, i2: 0, i3: 100 },
    });
  });

  it('aggregates with equal weights and ranks', () => {
    expect(r.scores.map((s) => [s.unit, s.rank])).toEqual([
      ['C', 1],
      ['B', 2],
      ['A', 3],
    ]);
    expect(r.scores[0]!.score).toBeCloseTo(200 / 3, 12);
    expect(r.scores[1]!.score).toBeCloseTo(50, 12);
    expect(r.scores[2]!.score).toBeCloseTo(100 / 3, 12);
    expect(r.effectiveWeights).toEqual({ i1: 1 / 3, i2: 1 / 3, i3: 1 / 3 });
    expect(r.shift).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  it('lists strengths and weaknesses from raw ranks (direction applied, imputed values not ranked)', () => {
    expect(r.strengths.A).toEqual([
      { indicator: 'i2', rank: 1 },
      { indicator: 'i3', rank: 2 },
      { indicator: 'i1', rank: 3 },
    ]);
    expect(r.weaknesses.A).toEqual([
      { indicator: 'i1', rank: 3 },
      { indicator: 'i3', rank: 2 },
      { indicator: 'i2', rank: 1 },
    ]);
    expect(r.strengths.B).toEqual([
      { indicator: 'i1', rank: 2 },
      { indicator: 'i2', rank: 2 },
    ]);
    expect(r.strengths.C).toEqual([
      { indicator: 'i1', rank: 1 },
      { indicator: 'i3', rank: 1 },
      { indicator: 'i2', rank: 3 },
    ]);
    expect(r.weaknesses.C![0]).toEqual({ indicator: 'i2', rank: 3 });
  });

  it('aggregates up a two-level tree with effective weights 0.125, 0.375, 0.5', () => {
    const t = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1, weight: 1, group: 'G' },
        { code: 'i2', direction: -1, weight: 3, group: 'G' },
        { code: 'i3', direction: 1, weight: 0.5 },
      ],
      tree: [{ code: 'G', weight: 0.5 }],
    });
    expect(t.effectiveWeights).toEqual({ i1: 0.125, i2: 0.375, i3: 0.5, G: 0.5 });
    expect(t.subindices).toEqual({ G: { A: 75, B: 50, C: 25 } });
    expect(Object.fromEntries(t.scores.map((s) => [s.unit, s.score]))).toEqual({ A: 37.5, B: 50, C: 62.5 });
  });

  it('drops a missing value and rescales the remaining weights (imputation none)', () => {
    const t = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1 },
        { code: 'i2', direction: -1 },
        { code: 'i3', direction: 1, weight: 2 },
      ],
      imputation: 'none',
    });
    expect(t.normalised.B!.i3).toBeNull();
    expect(Object.fromEntries(t.scores.map((s) => [s.unit, s.score]))).toEqual({ A: 25, B: 50, C: 75 });
  });

  it('a tree node whose inputs are all missing is null and drops out one level up', () => {
    const t = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1, group: 'G1' },
        { code: 'i2', direction: -1, group: 'G1' },
        { code: 'i3', direction: 1, group: 'G2' },
      ],
      tree: [
        { code: 'G1', weight: 1 },
        { code: 'G2', weight: 1 },
      ],
      imputation: 'none',
    });
    expect(t.subindices.G2).toEqual({ A: 0, B: null, C: 100 });
    expect(t.scores.find((s) => s.unit === 'B')!.score).toBe(50); // G1 only
  });

  it('geometric aggregation fails on zeros with a clear message unless shift: true', () => {
    expect(() => runIndex(small, { ...smallSpec, aggregation: 'geometric' })).toThrow(
      /aggregation 'geometric' needs positive inputs, but normalisation 'minmax' gives values down to 0.*"shift": true/,
    );
    const g = runIndex(small, { ...smallSpec, aggregation: 'geometric', shift: true });
    expect(g.shift).toBe(1);
    const s = Object.fromEntries(g.scores.map((x) => [x.unit, x.score!]));
    expect(s.A).toBeCloseTo(Math.cbrt(101), 12);
    expect(s.B).toBeCloseTo(51, 12);
    expect(s.C).toBeCloseTo(Math.cbrt(101 * 101), 12);
    const h = runIndex(small, { ...smallSpec, aggregation: 'harmonic', shift: true });
    expect(h.scores.find((x) => x.unit === 'A')!.score).toBeCloseTo(3 / (1 + 1 / 101 + 1), 12);
  });

  it('z-score, rank, target and goalposts normalisation in the pipeline', () => {
    const z = runIndex(small, { ...smallSpec, normalisation: { method: 'zscore' } });
    expect(z.normalised.A).toEqual({ i1: -1, i2: 1, i3: -1 }); // i3 after imputation: 5, 10, 15 (mean 10, sd 5)
    const rk = runIndex(small, { ...smallSpec, normalisation: { method: 'rank' } });
    expect(rk.normalised.C).toEqual({ i1: 100, i2: 0, i3: 100 });
    const tgt = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1, target: 25 },
        { code: 'i2', direction: -1, target: 1.5 },
        { code: 'i3', direction: 1, target: 15 },
      ],
      normalisation: { method: 'target', targetCap: true },
    });
    // i1: (x − 10)/(25 − 10); i2 (lower is better): (3 − x)/(3 − 1.5), capped at 1
    expect(tgt.normalised.A!.i1).toBe(0);
    expect(tgt.normalised.B!.i1).toBeCloseTo((10 / 15) * 100, 12);
    expect(tgt.normalised.C!.i1).toBe(100);
    expect(tgt.normalised.A!.i2).toBe(100);
    expect(tgt.normalised.B!.i2).toBeCloseTo((1 / 1.5) * 100, 12);
    expect(tgt.normalised.C!.i2).toBe(0);
    const gp = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1, goalposts: { lo: 0, hi: 40 } },
        { code: 'i2', direction: -1, goalposts: { lo: 0, hi: 4 } },
        { code: 'i3', direction: 1, goalposts: { lo: 10, hi: 20 } },
      ],
      normalisation: { method: 'goalposts' },
    });
    expect(gp.normalised.A).toEqual({ i1: 25, i2: 75, i3: 0 });
    expect(gp.normalised.C).toEqual({ i1: 75, i2: 25, i3: 50 });
  });

  it('ties in the index share the best rank', () => {
    const d = dataOf({ A: [1, 2], B: [2, 1], C: [2, 1], D: [0, 0] }, ['p', 'q']);
    const t = runIndex(d, {
      indicators: [
        { code: 'p', direction: 1 },
        { code: 'q', direction: 1 },
      ],
    });
    expect(Object.fromEntries(t.scores.map((s) => [s.unit, s.rank]))).toEqual({ A: 1, B: 1, C: 1, D: 4 });
  });
});

describe('degenerate data', () => {
  it('a zero-variance indicator and a unit with all values missing give a clear result, not NaN', () => {
    const d = dataOf({ A: [1, 5], B: [2, 5], C: [3, 5], E: [null, null] }, ['v', 'k']);
    const r = runIndex(d, {
      indicators: [
        { code: 'v', direction: 1 },
        { code: 'k', direction: 1 },
      ],
      screening: { minDataShare: 0 },
    });
    expect(r.screenedOut).toEqual([{ unit: 'E', name: 'Unit E', dataShare: 0 }]);
    expect(r.normalised.A!.k).toBe(50);
    expect(r.warnings).toEqual(['indicator "k" has the same value for every unit: min-max puts it at 50']);
    expect(r.scores.map((s) => s.score)).toEqual([75, 50, 25]);
    expect(hasNaN(r)).toBe(false);
    const z = runIndex(d, {
      indicators: [
        { code: 'v', direction: 1 },
        { code: 'k', direction: 1 },
      ],
      normalisation: { method: 'zscore' },
    });
    expect(z.normalised.B).toEqual({ v: 0, k: 0 });
    expect(hasNaN(z)).toBe(false);
  });

  it('an indicator with no values among the kept units drops out with a warning', () => {
    const d = dataOf({ A: [1, null], B: [2, null], C: [3, null] }, ['v', 'e']);
    const r = runIndex(d, {
      indicators: [
        { code: 'v', direction: 1 },
        { code: 'e', direction: 1 },
      ],
      screening: { minDataShare: 0.5 },
    });
    expect(r.normalised.A).toEqual({ v: 0, e: null });
    expect(r.scores.map((s) => s.score)).toEqual([100, 50, 0]);
    expect(r.warnings[0]).toMatch(/"e" has no values/);
    expect(r.outliers[1]).toEqual({ indicator: 'e', skew: null, kurtosis: null, failed: false, treatment: 'none' });
  });

  it('no unit passing screening gives an empty result', () => {
    const d = dataOf({ A: [null, 1, null] }, ['a', 'b', 'c']);
    const r = runIndex(d, {
      indicators: ['a', 'b', 'c'].map((code) => ({ code, direction: 1 as const })),
      uncertainty: { runs: 3, seed: 1 },
    });
    expect(r.scores).toEqual([]);
    expect(r.warnings).toContain('no unit passed screening');
    expect(r.uncertainty).toEqual({ runs: 3, seed: 1, perUnit: [], meanAbsoluteRankShift: 0 });
  });

  it('a target already met by every unit gives the top of the range', () => {
    const d = dataOf({ A: [5], B: [6] }, ['t']);
    const r = runIndex(d, { indicators: [{ code: 't', direction: 1, target: 4 }], normalisation: { method: 'target' } });
    expect(r.normalised).toEqual({ A: { t: 100 }, B: { t: 100 } });
    expect(r.warnings[0]).toMatch(/target met by every unit/);
  });
});

describe('uncertainty analysis', () => {
  const data = randomData(40, 6, 7);
  const spec: IndexSpecInput = {
    indicators: Array.from({ length: 6 }, (_, j) => ({ code: `x${j}`, direction: j === 2 ? -1 : 1, group: j < 3 ? 'P1' : 'P2' }) as const),
    tree: [
      { code: 'P1', weight: 1 },
      { code: 'P2', weight: 2 },
    ],
    shift: true,
    uncertainty: { runs: 200, seed: 11, normalisations: ['minmax', 'zscore', 'rank'], aggregations: ['arithmetic', 'geometric'] },
  };

  it('is reproducible with the same seed and differs with another', () => {
    const a = runIndex(data, spec);
    const b = runIndex(data, spec);
    const c = runIndex(data, { ...spec, uncertainty: { ...spec.uncertainty!, seed: 12 } });
    expect(b.uncertainty).toEqual(a.uncertainty);
    expect(c.uncertainty).not.toEqual(a.uncertainty);
    const u = a.uncertainty!;
    expect(u.perUnit).toHaveLength(40);
    expect(u.meanAbsoluteRankShift).toBeGreaterThan(0);
    for (const p of u.perUnit) {
      expect(p.p05).toBeLessThanOrEqual(p.median);
      expect(p.median).toBeLessThanOrEqual(p.p95);
      expect(p.p05).toBeGreaterThanOrEqual(1);
      expect(p.p95).toBeLessThanOrEqual(40);
      expect(a.scores.find((s) => s.unit === p.unit)!.rank).toBe(p.nominal);
    }
  });

  it('with no perturbation and the nominal methods only, every run reproduces the nominal ranks', () => {
    const r = runIndex(data, { ...spec, uncertainty: { runs: 20, seed: 1, weightPerturbation: 0 } });
    expect(r.uncertainty!.meanAbsoluteRankShift).toBe(0);
    for (const p of r.uncertainty!.perUnit) expect([p.p05, p.median, p.p95]).toEqual([p.nominal, p.nominal, p.nominal]);
  });

  it('fails whatever the seed when a listed combination cannot run', () => {
    expect(() => runIndex(data, { ...spec, shift: false })).toThrow(/^uncertainty: aggregation 'geometric' needs positive inputs/);
  });

  it('stores the resolved spec: re-running it (even through JSON) gives the same result', () => {
    const a = runIndex(data, spec);
    expect(a.spec.uncertainty).toEqual({
      runs: 200,
      seed: 11,
      weightPerturbation: 0.25,
      normalisations: ['minmax', 'zscore', 'rank'],
      aggregations: ['arithmetic', 'geometric'],
    });
    expect(a.spec.screening.minDataShare).toBeCloseTo(2 / 3, 15);
    expect(runIndex(data, JSON.parse(JSON.stringify(a.spec)) as IndexSpecInput)).toEqual(a);
  });
});

describe('spec validation', () => {
  const codes = ['a', 'b', 'c'];
  const base = () => ({
    indicators: [
      { code: 'a', direction: 1, weight: 1 },
      { code: 'b', direction: 1, group: 'G' },
      { code: 'c', direction: 1, group: 'G' },
    ] as Record<string, unknown>[],
    tree: [{ code: 'G', weight: 1 }] as Record<string, unknown>[],
  });
  const bad = (mutate: (s: ReturnType<typeof base> & Record<string, unknown>) => void) => {
    const s = base() as ReturnType<typeof base> & Record<string, unknown>;
    mutate(s);
    return () => resolveSpec(s, codes);
  };

  it('accepts a good spec and fills in defaults', () => {
    const s = resolveSpec(base(), codes);
    expect(s).toMatchObject({
      screening: { minDataShare: 2 / 3 },
      imputation: 'mean',
      outliers: { enabled: true, skew: 2, kurtosis: 3.5, maxWinsorised: 5 },
      normalisation: { method: 'minmax', range: [0, 100], targetCap: false },
      aggregation: 'arithmetic',
      shift: false,
    });
    expect(s.indicators[1]).toEqual({ code: 'b', direction: 1, weight: 1, group: 'G' });
  });

  it('names the offending field', () => {
    expect(bad((s) => (s.indicators[2]!.weight = -1))).toThrow('indicators[2].weight must be ≥ 0');
    expect(bad((s) => (s.indicators[0]!.direction = 0))).toThrow('indicators[0].direction must be 1 or -1');
    expect(bad((s) => (s.indicators[1]!.code = 'zz'))).toThrow('indicators[1].code "zz" is not an indicator of the data');
    expect(bad((s) => (s.indicators[1]!.code = 'a'))).toThrow('indicators[1].code "a" is listed twice');
    expect(bad((s) => (s.indicators[1]!.group = 'H'))).toThrow('indicators[1].group "H" is not a tree node');
    expect(bad((s) => (s.indicators[0]!.goalposts = { lo: 2, hi: 1 }))).toThrow(
      'indicators[0].goalposts.lo must be < indicators[0].goalposts.hi',
    );
    expect(bad((s) => (s.tree[0]!.weight = Number.NaN))).toThrow('tree[0].weight must be a finite number');
    expect(bad((s) => s.tree.push({ code: 'H', parent: 'X', weight: 1 }))).toThrow('tree[1].parent "X" is not a tree node');
    expect(bad((s) => s.tree.push({ code: 'H', parent: 'G', weight: 1 }))).toThrow('tree[1] "H" has no indicators or child nodes');
    expect(
      bad((s) => {
        s.tree = [
          { code: 'G', parent: 'H', weight: 1 },
          { code: 'H', parent: 'G', weight: 1 },
        ];
      }),
    ).toThrow(/tree\[0\]\.parent: the tree has a cycle/);
    expect(
      bad((s) => {
        s.indicators[1]!.weight = 0;
        s.indicators[2]!.weight = 0;
      }),
    ).toThrow('the weights under tree[0] "G" sum to 0 (indicators[1].weight, indicators[2].weight)');
    expect(bad((s) => (s.screening = { minDataShare: 1.5 }))).toThrow('screening.minDataShare must be between 0 and 1');
    expect(bad((s) => (s.imputation = 'mode'))).toThrow("imputation must be one of 'mean', 'median', 'none'");
    expect(bad((s) => (s.imputaton = 'mean'))).toThrow('spec.imputaton is not a known field');
    expect(bad((s) => (s.outliers = { maxWinsorised: 1.5 }))).toThrow('outliers.maxWinsorised must be an integer ≥ 0');
    expect(bad((s) => (s.normalisation = { method: 'log' }))).toThrow('normalisation.method must be one of');
    expect(bad((s) => (s.normalisation = { range: [100, 0] }))).toThrow('normalisation.range[0] must be < normalisation.range[1]');
    expect(bad((s) => (s.normalisation = { method: 'target' }))).toThrow("indicators[0].target is required by normalisation 'target'");
    expect(bad((s) => (s.aggregation = 'median'))).toThrow("aggregation must be one of 'arithmetic', 'geometric', 'harmonic'");
    expect(bad((s) => (s.uncertainty = { runs: 0, seed: 1 }))).toThrow('uncertainty.runs must be an integer');
    expect(bad((s) => (s.uncertainty = { runs: 5, seed: 1, weightPerturbation: 1 }))).toThrow(
      'uncertainty.weightPerturbation must be ≥ 0 and < 1',
    );
    expect(bad((s) => (s.uncertainty = { runs: 5, seed: 1, normalisations: ['minmax', 'goalposts'] }))).toThrow(
      "indicators[0].goalposts is required by normalisation 'goalposts'",
    );
    expect(bad((s) => (s.uncertainty = { runs: 5, seed: 1, aggregations: ['mean'] }))).toThrow(
      'uncertainty.aggregations[0] must be one of',
    );
  });

  it('rejects bad data values with their place', () => {
    const d = dataOf({ A: [1, 2, 3] }, codes);
    d.values.A!.b = Number.POSITIVE_INFINITY;
    expect(() => runIndex(d, { indicators: codes.map((code) => ({ code, direction: 1 as const })) })).toThrow(
      'data.values["A"]["b"] must be a finite number or null',
    );
  });
});
