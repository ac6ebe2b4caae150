import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { noticesQuery, type Notice } from '../../api/claims';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { formatBeijing } from '../../components/format';
import { NoticeStateTag } from '../../components/claims/ClaimStatusTag';
import { noticeState } from '../../components/claims/labels';

/** The public notices (公示), newest first; one opens with its claims and objections. */
export function NoticesTab({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const query = useQuery(noticesQuery());
  const rows = query.data ?? [];
  const columns: TableColumnsType<Notice> = [
    {
      key: 'title',
      title: t('notice.title'),
      render: (_, n) => (
        <Typography.Link onClick={() => onOpen(n.id)} data-testid={`notice-open-${n.id}`}>
          {n.title}
        </Typography.Link>
      ),
    },
    { key: 'period', title: t('notice.period'), render: (_, n) => t('common.dateRange', { from: n.startsOn, to: n.endsOn }) },
    { key: 'state', title: t('notice.state'), render: (_, n) => <NoticeStateTag notice={n} /> },
    { key: 'created', title: t('notice.createdAt'), render: (_, n) => formatBeijing(n.createdAt) },
  ];
  const exportTable = () => ({
    title: t('notice.listTitle'),
    columns: [
      { key: 'title', title: t('notice.title') },
      { key: 'startsOn', title: t('notice.startsOn') },
      { key: 'endsOn', title: t('notice.endsOn') },
      { key: 'state', title: t('notice.state') },
    ],
    rows: rows.map((n) => ({ title: n.title, startsOn: n.startsOn, endsOn: n.endsOn, state: t(`notice.state.${noticeState(n)}`) })),
  });
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 8, flexWrap: 'wrap' }}>
        <Typography.Paragraph style={{ margin: 0, maxWidth: 900 }}>{t('notice.intro')}</Typography.Paragraph>
        <ExportButton table={exportTable} disabled={rows.length === 0} data-testid="notices-export" />
      </div>
      <Table<Notice>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={query.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('notice.none') }}
        onRow={(n) =>
          ({
            'data-testid': `notice-row-${n.id}`,
            onClick: () => onOpen(n.id),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        data-testid="notices-table"
      />
    </>
  );
}
