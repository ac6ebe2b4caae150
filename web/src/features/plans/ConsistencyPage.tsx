import { useQuery } from '@tanstack/react-query';
import { Empty, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { orgUnitsQuery } from '../../api/orgunits';
import { conflictsQuery, indicatorsQuery } from '../../api/plans';
import { PLAN_EDITORS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { covers } from '../../components/scope';
import { PlanHeading, PlanLoadState } from '../../components/monitoring/PlanLoadState';
import { monitoringYear, useCurrentPlan } from '../../components/monitoring/usePlan';
import { ConflictCard, conflictId } from './ConflictCard';
import { ResolveModal, type ResolveTarget } from './ResolveModal';

export default function ConsistencyPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const plans = useCurrentPlan();
  const { plan } = plans;
  const planId = plan?.id ?? '';
  const conflicts = useQuery({ ...conflictsQuery(planId), enabled: plan !== null });
  // Conflicts carry the Chinese name only; the indicator list has both.
  const indicators = useQuery({
    ...indicatorsQuery(planId, { orgUnit: plan?.regionCode ?? '', year: plan ? monitoringYear(plan) : 0 }),
    enabled: plan !== null && locale !== 'zh-CN',
  });
  const units = useQuery(orgUnitsQuery()).data?.items;
  const [target, setTarget] = useState<ResolveTarget | null>(null);

  const canResolve = useMemo(
    () => (plan && units ? covers(me, PLAN_EDITORS, plan.regionCode, new Map(units.map((u) => [u.code, u]))) : false),
    [plan, units, me],
  );
  const nameOf = (code: string, zh: string) => {
    if (locale === 'zh-CN') return zh;
    return indicators.data?.find((i) => i.code === code)?.nameEn ?? zh;
  };
  const list = conflicts.data ?? [];
  const open = list.filter((c) => c.resolution === null).length;

  return (
    <>
      <PageTitle titleKey="consistency.title" />
      {!plan ? <PlanLoadState query={plans} /> : <PlanHeading plan={plan} />}
      <Typography.Paragraph style={{ maxWidth: 860 }}>{t('consistency.intro')}</Typography.Paragraph>
      {conflicts.isError ? <ErrorAlert error={conflicts.error} onRetry={() => void conflicts.refetch()} /> : null}
      {plan && conflicts.isPending ? <Loading /> : null}
      {conflicts.data ? (
        <>
          <Typography.Paragraph strong data-testid="consistency-count">
            {t('consistency.count', { n: list.length, open })}
          </Typography.Paragraph>
          {list.length === 0 ? <Empty description={t('consistency.none')} /> : null}
          {list.map((c) => (
            <ConflictCard
              key={conflictId(c)}
              conflict={c}
              name={nameOf(c.indicatorCode, c.indicatorName)}
              canResolve={canResolve}
              onResolve={(statement) => setTarget({ conflict: c, statement })}
            />
          ))}
        </>
      ) : null}
      <ResolveModal planId={planId} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
