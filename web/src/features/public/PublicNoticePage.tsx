import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useParams } from 'react-router';
import { publicNoticeQuery, raiseObjection, type PublicNotice } from '../../api/claims';
import { useDocumentTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { formatFen } from '../../components/money';
import { ObjectionForm, PublicNoticeFrame } from './PublicNotice';

type Item = PublicNotice['items'][number];

/** One public notice: who is to receive what under which policy, and while it runs, a form to object. */
export default function PublicNoticePage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const query = useQuery(publicNoticeQuery(id));
  const n = query.data?.id === id ? query.data : undefined;
  useDocumentTitle('public.notice', n?.title);

  const columns: TableColumnsType<Item> = [
    { key: 'no', title: t('public.no'), width: 64, render: (_, __, i) => i + 1 },
    { key: 'enterprise', title: t('claim.enterprise'), dataIndex: 'enterprise' },
    { key: 'policy', title: t('claim.policy'), render: (_, x) => (locale === 'zh-CN' ? x.policyZh : x.policyEn) },
    {
      key: 'amount',
      title: t('claim.amount'),
      align: 'right',
      render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(x.amountFen, locale)}</span>,
    },
  ];

  return (
    <PublicNoticeFrame
      query={query}
      notice={n}
      testId="public-notice"
      columns={3}
      text={t('public.noticeText')}
      itemsLabel={t('public.itemsLabel')}
      objectionForm={
        n ? (
          <ObjectionForm
            endsOn={n.endsOn}
            about="claimId"
            options={n.items.map((x) => ({
              value: x.claimId,
              label: `${x.enterprise} · ${locale === 'zh-CN' ? x.policyZh : x.policyEn}`,
            }))}
            selectTestId="objection-claim"
            raise={(body) => raiseObjection(n.id, body)}
          />
        ) : null
      }
    >
      {n ? (
        <Table<Item>
          rowKey="claimId"
          size="middle"
          columns={columns}
          dataSource={n.items}
          pagination={false}
          locale={{ emptyText: t('public.noItems') }}
          data-testid="public-notice-items"
        />
      ) : null}
    </PublicNoticeFrame>
  );
}
