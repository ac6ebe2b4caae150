import { Table } from 'antd';
import type { HTMLAttributes } from 'react';
import type { NoticeItem } from '../../api/panels';
import { useI18n } from '../../app/i18n';
import { formatFen } from '../money';
import { score } from './labels';

/** The approval list as the public sees it (the same table on the public page). */
export function NoticeItemsTable({ items }: { items: readonly NoticeItem[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<NoticeItem>
      rowKey="applicationId"
      size="middle"
      pagination={false}
      dataSource={[...items]}
      locale={{ emptyText: t('public.noItems') }}
      data-testid="pnotice-items"
      onRow={(x) => ({ 'data-testid': `pnotice-item-${x.applicationId}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'rank', title: t('pnotice.rank'), width: 72, render: (_, x) => x.rank ?? '—' },
        { key: 'title', title: t('pnotice.project'), render: (_, x) => x.title },
        { key: 'applicant', title: t('proj.app.applicant'), render: (_, x) => x.applicant },
        { key: 'score', title: t('pnotice.score'), align: 'right', render: (_, x) => score(x.score) },
        {
          key: 'amount',
          title: t('pnotice.amount'),
          align: 'right',
          render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(x.approvedFen, locale)}</span>,
        },
      ]}
    />
  );
}
