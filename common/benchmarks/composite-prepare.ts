/** Steps 1–4 of the composite index (screening, imputation, outliers, direction): computed once per run. */
import { fail } from './composite-fields.js';
import type { IndexData, IndexResult, IndexSpec, OutlierReport } from './composite-types.js';
import { outlierTest, quantile7, treatOutliers } from './stats.js';

export interface Prepared {
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

/** What steps 1–4 give runIndex: the prepared matrices and what they report. */
export interface Preparation {
  prep: Prepared;
  n: number;
  screenedOut: IndexResult['screenedOut'];
  imputed: IndexResult['imputed'];
  outliers: OutlierReport[];
}

/** 1. screening: the units kept and the matrix of their values, indicator-major. */
function screen(data: IndexData, spec: IndexSpec, warnings: string[]) {
  const inds = spec.indicators;
  const nInd = inds.length;
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
  return { kept, screenedOut, n, X };
}

/** 2. imputation: fills X's missing values in place; raw keeps the unimputed values × direction. */
function impute(data: IndexData, spec: IndexSpec, kept: number[], n: number, X: Float64Array, warnings: string[]) {
  const inds = spec.indicators;
  const nInd = inds.length;
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
  return { raw, imputed };
}

/** 3. outliers and 4. direction: treats and flips X in place; maps targets and goalposts the same way. */
function treatAndFlip(spec: IndexSpec, n: number, X: Float64Array) {
  const inds = spec.indicators;
  const nInd = inds.length;
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
  return { outliers, targets, postsLo, postsHi };
}

/** Steps 1–4, in order; warnings are appended to `warnings`. */
export function prepare(data: IndexData, spec: IndexSpec, warnings: string[]): Preparation {
  const { kept, screenedOut, n, X } = screen(data, spec, warnings);
  const { raw, imputed } = impute(data, spec, kept, n, X, warnings);
  const { outliers, targets, postsLo, postsHi } = treatAndFlip(spec, n, X);
  return { prep: { kept, X, raw, targets, postsLo, postsHi }, n, screenedOut, imputed, outliers };
}
