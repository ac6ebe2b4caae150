import { describe, expect, it } from 'vitest';
import type { IndicatorSummary } from '../../../../common/contracts/plans';
import type { Locale } from '../../../../common/enums';
import type { IndicatorValues } from '../../api/plans';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import type { Dictionary } from '../../app/messages';
import { VERDICT, shareExplanation, sharePercent, verdictDetail, type Share, type Verdict } from '../../components/monitoring/outcome';
import { detailOption, Z } from './chartOption';
import monitoring from './messages';

/** t over the monitoring dictionary, failing on a key it does not hold. */
const tFor =
  (locale: Locale): TFunction =>
  (key, params) => {
    const entry = (monitoring as Dictionary)[key];
    if (!entry) throw new Error(`no message ${key}`);
    return formatMessage(locale === 'zh-CN' ? entry.zh : entry.en, params, locale);
  };
const zh = tFor('zh-CN');
const en = tFor('en-US');

const enterprises = { unit: '家', decimals: 0 };
const rdShare = { unit: '%', decimals: 2 };
const verdict = (v: Partial<Verdict>): Verdict => ({
  outcome: 'not_achieved',
  targetYear: 2025,
  target: 400,
  comparator: '=',
  value: 345,
  valueYear: 2025,
  gap: 55,
  ...v,
});

// English cases use a % indicator: the words of a unit such as 家 are another dictionary's business.
describe('verdict codes rendered in both languages', () => {
  it('each outcome has its label', () => {
    expect(Object.values(VERDICT).map((v) => zh(v.label))).toEqual(['已完成', '未完成', '待报数据']);
    expect(Object.values(VERDICT).map((v) => en(v.label))).toEqual(['Achieved', 'Not achieved', 'Awaiting data']);
  });

  it('not achieved: the value, the target and the gap in the indicator’s unit and decimals', () => {
    expect(verdictDetail(enterprises, verdict({}), zh, 'zh-CN')).toBe('2025 年 345 家，目标 400 家，差 55 家');
    const rd = verdict({ target: 3, comparator: '>=', value: 2.9412, gap: 0.06 });
    expect(verdictDetail(rdShare, rd, zh, 'zh-CN')).toBe('2025 年 2.94%，目标 ≥ 3.00%，差 0.06%');
    expect(verdictDetail(rdShare, rd, en, 'en-US')).toBe('2.94% in 2025 against a target of ≥ 3.00%: 0.06% short');
  });

  it('achieved: beyond the target, or exactly on it', () => {
    const beyond = verdict({ outcome: 'achieved', value: 1234, gap: 834 });
    expect(verdictDetail(enterprises, beyond, zh, 'zh-CN')).toBe('2025 年 1,234 家，目标 400 家，超出 834 家');
    const rdBeyond = verdict({ outcome: 'achieved', target: 3, value: 3.456, gap: 0.46 });
    expect(verdictDetail(rdShare, rdBeyond, en, 'en-US')).toBe('3.46% in 2025 against a target of 3.00%: 0.46% beyond it');
    const exactly = verdict({ outcome: 'achieved', value: 400, gap: 0 });
    expect(verdictDetail(enterprises, exactly, zh, 'zh-CN')).toBe('2025 年 400 家，达到目标 400 家');
    const rdExactly = verdict({ outcome: 'achieved', target: 3, value: 3, gap: 0 });
    expect(verdictDetail(rdShare, rdExactly, en, 'en-US')).toBe('3.00% in 2025: the target of 3.00% is met');
  });

  it('awaiting the target year’s value: with the latest earlier one, or none', () => {
    const awaiting = verdict({ outcome: 'awaiting_value', value: 300, valueYear: 2023, gap: 100 });
    expect(verdictDetail(enterprises, awaiting, zh, 'zh-CN')).toBe(
      '目标年（2025 年）数值尚未报送；最近 2023 年 300 家，距目标 400 家 差 100 家',
    );
    const rdAwaiting = verdict({ outcome: 'awaiting_value', target: 3, value: 2.5, valueYear: 2023, gap: 0.5 });
    expect(verdictDetail(rdShare, rdAwaiting, en, 'en-US')).toBe(
      'The 2025 figure is not in yet; the latest, 2.50% in 2023, is 0.50% short of the target of 3.00%',
    );
    const met = verdict({ outcome: 'awaiting_value', value: 420, valueYear: 2024, gap: 0 });
    expect(verdictDetail(enterprises, met, zh, 'zh-CN')).toBe('目标年（2025 年）数值尚未报送；最近 2024 年 420 家，已达到目标 400 家');
    const none = verdict({ outcome: 'awaiting_value', value: null, valueYear: null, gap: null });
    expect(verdictDetail(rdShare, { ...none, target: 3 }, en, 'en-US')).toBe(
      'The 2025 figure is not in yet and there is no earlier value; the target is 3.00%',
    );
  });
});

