import type { Locale } from '../../../../common/enums';
import type { IndicatorValues } from '../../api/plans';
import type { TFunction } from '../../app/i18n';
import type { ChartOption } from '../../components/EChart';
import { formatNumber, unitText } from '../../components/format';
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
 * Drawing order, bottom to top: the planned trajectory, the baseline and target markers, the projection,
 * and the actual values on top of them all, so a marker never hides the line.
 */
export const Z = { trajectory: 1, markers: 2, projection: 3, actual: 10 } as const;

/**
 * Actual values (a solid line joining every year with a value), the baseline and target points, the target
 * as a horizontal line, the planned straight line from baseline to target (dashed) and the projection to
 * the target year (dotted, labelled as an extrapolation with its method), with a legend naming each.
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
      // A year without a value does not break the line: the years around it are joined.
      connectNulls: true,
      symbol: 'circle',
      symbolSize: 8,
      z: Z.actual,
      lineStyle: { color: COLORS.actual, width: 3 },
      itemStyle: { color: COLORS.actual, borderColor: '#fff', borderWidth: 1 },
    },
  ];
  if (ind.baseline) {
    series.push({
      name: t('chart.baseline'),
      type: 'line',
      data: at(ind.baseline.year, ind.baseline.value),
      symbol: 'diamond',
      symbolSize: 13,
      z: Z.markers,
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
      z: Z.markers,
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
      z: Z.trajectory,
      lineStyle: { color: COLORS.trajectory, type: 'dashed', width: 1.5 },
      itemStyle: { color: COLORS.trajectory },
    });
  }
  if (projection && ind.latest && projection.year > ind.latest.year) {
    const from = ind.latest;
    series.push({
      name: projectionName,
      type: 'line',
      // It starts at the latest actual value without a marker of its own there (the actual point shows).
      data: years.map((y) => (y === from.year ? { value: from.value, symbol: 'none' } : y === projection.year ? projection.value : null)),
      connectNulls: true,
      symbol: 'emptyCircle',
      symbolSize: 7,
      z: Z.projection,
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
    legend: { show: true, top: 0, data: series.map((x) => String(x.name)), textStyle: { color: '#262626' } },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', boundaryGap: false, data: years.map(String), axisLabel: { color: '#434343' } },
    yAxis: {
      type: 'value',
      scale: true,
      name: unitText(ind.unit, locale),
      nameTextStyle: { color: '#434343' },
      axisLabel: { color: '#434343', formatter: (v: number) => formatNumber(v, locale) },
    },
    series,
  };
}
