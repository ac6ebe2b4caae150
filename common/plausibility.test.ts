import { describe, expect, it } from 'vitest';
import { isEarlierSamePeriod, latestEarlier, plausibility } from './plausibility.js';

describe('plausibility of a figure', () => {
  it('a 万元 figure typed into a 亿元 field is read as the wrong unit, with the figure it should be', () => {
    expect(plausibility(3_020_000, '亿元', { period: '2024', value: 301.27 }, 10)).toEqual({
      code: 'dv_wrong_unit',
      ratio: 3_020_000 / 301.27,
      likelyUnit: '万元',
      corrected: 302,
    });
    // The other way round: an 亿元 figure in a 万元 field.
    expect(plausibility(0.3, '万元', { period: '2024', value: 3005 }, 10)).toMatchObject({ code: 'dv_wrong_unit', likelyUnit: '亿元' });
    // 人 in a 万人 field.
    expect(plausibility(650_000, '万人', { period: '2024', value: 65 }, 10)).toMatchObject({ code: 'dv_wrong_unit', likelyUnit: '人' });
  });

  it('a change beyond the factor is a jump; within it nothing; the factor is the installation’s', () => {
    expect(plausibility(100, '家', { period: '2020', value: 8 }, 10)).toEqual({ code: 'dv_jump', ratio: 12.5, factor: 10 });
    expect(plausibility(0.5, '家', { period: '2020', value: 8 }, 10)).toMatchObject({ code: 'dv_jump', factor: 10 });
    expect(plausibility(70, '家', { period: '2020', value: 8 }, 10)).toBeNull();
    expect(plausibility(70, '家', { period: '2020', value: 8 }, 5)).toMatchObject({ code: 'dv_jump', factor: 5 });
    expect(plausibility(330, '亿元', { period: '2024', value: 301.27 }, 10)).toBeNull();
  });

  it('without a previous value: magnitudes no county reaches are questioned, ordinary ones not', () => {
    expect(plausibility(3_020_000, '亿元', null, 10)).toEqual({ code: 'dv_magnitude', typicalMax: 100_000 });
    expect(plausibility(301.27, '亿元', null, 10)).toBeNull();
    expect(plausibility(3_000_000_000, '人', null, 10)).toMatchObject({ code: 'dv_magnitude' });
    expect(plausibility(650_000, '人', null, 10)).toBeNull();
    expect(plausibility(99, '%', null, 10)).toBeNull();
    expect(plausibility(5, '万户', null, 10)).toBeNull();
    // A previous value of zero or of the other sign says nothing about the magnitude: the kind's bound applies.
    expect(plausibility(12, '家', { period: '2020', value: 0 }, 10)).toBeNull();
    expect(plausibility(0, '家', { period: '2020', value: 80 }, 10)).toBeNull();
  });
});

describe('the previous value of a period', () => {
  it('an earlier year for a year, the same quarter or month of an earlier year otherwise', () => {
    expect(isEarlierSamePeriod('2025', '2024')).toBe(true);
    expect(isEarlierSamePeriod('2025', '2025')).toBe(false);
    expect(isEarlierSamePeriod('2025', '2026')).toBe(false);
    expect(isEarlierSamePeriod('2025Q3', '2024Q3')).toBe(true);
    expect(isEarlierSamePeriod('2025Q3', '2025Q2')).toBe(false);
    expect(isEarlierSamePeriod('2025Q3', '2024')).toBe(false);
    expect(isEarlierSamePeriod('202509', '202409')).toBe(true);
    expect(isEarlierSamePeriod('202509', '202408')).toBe(false);
  });

  it('the latest such period, e.g. 2020 when 2021–2024 were never entered', () => {
    const values = [
      { period: '2019', value: 1 },
      { period: '2020', value: 2 },
      { period: '2026', value: 9 },
      { period: '2024Q1', value: 5 },
    ];
    expect(latestEarlier('2025', values)).toEqual({ period: '2020', value: 2 });
    expect(latestEarlier('2025Q1', values)).toEqual({ period: '2024Q1', value: 5 });
    expect(latestEarlier('2019', values)).toBeNull();
  });
});
