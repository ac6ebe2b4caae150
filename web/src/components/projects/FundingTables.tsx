import { Table, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { Call, Payment, Report } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { formatBeijing } from '../format';
import { formatFen } from '../money';
import { StatusTag } from '../StatusTag';
import { bureauToday } from '../isoDate';
import { DANGER, listSep, overdueReports } from './labels';
import { PanelCell, PanelDetail } from './ReportPanel';
import { PaymentStatusTag, ReportStatusTag } from './StatusTags';

/**
 * A project's payment schedule: each instalment, what releases it (the contract, an approved milestone report,
 * acceptance), its status, and why it waits or is held.
 */
export function PaymentsTable({
  payments,
  reports,
  action,
  testId,
}: {
  payments: readonly Payment[];
  reports: readonly Report[];
  action?: (p: Payment) => ReactNode;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const overdue = overdueReports(reports);
  const why = (p: Payment) => {
    if (p.status === 'paid') return t('proj.pay.paidAt', { at: formatBeijing(p.paidAt) });
    if (overdue.length && (p.status === 'released' || p.status === 'held'))
      return t('proj.pay.heldReason', { due: overdue.map((r) => `${t(`proj.reportKind.${r.kind}`)} ${r.dueOn}`).join(listSep(locale)) });
    if (p.status === 'released') return t('proj.pay.ready');
    return t(`proj.pay.waits.${p.condition}`);
  };
  return (
    <Table<Payment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...payments]}
      locale={{ emptyText: t('proj.pay.none') }}
      onRow={(p) =>
        ({ 'data-testid': `payment-row-${p.seq}`, 'data-status': p.status, 'data-fen': p.amountFen }) as HTMLAttributes<HTMLElement>
      }
      data-testid={testId}
      columns={[
        { key: 'seq', title: t('proj.pay.seq'), width: 60, render: (_, p) => p.seq },
        { key: 'kind', title: t('proj.pay.kind'), render: (_, p) => t(`proj.paymentKind.${p.kind}`) },
        {
          key: 'amount',
          title: t('proj.pay.amount'),
          align: 'right',
          render: (_, p) => (
            <span style={{ whiteSpace: 'nowrap' }} data-testid="payment-amount">
              {formatFen(p.amountFen, locale)}
            </span>
          ),
        },
        { key: 'condition', title: t('proj.pay.condition'), render: (_, p) => t(`proj.paymentCondition.${p.condition}`) },
        { key: 'status', title: t('proj.pay.status'), render: (_, p) => <PaymentStatusTag status={p.status} testId="payment-status" /> },
        {
          key: 'why',
          title: t('proj.pay.note'),
          render: (_, p) => (
            <Typography.Text
              style={overdue.length && p.status !== 'paid' && p.status !== 'scheduled' ? { color: DANGER, fontSize: 13 } : { fontSize: 13 }}
              data-testid="payment-note"
            >
              {why(p)}
            </Typography.Text>
          ),
        },
        ...(action ? [{ key: 'action', title: t('common.actions'), render: (_: unknown, p: Payment) => action(p) }] : []),
      ]}
    />
  );
}

/**
 * A project's reports: progress (milestone), the mid-term check and acceptance, with their due dates, and for
 * the last two their expert panel (members for the bureau; the outcome for the owner once decided).
 */
export function ReportsTable({
  reports,
  action,
  testId,
  call,
}: {
  reports: readonly Report[];
  action?: (r: Report) => ReactNode;
  testId?: string;
  call?: Call;
}) {
  const { t } = useI18n();
  const today = bureauToday();
  const panels = reports.some((r) => r.panel);
  return (
    <Table<Report>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...reports]}
      locale={{ emptyText: t('proj.report.none') }}
      onRow={(r) => ({ 'data-testid': `report-row-${r.kind}`, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
      expandable={{
        rowExpandable: (r) => Boolean(r.text || r.decisionNote || r.panel?.members?.length || r.panel?.outcome),
        expandedRowRender: (r) => (
          <div style={{ fontSize: 13 }}>
            {r.text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Typography.Paragraph> : null}
            {r.decisionNote ? (
              <Typography.Paragraph>
                {t('proj.report.decisionNote')}：{r.decisionNote}
              </Typography.Paragraph>
            ) : null}
            {r.panel ? <PanelDetail panel={r.panel} {...(call ? { call } : {})} /> : null}
          </div>
        ),
      }}
      data-testid={testId}
      columns={[
        { key: 'kind', title: t('proj.report.kind'), render: (_, r) => t(`proj.reportKind.${r.kind}`) },
        {
          key: 'due',
          title: t('proj.report.dueOn'),
          render: (_, r) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {r.dueOn} {r.status === 'due' && r.dueOn < today ? <StatusTag tone="error">{t('proj.report.overdue')}</StatusTag> : null}
            </span>
          ),
        },
        { key: 'status', title: t('proj.report.status'), render: (_, r) => <ReportStatusTag status={r.status} /> },
        {
          key: 'submitted',
          title: t('proj.report.submittedAt'),
          render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(r.submittedAt) || '—'}</span>,
        },
        ...(panels ? [{ key: 'panel', title: t('panel.column'), render: (_: unknown, r: Report) => <PanelCell panel={r.panel} /> }] : []),
        ...(action ? [{ key: 'action', title: t('common.actions'), render: (_: unknown, r: Report) => action(r) }] : []),
      ]}
    />
  );
}
