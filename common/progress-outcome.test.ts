import { describe, expect, it } from 'vitest';
import { roundTo, shareOfWay, verdict } from './progress-outcome.js';
import type { ProgressInput } from './progress.js';

// 科技型企业: 212 in 2020, target 400 in 2025 (表1 No. 5).
const techEnterprises = (series: ProgressInput['series'], extra: Partial<ProgressInput> = {}): ProgressInput => ({
  direction: 'increase',
  baseline: { year: 2020, value: 212 },
  target: { year: 2025, value: 400 },
  series: [{ year: 2020, value: 212 }, ...series],
  ...extra,
});
// 科技进步综合水平位次: rank 36 in 2020, target 30 in 2025, lower is better (表1 No. 1).
const rank = (series: ProgressInput['series'], extra: Partial<ProgressInput> = {}): ProgressInput => ({
  direction: 'decrease',
  rank: true,
  baseline: { year: 2020, value: 36 },
  target: { year: 2025, value: 30 },
  series,
  ...extra,
});

describe('share of the way (y − y₀) ÷ (y_T − y₀), shown clipped to 0–100 %', () => {
  it('an increasing target: 300 of 212 → 400 is 88 ÷ 188 = 46.8 %', () => {
    const s = shareOfWay(techEnterprises([{ year: 2023, value: 300 }]))!;
    expect(s).toMatchObject({ basis: 'baseline', clipped: null, year: 2023 });
    expect(s.value).toBeCloseTo(88 / 188, 12);
    expect(s.raw).toBe(s.value);
  });

  it('a decreasing target uses the same formula: rank 34 of 36 → 30 is −2 ÷ −6 = 1/3', () => {
    const s = shareOfWay(rank([{ year: 2022, value: 34 }]))!;
    expect(s.basis).toBe('baseline');
    expect(s.value).toBeCloseTo(1 / 3, 12);
    // Worse than the baseline: moved away from the target, shown as 0 and said so.
    expect(shareOfWay(rank([{ year: 2022, value: 38 }]))).toMatchObject({ value: 0, raw: -1 / 3, clipped: 'backwards' });
  });

  it('reached exactly is 100 %; overshoot is shown as 100 % with the raw share kept', () => {
    expect(shareOfWay(techEnterprises([{ year: 2024, value: 400 }]))).toMatchObject({ value: 1, raw: 1, clipped: null });
    const over = shareOfWay(techEnterprises([{ year: 2024, value: 494 }]))!;
    expect(over).toMatchObject({ value: 1, clipped: 'overshoot' });
    expect(over.raw).toBeCloseTo(1.5, 12);
    expect(shareOfWay(rank([{ year: 2024, value: 27 }]))).toMatchObject({ value: 1, raw: 1.5, clipped: 'overshoot' });
  });

  it('only the baseline year known: 0 % of the way, even when that year’s figure differs from the stated baseline', () => {
    expect(shareOfWay(techEnterprises([]))).toMatchObject({ value: 0, raw: 0, clipped: null, year: 2020 });
    expect(shareOfWay({ ...techEnterprises([]), series: [{ year: 2020, value: 180 }] })).toMatchObject({ value: 0, raw: 0 });
    expect(shareOfWay({ ...techEnterprises([]), series: [{ year: 2019, value: 180 }] })).toBeNull();
  });

  it('no baseline, an increase: measured from zero (the plan’s 完成率), 130 of 260 is 50 %', () => {
    const input: ProgressInput = {
      direction: 'increase',
      baseline: null,
      target: { year: 2025, value: 260, comparator: '>=' },
      series: [{ year: 2024, value: 130 }],
    };
    expect(shareOfWay(input)).toEqual({ value: 0.5, raw: 0.5, basis: 'from_zero', clipped: null, year: 2024 });
    expect(shareOfWay({ ...input, series: [{ year: 2024, value: 390 }] })).toMatchObject({ value: 1, raw: 1.5, clipped: 'overshoot' });
  });

  it('no baseline, a decrease: target ÷ value (逆向指标), 30 ÷ 40 = 75 %; at or under the target 100 %', () => {
    const input: ProgressInput = {
      direction: 'decrease',
      baseline: null,
      target: { year: 2025, value: 30 },
      series: [{ year: 2024, value: 40 }],
    };
    expect(shareOfWay(input)).toEqual({ value: 0.75, raw: 0.75, basis: 'target_over_actual', clipped: null, year: 2024 });
    expect(shareOfWay({ ...input, series: [{ year: 2024, value: 24 }] })).toMatchObject({ value: 1, raw: 1.25, clipped: 'overshoot' });
    expect(shareOfWay({ ...input, series: [{ year: 2024, value: 0 }] })).toBeNull();
  });

  it('nothing to measure: no target, no value, or a value only after asOf', () => {
    expect(shareOfWay({ ...techEnterprises([{ year: 2023, value: 300 }]), target: null })).toBeNull();
    expect(shareOfWay({ ...techEnterprises([]), series: [] })).toBeNull();
    expect(shareOfWay({ ...techEnterprises([{ year: 2023, value: 300 }]), asOf: 2022 })).toMatchObject({ year: 2020, value: 0 });
  });

  it('a target equal to its baseline is all the way once met, none of it before', () => {
    const flat: ProgressInput = { direction: 'increase', baseline: { year: 2020, value: 5 }, target: { year: 2025, value: 5 }, series: [] };
    expect(shareOfWay({ ...flat, series: [{ year: 2022, value: 5 }] })).toMatchObject({ value: 1 });
    expect(shareOfWay({ ...flat, series: [{ year: 2022, value: 4 }] })).toMatchObject({ value: 0 });
  });
});

