import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Fragment, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { PatentView } from '../../api/registry';
import { useT } from '../../app/i18n';
import { DemoTag } from '../DemoTag';
import { ScrollRegion } from '../ScrollRegion';
import { StatusTag } from '../StatusTag';

const TONES = { pending: 'warn', granted: 'ok', lapsed: 'off', invalidated: 'error' } as const;

interface Props {
  patents: PatentView[];
  loading?: boolean;
  /** Owners link to their registry page (not in the enterprise portal). */
  linkOwners?: boolean;
  testId?: string;
}

/** Patents with type, legal status, dates and owners; used by the registry, an enterprise's page and the portal. */
export function PatentsTable({ patents, loading, linkOwners = false, testId = 'patent-table' }: Props) {
  const t = useT();
  const columns: TableColumnsType<PatentView> = [
    { key: 'number', title: t('patent.number'), dataIndex: 'number', render: (v: string) => <code>{v}</code> },
    {
      key: 'title',
      title: t('patent.title'),
      render: (_, p) => (
        <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>
          {p.title}
          <DemoTag isDemo={p.isDemo} />
        </div>
      ),
    },
    { key: 'type', title: t('patent.type'), render: (_, p) => t(`patent.type.${p.type}`) },
    {
      key: 'status',
      title: t('patent.status'),
      render: (_, p) => <StatusTag tone={TONES[p.status]}>{t(`patent.status.${p.status}`)}</StatusTag>,
    },
    { key: 'filedOn', title: t('patent.filedOn'), dataIndex: 'filedOn' },
    { key: 'grantedOn', title: t('patent.grantedOn'), render: (_, p) => p.grantedOn ?? '—' },
    {
      key: 'expiresOn',
      title: t('patent.expiresOn'),
      render: (_, p) => (p.lapsedOn ? `${t('patent.lapsedOn')} ${p.lapsedOn}` : p.expiresOn),
    },
    {
      key: 'owners',
      title: t('patent.owners'),
      render: (_, p) =>
        p.owners.map((o, i) => (
          <Fragment key={o.creditCode}>
            {i > 0 ? t('common.listSep') : null}
            {linkOwners && o.enterpriseId ? (
              <Link to={`/registry/enterprises/${o.enterpriseId}`}>{o.name ?? o.creditCode}</Link>
            ) : (
              (o.name ?? o.creditCode)
            )}
          </Fragment>
        )),
    },
  ];
  return (
    <ScrollRegion label={t('detail.patents')}>
      <Table<PatentView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={patents}
        loading={loading}
        locale={{ emptyText: t('patent.none') }}
        onRow={(p) => ({ 'data-testid': `patent-row-${p.number}` }) as HTMLAttributes<HTMLElement>}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        data-testid={testId}
      />
    </ScrollRegion>
  );
}

/** The table as an xlsx export. */
export function patentsExport(patents: PatentView[], title: string, t: ReturnType<typeof useT>) {
  return {
    title,
    columns: [
      { key: 'number', title: t('patent.number') },
      { key: 'title', title: t('patent.title') },
      { key: 'type', title: t('patent.type') },
      { key: 'status', title: t('patent.status') },
      { key: 'filedOn', title: t('patent.filedOn') },
      { key: 'grantedOn', title: t('patent.grantedOn') },
      { key: 'lapsedOn', title: t('patent.lapsedOn') },
      { key: 'expiresOn', title: t('patent.expiresOn') },
      { key: 'owners', title: t('patent.owners') },
      { key: 'demo', title: t('demo.tag') },
    ],
    rows: patents.map((p) => ({
      number: p.number,
      title: p.title,
      type: t(`patent.type.${p.type}`),
      status: t(`patent.status.${p.status}`),
      filedOn: p.filedOn,
      grantedOn: p.grantedOn,
      lapsedOn: p.lapsedOn,
      expiresOn: p.expiresOn,
      owners: p.owners.map((o) => o.name ?? o.creditCode).join(t('common.listSep')),
      demo: p.isDemo ? t('common.yes') : '',
    })),
  };
}
