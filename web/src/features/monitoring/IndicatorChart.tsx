import { useMemo } from 'react';
import type { IndicatorValues } from '../../api/plans';
import { useI18n } from '../../app/i18n';
import EChart from '../../components/EChart';
import { axisYears, detailOption } from './chartOption';
import { indicatorName, mainTarget, targetText, valueText } from '../../components/monitoring/indicatorText';

/** Actual values against the baseline, the target, the planned trajectory and the projection. */
export function IndicatorChart({ data, planYears }: { data: IndicatorValues; planYears: readonly number[] }) {
  const { t, locale } = useI18n();
  const ind = data.indicator;
  const years = useMemo(() => axisYears(ind, planYears), [ind, planYears]);
  const option = useMemo(() => detailOption(data, years, t, locale), [data, years, t, locale]);

  const target = mainTarget(ind);
  const points = data.values
    .filter((v) => v.value !== null)
    .map((v) => t('chart.point', { year: v.year, value: valueText(ind, v.value!, locale) }))
    .join(t('common.sep'));
  const label = t('chart.detailLabel', {
    name: indicatorName(ind, locale),
    points: points || t('chart.noPoints'),
    baseline: ind.baseline ? t('chart.point', { year: ind.baseline.year, value: valueText(ind, ind.baseline.value, locale) }) : '—',
    target: target ? t('chart.point', { year: target.year, value: targetText(ind, target, locale) }) : '—',
  });
  return <EChart option={option} height={340} label={label} data-testid="indicator-chart" />;
}
