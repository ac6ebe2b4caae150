/** Normalisation of the prepared indicator matrix and its transform for geometric / harmonic aggregation. */
import type { AggregationMethod, NormalisationMethod } from '../values/benchmarks.js';
import { fail } from './composite-fields.js';
import type { Prepared } from './composite-prepare.js';
import type { NormalisationSpec } from './composite-types.js';
import { distanceToTargetInto, goalpostsInto, minMaxInto, rankNormaliseInto, zScoreInto } from './stats.js';

export function normaliseMatrix(
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
export function aggregationInput(
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