describe('share of the way rendered in both languages', () => {
  const share = (s: Partial<Share>): Share => ({ value: 0.5, raw: 0.5, basis: 'baseline', clipped: null, year: 2025, ...s });

  it('the clipped share as a percentage', () => {
    expect(sharePercent(share({ value: 133 / 188 }), 'zh-CN')).toBe('71%');
    expect(sharePercent(share({ value: 1, raw: 1.5, clipped: 'overshoot' }), 'en-US')).toBe('100%');
  });

  it('how it was measured: the formula, from zero without a baseline, target ÷ value for a fall', () => {
    expect(shareExplanation(share({}), zh, 'zh-CN')).toMatch(/^完成进度 =（最新值 − 基期值）÷（目标值 − 基期值）/);
    expect(shareExplanation(share({ basis: 'from_zero' }), zh, 'zh-CN')).toBe(
      '规划没有给出基期值：完成进度按 最新值 ÷ 目标值 计算（从 0 起算）。',
    );
    expect(shareExplanation(share({ basis: 'from_zero' }), en, 'en-US')).toBe(
      'The plan states no baseline: the share of the way is latest ÷ target (measured from zero).',
    );
    expect(shareExplanation(share({ basis: 'target_over_actual' }), en, 'en-US')).toContain('target ÷ latest');
  });

  it('why it was clipped, with the unclipped figure', () => {
    const over = share({ value: 1, raw: 1.5, clipped: 'overshoot' });
    expect(shareExplanation(over, zh, 'zh-CN')).toContain('已超过目标（按公式为 150%），显示为 100%。');
    expect(shareExplanation(over, en, 'en-US')).toContain('Past the target (150% by the formula), shown as 100%.');
    const back = share({ value: 0, raw: -0.25, clipped: 'backwards' });
    expect(shareExplanation(back, zh, 'zh-CN')).toContain('（按公式为 -25%），显示为 0%。');
    expect(shareExplanation(back, en, 'en-US')).toContain('shown as 0%');
  });
});

describe('the indicator chart', () => {
  const ind = {
    code: 'T1-05',
    unit: '家',
    decimals: 0,
    baseline: { year: 2020, value: 212, source: '表1' },
    targets: [{ year: 2025, value: 400, comparator: '=', source: '表1', clause: '', authoritative: true }],
    latest: { year: 2023, value: 300, unapproved: false },
    progress: { projection: { year: 2025, value: 378, method: 'compound_growth', extrapolation: true } },
  } as unknown as IndicatorSummary;
  const data = {
    indicator: ind,
    values: [
      { year: 2020, value: 212 },
      { year: 2021, value: null },
      { year: 2023, value: 300 },
    ],
  } as unknown as IndicatorValues;
  const years = [2020, 2021, 2022, 2023, 2024, 2025];

  it('draws the actual values as a joined line above the baseline, target, trajectory and projection, with a legend', () => {
    const option = detailOption(data, years, zh, 'zh-CN');
    const series = option.series as { name: string; z: number; connectNulls?: boolean; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual(['实际值', '基期值', '目标值', '规划轨迹（基期→目标）', '外推（复合增长）']);
    const [actual, ...others] = series;
    expect(actual!.connectNulls).toBe(true);
    expect(actual!.data).toEqual([212, null, null, 300, null, null]);
    for (const s of others) expect(s.z, s.name).toBeLessThan(actual!.z);
    expect(actual!.z).toBe(Z.actual);
    // The projection has no marker of its own on the latest actual point.
    expect(series[4]!.data[3]).toEqual({ value: 300, symbol: 'none' });
    expect(option.legend).toMatchObject({ show: true, data: series.map((s) => s.name) });
    expect((detailOption(data, years, en, 'en-US').legend as { data: string[] }).data[0]).toBe('Actual');
  });
});
