/**
 * Normalisers of the composite-index engine (re-exported by stats.ts): column-wise in place on typed arrays,
 * and their public array wrappers. NaN (or null) marks a missing value, which stays missing.
 */

// ---------------------------------------------------------------------------------------------------------
// Normalisers (column-wise, in place on typed arrays; public array wrappers below)
// ---------------------------------------------------------------------------------------------------------

export type Range = readonly [number, number];

/** Min-max onto [lo, hi]. A constant column maps to the middle of the range. Returns true if it is constant. */
export function minMaxInto(src: Float64Array, off: number, n: number, out: Float64Array, range: Range): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (let i = off; i < off + n; i++) {
    const v = src[i]!;
    if (v === v) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const [lo, hi] = range;
  const span = max - min;
  if (!(span > 0)) {
    for (let i = off; i < off + n; i++) out[i] = src[i] === src[i] ? (lo + hi) / 2 : NaN;
    return min === max;
  }
  const k = (hi - lo) / span;
  for (let i = off; i < off + n; i++) out[i] = lo + (src[i]! - min) * k;
  return false;
}

/** Plain z-score (mean 0, sample sd 1). A constant column (or a single value) maps to 0; returns true then. */
export function zScoreInto(src: Float64Array, off: number, n: number, out: Float64Array): boolean {
  let m = 0;
  let sum = 0;
  for (let i = off; i < off + n; i++) {
    const v = src[i]!;
    if (v === v) {
      m++;
      sum += v;
    }
  }
  const mean = sum / m;
  let ss = 0;
  for (let i = off; i < off + n; i++) {
    const v = src[i]!;
    if (v === v) ss += (v - mean) * (v - mean);
  }
  const sd = m > 1 ? Math.sqrt(ss / (m - 1)) : 0;
  if (!(sd > 0) || sd <= 1e-14 * Math.abs(mean)) {
    for (let i = off; i < off + n; i++) out[i] = src[i] === src[i] ? 0 : NaN;
    return m > 0;
  }
  for (let i = off; i < off + n; i++) out[i] = (src[i]! - mean) / sd;
  return false;
}

/**
 * COINr n_dist2targ: (x − min) / (target − min), i.e. 1 − (target − x)/(target − min); values beyond the
 * target exceed 1 unless capped. When the target does not exceed the minimum, every unit has met it: 1.
 * The result is then scaled onto range (the [0, 1] fraction maps to [lo, hi]). Returns true when every unit
 * had already met the target.
 */
export function distanceToTargetInto(
  src: Float64Array,
  off: number,
  n: number,
  out: Float64Array,
  target: number,
  cap: boolean,
  range: Range,
): boolean {
  let min = Infinity;
  for (let i = off; i < off + n; i++) {
    const v = src[i]!;
    if (v === v && v < min) min = v;
  }
  const [lo, hi] = range;
  const den = target - min;
  if (!(den > 0)) {
    for (let i = off; i < off + n; i++) out[i] = src[i] === src[i] ? hi : NaN;
    return min !== Infinity;
  }
  for (let i = off; i < off + n; i++) {
    let y = (src[i]! - min) / den;
    if (cap && y > 1) y = 1;
    out[i] = lo + y * (hi - lo);
  }
  return false;
}

/** Goalposts: (x − gLo)/(gHi − gLo) clipped to [0, 1], scaled onto range. */
export function goalpostsInto(src: Float64Array, off: number, n: number, out: Float64Array, gLo: number, gHi: number, range: Range): void {
  const [lo, hi] = range;
  const k = 1 / (gHi - gLo);
  for (let i = off; i < off + n; i++) {
    let y = (src[i]! - gLo) * k;
    if (y < 0) y = 0;
    else if (y > 1) y = 1;
    out[i] = lo + y * (hi - lo); // NaN stays NaN
  }
}

/**
 * Rank normalisation: ascending fractional rank r (ties get the average of their ranks, so a direction flip
 * mirrors the result exactly) scaled as lo + (r − 1)/(m − 1)·(hi − lo) over the m non-missing values.
 * A constant column (or a single value) maps to the middle of the range; returns true then.
 */
export function rankNormaliseInto(src: Float64Array, off: number, n: number, out: Float64Array, range: Range): boolean {
  const idx: number[] = [];
  for (let i = off; i < off + n; i++) {
    if (src[i] === src[i]) idx.push(i);
    else out[i] = NaN;
  }
  idx.sort((a, b) => src[a]! - src[b]!);
  const m = idx.length;
  const [lo, hi] = range;
  let distinct = 0;
  for (let k = 0; k < m;) {
    let e = k;
    while (e + 1 < m && src[idx[e + 1]!] === src[idx[k]!]) e++;
    const r = (k + e) / 2 + 1; // average rank of positions k..e (1-based)
    const y = m > 1 ? lo + ((r - 1) / (m - 1)) * (hi - lo) : (lo + hi) / 2;
    for (let q = k; q <= e; q++) out[idx[q]!] = y;
    distinct++;
    k = e + 1;
  }
  return distinct === 1;
}

const toF64 = (xs: readonly (number | null)[]) => Float64Array.from(xs, (v) => (v === null ? NaN : v));
export const fromF64 = (a: Float64Array): (number | null)[] => Array.from(a, (v) => (v === v ? v : null));

/** Min-max onto range (default [0, 100]); null = missing. */
export function minMax(xs: readonly (number | null)[], range: Range = [0, 100]): (number | null)[] {
  const a = toF64(xs);
  minMaxInto(a, 0, a.length, a, range);
  return fromF64(a);
}

/** Plain z-score (sample sd); null = missing. */
export function zScore(xs: readonly (number | null)[]): (number | null)[] {
  const a = toF64(xs);
  zScoreInto(a, 0, a.length, a);
  return fromF64(a);
}

/** COINr n_dist2targ as a fraction: (x − min)/(target − min), capped at 1 when cap. range defaults to [0, 1]. */
export function distanceToTarget(xs: readonly (number | null)[], target: number, cap = false, range: Range = [0, 1]): (number | null)[] {
  const a = toF64(xs);
  distanceToTargetInto(a, 0, a.length, a, target, cap, range);
  return fromF64(a);
}

/** Goalposts: (x − lo)/(hi − lo) clipped to [0, 1], scaled onto range (default [0, 100]). */
export function goalposts(xs: readonly (number | null)[], posts: { lo: number; hi: number }, range: Range = [0, 100]): (number | null)[] {
  const a = toF64(xs);
  goalpostsInto(a, 0, a.length, a, posts.lo, posts.hi, range);
  return fromF64(a);
}

/** Rank normalisation onto range (default [0, 100]), average ranks for ties; null = missing. */
export function rankNormalise(xs: readonly (number | null)[], range: Range = [0, 100]): (number | null)[] {
  const a = toF64(xs);
  rankNormaliseInto(a, 0, a.length, a, range);
  return fromF64(a);
}
