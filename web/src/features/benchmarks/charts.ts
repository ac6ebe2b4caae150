import {
  BarChart,
  CustomChart,
  ScatterChart,
  type BarSeriesOption,
  type CustomSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Locale } from '../../../../common/enums';
import type { BenchmarkIndicator, RankingRow } from '../../api/benchmarks';
import type { TFunction } from '../../app/i18n';
import { formatNumber } from '../../components/format';
import { unitShort, valueText } from './benchText';

// The benchmarking charts draw bars, points and interval lines: registered here, in this chunk only.
use([BarChart, ScatterChart, CustomChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type BenchChartOption = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** Others in blue; the home county in a deep orange, unlike any other bar (both ≥ 4.5:1 on white). */
export const COLORS = { peer: '#1d5fbf', home: '#b7410e', average: '#434343', text: '#262626', axis: '#434343', muted: '#8c8c8c' };

const ROW_HEIGHT = 20;
export const barsHeight = (n: number) => Math.max(160, n * ROW_HEIGHT + 64);

/**
 * All ranked units as horizontal bars, best at the top, the home county in its own colour with its rank and
 * value written beside its bar; the group average as a dashed line.
 */
export function rankingBarOption(
  rows: readonly RankingRow[],
  ind: BenchmarkIndicator,
  average: number | null,
  home: string,
  t: TFunction,
  locale: Locale,
): BenchChartOption {
  const ranked = rows.filter((r) => r.value !== null && r.rank !== null);
  const n = ranked.length;
  return {
    grid: { left: 8, right: 150, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const row = ranked[p?.dataIndex ?? -1];
        if (!row) return '';
        return `${unitShort(row.unit, row.name, locale)}<br/>${t('bench.rankOf', { rank: row.rank ?? '—', n })} · ${valueText(ind, row.value, locale)}`;
      },
    },
    xAxis: {
      type: 'value',
      name: ind.unit,
      nameTextStyle: { color: COLORS.axis },
      axisLabel: { color: COLORS.axis, formatter: (v: number) => formatNumber(v, locale) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((r) => unitShort(r.unit, r.name, locale)),
      axisTick: { show: false },
      axisLabel: {
        interval: 0,
        color: COLORS.text,
        formatter: (label: string, i: number) => (ranked[i]?.unit === home ? `{home|${label}}` : label),
        rich: { home: { color: COLORS.home, fontWeight: 'bold' } },
      },
    },
    series: [
      {
        type: 'bar',
        barWidth: '62%',
        data: ranked.map((r) => ({
          value: r.value!,
          itemStyle: { color: r.unit === home ? COLORS.home : COLORS.peer },
          label:
            r.unit === home
              ? {
                  show: true,
                  position: 'right',
                  color: COLORS.home,
                  fontWeight: 'bold',
                  backgroundColor: '#ffffff',
                  padding: [1, 3],
                  formatter: () => `${t('bench.rankOf', { rank: r.rank!, n })} · ${valueText(ind, r.value, locale)}`,
                }
              : { show: false },
        })),
        markLine:
          average === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: COLORS.average, type: 'dashed' },
                label: {
                  formatter: t('bench.chart.average', { value: valueText(ind, average, locale) }),
                  color: COLORS.average,
                  position: 'start',
                },
                data: [{ xAxis: average }],
              },
      },
    ],
  };
}

export interface PercentileBar {
  label: string;
  /** 0–100, 100 = best of the group; null = cannot be placed. */
  value: number | null;
  detail: string;
}

