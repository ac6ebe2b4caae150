/**
 * Statistical building blocks of the composite-index engine (composite.ts): moments, outlier treatment,
 * normalisers, weighted means, ranking, quantiles and the seeded PRNG. Pure functions, no dependencies.
 *
 * Missing values: the array helpers take `number[]` in which NaN (or null where the type says so) marks a
 * missing value; missing values are skipped and stay missing in the output.
 */
import { fromF64 } from './stats-normalise.js';

// ---------------------------------------------------------------------------------------------------------
// Moments (Excel SKEW / KURT, e1071 type 2, COINr skew() / kurt())
// ---------------------------------------------------------------------------------------------------------

function moments(xs: ArrayLike<number>): { n: number; m2: number; m3: number; m4: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (v === v) {
      n++;
      sum += v;
    }
  }
  const mean = n ? sum / n : 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (v === v) {
      const d = v - mean;
      const d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
  }
  return { n, m2, m3, m4 };
}

/** Relative variance below which a column counts as constant (guards against rounding residue). */
function isConstant(m2: number, xs: ArrayLike<number>): boolean {
  if (m2 === 0) return true;
  let scale = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (v === v && Math.abs(v) > scale) scale = Math.abs(v);
  }
  return m2 <= 1e-28 * scale * scale;
}

/**
 * Sample skewness, Excel SKEW: n / ((n-1)(n-2)) · Σ((x - x̄)/s)³ with the sample standard deviation s.
 * NaN entries are skipped. Needs at least 3 values (throws otherwise); a constant vector gives 0.
 */
export function skew(xs: ArrayLike<number>): number {
  const { n, m2, m3 } = moments(xs);
  if (n < 3) throw new RangeError(`skew needs at least 3 values, got ${n}`);
  if (isConstant(m2, xs)) return 0;
  // Σ((x-x̄)/s)³ = m3 / s³ with s² = m2 / (n-1)
  const s = Math.sqrt(m2 / (n - 1));
  return (n / ((n - 1) * (n - 2))) * (m3 / (s * s * s));
}

/**
 * Sample excess kurtosis, Excel KURT: n(n+1) / ((n-1)(n-2)(n-3)) · Σ((x - x̄)/s)⁴ − 3(n-1)² / ((n-2)(n-3)).
 * NaN entries are skipped. Needs at least 4 values (throws otherwise); a constant vector gives 0.
 */
export function kurtosis(xs: ArrayLike<number>): number {
  const { n, m2, m4 } = moments(xs);
  if (n < 4) throw new RangeError(`kurtosis needs at least 4 values, got ${n}`);
  if (isConstant(m2, xs)) return 0;
  const s2 = m2 / (n - 1);
  return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * (m4 / (s2 * s2)) - (3 * (n - 1) * (n - 1)) / ((n - 2) * (n - 3));
}

// ---------------------------------------------------------------------------------------------------------
// Outlier treatment (COINr Treat(): check_SkewKurt → winsorise → log transform of the original)
// ---------------------------------------------------------------------------------------------------------

export interface OutlierThresholds {
  /** An indicator fails when |skew| ≥ skew … */
  skew: number;
  /** … and kurtosis ≥ kurtosis. */
  kurtosis: number;
}

export interface OutlierTest {
  /** null when there are fewer than 4 values (the test needs kurtosis): such a column never fails. */
  skew: number | null;
  kurtosis: number | null;
  failed: boolean;
}

/** COINr check_SkewKurt: fails only if |skew| ≥ t.skew AND kurtosis ≥ t.kurtosis. NaN entries are skipped. */
export function outlierTest(xs: ArrayLike<number>, t: OutlierThresholds): OutlierTest {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i] === xs[i]) n++;
  if (n < 4) return { skew: null, kurtosis: null, failed: false };
  const sk = skew(xs);
  const ku = kurtosis(xs);
  return { skew: sk, kurtosis: ku, failed: Math.abs(sk) >= t.skew && ku >= t.kurtosis };
}

export interface WinsoriseResult {
  values: number[];
  /** How many distinct points now hold a value other than their original one. */
  points: number;
  /** Whether the final values pass the outlier test. */
  passed: boolean;
  skew: number | null;
  kurtosis: number | null;
}

/**
 * COINr winsorise(): while the vector fails the test, set the most extreme point on the side of the skew
 * (the maximum when skew ≥ 0, else the minimum) to the next value on that side, and re-test. Points tied at
 * the extreme move together (moving one of two equal maxima to the other's value would change nothing), and
 * each distinct point changed counts once towards maxPoints. A step that would take the count above maxPoints
 * is not made. NaN entries are skipped and kept.
 */
