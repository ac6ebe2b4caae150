import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { platformsQuery, type PlatformView } from '../../../api/registry';
import { useI18n } from '../../../app/i18n';
import { DemoTag } from '../../../components/DemoTag';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import { formatNumber } from '../../../components/format';
import { bureauToday } from '../../../components/isoDate';
import { StatusTag } from '../../../components/StatusTag';
import type { TabProps } from '../RegistryPage';
import { useRegistryTypes } from '../../../components/registry/useRegistryTypes';
import { PlatformDrawer } from './PlatformDrawer';

/** R&D institutions, S&T service institutions and incubators, with their host and recognition. */
export default function PlatformsTab({ creating, onCreateClose }: TabProps) {
  const { t, locale } = useI18n();
  const types = useRegistryTypes();
  const query = useQuery(platformsQuery());
  const rows = query.data ?? [];
  const today = bureauToday();
  const active = (p: PlatformView) => !p.revokedOn || p.revokedOn > today;
  // Incubators and maker spaces: their floor area counts toward the plan's incubation-area indicator.
  const incubators = new Set(types.platformTypes.filter((x) => x.incubator).map((x) => x.code));

  const columns: TableColumnsType<PlatformView> = [
    {
      key: 'name',
      title: t('plat.name'),
      render: (_, p) => (
        <>
          {p.name}
          <DemoTag isDemo={p.isDemo} />
        </>
      ),
    },
    {
      key: 'type',
      title: t('plat.type'),
      render: (_, p) => (
        <>
          {types.platformTypeName(p.typeCode)}
          {incubators.has(p.typeCode) ? <Tag style={{ marginInlineStart: 8 }}>{t('plat.incubator')}</Tag> : null}
        </>
      ),
    },
    { key: 'category', title: t('plat.category'), render: (_, p) => t(`plat.category.${p.category}`) },
    { key: 'level', title: t('plat.level'), render: (_, p) => t(`plat.level.${p.level}`) },
    {
      key: 'host',
      title: t('plat.host'),
      render: (_, p) =>
        p.hostEnterpriseId ? <Link to={`/registry/enterprises/${p.hostEnterpriseId}`}>{p.hostName ?? '—'}</Link> : (p.hostName ?? '—'),
    },
    { key: 'orgUnit', title: t('registry.orgUnit'), dataIndex: 'orgUnitName' },
    { key: 'recognizedOn', title: t('plat.recognizedOn'), dataIndex: 'recognizedOn' },
    {
      key: 'floorArea',
      title: t('plat.floorArea'),
      align: 'right',
      render: (_, p) => (p.floorArea === null ? '—' : formatNumber(p.floorArea, locale)),
    },
    {
      key: 'status',
      title: t('plat.status'),
      render: (_, p) =>
        active(p) ? (
          <StatusTag tone="ok">{t('plat.active')}</StatusTag>
        ) : (
          <StatusTag tone="off">
            {t('plat.revoked')} {p.revokedOn}
          </StatusTag>
        ),
    },
  ];

  const exportTable = () => ({
    title: t('plat.exportTitle'),
    columns: [
      { key: 'name', title: t('plat.name') },
      { key: 'type', title: t('plat.type') },
      { key: 'category', title: t('plat.category') },
      { key: 'level', title: t('plat.level') },
      { key: 'host', title: t('plat.host') },
      { key: 'orgUnit', title: t('registry.orgUnit') },
      { key: 'recognizedOn', title: t('plat.recognizedOn') },
      { key: 'revokedOn', title: t('plat.revokedOn') },
      { key: 'floorArea', title: t('plat.floorArea') },
      { key: 'demo', title: t('demo.tag') },
    ],
    rows: rows.map((p) => ({
      name: p.name,
      type: types.platformTypeName(p.typeCode),
      category: t(`plat.category.${p.category}`),
      level: t(`plat.level.${p.level}`),
      host: p.hostName,
      orgUnit: p.orgUnitName,
      recognizedOn: p.recognizedOn,
      revokedOn: p.revokedOn,
      floorArea: p.floorArea,
      demo: p.isDemo ? t('common.yes') : '',
    })),
  });

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButton table={exportTable} disabled={rows.length === 0} data-testid="platform-export" />
      </div>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<PlatformView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching}
          onRow={(p) => ({ 'data-testid': `platform-row-${p.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 'max-content' }}
          data-testid="platform-table"
        />
      )}
      <PlatformDrawer open={creating} onClose={onCreateClose} />
    </>
  );
}