/** A unit's position in the group on every indicator, 0 = last, 100 = first; the middle as a dashed line. */
export function percentileOption(bars: readonly PercentileBar[], t: TFunction): BenchChartOption {
  return {
    grid: { left: 8, right: 56, top: 28, bottom: 36, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const bar = bars[p?.dataIndex ?? -1];
        return bar ? `${bar.label}<br/>${bar.detail}` : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: t('bench.profile.percentileAxis'),
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: COLORS.axis },
      axisLabel: { color: COLORS.axis },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisTick: { show: false },
      axisLabel: { color: COLORS.text, width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barWidth: '56%',
        data: bars.map((b) => ({
          value: b.value ?? 0,
          itemStyle: { color: b.value === null ? COLORS.muted : b.value >= 50 ? COLORS.peer : COLORS.home },
        })),
        label: {
          show: true,
          position: 'right',
          color: COLORS.text,
          formatter: (p) => {
            const bar = bars[p.dataIndex];
            return bar?.value === null || bar?.value === undefined ? t('bench.profile.noPosition') : String(bar.value);
          },
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: COLORS.average, type: 'dashed' },
          label: { formatter: t('bench.profile.middle'), color: COLORS.average, position: 'start' },
          data: [{ xAxis: 50 }],
        },
      },
    ],
  };
}

export interface IntervalRow {
  unit: string;
  label: string;
  nominal: number;
  median: number;
  p05: number;
  p95: number;
}

/**
 * Rank intervals from the uncertainty analysis: for each unit (in nominal order) a line from the 5th to the
 * 95th percentile of its simulated ranks, a dot at the median and a diamond at the nominal rank; rank 1 at
 * the left. The home county is drawn in its own colour.
 */
export function intervalOption(rows: readonly IntervalRow[], home: string, n: number, t: TFunction): BenchChartOption {
  const colour = (unit: string) => (unit === home ? COLORS.home : COLORS.peer);
  const interval: CustomSeriesOption = {
    type: 'custom',
    name: t('bench.index.chart.interval'),
    encode: { x: [1, 2], y: 0 },
    data: rows.map((r, i) => [i, r.p05, r.p95]),
    itemStyle: { color: COLORS.peer },
    renderItem: (params, api) => {
      const row = rows[params.dataIndex];
      const y = api.value(0);
      const from = api.coord([api.value(1), y]);
      const to = api.coord([api.value(2), y]);
      const isHome = row?.unit === home;
      return {
        type: 'line',
        shape: { x1: from[0], y1: from[1], x2: to[0], y2: to[1] },
        style: { stroke: colour(row?.unit ?? ''), lineWidth: isHome ? 4 : 2, lineCap: 'round' },
      };
    },
  };
  return {
    grid: { left: 8, right: 24, top: 40, bottom: 32, containLabel: true },
    legend: { top: 0, textStyle: { color: COLORS.text } },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        const row = rows[item?.dataIndex ?? -1];
        return row ? `${row.label}<br/>${t('bench.index.intervalTip', { ...row })}` : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 1,
      max: Math.max(n, 2),
      interval: n > 20 ? 5 : 1,
      name: t('bench.index.chart.rankAxis'),
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: COLORS.axis },
      axisLabel: { color: COLORS.axis },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: {
        interval: 0,
        color: COLORS.text,
        formatter: (label: string, i: number) => (rows[i]?.unit === home ? `{home|${label}}` : label),
        rich: { home: { color: COLORS.home, fontWeight: 'bold' } },
      },
    },
    series: [
      interval,
      {
        type: 'scatter',
        name: t('bench.index.chart.median'),
        symbol: 'circle',
        symbolSize: 8,
        itemStyle: { color: COLORS.text },
        data: rows.map((r, i) => ({ value: [r.median, i], itemStyle: { color: colour(r.unit) } })),
      },
      {
        type: 'scatter',
        name: t('bench.index.chart.nominal'),
        symbol: 'diamond',
        symbolSize: 11,
        itemStyle: { color: '#ffffff', borderColor: COLORS.text, borderWidth: 1.5 },
        data: rows.map((r, i) => ({
          value: [r.nominal, i],
          itemStyle: { color: '#ffffff', borderColor: colour(r.unit), borderWidth: r.unit === home ? 2.5 : 1.5 },
        })),
      },
    ],
  };
}
