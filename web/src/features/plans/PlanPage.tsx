import { useQuery } from '@tanstack/react-query';
import { indicatorsQuery, planQuery } from '../../api/plans';
import { PLAN_READERS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgYearFilters } from '../../components/OrgYearFilters';
import { Section } from '../../components/Section';
import { PlanHeading, PlanLoadState } from '../../components/monitoring/PlanLoadState';
import { monitoringYear, scopeSearch, useCurrentPlan, useScopeParams } from '../../components/monitoring/usePlan';
import { GoalsAndTasks } from './GoalsAndTasks';
import { IndicatorListTable } from './IndicatorListTable';

const NO_SCOPE = { orgUnit: '', year: 0 };

export default function PlanPage() {
  const { t } = useI18n();
  const plans = useCurrentPlan();
  const { plan } = plans;
  const planId = plan?.id ?? '';
  const { scope, setScope, years } = useScopeParams(plan, PLAN_READERS, monitoringYear);
  const detail = useQuery({ ...planQuery(planId), enabled: plan !== null });
  const indicators = useQuery({ ...indicatorsQuery(planId, scope ?? NO_SCOPE), enabled: scope !== null });

  return (
    <>
      <PageTitle titleKey="plan.title" />
      {!plan ? <PlanLoadState query={plans} /> : <PlanHeading plan={plan} />}
      {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {plan && detail.isPending ? <Loading /> : null}
      {detail.data ? <GoalsAndTasks plan={detail.data} /> : null}
      {plan && scope ? (
        <Section title={t('plan.indicators', { n: plan.indicatorCount })} testId="plan-indicators">
          <OrgYearFilters
            region={plan.regionCode}
            roles={PLAN_READERS}
            orgUnit={scope.orgUnit}
            year={scope.year}
            years={years}
            onChange={(next) => setScope(next)}
            idPrefix="plan"
          />
          {indicators.isError ? (
            <ErrorAlert error={indicators.error} onRetry={() => void indicators.refetch()} />
          ) : (
            <IndicatorListTable
              indicators={indicators.data ?? []}
              loading={indicators.isFetching}
              linkTo={(code) => `/indicators/${encodeURIComponent(code)}${scopeSearch(scope)}`}
              exportTitle={t('plan.indicatorsExport', { year: scope.year })}
            />
          )}
        </Section>
      ) : null}
    </>
  );
}