describe('verdict once the target year is over', () => {
  const after = { decimals: 0, currentYear: 2026 };

  it('none while the target year runs, nor for a view of an earlier year', () => {
    expect(verdict({ ...techEnterprises([{ year: 2025, value: 420 }]), decimals: 0, currentYear: 2025 })).toBeNull();
    expect(verdict({ ...techEnterprises([{ year: 2023, value: 300 }]), asOf: 2024, ...after })).toBeNull();
    expect(verdict({ ...techEnterprises([]), target: null, ...after })).toBeNull();
  });

  it('an increasing target missed: 345 against 400 is not achieved, 55 short', () => {
    expect(verdict({ ...techEnterprises([{ year: 2025, value: 345 }]), asOf: 2025, ...after })).toEqual({
      outcome: 'not_achieved',
      targetYear: 2025,
      target: 400,
      comparator: '=',
      value: 345,
      valueYear: 2025,
      gap: 55,
    });
  });

  it('reached and overshot: achieved, the gap is the margin beyond the target', () => {
    expect(verdict({ ...techEnterprises([{ year: 2025, value: 400 }]), ...after })).toMatchObject({ outcome: 'achieved', gap: 0 });
    expect(verdict({ ...techEnterprises([{ year: 2025, value: 431 }]), ...after })).toMatchObject({ outcome: 'achieved', gap: 31 });
  });

  it('a decreasing rank: 28 against 30 achieved by 2 places; 33 not achieved, 3 places short', () => {
    expect(verdict({ ...rank([{ year: 2025, value: 28 }]), ...after })).toMatchObject({ outcome: 'achieved', gap: 2 });
    expect(verdict({ ...rank([{ year: 2025, value: 33 }]), ...after })).toMatchObject({ outcome: 'not_achieved', gap: 3 });
  });

  it('the comparator decides the side: “≤ 5” met by 4 even for an indicator meant to grow', () => {
    const input: ProgressInput = {
      direction: 'increase',
      baseline: null,
      target: { year: 2025, value: 5, comparator: '<=' },
      series: [{ year: 2025, value: 4 }],
    };
    expect(verdict({ ...input, ...after })).toMatchObject({ outcome: 'achieved', gap: 1, comparator: '<=' });
  });

  it('judged on the published figure: with 1 decimal 2.96 % is 3.0 % and meets 3 %; 2.94 % is 0.1 short', () => {
    const rd = (value: number): ProgressInput => ({
      direction: 'increase',
      baseline: { year: 2020, value: 0.1 },
      target: { year: 2025, value: 3 },
      series: [{ year: 2025, value }],
    });
    expect(verdict({ ...rd(2.96), decimals: 1, currentYear: 2026 })).toMatchObject({ outcome: 'achieved', gap: 0 });
    expect(verdict({ ...rd(2.94), decimals: 1, currentYear: 2026 })).toMatchObject({ outcome: 'not_achieved', gap: 0.1 });
  });

  it('no baseline changes nothing: the target year’s value decides', () => {
    const input: ProgressInput = {
      direction: 'increase',
      baseline: null,
      target: { year: 2025, value: 260, comparator: '>=' },
      series: [],
    };
    expect(verdict({ ...input, series: [{ year: 2025, value: 259 }], ...after })).toMatchObject({ outcome: 'not_achieved', gap: 1 });
  });

  it('without the target year’s value: awaiting it, with the latest earlier value and its shortfall', () => {
    expect(verdict({ ...techEnterprises([{ year: 2023, value: 300 }]), ...after })).toMatchObject({
      outcome: 'awaiting_value',
      value: 300,
      valueYear: 2023,
      gap: 100,
    });
    expect(verdict({ ...techEnterprises([]), series: [], ...after })).toMatchObject({ outcome: 'awaiting_value', value: null, gap: null });
    // A later year's value is not the target year's.
    expect(verdict({ ...techEnterprises([{ year: 2026, value: 450 }]), ...after, currentYear: 2027 })).toMatchObject({
      outcome: 'awaiting_value',
      valueYear: 2020,
    });
  });
});

describe('roundTo', () => {
  it('rounds half away from zero without binary surprises', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundTo(-0.0001, 2)).toBe(0);
  });
});
