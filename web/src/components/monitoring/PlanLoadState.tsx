import { Empty, Typography } from 'antd';
import type { PlanSummary } from '../../../../common/contracts/plans';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../ErrorAlert';
import type { useCurrentPlan } from './usePlan';

/** While there is no plan to show: loading, the error, or "no plan visible to you". */
export function PlanLoadState({ query }: { query: ReturnType<typeof useCurrentPlan> }) {
  const { t } = useI18n();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <Empty description={t('plan.none')} />;
}

/** The plan's title, document number and period, under the page heading. */
export function PlanHeading({ plan }: { plan: PlanSummary }) {
  const { t, locale } = useI18n();
  return (
    <Typography.Paragraph style={{ marginTop: -8 }} data-testid="plan-title">
      <Typography.Text strong>{locale === 'zh-CN' ? plan.titleZh : plan.titleEn}</Typography.Text>
      <br />
      <Typography.Text type="secondary">
        {t('plan.meta', {
          doc: plan.documentNo ?? '—',
          start: plan.periodStart,
          end: plan.periodEnd,
          base: plan.baselineYear,
          region: plan.regionName,
        })}
      </Typography.Text>
    </Typography.Paragraph>
  );
}
