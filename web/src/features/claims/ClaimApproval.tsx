import { useQuery } from '@tanstack/react-query';
import { Button, Tooltip, Typography } from 'antd';
import { noticeQuery, type ClaimDetail } from '../../api/claims';
import { useI18n } from '../../app/i18n';
import { approveBlock, type ApproveBlock } from '../../components/claims/approvable';

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
