import { useQuery } from '@tanstack/react-query';
import { Drawer, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DataValueView, ValueKey } from '../../../common/contracts/datavalues';
import { historyQuery } from '../api/datavalues';
import { useI18n } from '../app/i18n';
import { useMe } from '../app/session';
import { ErrorAlert } from './ErrorAlert';
import { ExportButton } from './ExportButton';
import { formatBeijing, formatNumber, unitText, withUnit } from './format';
import { useLastNonNull } from './useLastNonNull';
import { ValueStatusTag } from './ValueStatusTag';

export interface HistoryTarget extends ValueKey {
  /** The data element's name, for the title. */
  name: string;
  unit: string;
}

/** Every version of one data value, newest first: who entered, approved or corrected it, and why. */
export function ValueHistoryDrawer({ target, onClose }: { target: HistoryTarget | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const shown = useLastNonNull(target);
  // The history names users by id only: the current user by name, others by a short id.
  const who = (id: string | null) =>
    id === null ? t('history.system') : id === me?.id ? me.displayName : t('history.user', { id: id.slice(0, 8) });
  const query = useQuery({ ...historyQuery(shown ?? { dataElement: '', orgUnit: '', period: '' }), enabled: target !== null });
  const title = shown ? t('history.title', { name: shown.name, period: shown.period }) : '';

  const columns: TableColumnsType<DataValueView> = [
    { key: 'version', title: t('history.version'), dataIndex: 'version', width: 72 },
    {
      key: 'value',
      title: t('history.value'),
      dataIndex: 'value',
      align: 'right',
      render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{withUnit(formatNumber(v, locale), shown?.unit ?? '', locale)}</span>,
    },
    {
      key: 'status',
      title: t('history.status'),
      dataIndex: 'status',
      render: (s: DataValueView['status']) => <ValueStatusTag status={s} />,
    },
    {
      key: 'source',
      title: t('history.source'),
      dataIndex: 'source',
      render: (s: DataValueView['source']) => <span style={{ whiteSpace: 'nowrap' }}>{t(`value.source.${s}`)}</span>,
    },
    {
      key: 'created',
      title: t('history.created'),
      render: (_, v) => `${who(v.createdBy)} · ${formatBeijing(v.createdAt)}`,
    },
    {
      key: 'approved',
      title: t('history.approved'),
      render: (_, v) => (v.approvedAt ? `${who(v.approvedBy)} · ${formatBeijing(v.approvedAt)}` : '—'),
    },
    {
      key: 'reason',
      title: t('history.reason'),
      render: (_, v) => [v.reason, v.sourceNote].filter(Boolean).join(t('common.semi')) || '—',
    },
  ];

  const exportTable = () => ({
    title: title,
    columns: [
      { key: 'version', title: t('history.version') },
      { key: 'value', title: t('history.value') },
      { key: 'unit', title: t('common.unit') },
      { key: 'status', title: t('history.status') },
      { key: 'source', title: t('history.source') },
      { key: 'createdBy', title: t('history.createdBy') },
      { key: 'createdAt', title: t('history.createdAt') },
      { key: 'approvedBy', title: t('history.approvedBy') },
      { key: 'approvedAt', title: t('history.approvedAt') },
      { key: 'reason', title: t('history.reason') },
    ],
    rows: (query.data ?? []).map((v) => ({
      version: v.version,
      value: v.value,
      unit: unitText(shown?.unit ?? '', locale),
      status: t(`value.status.${v.status}`),
      source: t(`value.source.${v.source}`),
      createdBy: who(v.createdBy),
      createdAt: formatBeijing(v.createdAt),
      approvedBy: v.approvedAt ? who(v.approvedBy) : null,
      approvedAt: formatBeijing(v.approvedAt),
      reason: [v.reason, v.sourceNote].filter(Boolean).join(t('common.semi')),
    })),
  });

  return (
    <Drawer
      open={target !== null}
      title={title}
      size={760}
      onClose={onClose}
      destroyOnHidden
      extra={<ExportButton table={exportTable} disabled={!query.data?.length} data-testid="history-export" />}
      data-testid="history-drawer"
    >
      {shown ? (
        <Typography.Paragraph>
          {t('history.hint', { org: shown.orgUnit, period: shown.period, code: shown.dataElement })}
        </Typography.Paragraph>
      ) : null}
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<DataValueView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isFetching}
          pagination={false}
          locale={{ emptyText: t('history.empty') }}
          data-testid="history-table"
        />
      )}
    </Drawer>
  );
}
