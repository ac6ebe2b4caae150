import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { indicatorValuesQuery } from '../../api/plans';
import { PLAN_READERS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgYearFilters } from '../../components/OrgYearFilters';
import { Section } from '../../components/Section';
import { ValueHistoryDrawer, type HistoryTarget } from '../../components/ValueHistoryDrawer';
import { Formula } from './Formula';
import { IndicatorChart } from './IndicatorChart';
import { indicatorName } from '../../components/monitoring/indicatorText';
import { PlanLoadState } from '../../components/monitoring/PlanLoadState';
import { ProgressExplanation } from './ProgressExplanation';
import { ProgressTag } from '../../components/monitoring/ProgressTag';
import { VerdictTag } from '../../components/monitoring/VerdictTag';
import { StatementsTable } from '../../components/monitoring/StatementsTable';
import { monitoringYear, scopeSearch, useCurrentPlan, useScopeParams } from '../../components/monitoring/usePlan';
import { YearValuesTable } from './YearValuesTable';

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

export default function IndicatorPage() {
  const { code = '' } = useParams();
  const { t, locale } = useI18n();
  const plans = useCurrentPlan();
  const { plan } = plans;
  const { scope, setScope, years } = useScopeParams(plan, PLAN_READERS, monitoringYear);
  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const from = plan?.baselineYear ?? 0;
  const to = scope?.year ?? 0;
  const query = useQuery({ ...indicatorValuesQuery(code, plan?.id ?? '', scope?.orgUnit ?? '', from, to), enabled: scope !== null });
  const data = query.data?.indicator.code === code ? query.data : undefined;
  const ind = data?.indicator;
  const name = ind ? `${ind.code} ${indicatorName(ind, locale)}` : undefined;
  const exportTitle = (what: string) => `${ind?.code ?? code} ${what} ${data?.orgUnit.name ?? ''} ${to}`;

  return (
    <>
      <Link to={`/dashboard${scopeSearch(scope)}`} style={{ display: 'inline-block', marginBottom: 8 }} data-testid="back-to-dashboard">
        <ArrowLeftOutlined aria-hidden /> {t('indicator.back')}
      </Link>
      <PageTitle
        titleKey="indicator.title"
        text={name}
        extra={
          ind?.progress.verdict ? (
            <VerdictTag outcome={ind.progress.verdict.outcome} />
          ) : ind ? (
            <ProgressTag status={ind.progress.status} />
          ) : null
        }
      />
      {ind && locale !== 'zh-CN' ? (
        <Typography.Paragraph lang="zh-CN" style={{ marginTop: -8 }}>
          {ind.nameZh}
        </Typography.Paragraph>
      ) : null}
      {!plan ? <PlanLoadState query={plans} /> : null}
      {plan && scope ? (
        <OrgYearFilters
          region={plan.regionCode}
          roles={PLAN_READERS}
          orgUnit={scope.orgUnit}
          year={scope.year}
          years={years}
          onChange={(next) => setScope(next)}
          idPrefix="indicator"
        />
      ) : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {scope && !data && !query.isError ? <Loading /> : null}
      {plan && data && ind ? (
        <div aria-busy={query.isFetching}>
          <Typography.Paragraph>{t('indicator.scopeLine', { org: data.orgUnit.name, year: to })}</Typography.Paragraph>
          <Section title={t('indicator.chart')}>
            <IndicatorChart data={data} planYears={years} />
          </Section>
          <Section title={t('indicator.progress')}>
            <ProgressExplanation ind={ind} />
          </Section>
          <Section title={t('indicator.values')}>
            <YearValuesTable data={data} years={range(from, to)} onHistory={setHistory} exportTitle={exportTitle(t('indicator.values'))} />
          </Section>
          <Section title={t('indicator.definitionFormula')}>
            <Formula ind={ind} />
          </Section>
          <Section title={t('indicator.statements')}>
            <StatementsTable data={data} exportTitle={exportTitle(t('indicator.statements'))} />
          </Section>
        </div>
      ) : null}
      <ValueHistoryDrawer target={history} onClose={() => setHistory(null)} />
    </>
  );
}