export function winsorise(xs: readonly number[], opts: OutlierThresholds & { maxPoints: number }): WinsoriseResult {
  const x = xs.slice();
  const changed = new Uint8Array(x.length);
  let points = 0;
  for (;;) {
    const t = outlierTest(x, opts);
    if (!t.failed) return { values: x, points, passed: true, skew: t.skew, kurtosis: t.kurtosis };
    const high = t.skew! >= 0;
    let extreme = high ? -Infinity : Infinity;
    for (const v of x) if (v === v && (high ? v > extreme : v < extreme)) extreme = v;
    let next = high ? -Infinity : Infinity;
    let fresh = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (v !== v) continue;
      if (v === extreme) {
        if (!changed[i]) fresh++;
      } else if (high ? v > next : v < next) next = v;
    }
    if (!Number.isFinite(next) || points + fresh > opts.maxPoints) {
      return { values: x, points, passed: false, skew: t.skew, kurtosis: t.kurtosis };
    }
    for (let i = 0; i < x.length; i++) {
      if (x[i] === extreme) {
        x[i] = next;
        changed[i] = 1;
      }
    }
    points += fresh;
  }
}

/**
 * COINr's (original COIN Tool) log transform: ln(x − min + 1) for a positive skew, and the mirrored
 * −ln(max − x + 1) for a negative skew (keeps the order of the values). NaN entries stay NaN.
 */
export function logTransform(xs: readonly number[], skewSign: 1 | -1): number[] {
  const f = logMap(xs, skewSign);
  return xs.map((v) => (v === v ? f(v) : NaN));
}

/**
 * The monotone map behind logTransform, extended linearly outside the data (slope 1, continuous with the log
 * at the data's edge) so that targets and goalposts outside the observed range still map to finite values.
 */
export function logMap(xs: ArrayLike<number>, skewSign: 1 | -1): (v: number) => number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (v === v) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (skewSign >= 0) return (v) => (v >= min ? Math.log(v - min + 1) : v - min);
  return (v) => (v <= max ? -Math.log(max - v + 1) : v - max);
}

export interface OutlierTreatment {
  values: number[];
  skew: number | null;
  kurtosis: number | null;
  failed: boolean;
  treatment: 'none' | 'winsorised' | 'log';
  /** Winsorised points (treatment 'winsorised' only). */
  points?: number;
  /** Skew and kurtosis after the treatment (absent when treatment is 'none'). */
  skewAfter?: number | null;
  kurtosisAfter?: number | null;
  /** The map applied to every value (identity unless log), used to carry targets and goalposts along. */
  map: (v: number) => number;
}

/**
 * The full COINr treatment of one column: test; if it fails, winsorise up to maxWinsorised points; if that
 * does not pass, revert to the original values and log-transform them instead.
 */
export function treatOutliers(xs: readonly number[], opts: OutlierThresholds & { maxWinsorised: number }): OutlierTreatment {
  const t = outlierTest(xs, opts);
  const identity = (v: number) => v;
  if (!t.failed) return { values: xs.slice(), ...t, treatment: 'none', map: identity };
  const w = winsorise(xs, { ...opts, maxPoints: opts.maxWinsorised });
  if (w.passed) {
    return {
      values: w.values,
      ...t,
      treatment: 'winsorised',
      points: w.points,
      skewAfter: w.skew,
      kurtosisAfter: w.kurtosis,
      map: identity,
    };
  }
  const sign = t.skew! >= 0 ? 1 : -1;
  const map = logMap(xs, sign);
  const values = xs.map((v) => (v === v ? map(v) : NaN));
  const after = outlierTest(values, opts);
  return { values, ...t, treatment: 'log', skewAfter: after.skew, kurtosisAfter: after.kurtosis, map };
}
// Normalisers: stats-normalise.ts
export {
  distanceToTarget,
  distanceToTargetInto,
  goalposts,
  goalpostsInto,
  minMax,
  minMaxInto,
  rankNormalise,
  rankNormaliseInto,
  zScore,
  zScoreInto,
  type Range,
} from './stats-normalise.js';

// ---------------------------------------------------------------------------------------------------------
// Weighted means (missing values drop out, the remaining weights are rescaled)
// ---------------------------------------------------------------------------------------------------------

function present(xs: readonly (number | null)[], ws: readonly number[], name: string): { x: number[]; w: number[] } {
  if (xs.length !== ws.length) throw new RangeError(`${name}: ${xs.length} values but ${ws.length} weights`);
  const x: number[] = [];
  const w: number[] = [];
  xs.forEach((v, i) => {
    if (v !== null && v === v) {
      x.push(v);
      w.push(ws[i]!);
    }
  });
  return { x, w };
}

