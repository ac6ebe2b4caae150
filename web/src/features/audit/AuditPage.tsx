import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import type { AuditEventView } from '../../../../common/contracts/audit';
import { LIMITS } from '../../../../common/limits';
import { auditExportUrl, auditQuery, type AuditFilters as Filters } from '../../api/audit';
import { PageTitle } from '../../app/PageTitle';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBeijing } from '../../components/format';
import { AuditFilters } from './AuditFilters';
import { ChangesTable } from './ChangesTable';
import { actionLabel, entityLabel } from './labels';

const FILTER_KEYS = ['username', 'entity', 'entityId', 'from', 'to'] as const;

function positiveInt(raw: string | null, fallback: number, max: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export default function AuditPage() {
  const t = useT();
  // Filters and page live in the URL: back/forward and bookmarks work, and the export uses the same.
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const page = positiveInt(params.get('page'), 1, Number.MAX_SAFE_INTEGER);
  const pageSize = positiveInt(params.get('pageSize'), 50, LIMITS.pageSizeMax);
  const query = useQuery(auditQuery(filters, page, pageSize));

  const go = (next: Filters, nextPage = 1, nextSize = pageSize) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k]!);
    if (nextPage > 1) p.set('page', String(nextPage));
    if (nextSize !== 50) p.set('pageSize', String(nextSize));
    setParams(p);
  };

  // The word in the column, the stored code in its tooltip (and in the export).
  const coded = (code: string, label: string) => (
    <Tooltip title={t('audit.code', { code })}>
      <span data-code={code}>{label}</span>
    </Tooltip>
  );

  const columns: TableColumnsType<AuditEventView> = [
    { key: 'at', title: t('audit.time'), dataIndex: 'at', render: (v: string) => formatBeijing(v), width: 180 },
    { key: 'username', title: t('audit.user'), dataIndex: 'username', render: (v: string | null) => v ?? t('audit.system') },
    { key: 'action', title: t('audit.action'), dataIndex: 'action', render: (v: string) => coded(v, actionLabel(v, t)) },
    { key: 'entity', title: t('audit.entity'), dataIndex: 'entity', render: (v: string) => coded(v, entityLabel(v, t)) },
    {
      key: 'entityId',
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (v: string) => <Typography.Text style={{ wordBreak: 'break-all' }}>{v}</Typography.Text>,
    },
    { key: 'requestId', title: t('audit.requestId'), dataIndex: 'requestId', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageTitle
        titleKey="audit.title"
        extra={
          <Button href={auditExportUrl(filters)} icon={<DownloadOutlined />} data-testid="audit-export">
            {t('audit.export')}
          </Button>
        }
      />
      {/* Remounted when the URL's filters change, so the form shows what is applied. */}
      <AuditFilters key={JSON.stringify(filters)} value={filters} onChange={(f) => go(f)} />
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AuditEventView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          expandable={{
            columnTitle: <span className="kc-sr-only">{t('audit.changes')}</span>,
            expandedRowRender: (event) => <ChangesTable event={event} />,
            rowExpandable: (event) => Object.keys(event.changes).length > 0,
          }}
          pagination={{
            current: page,
            pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (nextPage, nextSize) => go(filters, nextSize === pageSize ? nextPage : 1, nextSize),
          }}
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
        />
      )}
    </>
  );
}
