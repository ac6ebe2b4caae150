import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes, Key, MouseEvent } from 'react';
import type { Claim } from '../../api/claims';
import { useI18n } from '../../app/i18n';
import { formatBeijing } from '../../components/format';
import { formatFen } from '../../components/money';
import { EligibilityTag } from '../../components/policies/EligibilityTag';
import { ClaimStatusTag } from '../../components/claims/ClaimStatusTag';
import { ScrollRegion } from '../../components/ScrollRegion';

interface Props {
  claims: readonly Claim[];
  loading: boolean;
  onOpen: (id: string) => void;
  /** Reviewed claims can be picked for a public notice. */
  selected?: string[];
  onSelect?: (ids: string[]) => void;
}

/** The matches inbox: enterprise, policy, amount, eligibility and status; a row opens the claim. */
export function ClaimsTable({ claims, loading, onOpen, selected, onSelect }: Props) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<Claim> = [
    {
      key: 'enterprise',
      title: t('claim.enterprise'),
      render: (_, c) => (
        <>
          <Typography.Link
            onClick={(e: MouseEvent) => {
              e.stopPropagation();
              onOpen(c.id);
            }}
            data-testid={`claim-open-${c.creditCode}`}
          >
            {c.enterpriseName}
          </Typography.Link>
          <div>
            <code style={{ fontSize: 12 }}>{c.creditCode}</code>
          </div>
        </>
      ),
    },
    { key: 'policy', title: t('claim.policy'), render: (_, c) => (locale === 'zh-CN' ? c.policyZh : c.policyEn) },
    { key: 'year', title: t('claim.fiscalYear'), dataIndex: 'fiscalYear', width: 80 },
    {
      key: 'amount',
      title: t('claim.amount'),
      align: 'right',
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }} data-testid="claim-amount">
          {formatFen(c.amountFen, locale)}
        </span>
      ),
    },
    { key: 'elig', title: t('pol.eligibility'), render: (_, c) => <EligibilityTag eligibility={c.eligibility} /> },
    { key: 'status', title: t('claim.status'), render: (_, c) => <ClaimStatusTag status={c.status} /> },
    {
      key: 'created',
      title: t('claim.createdAt'),
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(c.createdAt)}</span>,
    },
  ];
  return (
    <ScrollRegion label={t('claim.tableLabel')}>
      <Table<Claim>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={[...claims]}
        loading={loading}
        rowSelection={
          onSelect
            ? {
                selectedRowKeys: selected ?? [],
                onChange: (keys: Key[]) => onSelect(keys.map(String)),
                getCheckboxProps: (c) => ({
                  disabled: c.status !== 'reviewed',
                  'aria-label': t('claim.select', { enterprise: c.enterpriseName }),
                }),
                columnTitle: <span className="kc-sr-only">{t('claim.selectColumn')}</span>,
              }
            : undefined
        }
        onRow={(c) =>
          ({
            'data-testid': `claim-row-${c.creditCode}-${c.policyCode}`,
            'data-status': c.status,
            'data-id': c.id,
            onClick: (e: MouseEvent) => {
              if (!(e.target as HTMLElement).closest('a, button, input, label, .ant-checkbox-wrapper')) onOpen(c.id);
            },
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: t('claim.empty') }}
        data-testid="claims-table"
      />
    </ScrollRegion>
  );
}
