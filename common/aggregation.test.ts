import { describe, expect, it } from 'vitest';
import { annualize, parsePeriod, rollup } from './aggregation.js';

describe('periods', () => {
  it('parses years, quarters and months', () => {
    expect(parsePeriod('2025')).toEqual({ year: 2025, kind: 'year', index: 0 });
    expect(parsePeriod('2025Q3')).toEqual({ year: 2025, kind: 'quarter', index: 3 });
    expect(parsePeriod('202509')).toEqual({ year: 2025, kind: 'month', index: 9 });
    expect(parsePeriod('2025Q5')).toBeNull();
    expect(parsePeriod('202513')).toBeNull();
  });
});

describe('annualize', () => {
  const q = [
    { period: '2024Q1', value: 1 },
    { period: '2024Q2', value: 2 },
    { period: '2024Q4', value: 4 },
    { period: '2024Q3', value: 3 },
  ];
  it('sums flows and takes the last quarter of stocks', () => {
    expect(annualize(q, 'sum').get(2024)).toBe(10);
    expect(annualize(q, 'last').get(2024)).toBe(4);
    expect(annualize(q, 'max').get(2024)).toBe(4);
    expect(annualize(q, 'none').has(2024)).toBe(false);
  });
  it('an annual value wins over its quarters', () => {
    expect(annualize([...q, { period: '2024', value: 99 }], 'sum').get(2024)).toBe(99);
  });
});

describe('rollup over the hierarchy', () => {
  const units = [
    { code: 'county', parentCode: null },
    { code: 'townA', parentCode: 'county' },
    { code: 'townB', parentCode: 'county' },
    { code: 'park', parentCode: 'county' },
  ];
  const own = (entries: [string, number, number][]) => {
    const m = new Map<string, Map<number, number>>();
    for (const [ou, y, v] of entries) m.set(ou, new Map([...(m.get(ou) ?? []), [y, v]]));
    return m;
  };
  it('sums towns into the county; a county-level figure wins', () => {
    const r = rollup(
      units,
      own([
        ['townA', 2024, 3],
        ['townB', 2024, 4],
        ['townA', 2023, 1],
        ['county', 2023, 10],
      ]),
      'sum',
    );
    expect(r.get('county')!.get(2024)).toBe(7);
    expect(r.get('county')!.get(2023)).toBe(10);
    expect(r.get('park')!.size).toBe(0);
  });
  it('ranks are never combined', () => {
    const r = rollup(units, own([['townA', 2024, 3]]), 'none');
    expect(r.get('county')).toBeUndefined();
  });
  it('ratio of sums, not average of ratios: 1/10 and 9/10 give 50 %, not 50 % by chance of equal weights', () => {
    const num = rollup(
      units,
      own([
        ['townA', 2024, 1],
        ['townB', 2024, 90],
      ]),
      'sum',
    );
    const den = rollup(
      units,
      own([
        ['townA', 2024, 10],
        ['townB', 2024, 100],
      ]),
      'sum',
    );
    const ratio = (num.get('county')!.get(2024)! / den.get('county')!.get(2024)!) * 100;
    expect(ratio).toBeCloseTo(82.7273, 4); // (1+90)/(10+100); the mean of 10 % and 90 % would be 50 %
  });
});
