/** Data sets shared by the composite-index tests. */
import { mulberry32, type IndexData, type IndexSpecInput } from './index.js';

/** Builds IndexData from rows of values keyed by unit code. */
export function dataOf(rows: Record<string, (number | null)[]>, indicatorCodes: string[]): IndexData {
  return {
    units: Object.keys(rows).map((code) => ({ code, name: `Unit ${code}` })),
    indicators: indicatorCodes.map((code) => ({ code, nameZh: code, nameEn: code })),
    values: Object.fromEntries(
      Object.entries(rows).map(([u, vs]) => [u, Object.fromEntries(indicatorCodes.map((c, j) => [c, vs[j] ?? null]))]),
    ),
  };
}

/** A, B, C pass screening; D (1 of 3 values) does not. i2 is lower-is-better. */
export const small = dataOf(
  {
    A: [10, 1, 5],
    B: [20, 2, null],
    C: [30, 3, 15],
    D: [null, null, 10],
  },
  ['i1', 'i2', 'i3'],
);
export const smallSpec: IndexSpecInput = {
  indicators: [
    { code: 'i1', direction: 1 },
    { code: 'i2', direction: -1 },
    { code: 'i3', direction: 1 },
  ],
};

export function hasNaN(v: unknown): boolean {
  if (typeof v === 'number') return Number.isNaN(v);
  if (Array.isArray(v)) return v.some(hasNaN);
  if (v && typeof v === 'object') return Object.values(v).some(hasNaN);
  return false;
}

export function randomData(units: number, inds: number, seed: number): IndexData {
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