const equal = (n: number) => new Array<number>(n).fill(1);

/** Σwx / Σw over the present values; null when no value (or only zero weights) is present. */
export function weightedArithmeticMean(xs: readonly (number | null)[], ws: readonly number[] = equal(xs.length)): number | null {
  const { x, w } = present(xs, ws, 'weightedArithmeticMean');
  let a = 0;
  let s = 0;
  x.forEach((v, i) => {
    a += w[i]! * v;
    s += w[i]!;
  });
  return s > 0 ? a / s : null;
}

/** exp(Σw·ln x / Σw) over the present values; throws for a value ≤ 0. */
export function weightedGeometricMean(xs: readonly (number | null)[], ws: readonly number[] = equal(xs.length)): number | null {
  const { x, w } = present(xs, ws, 'weightedGeometricMean');
  let a = 0;
  let s = 0;
  x.forEach((v, i) => {
    if (!(v > 0)) throw new RangeError(`weightedGeometricMean needs positive values, got ${v}`);
    a += w[i]! * Math.log(v);
    s += w[i]!;
  });
  return s > 0 ? Math.exp(a / s) : null;
}

/** Σw / Σ(w/x) over the present values; throws for a value ≤ 0. */
export function weightedHarmonicMean(xs: readonly (number | null)[], ws: readonly number[] = equal(xs.length)): number | null {
  const { x, w } = present(xs, ws, 'weightedHarmonicMean');
  let a = 0;
  let s = 0;
  x.forEach((v, i) => {
    if (!(v > 0)) throw new RangeError(`weightedHarmonicMean needs positive values, got ${v}`);
    a += w[i]! / v;
    s += w[i]!;
  });
  return s > 0 ? s / a : null;
}

// ---------------------------------------------------------------------------------------------------------
// Ranking with ties sharing the best rank (1, 1, 3)
// ---------------------------------------------------------------------------------------------------------

/**
 * Two values tie when they differ by at most TIE_TOLERANCE · max(1, |larger|): scores that are equal in exact
 * arithmetic but were summed in a different order still share a rank. Ties are grouped from the top: each
 * group starts at its best value and takes every value within the tolerance of that value.
 */
export const TIE_TOLERANCE = 1e-9;

/** Scratch buffers for rankInto, so the hot loop allocates nothing. */
export interface RankScratch {
  sorted: Float64Array;
  rankAt: Float64Array;
}

export const rankScratch = (n: number): RankScratch => ({ sorted: new Float64Array(n), rankAt: new Float64Array(n) });

/** Competition ranks (higher value = rank 1, ties share the best rank) of values[0..n) into out; NaN → NaN. */
export function rankInto(values: Float64Array, n: number, out: Float64Array, scratch: RankScratch): void {
  const sorted = scratch.sorted.subarray(0, n);
  sorted.set(values.subarray(0, n));
  sorted.sort(); // ascending, NaN last
  let m = n;
  while (m > 0 && sorted[m - 1]! !== sorted[m - 1]!) m--;
  const rankAt = scratch.rankAt;
  let leader = NaN;
  let rank = 0;
  for (let k = 0; k < m; k++) {
    const p = m - 1 - k;
    const v = sorted[p]!;
    if (k === 0 || leader - v > TIE_TOLERANCE * Math.max(1, Math.abs(leader))) {
      leader = v;
      rank = k + 1;
    }
    rankAt[p] = rank;
  }
  for (let u = 0; u < n; u++) {
    const v = values[u]!;
    if (v !== v) {
      out[u] = NaN;
      continue;
    }
    let a = 0;
    let b = m;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sorted[mid]! < v) a = mid + 1;
      else b = mid;
    }
    out[u] = rankAt[a]!;
  }
}

/** Competition ranks: rank 1 for the highest value (lowest when higherIsBetter is false); null stays null. */
export function rankWithTies(values: readonly (number | null)[], higherIsBetter = true): (number | null)[] {
  const a = Float64Array.from(values, (v) => (v === null ? NaN : higherIsBetter ? v : -v));
  const out = new Float64Array(a.length);
  rankInto(a, a.length, out, rankScratch(a.length));
  return fromF64(out);
}

// ---------------------------------------------------------------------------------------------------------
// Quantiles and PRNG
// ---------------------------------------------------------------------------------------------------------

/**
 * Quantile of sorted (ascending) values, type 7 (R's default, Excel PERCENTILE.INC): h = (n − 1)·p,
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with 0-based x.
 */
export function quantile7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** mulberry32: a small, fast 32-bit seeded PRNG; returns uniform numbers in [0, 1). Same seed ⇒ same stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
