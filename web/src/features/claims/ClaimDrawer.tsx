import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Space, Table, Tooltip, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FactValue } from '../../../../common/policies';
import {
  approveClaim,
  CLAIMS_KEY,
  claimQuery,
  payClaim,
  rejectClaim,
  reviewClaim,
  type ChecklistEntry,
  type ClaimDetail,
} from '../../api/claims';
import { LEDGER_KEY } from '../../api/ledger';
import { POLICY_EDITORS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBeijing } from '../../components/format';
import { formatFen } from '../../components/money';
import { StatusTag } from '../../components/StatusTag';
import { useLastNonNull } from '../../components/useLastNonNull';
import { EligibilityTag } from '../../components/policies/EligibilityTag';
import { textOf } from '../../components/policies/labels';
import { policyMessageText } from '../../components/policies/policyMessage';
import { ClaimStatusTag } from '../../components/claims/ClaimStatusTag';
import { ConfirmModal } from '../../components/claims/ConfirmModal';
import { ReasonModal } from '../../components/claims/ReasonModal';
import { claimEventText, fundSourceText, REJECTABLE, REVIEWABLE } from '../../components/claims/labels';
import { ReviewModal } from './ReviewModal';
import { ApproveButton, BudgetShortfall } from './ClaimApproval';
import { StepsTimeline } from '../../components/claims/StepsTimeline';
import { TraceView } from './TraceView';
import { TransfersTable } from '../../components/claims/TransfersTable';

type Action = 'review' | 'reject' | 'approve' | 'pay';

/** One claim: who and what, the decision's trace, documents, steps and ledger transfers, and the next action. */
export function ClaimDrawer({ claimId, onClose }: { claimId: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const editor = mayUse(useMe().data, POLICY_EDITORS);
  const shown = useLastNonNull(claimId);
  const query = useQuery({ ...claimQuery(shown ?? ''), enabled: claimId !== null });
  const c = query.data?.id === shown ? query.data : undefined;
  const [action, setAction] = useState<Action | null>(null);

  const act = useMutation({
    mutationFn: async (input: { action: Action; reason?: string; facts?: Record<string, FactValue>; note?: string }) => {
      const id = c!.id;
      if (input.action === 'review')
        return reviewClaim(id, { ...(input.facts ? { facts: input.facts } : {}), ...(input.note ? { note: input.note } : {}) });
      if (input.action === 'reject') return rejectClaim(id, input.reason ?? '');
      if (input.action === 'approve') return approveClaim(id);
      return payClaim(id);
    },
    onSuccess: async (result, input) => {
      setAction(null);
      await client.invalidateQueries({ queryKey: CLAIMS_KEY });
      await client.invalidateQueries({ queryKey: LEDGER_KEY });
      // A review can end in 就高不重复: the enterprise already has a higher claim in the same group.
      if (result.status === 'stacked') void message.warning(t('claim.done.stacked'));
      else void message.success(t(`claim.done.${input.action}`));
    },
  });
  const open = (a: Action) => {
    act.reset();
    setAction(a);
  };
  const close = () => {
    if (!act.isPending) setAction(null);
  };

  const policyName = c ? (locale === 'zh-CN' ? c.policyZh : c.policyEn) : '';
  const actions = c && editor ? <ActionButtons c={c} onOpen={open} /> : null;

  return (
    <Drawer
      open={claimId !== null}
      title={c ? t('claim.drawerTitle', { enterprise: c.enterpriseName, policy: policyName }) : t('claim.drawerTitleLoading')}
      size={900}
      onClose={onClose}
      destroyOnHidden
      extra={actions}
      data-testid="claim-drawer"
    >
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!c && !query.isError ? <Loading /> : null}
      {c ? <ClaimDetailBody c={c} policyName={policyName} busy={query.isFetching} /> : null}

      <ReviewModal
        claim={action === 'review' && c ? c : null}
        pending={act.isPending}
        error={act.error}
        onOk={(body) => act.mutate({ action: 'review', ...body })}
        onCancel={close}
      />
      <ReasonModal
        open={action === 'reject'}
        title={t('claim.reject.title')}
        text={c ? t('claim.reject.text', { enterprise: c.enterpriseName, amount: formatFen(c.amountFen, locale) }) : null}
        label={t('claim.reject.reason')}
        okText={t('claim.action.reject')}
        testId="claim-reject"
        danger
        pending={act.isPending}
        error={act.error}
        onOk={(reason) => act.mutate({ action: 'reject', reason })}
        onCancel={close}
      />
      <ConfirmModal
        open={action === 'approve'}
        title={t('claim.approve.title')}
        okText={t('claim.action.approve')}
        testId="claim-approve"
        pending={act.isPending}
        error={act.error}
        errorDetail={c ? <BudgetShortfall c={c} error={act.error} /> : undefined}
        onOk={() => act.mutate({ action: 'approve' })}
        onCancel={close}
      >
        {c ? t('claim.approve.text', { enterprise: c.enterpriseName, amount: formatFen(c.amountFen, locale), year: c.fiscalYear }) : null}
      </ConfirmModal>
      <ConfirmModal
        open={action === 'pay'}
        title={t('claim.pay.title')}
        okText={t('claim.pay.ok', { amount: c ? formatFen(c.amountFen, locale) : '' })}
        testId="claim-pay"
        pending={act.isPending}
        error={act.error}
        onOk={() => act.mutate({ action: 'pay' })}
        onCancel={close}
      >
        {c ? t('claim.pay.text', { enterprise: c.enterpriseName, amount: formatFen(c.amountFen, locale) }) : null}
      </ConfirmModal>
    </Drawer>
  );
}

