import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView, IndicatorSummary } from '../../../common/contracts/plans.js';
import { setClockForTests, startOfDay } from '../../platform/clock.js';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';

// December 2026 in the bureau's zone: the plan (2021–2025) is over.
const DEC_2026 = startOfDay('2026-12-05');

let t: TestContext;
let bureau: Agent;
let leader: Agent;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  bureau = (await agentWith(t, ['bureau'])).agent;
  leader = (await agentWith(t, ['leader'])).agent;
  planId = (await leader.get('/api/plans')).json()[0].id;
  setClockForTests(DEC_2026);
  const v = (dataElement: string, period: string, value: number) => ({ dataElement, orgUnit: '500241', period, value });
  const saved = await bureau.post('/api/data-values', {
    action: 'submit',
    values: [
      v('tech_enterprises', '2023', 300),
      v('tech_enterprises', '2025', 345),
      v('st_progress_rank', '2025', 28),
      v('tcm_industry_output', '2024', 52.71),
      v('ecommerce_transaction_value', '2025', 130),
    ],
  });
  expect(saved.statusCode).toBe(200);
});
afterAll(async () => {
  setClockForTests(null);
  await t.close();
});

const dashboard = async (query: string): Promise<DashboardView> => {
  const res = await leader.get(`/api/plans/${planId}/dashboard?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const card = (d: DashboardView, code: string) => d.cards.find((c) => c.code === code)!;
const taskIndicator = (d: DashboardView, code: string): IndicatorSummary =>
  d.keyTasks.flatMap((g) => g.indicators).find((i) => i.code === code)!;

describe('GET /api/plans/:id/dashboard: share of the way and the verdict after the target year', () => {
  it('as of 2025, seen in 2026: each card has its verdict (a code and numbers) and its share of the way', async () => {
    const d = await dashboard('year=2025');
    const tech = card(d, 'T1-05');
    // 345 of 212 → 400: 133 ÷ 188.
    expect(tech.progress.share).toMatchObject({ basis: 'baseline', clipped: null, year: 2025 });
    expect(tech.progress.share!.value).toBeCloseTo(133 / 188, 10);
    expect(tech.progress.verdict).toEqual({
      outcome: 'not_achieved',
      targetYear: 2025,
      target: 400,
      comparator: '=',
      value: 345,
      valueYear: 2025,
      gap: 55,
    });
    // A rank: 28 against 30, two places better than the target.
    expect(card(d, 'T1-01').progress.verdict).toMatchObject({ outcome: 'achieved', value: 28, gap: 2 });
    expect(card(d, 'T1-01').progress.share).toMatchObject({ value: 1, raw: 8 / 6, clipped: 'overshoot' });
    // Nothing reported for 2025: awaiting it, with the last known value's shortfall.
    expect(card(d, 'T1-04').progress.verdict).toMatchObject({ outcome: 'awaiting_value', valueYear: 2020, value: 8, gap: 92 });
    // Every card has a verdict, so none is counted by trajectory status.
    expect(d.verdicts).toEqual({ achieved: 1, not_achieved: 1, awaiting_value: 8 });
    expect(Object.values(d.summary).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('key tasks without a baseline are measured from zero; a task’s progress is its indicators’ mean share', async () => {
    const d = await dashboard('year=2025');
    const ecommerce = taskIndicator(d, 'K-5-ecommerce-transactions');
    expect(ecommerce.baseline).toBeNull();
    expect(ecommerce.progress.share).toEqual({ value: 0.5, raw: 0.5, basis: 'from_zero', clipped: null, year: 2025 });
    expect(ecommerce.progress.verdict).toMatchObject({ outcome: 'not_achieved', comparator: '>=', gap: 130 });
    // The 2020 figure of the plan's facts is the baseline of 现代中医药: (52.71 − 5.42) ÷ (100 − 5.42) = 0.5.
    const tcm = taskIndicator(d, 'K-1.3-tcm-output');
    expect(tcm.progress.share).toMatchObject({ basis: 'baseline', year: 2024 });
    expect(tcm.progress.share!.value).toBeCloseTo(0.5, 10);
    expect(tcm.progress.verdict).toMatchObject({ outcome: 'awaiting_value', valueYear: 2024, value: 52.71, gap: 47.29 });

    const group = (no: string) => d.keyTasks.find((g) => g.taskNo === no)!.progress;
    // 1.3: 现代中医药 0.5 and 食品加工 0 (only its 2020 figure).
    expect(group('1.3').measured).toBe(2);
    expect(group('1.3').total).toBe(2);
    expect(group('1.3').share).toBeCloseTo(0.25, 10);
    expect(group('5')).toEqual({ share: 0.5, measured: 1, total: 4 });
    expect(group('3')).toEqual({ share: null, measured: 0, total: 3 });
  });

  it('before the target year ends there is no verdict: a view of 2024, or of 2025 while 2025 runs', async () => {
    const d2024 = await dashboard('year=2024');
    const tech = card(d2024, 'T1-05');
    expect(tech.progress.verdict).toBeNull();
    expect(tech.progress.status).toBe('needs_acceleration');
    expect(tech.progress.share!.value).toBeCloseTo(88 / 188, 10);
    expect(d2024.verdicts).toEqual({ achieved: 0, not_achieved: 0, awaiting_value: 0 });
    expect(Object.values(d2024.summary).reduce((a, b) => a + b, 0)).toBe(10);

    setClockForTests(startOfDay('2025-06-30'));
    try {
      const during = await dashboard('year=2025');
      expect(card(during, 'T1-05').progress.verdict).toBeNull();
      expect(during.verdicts.not_achieved).toBe(0);
    } finally {
      setClockForTests(DEC_2026);
    }
  });

  it('the indicator page carries the same verdict and share', async () => {
    const res = await leader.get('/api/indicators/T1-05/values?orgUnit=500241&to=2025');
    expect(res.statusCode).toBe(200);
    expect(res.json().indicator.progress.verdict).toMatchObject({ outcome: 'not_achieved', gap: 55 });
    expect(res.json().indicator.progress.share.basis).toBe('baseline');
  });
});
