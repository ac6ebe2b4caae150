import { Descriptions, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { IndicatorSummary } from '../../../../common/contracts/plans';
import { CUTS } from '../../../../common/progress';
import { useI18n } from '../../app/i18n';
import { formatNumber, formatPercent } from '../../components/format';
import { mainTarget, targetText, valueText } from '../../components/monitoring/indicatorText';
import { ProgressTag } from '../../components/monitoring/ProgressTag';
import { shareExplanation, verdictDetail } from '../../components/monitoring/outcome';
import { ShareOfWay } from '../../components/monitoring/ShareOfWay';
import { VerdictTag } from '../../components/monitoring/VerdictTag';
import { reasonKey } from '../../components/monitoring/status';

/** How the status was reached: the verdict after the target year, the method, the growth rates and their ratio, and the bands. */
export function ProgressExplanation({ ind }: { ind: IndicatorSummary }) {
  const { t, locale } = useI18n();
  const p = ind.progress;
  const target = mainTarget(ind);
  const reason = reasonKey(p.reason);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, locale, 2));
  const point = (year: number, text: string) => t('chart.point', { year, value: text });

  const items: DescriptionsProps['items'] = [];
  if (p.verdict) {
    items.push({
      key: 'verdict',
      label: t('verdict.heading', { year: p.verdict.targetYear }),
      children: (
        <span>
          <VerdictTag outcome={p.verdict.outcome} data-testid="detail-verdict" />{' '}
          <span data-testid="detail-verdict-text">{verdictDetail(ind, p.verdict, t, locale)}</span>
        </span>
      ),
      span: 'filled',
    });
  }
  items.push(
    {
      key: 'status',
      label: t('indicator.status'),
      children: (
        <span>
          <ProgressTag status={p.status} data-testid="detail-status" />{' '}
          {reason ? <span data-testid="detail-reason">{t(reason)}</span> : null}
        </span>
      ),
      span: 'filled',
    },
    {
      key: 'method',
      label: t('progress.method'),
      children: p.method ? t(p.method === 'cagr' ? 'progress.method.cagr' : 'progress.method.linear') : t('progress.method.none'),
      span: 'filled',
    },
    {
      key: 'baseline',
      label: t('indicator.baseline'),
      children: ind.baseline ? point(ind.baseline.year, valueText(ind, ind.baseline.value, locale)) : '—',
    },
    {
      key: 'latest',
      label: t('indicator.latest'),
      children: ind.latest ? point(ind.latest.year, valueText(ind, ind.latest.value, locale)) : '—',
    },
    { key: 'target', label: t('indicator.target'), children: target ? point(target.year, targetText(ind, target, locale)) : '—' },
  );
  if (p.method === 'cagr') {
    items.push(
      { key: 'cagrActual', label: t('progress.cagrActual'), children: pct(p.cagrActual) },
      { key: 'cagrRequired', label: t('progress.cagrRequired'), children: pct(p.cagrRequired) },
    );
  }
  items.push(
    {
      key: 'ratio',
      label: t(p.method === 'linear' ? 'progress.ratioLinear' : 'progress.ratio'),
      children: p.ratio === null ? '—' : formatNumber(p.ratio, locale, 2),
    },
    {
      key: 'share',
      label: t('indicator.shareOfWay'),
      children: (
        <span>
          <ShareOfWay share={p.share} data-testid="detail-share" />
          {p.share ? <Typography.Text style={{ display: 'block' }}>{shareExplanation(p.share, t, locale)}</Typography.Text> : null}
        </span>
      ),
      span: 'filled',
    },
    {
      key: 'expected',
      label: t('progress.expected'),
      children:
        p.expectedOnTrajectory === null || !ind.latest ? '—' : point(ind.latest.year, valueText(ind, p.expectedOnTrajectory, locale)),
    },
    {
      key: 'projection',
      label: t('progress.projection'),
      children: p.projection
        ? t('progress.projectionText', {
            value: point(p.projection.year, valueText(ind, p.projection.value, locale)),
            method: t(p.projection.method === 'linear_trend' ? 'chart.projectionLinear' : 'chart.projectionCompound'),
          })
        : '—',
      span: 'filled',
    },
  );

  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} data-testid="progress-explanation" />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {t(p.method === 'linear' ? 'progress.howLinear' : 'progress.howCagr')}
      </Typography.Paragraph>
      <Typography.Paragraph data-testid="progress-bands">
        {t('progress.bands', { onTrack: CUTS.onTrack, acceleration: CUTS.acceleration, limited: String(CUTS.limited).replace('-', '−') })}
      </Typography.Paragraph>
    </>
  );
}