/** The claim's next steps, as its status allows: review, approve, pay, reject. */
function ActionButtons({ c, onOpen }: { c: ClaimDetail; onOpen: (a: Action) => void }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {REVIEWABLE.includes(c.status) ? (
        <Button type="primary" onClick={() => onOpen('review')} data-testid="claim-review">
          {t('claim.action.review')}
        </Button>
      ) : null}
      {c.status === 'in_notice' ? <ApproveButton c={c} onOpen={() => onOpen('approve')} /> : null}
      {c.status === 'approved' ? (
        <Button type="primary" onClick={() => onOpen('pay')} data-testid="claim-pay">
          {t('claim.action.pay')}
        </Button>
      ) : null}
      {REJECTABLE.includes(c.status) ? (
        <Button danger onClick={() => onOpen('reject')} data-testid="claim-reject">
          {t('claim.action.reject')}
        </Button>
      ) : null}
    </Space>
  );
}

/** Who and what: enterprise, policy and version, status, eligibility, amount, year and source, dates, notes. */
function useSummaryItems(c: ClaimDetail, policyName: string): DescriptionsProps['items'] {
  const { t, locale } = useI18n();
  // A rejection the system made (an upheld objection) is a message; staff rejections are their words.
  const rejection = c.rejection ? policyMessageText(c.rejection, t, locale) : c.rejectionReason;
  return [
    {
      key: 'enterprise',
      label: t('claim.enterprise'),
      children: (
        <>
          <Link to={`/registry/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link>
          <div>
            <code>{c.creditCode}</code>
          </div>
        </>
      ),
    },
    {
      key: 'policy',
      label: t('claim.policy'),
      children: (
        <>
          <Link to={`/policies/${c.policyCode}`}>{policyName}</Link> <Typography.Text code>v{c.trace.version}</Typography.Text>
        </>
      ),
    },
    { key: 'status', label: t('claim.status'), children: <ClaimStatusTag status={c.status} testId="claim-drawer-status" /> },
    { key: 'elig', label: t('pol.eligibility'), children: <EligibilityTag eligibility={c.eligibility} /> },
    {
      key: 'amount',
      label: t('claim.amount'),
      children: (
        <strong data-testid="claim-drawer-amount" data-fen={c.amountFen}>
          {formatFen(c.amountFen, locale)}
        </strong>
      ),
    },
    { key: 'year', label: t('claim.fiscalYear'), children: `${c.fiscalYear} · ${fundSourceText(c.fundSource, t)}` },
    { key: 'created', label: t('claim.createdAt'), children: formatBeijing(c.createdAt) },
    {
      key: 'event',
      label: t('claim.eventKey'),
      // The words; the stored key (policy|enterprise|event:record) in the tooltip.
      children: (
        <Tooltip title={t('claimEvent.key', { key: c.eventKey })}>
          <span data-testid="claim-drawer-event" data-key={c.eventKey}>
            {claimEventText(c.eventKey, policyName, t)}
          </span>
        </Tooltip>
      ),
    },
    ...(c.applicationNote ? [{ key: 'note', label: t('claim.applicationNote'), children: c.applicationNote }] : []),
    ...(rejection ? [{ key: 'rejection', label: t('claim.rejectionReason'), children: rejection }] : []),
  ];
}

/** The claim's summary, trace, checklist, steps and ledger transfers. */
function ClaimDetailBody({ c, policyName, busy }: { c: ClaimDetail; policyName: string; busy: boolean }) {
  const { t } = useI18n();
  const items = useSummaryItems(c, policyName);
  return (
    <div aria-busy={busy} data-testid="claim-detail" data-status={c.status}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} style={{ marginBottom: 24 }} />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('claim.trace')}
      </Typography.Title>
      <TraceView trace={c.trace} amountFen={c.amountFen} />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        {t('claim.checklist')}
      </Typography.Title>
      <ChecklistTable checklist={c.checklist} />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        {t('claim.steps')}
      </Typography.Title>
      <StepsTimeline steps={c.steps} testId="claim-steps" />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>
        {t('claim.transfers')}
      </Typography.Title>
      <TransfersTable transfers={c.transfers} testId="claim-transfers" />
    </div>
  );
}

function ChecklistTable({ checklist }: { checklist: ChecklistEntry[] | null }) {
  const { t, locale } = useI18n();
  if (!checklist?.length) return <Typography.Paragraph>{t('claim.noChecklist')}</Typography.Paragraph>;
  return (
    <Table<ChecklistEntry>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={checklist}
      columns={[
        { key: 'doc', title: t('claim.document'), render: (_, d) => textOf(d, locale) },
        {
          key: 'provided',
          title: t('claim.provided'),
          render: (_, d) => (
            <StatusTag tone={d.provided ? 'ok' : 'warn'}>{t(d.provided ? 'claim.provided.yes' : 'claim.provided.no')}</StatusTag>
          ),
        },
        { key: 'note', title: t('claim.documentNote'), render: (_, d) => d.note ?? '—' },
      ]}
      data-testid="claim-checklist"
    />
  );
}
