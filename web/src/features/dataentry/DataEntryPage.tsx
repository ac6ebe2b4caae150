import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useMemo } from 'react';
import { gridQuery } from '../../api/datavalues';
import { VALUE_WRITERS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgYearFilters } from '../../components/OrgYearFilters';
import { Section } from '../../components/Section';
import { PlanHeading, PlanLoadState } from '../../components/monitoring/PlanLoadState';
import { entryYear, useCurrentPlan, useScopeParams } from '../../components/monitoring/usePlan';
import { EntryGrid } from './EntryGrid';
import { ImportPanel } from './ImportPanel';

export default function DataEntryPage() {
  const { t, locale } = useI18n();
  const plans = useCurrentPlan();
  const { plan } = plans;
  const { scope, setScope, years, noUnit } = useScopeParams(plan, VALUE_WRITERS, entryYear);
  const grid = useQuery({ ...gridQuery(scope?.orgUnit ?? '', scope?.year ?? 0, plan?.id), enabled: scope !== null });
  const rows = grid.data?.rows;
  const names = useMemo(
    () => new Map((rows ?? []).map((r) => [r.dataElement.code, locale === 'zh-CN' ? r.dataElement.nameZh : r.dataElement.nameEn])),
    [rows, locale],
  );

  return (
    <>
      <PageTitle titleKey="entry.title" />
      {!plan ? <PlanLoadState query={plans} /> : <PlanHeading plan={plan} />}
      {noUnit ? <Alert type="info" showIcon title={t('filters.noScope')} /> : null}
      {plan && scope ? (
        <>
          <OrgYearFilters
            region={plan.regionCode}
            roles={VALUE_WRITERS}
            orgUnit={scope.orgUnit}
            year={scope.year}
            years={years}
            onChange={(next) => setScope(next)}
            idPrefix="entry"
          />
          <ImportPanel key={`${scope.orgUnit}-${scope.year}`} orgUnit={scope.orgUnit} year={scope.year} planId={plan.id} names={names} />
          <Section title={grid.data ? t('entry.gridTitle', { org: grid.data.orgUnit.name, year: grid.data.year }) : t('entry.grid')}>
            {grid.isError ? <ErrorAlert error={grid.error} onRetry={() => void grid.refetch()} /> : null}
            {grid.isPending ? <Loading /> : null}
            {grid.data ? <EntryGrid key={`${grid.data.orgUnit.code}-${grid.data.year}`} grid={grid.data} /> : null}
          </Section>
        </>
      ) : null}
    </>
  );
}
