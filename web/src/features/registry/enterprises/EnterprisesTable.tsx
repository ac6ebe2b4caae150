import { Button, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { EnterpriseSummary } from '../../../api/registry';
import { REGISTRY_EDITORS } from '../../../app/access';
import { useT } from '../../../app/i18n';
import { mayUse, useMe } from '../../../app/session';
import { DemoTag } from '../../../components/DemoTag';
import { ExportButton } from '../../../components/ExportButton';
import { useRegistryTypes } from '../../../components/registry/useRegistryTypes';

interface Props {
  data: { items: EnterpriseSummary[]; total: number } | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (id: string) => void;
}

export function EnterprisesTable({ data, loading, page, pageSize, onPage, onEdit }: Props) {
  const t = useT();
  const editor = mayUse(useMe().data, REGISTRY_EDITORS);
  const types = useRegistryTypes();
  const rows = data?.items ?? [];

  const columns: TableColumnsType<EnterpriseSummary> = [
    {
      key: 'name',
      title: t('ent.name'),
      render: (_, e) => (
        <>
          <Link to={`/registry/enterprises/${e.id}`} data-testid={`enterprise-link-${e.creditCode}`}>
            {e.name}
          </Link>
          <DemoTag isDemo={e.isDemo} />
        </>
      ),
    },
    { key: 'creditCode', title: t('ent.creditCode'), dataIndex: 'creditCode', render: (v: string) => <code>{v}</code> },
    { key: 'orgUnit', title: t('registry.orgUnit'), dataIndex: 'orgUnitName' },
    {
      key: 'tags',
      title: t('ent.tags'),
      render: (_, e) => (
        <Space wrap size={[4, 4]}>
          {e.tags.map((c) => (
            <Tag key={c}>{types.tagName(c)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'qualifications',
      title: t('ent.qualification'),
      render: (_, e) => (e.qualificationCodes.length ? e.qualificationCodes.map(types.qualificationName).join(t('common.listSep')) : '—'),
    },
    { key: 'size', title: t('ent.sizeClass'), render: (_, e) => (e.sizeClass ? t(`size.${e.sizeClass}`) : '—') },
    ...(editor
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, e: EnterpriseSummary) => (
              <Button type="link" onClick={() => onEdit(e.id)} data-testid={`enterprise-edit-${e.creditCode}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const exportTable = () => ({
    title: t('ent.exportTitle'),
    columns: [
      { key: 'name', title: t('ent.name') },
      { key: 'creditCode', title: t('ent.creditCode') },
      { key: 'orgUnit', title: t('registry.orgUnit') },
      { key: 'tags', title: t('ent.tags') },
      { key: 'qualifications', title: t('ent.qualification') },
      { key: 'size', title: t('ent.sizeClass') },
      { key: 'demo', title: t('demo.tag') },
    ],
    rows: rows.map((e) => ({
      name: e.name,
      creditCode: e.creditCode,
      orgUnit: e.orgUnitName,
      tags: e.tags.map(types.tagName).join(t('common.listSep')),
      qualifications: e.qualificationCodes.map(types.qualificationName).join(t('common.listSep')),
      size: e.sizeClass ? t(`size.${e.sizeClass}`) : '',
      demo: e.isDemo ? t('common.yes') : '',
    })),
  });

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButton table={exportTable} disabled={rows.length === 0} data-testid="enterprise-export" />
      </div>
      <Table<EnterpriseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        onRow={(e) => ({ 'data-testid': `enterprise-row-${e.creditCode}` }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: onPage,
        }}
        scroll={{ x: 'max-content' }}
        data-testid="enterprise-table"
      />
    </>
  );
}
