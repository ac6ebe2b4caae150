import { useQuery } from '@tanstack/react-query';
import { Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { noticeQuery, type ClaimDetail } from '../../api/claims';
import { policiesQuery } from '../../api/policies';
import { useI18n } from '../../app/i18n';
import { approveBlock, budgetDefaults, needsBudget, type ApproveBlock } from '../../components/claims/approvable';
import { BudgetModal } from '../../components/ledger/BudgetModal';

const blockText = (b: ApproveBlock, t: ReturnType<typeof useI18n>['t']) =>
  b.reason === 'notice_open'
    ? t('claim.approve.noticeOpen', { endsOn: b.endsOn })
    : b.reason === 'objections_open'
      ? t('claim.approve.objectionsOpen', { n: b.n })
      : t('claim.approve.checking');

/**
 * 审批 for a claim in notice: disabled, with the reason in a tooltip and beside it, while its notice runs (naming
 * the last day) or objections are open: the server refuses then (claim_notice_open, claim_objections_open).
 */
export function ApproveButton({ c, onOpen }: { c: ClaimDetail; onOpen: () => void }) {
  const { t } = useI18n();
  const notice = useQuery({ ...noticeQuery(c.noticeId ?? ''), enabled: c.status === 'in_notice' && c.noticeId !== null });
  // A notice that cannot be read: leave the decision to the server (its refusal is shown in the dialog).
  const block = notice.isError ? null : approveBlock(c, notice.data);
  if (!block)
    return (
      <Button type="primary" onClick={onOpen} data-testid="claim-approve">
        {t('claim.action.approve')}
      </Button>
    );
  const why = blockText(block, t);
  return (
    <>
      <Tooltip title={why}>
        <Button type="primary" disabled data-testid="claim-approve" data-blocked={block.reason}>
          {t('claim.action.approve')}
        </Button>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="claim-approve-blocked">
        {why}
      </Typography.Text>
    </>
  );
}

/** Under an approval refused for want of budget: 追加预算 for the claim's policy and fiscal year, right there. */
export function BudgetShortfall({ c, error }: { c: ClaimDetail; error: unknown }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const policies = useQuery({ ...policiesQuery(), enabled: open }).data ?? [];
  if (!needsBudget(error)) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="claim-add-budget">
        {t('claim.approve.addBudget', { year: c.fiscalYear })}
      </Button>
      <BudgetModal open={open} policies={policies} defaults={budgetDefaults(c)} onClose={() => setOpen(false)} />
    </>
  );
}
