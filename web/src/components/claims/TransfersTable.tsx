import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { accountsQuery, type LedgerAccount, type LedgerTransfer } from '../../api/ledger';
import { useI18n } from '../../app/i18n';
import { formatBeijing } from '../format';
import { formatFen } from '../money';
import { accountNameText } from '../ledger/accountName';

interface Props {
  transfers: readonly LedgerTransfer[];
  /** The account the list belongs to: its side (debit or credit) is shown. */
  accountId?: number;
  loading?: boolean;
  /** Actions per transfer (e.g. reverse). */
  actions?: (t: LedgerTransfer) => ReactNode;
  testId?: string;
}

export function useAccountNames(): (accountId: number) => string {
  const { t } = useI18n();
  const accounts = useQuery(accountsQuery()).data;
  const byId = new Map((accounts ?? []).map((a: LedgerAccount) => [a.id, a]));
  return (accountId: number) => {
    const a = byId.get(accountId);
    return a ? accountNameText(a.name, t) : `#${accountId}`;
  };
}

/** Ledger transfers: what moved, from which account to which, why, and which claim it belongs to. */
export function TransfersTable({ transfers, accountId, loading, actions, testId }: Props) {
  const { t, locale } = useI18n();
  const account = useAccountNames();
  const other = (x: LedgerTransfer) => (x.debitAccountId === accountId ? x.creditAccountId : x.debitAccountId);
  const columns: TableColumnsType<LedgerTransfer> = [
    { key: 'id', title: t('ledger.transfer.id'), dataIndex: 'id', width: 64 },
    { key: 'at', title: t('ledger.transfer.at'), render: (_, x) => formatBeijing(x.createdAt) },
    {
      key: 'kind',
      title: t('ledger.transfer.kind'),
      render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{t(`ledger.kind.${x.kind}`)}</span>,
    },
    ...(accountId !== undefined
      ? [
          {
            key: 'side',
            title: t('ledger.transfer.side'),
            render: (_: unknown, x: LedgerTransfer) => (
              <span style={{ whiteSpace: 'nowrap' }}>{t(x.debitAccountId === accountId ? 'ledger.side.debit' : 'ledger.side.credit')}</span>
            ),
          },
        ]
      : []),
    {
      key: 'amount',
      title: t('ledger.transfer.amount'),
      align: 'right',
      render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(x.amount, locale)}</span>,
    },
    ...(accountId !== undefined
      ? [{ key: 'other', title: t('ledger.transfer.other'), render: (_: unknown, x: LedgerTransfer) => account(other(x)) }]
      : [
          { key: 'debit', title: t('ledger.transfer.debit'), render: (_: unknown, x: LedgerTransfer) => account(x.debitAccountId) },
          { key: 'credit', title: t('ledger.transfer.credit'), render: (_: unknown, x: LedgerTransfer) => account(x.creditAccountId) },
        ]),
    {
      key: 'reason',
      title: t('ledger.transfer.reason'),
      render: (_, x) =>
        [
          x.reason,
          x.reversesId ? t('ledger.transfer.reverses', { id: x.reversesId }) : null,
          x.pendingId ? t('ledger.transfer.resolves', { id: x.pendingId }) : null,
        ]
          .filter(Boolean)
          .join(t('common.semi')) || '—',
    },
    ...(actions ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, x: LedgerTransfer) => actions(x) }] : []),
  ];
  return (
    <Table<LedgerTransfer>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...transfers]}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('ledger.transfer.none') }}
      onRow={(x) => ({ 'data-testid': `transfer-row-${x.id}`, 'data-kind': x.kind }) as HTMLAttributes<HTMLElement>}
      data-testid={testId}
    />
  );
}
