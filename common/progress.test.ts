import { describe, expect, it } from 'vitest';
import { band, linearTrend, progress, type ProgressInput } from './progress.js';

const inc = (latest: number, year = 2023, extra: Partial<ProgressInput> = {}): ProgressInput => ({
  direction: 'increase',
  baseline: { year: 2020, value: 100 },
  target: { year: 2025, value: 200 },
  series: [
    { year: 2020, value: 100 },
    { year, value: latest },
  ],
  ...extra,
});

describe('UNSD progress bands (hand-computed: baseline 100 in 2020, target 200 in 2025, CAGR required 2^(1/5)−1 = 0.148698)', () => {
  it('on track: 160 in 2023 → CAGR 0.169607, CR 1.140630', () => {
    const p = progress(inc(160));
    expect(p.method).toBe('cagr');
    expect(p.cagrActual).toBeCloseTo(0.169607, 6);
    expect(p.cagrRequired).toBeCloseTo(0.148698, 6);
    expect(p.ratio).toBeCloseTo(1.14063, 4);
    expect(p.status).toBe('on_track');
    expect(p.expectedOnTrajectory).toBeCloseTo(160, 9);
    expect(p.shareOfWay).toBeCloseTo(0.6, 9);
    // 160 × 1.169607² = 218.876
    expect(p.projection).toMatchObject({ year: 2025, method: 'compound_growth', extrapolation: true });
    expect(p.projection!.value).toBeCloseTo(218.876, 2);
  });
  it('needs acceleration: 130 in 2023 → CAGR 0.091393, CR 0.614622', () => {
    const p = progress(inc(130));
    expect(p.ratio).toBeCloseTo(0.614622, 4);
    expect(p.status).toBe('needs_acceleration');
  });
  it('limited: 105 in 2023 → CAGR 0.016396, CR 0.110265', () => {
    const p = progress(inc(105));
    expect(p.ratio).toBeCloseTo(0.110265, 4);
    expect(p.status).toBe('limited');
  });
  it('deteriorating: 90 in 2023 → CAGR −0.034511, CR −0.232090', () => {
    const p = progress(inc(90));
    expect(p.ratio).toBeCloseTo(-0.23209, 4);
    expect(p.status).toBe('deteriorating');
  });
  it('achieved: 210 in 2024', () => {
    expect(progress(inc(210, 2024)).status).toBe('achieved');
  });
  it('band cut points are inclusive at the lower edge', () => {
    expect(band(0.95)).toBe('on_track');
    expect(band(0.9499)).toBe('needs_acceleration');
    expect(band(0.5)).toBe('needs_acceleration');
    expect(band(0.4999)).toBe('limited');
    expect(band(-0.1)).toBe('limited');
    expect(band(-0.1001)).toBe('deteriorating');
  });
});

describe('edge cases', () => {
  const rank = (latest: number, year: number): ProgressInput => ({
    direction: 'decrease',
    rank: true,
    baseline: { year: 2020, value: 36 },
    target: { year: 2025, value: 30 },
    series: [
      { year: 2020, value: 36 },
      { year, value: latest },
    ],
  });
  it('a decreasing rank 36 → 30 is linear: 34 in 2022 → share 1/3 over time 2/5 = CR 0.8333', () => {
    const p = progress(rank(34, 2022));
    expect(p).toMatchObject({ method: 'linear', reason: 'rank', status: 'needs_acceleration' });
    expect(p.ratio).toBeCloseTo(0.833333, 5);
    expect(p.expectedOnTrajectory).toBeCloseTo(33.6, 9);
    expect(p.projection).toMatchObject({ method: 'linear_trend', year: 2025 });
    expect(p.projection!.value).toBeCloseTo(31, 9);
  });
  it('a rank that got worse deteriorates; one at 29 has achieved', () => {
    expect(progress(rank(38, 2022)).status).toBe('deteriorating');
    expect(progress(rank(29, 2024)).status).toBe('achieved');
  });
  it('a decreasing quantity by CAGR: 100 → 80, 95 after 2 years → CR 0.5806', () => {
    const p = progress({
      direction: 'decrease',
      baseline: { year: 2020, value: 100 },
      target: { year: 2025, value: 80 },
      series: [{ year: 2022, value: 95 }],
    });
    // (0.95^(1/2) − 1) / (0.8^(1/5) − 1) = −0.025321 / −0.043648 = 0.58012
    expect(p.ratio).toBeCloseTo(0.58012, 4);
    expect(p.status).toBe('needs_acceleration');
  });
  it('base zero falls back to the linear share', () => {
    const p = progress({
      direction: 'increase',
      baseline: { year: 2020, value: 0 },
      target: { year: 2025, value: 10 },
      series: [{ year: 2023, value: 6 }],
    });
    expect(p).toMatchObject({ method: 'linear', reason: 'zero_base', status: 'on_track' });
    expect(p.ratio).toBeCloseTo(1, 9);
  });
  it('a sign change falls back to the linear share', () => {
    const p = progress({
      direction: 'increase',
      baseline: { year: 2020, value: -5 },
      target: { year: 2025, value: 5 },
      series: [{ year: 2022, value: 1 }],
    });
    expect(p).toMatchObject({ method: 'linear', reason: 'sign_change', status: 'on_track' });
    expect(p.ratio).toBeCloseTo(1.5, 9);
  });
  it('fewer than two points: no status, with the reason', () => {
    expect(
      progress({
        direction: 'increase',
        baseline: { year: 2020, value: 5 },
        target: { year: 2025, value: 9 },
        series: [{ year: 2020, value: 5 }],
      }),
    ).toMatchObject({ status: 'no_data', reason: 'single_point' });
    expect(
      progress({ direction: 'increase', baseline: null, target: { year: 2025, value: 9 }, series: [{ year: 2022, value: 5 }] }),
    ).toMatchObject({ status: 'no_data', reason: 'no_baseline' });
    expect(
      progress({ direction: 'increase', baseline: { year: 2020, value: 5 }, target: { year: 2025, value: 9 }, series: [] }),
    ).toMatchObject({ status: 'no_data', reason: 'no_value' });
    expect(
      progress({ direction: 'increase', baseline: { year: 2020, value: 5 }, target: null, series: [{ year: 2022, value: 6 }] }),
    ).toMatchObject({ status: 'no_data', reason: 'no_target' });
  });
  it('a "≥" target counts as achieved when reached', () => {
    expect(
      progress({
        direction: 'increase',
        baseline: { year: 2020, value: 1 },
        target: { year: 2025, value: 5, comparator: '>=' },
        series: [{ year: 2022, value: 5 }],
      }).status,
    ).toBe('achieved');
  });
  it('asOf ignores later values', () => {
    expect(progress({ ...inc(210, 2024), asOf: 2023 }).status).toBe('no_data');
  });
});

describe('linearTrend', () => {
  it('least squares through (2020,1),(2021,3),(2022,2)', () => {
    const t = linearTrend([
      { year: 2020, value: 1 },
      { year: 2021, value: 3 },
      { year: 2022, value: 2 },
    ])!;
    expect(t.slope).toBeCloseTo(0.5, 9);
    expect(t.intercept + t.slope * 2021).toBeCloseTo(2, 9);
  });
});
