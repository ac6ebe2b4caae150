import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { budgetRequestsQuery, decideBudgetRequest, LEDGER_KEY, type BudgetRequest } from '../../api/ledger';
import { POLICY_EDITORS } from '../../app/access';
import { useI18n } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import { formatFen } from '../../components/money';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { fundSourceText } from '../../components/claims/labels';

const TONES = { pending: 'gold', approved: 'green', rejected: 'default' } as const;

/**
 * 预算申请: budget requests wait here until a staff member other than the requester approves them (four eyes,
 * enforced by the server and the database). The requester sees their own as waiting for a colleague and may
 * withdraw it; a refused decision shows the server's message.
 */
export function BudgetRequests({ policyName }: { policyName: (code: string | null) => string }) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const editor = mayUse(me, POLICY_EDITORS);
  const [all, setAll] = useState(false);
  const requests = useQuery(budgetRequestsQuery(all ? undefined : 'pending'));
  const decide = useDecide();

  const columns: TableColumnsType<BudgetRequest> = [
    {
      key: 'policy',
      title: t('ledger.policy'),
      render: (_, r) => (
        <>
          {policyName(r.policyCode)}
          <div>
            <Typography.Text code style={{ fontSize: 12 }}>
              {r.policyCode}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { key: 'year', title: t('ledger.fiscalYear'), dataIndex: 'fiscalYear', width: 80 },
    { key: 'source', title: t('ledger.fundSource'), render: (_, r) => fundSourceText(r.fundSource, t) },
    {
      key: 'amount',
      title: t('ledger.budget.amount'),
      align: 'right',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(r.amount, locale)}</span>,
    },
    { key: 'reason', title: t('ledger.budget.reason'), render: (_, r) => r.reason ?? '—' },
    { key: 'by', title: t('ledger.requests.requestedBy'), render: (_, r) => r.requestedByName ?? '—' },
    {
      key: 'status',
      title: t('ledger.requests.status'),
      render: (_, r) => (
        <Tag color={TONES[r.status]} data-testid={`budget-request-status-${r.id}`}>
          {t(`ledger.requests.status.${r.status}`)}
        </Tag>
      ),
    },
    ...(editor
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, r: BudgetRequest) =>
              r.status !== 'pending' ? (
                (r.decidedByName ?? null)
              ) : (
                <DecideButtons r={r} own={r.requestedBy !== null && r.requestedBy === me?.id} decide={decide} />
              ),
          },
        ]
      : []),
  ];

  return (
    <Section
      title={t('ledger.requests')}
      testId="ledger-budget-requests"
      extra={
        <Space>
          <Switch checked={all} onChange={setAll} aria-label={t('ledger.requests.showAll')} data-testid="budget-requests-all" />
          <span>{t('ledger.requests.showAll')}</span>
        </Space>
      }
    >
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('ledger.requests.hint')}</Typography.Paragraph>
      {requests.isError ? <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} /> : null}
      {decide.error ? (
        <Alert type="error" showIcon title={errorText(decide.error, t)} style={{ marginBottom: 12 }} data-testid="budget-request-error" />
      ) : null}
      <ScrollRegion label={t('ledger.requests')}>
        <Table<BudgetRequest>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={requests.data ?? []}
          loading={requests.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('ledger.requests.none') }}
          data-testid="budget-requests-table"
        />
      </ScrollRegion>
    </Section>
  );
}

/** Approves or rejects a budget request, then refreshes the ledger. */
function useDecide() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ r, decision }: { r: BudgetRequest; decision: 'approve' | 'reject' }) => decideBudgetRequest(r.id, decision),
    onSuccess: async (_, { r, decision }) => {
      await client.invalidateQueries({ queryKey: LEDGER_KEY });
      void message.success(
        t(decision === 'approve' ? 'ledger.requests.approved' : 'ledger.requests.rejected', { amount: formatFen(r.amount, locale) }),
      );
    },
  });
}

/** A pending request's buttons: approve (not one's own) and reject (withdraw one's own). */
function DecideButtons({ r, own, decide }: { r: BudgetRequest; own: boolean; decide: ReturnType<typeof useDecide> }) {
  const { t } = useI18n();
  const busy = decide.isPending && decide.variables?.r.id === r.id;
  return (
    <Space wrap>
      {own ? (
        <Typography.Text type="secondary">{t('ledger.requests.own')}</Typography.Text>
      ) : (
        <Button
          type="primary"
          size="small"
          loading={busy && decide.variables?.decision === 'approve'}
          onClick={() => decide.mutate({ r, decision: 'approve' })}
          data-testid={`budget-request-approve-${r.policyCode}-${r.fiscalYear}`}
        >
          {t('ledger.requests.approve')}
        </Button>
      )}
      <Button
        size="small"
        danger
        loading={busy && decide.variables?.decision === 'reject'}
        onClick={() => decide.mutate({ r, decision: 'reject' })}
        data-testid={`budget-request-reject-${r.policyCode}-${r.fiscalYear}`}
      >
        {t(own ? 'ledger.requests.withdraw' : 'ledger.requests.reject')}
      </Button>
    </Space>
  );
}
