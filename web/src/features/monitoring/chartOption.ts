import type { Locale } from '../../../../common/enums';
import type { IndicatorValues } from '../../api/plans';
import type { TFunction } from '../../app/i18n';
import type { ChartOption } from '../../components/EChart';
import { formatNumber } from '../../components/format';
import { mainTarget, targetText, valueText } from '../../components/monitoring/indicatorText';

const COLORS = { actual: '#0958d9', baseline: '#434343', target: '#a8071a', trajectory: '#595959', projection: '#ad4e00' };

type Ind = IndicatorValues['indicator'];

/** Years on the axis: the plan's years, stretched to the target and the projection. */
export function axisYears(ind: Ind, planYears: readonly number[]): number[] {
  const extra = [mainTarget(ind)?.year, ind.progress.projection?.year, ind.baseline?.year].filter((y): y is number => y !== undefined);
  const all = [...planYears, ...extra];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/**
 * Actual values (solid), the baseline and target points, the target as a horizontal line, the planned
 * straight line from baseline to target (dashed) and the projection to the target year (dotted,
 * labelled as an extrapolation with its method).
 */
export function detailOption(data: IndicatorValues, years: readonly number[], t: TFunction, locale: Locale): ChartOption {
  const ind = data.indicator;
  const target = mainTarget(ind);
  const at = (year: number, value: number) => years.map((y) => (y === year ? value : null));
  const actual = new Map(data.values.filter((v) => v.value !== null).map((v) => [v.year, v.value!]));
  const fmt = (v: unknown) => (typeof v === 'number' ? valueText(ind, v, locale) : '—');
  const projection = ind.progress.projection;
  const projectionName = projection ? t(projection.method === 'linear_trend' ? 'chart.projectionLinear' : 'chart.projectionCompound') : '';

  const series: NonNullable<ChartOption['series']> = [
    {
      name: t('chart.actual'),
      type: 'line',
      data: years.map((y) => actual.get(y) ?? null),
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 7,
      lineStyle: { color: COLORS.actual, width: 2 },
      itemStyle: { color: COLORS.actual },
    },
  ];
  if (ind.baseline) {
    series.push({
      name: t('chart.baseline'),
      type: 'line',
      data: at(ind.baseline.year, ind.baseline.value),
      symbol: 'diamond',
      symbolSize: 13,
      itemStyle: { color: COLORS.baseline },
    });
  }
  if (target) {
    series.push({
      name: t('chart.target'),
      type: 'line',
      data: at(target.year, target.value),
      symbol: 'rect',
      symbolSize: 11,
      itemStyle: { color: COLORS.target },
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: COLORS.target, type: 'dashed' },
        label: {
          formatter: t('chart.targetLine', { target: targetText(ind, target, locale) }),
          color: COLORS.target,
          position: 'insideEndTop',
        },
        data: [{ yAxis: target.value }],
      },
    });
  }
  if (ind.baseline && target && target.year > ind.baseline.year) {
    const b = ind.baseline;
    series.push({
      name: t('chart.trajectory'),
      type: 'line',
      data: years.map((y) =>
        y < b.year || y > target.year ? null : b.value + ((target.value - b.value) * (y - b.year)) / (target.year - b.year),
      ),
      symbol: 'none',
      lineStyle: { color: COLORS.trajectory, type: 'dashed', width: 1.5 },
      itemStyle: { color: COLORS.trajectory },
    });
  }
  if (projection && ind.latest) {
    const from = ind.latest;
    series.push({
      name: projectionName,
      type: 'line',
      data: years.map((y) => (y === from.year ? from.value : y === projection.year ? projection.value : null)),
      connectNulls: true,
      symbol: 'emptyCircle',
      symbolSize: 7,
      lineStyle: { color: COLORS.projection, type: 'dotted', width: 2 },
      itemStyle: { color: COLORS.projection },
      // Anchored at its right end, so the label stays inside the chart at the last year.
      label: {
        show: true,
        position: 'top',
        align: 'right',
        formatter: (p) => (p.dataIndex === years.indexOf(projection.year) ? projectionName : ''),
        color: COLORS.projection,
      },
    });
  }

  return {
    grid: { left: 16, right: 40, top: 64, bottom: 24 },
    legend: { top: 0, textStyle: { color: '#262626' } },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', boundaryGap: false, data: years.map(String), axisLabel: { color: '#434343' } },
    yAxis: {
      type: 'value',
      scale: true,
      name: ind.unit,
      nameTextStyle: { color: '#434343' },
      axisLabel: { color: '#434343', formatter: (v: number) => formatNumber(v, locale) },
    },
    series,
  };
}
