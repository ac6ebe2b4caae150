import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { orgUnitsQuery } from '../../../api/orgunits';
import { talentsQuery, type TalentView } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { DemoTag } from '../../../components/DemoTag';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import type { TabProps } from '../RegistryPage';
import { TalentDrawer } from './TalentDrawer';

export default function TalentsTab({ creating, onCreateClose }: TabProps) {
  const t = useT();
  const query = useQuery(talentsQuery());
  const units = useQuery(orgUnitsQuery()).data?.items;
  const unitName = useMemo(() => {
    const byCode = new Map((units ?? []).map((u) => [u.code, u.name]));
    return (code: string) => byCode.get(code) ?? code;
  }, [units]);
  const rows = query.data ?? [];
  const period = (x: TalentView) => t('common.dateRange', { from: x.fromDate, to: x.toDate ?? t('common.toPresent') });

  const columns: TableColumnsType<TalentView> = [
    {
      key: 'name',
      title: t('talent.name'),
      render: (_, x) => (
        <>
          {x.name}
          <DemoTag isDemo={x.isDemo} />
        </>
      ),
    },
    { key: 'category', title: t('talent.category'), dataIndex: 'category' },
    {
      key: 'employer',
      title: t('talent.employer'),
      render: (_, x) =>
        x.employerEnterpriseId ? (
          <Link to={`/registry/enterprises/${x.employerEnterpriseId}`}>{x.employerName ?? '—'}</Link>
        ) : (
          (x.employerName ?? '—')
        ),
    },
    { key: 'orgUnit', title: t('registry.orgUnit'), render: (_, x) => unitName(x.orgUnitCode) },
    { key: 'period', title: t('talent.period'), render: (_, x) => period(x) },
  ];

  const exportTable = () => ({
    title: t('talent.exportTitle'),
    columns: [
      { key: 'name', title: t('talent.name') },
      { key: 'category', title: t('talent.category') },
      { key: 'employer', title: t('talent.employer') },
      { key: 'orgUnit', title: t('registry.orgUnit') },
      { key: 'fromDate', title: t('talent.fromDate') },
      { key: 'toDate', title: t('talent.toDate') },
      { key: 'demo', title: t('demo.tag') },
    ],
    rows: rows.map((x) => ({
      name: x.name,
      category: x.category,
      employer: x.employerName,
      orgUnit: unitName(x.orgUnitCode),
      fromDate: x.fromDate,
      toDate: x.toDate,
      demo: x.isDemo ? t('common.yes') : '',
    })),
  });

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 8, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">{t('talent.privacy')}</Typography.Text>
        <ExportButton table={exportTable} disabled={rows.length === 0} data-testid="talent-export" />
      </div>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<TalentView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching}
          onRow={(x) => ({ 'data-testid': `talent-row-${x.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 'max-content' }}
          data-testid="talent-table"
        />
      )}
      <TalentDrawer open={creating} onClose={onCreateClose} />
    </>
  );
}
