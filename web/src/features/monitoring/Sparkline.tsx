import { useMemo } from 'react';
import type { IndicatorSummary } from '../../../../common/contracts/plans';
import { useI18n } from '../../app/i18n';
import EChart, { type ChartOption } from '../../components/EChart';
import { mainTarget, targetText, valueText } from '../../components/monitoring/indicatorText';

const LINE = '#0958d9';
const TARGET = '#a8071a';

/** A small trend of the yearly values, with the target as a dashed line. */
export function Sparkline({ ind, years }: { ind: IndicatorSummary; years: readonly number[] }) {
  const { t, locale } = useI18n();
  const target = mainTarget(ind);

  const option = useMemo<ChartOption>(() => {
    const axis = [...years];
    if (target && !axis.includes(target.year)) axis.push(target.year);
    const byYear = new Map(ind.series.map((p) => [p.year, p.value]));
    const all = [...ind.series.map((p) => p.value), ...(target ? [target.value] : [])];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.15 || 1;
    return {
      grid: { left: 4, right: 4, top: 6, bottom: 6 },
      xAxis: { type: 'category', show: false, boundaryGap: false, data: axis.map(String) },
      yAxis: { type: 'value', show: false, min: lo - pad, max: hi + pad },
      series: [
        {
          type: 'line',
          data: axis.map((y) => byYear.get(y) ?? null),
          connectNulls: true,
          symbol: 'circle',
          symbolSize: 5,
          silent: true,
          lineStyle: { color: LINE, width: 2 },
          itemStyle: { color: LINE },
          markLine: target
            ? {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: TARGET, type: 'dashed' },
                data: [{ yAxis: target.value }],
              }
            : undefined,
        },
      ],
    };
  }, [ind.series, target, years]);

  if (ind.series.length === 0) return null;
  const points = ind.series.map((p) => t('chart.point', { year: p.year, value: valueText(ind, p.value, locale) })).join(t('common.sep'));
  const label = target
    ? t('chart.sparkLabel', { points, target: targetText(ind, target, locale), year: target.year })
    : t('chart.sparkLabelNoTarget', { points });
  return <EChart option={option} height={56} label={label} data-testid={`sparkline-${ind.code}`} />;
}
