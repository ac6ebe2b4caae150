import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Switch, Typography } from 'antd';
import { dashboardQuery, planQuery } from '../../api/plans';
import { PLAN_READERS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgYearFilters } from '../../components/OrgYearFilters';
import { IndicatorCard } from './IndicatorCard';
import { KeyTasks } from './KeyTasks';
import { PlanHeading, PlanLoadState } from '../../components/monitoring/PlanLoadState';
import { StatusSummary } from './StatusSummary';
import { monitoringYear, planYears, scopeSearch, useCurrentPlan, useScopeParams } from '../../components/monitoring/usePlan';

const NO_SCOPE = { orgUnit: '', year: 0 };

export default function DashboardPage() {
  const { t } = useI18n();
  const plans = useCurrentPlan();
  const { plan } = plans;
  const { scope, setScope, years, noUnit } = useScopeParams(plan, PLAN_READERS, monitoringYear);
  const planId = plan?.id ?? '';
  const detail = useQuery({ ...planQuery(planId), enabled: plan !== null });
  const dash = useQuery({ ...dashboardQuery(planId, scope ?? NO_SCOPE), enabled: scope !== null });
  const linkTo = (code: string) => `/indicators/${encodeURIComponent(code)}${scopeSearch(scope)}`;
  const data = dash.data;
  const cards = [...(data?.cards ?? [])].sort((a, b) => (a.table1No ?? 99) - (b.table1No ?? 99));

  return (
    <>
      <PageTitle titleKey="dashboard.title" />
      {!plan ? <PlanLoadState query={plans} /> : <PlanHeading plan={plan} />}
      {noUnit ? <Alert type="info" showIcon title={t('filters.noScope')} /> : null}
      {plan && scope ? (
        <OrgYearFilters
          region={plan.regionCode}
          roles={PLAN_READERS}
          orgUnit={scope.orgUnit}
          year={scope.year}
          years={years}
          onChange={(next) => setScope(next)}
          idPrefix="dashboard"
        >
          <Form.Item>
            <Switch
              id="dashboard-approved"
              size="small"
              checked={scope.approvedOnly}
              onChange={(approvedOnly) => setScope({ approvedOnly })}
              data-testid="dashboard-approved-only"
            />{' '}
            <label htmlFor="dashboard-approved">{t('dashboard.approvedOnly')}</label>
          </Form.Item>
        </OrgYearFilters>
      ) : null}
      {dash.isError ? <ErrorAlert error={dash.error} onRetry={() => void dash.refetch()} /> : null}
      {plan && scope && !data && dash.isPending ? <Loading /> : null}
      {plan && data ? (
        <div aria-busy={dash.isFetching} data-testid="dashboard">
          <Typography.Paragraph>
            {t('dashboard.scopeLine', { org: data.orgUnit.name, year: data.year })}
            {scope?.approvedOnly ? ` ${t('dashboard.approvedOnlyNote')}` : ''}
          </Typography.Paragraph>
          <StatusSummary counts={data.summary} verdicts={data.verdicts} />
          <section aria-labelledby="table1-heading">
            <Typography.Title level={2} id="table1-heading" style={{ fontSize: 18, marginBottom: 12 }}>
              {t('dashboard.table1')}
            </Typography.Title>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 16 }}>
              {cards.map((ind) => (
                <IndicatorCard key={ind.code} ind={ind} years={planYears(plan)} to={linkTo(ind.code)} />
              ))}
            </div>
          </section>
          <KeyTasks
            groups={data.keyTasks}
            plan={detail.data}
            linkTo={linkTo}
            exportTitle={t('dashboard.keyTasksExport', { org: data.orgUnit.name, year: data.year })}
          />
        </div>
      ) : null}
    </>
  );
}
