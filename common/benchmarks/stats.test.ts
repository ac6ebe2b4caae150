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
  runIndex,
  skew,
  treatOutliers,
  weightedArithmeticMean,
  weightedGeometricMean,
  weightedHarmonicMean,
  winsorise,
  zScore,
} from './index.js';
import { dataOf } from './composite.fixtures.js';

const COINR_X = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
const T = { skew: 2, kurtosis: 3.5 };

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
