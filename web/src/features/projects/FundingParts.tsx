import { FileWordOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { decisionLetterUrl, type Application, type Call, type Payment, type Report } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { formatFen } from '../../components/money';
import { ConfirmModal } from '../../components/claims/ConfirmModal';
import { callBudgetCode } from '../../components/projects/labels';
import { ApplicationStatusTag } from '../../components/projects/StatusTags';

/** What the editor is confirming: signing the contract, or paying an instalment. */
export type Action = { kind: 'contract' } | { kind: 'pay'; payment: Payment };
/** The project's status, its decision letter and (for an editor) the contract, mid-term and extension buttons. */
export function FundingExtra({
  call,
  app: a,
  editor,
  wait,
  onContract,
  onPlan,
}: {
  call: Call;
  app: Application;
  editor: boolean;
  wait: string | null;
  onContract: () => void;
  onPlan: (kind: 'midterm' | 'extend') => void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <ApplicationStatusTag status={a.status} testId="project-status" />
      <Typography.Link href={decisionLetterUrl(a.id)}>
        <FileWordOutlined aria-hidden /> {t('proj.decision.letter')}
      </Typography.Link>
      {editor && a.status === 'approved' ? (
        <Button type="primary" disabled={wait !== null} title={wait ?? undefined} onClick={onContract} data-testid="project-contract">
          {t('proj.funding.contract')}
        </Button>
      ) : null}
      {editor && (a.status === 'approved' || a.status === 'contracted') ? (
        <>
          <Button
            disabled={a.midtermChecks >= call.fundingParams.maxMidtermChecks}
            onClick={() => onPlan('midterm')}
            data-testid="project-midterm"
          >
            {t('proj.funding.midterm')}
          </Button>
          <Button
            disabled={a.extensionMonths > 0 || call.fundingParams.maxExtensionMonths === 0}
            onClick={() => onPlan('extend')}
            data-testid="project-extend"
          >
            {t('proj.funding.extend')}
          </Button>
        </>
      ) : null}
    </Space>
  );
}

/** Pays a released instalment; held while a report is overdue. */
export function PayButton({ p, held, onPay }: { p: Payment; held: boolean; onPay: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Button
      size="small"
      type="primary"
      disabled={held}
      title={held ? t('proj.pay.heldTitle') : undefined}
      onClick={onPay}
      data-testid={`payment-pay-${p.seq}`}
    >
      {t('proj.pay.pay', { amount: formatFen(p.amountFen, locale) })}
    </Button>
  );
}

/** A submitted report: draw its panel (if it has one not drawn yet), approve or reject it. */
export function ReportButtons({ r, onDraw, onDecide }: { r: Report; onDraw: () => void; onDecide: (approve: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {r.panel && !r.panel.drawn ? (
        <Button size="small" onClick={onDraw} data-testid={`report-panel-${r.kind}`}>
          {t('panel.draw')}
        </Button>
      ) : null}
      <Button size="small" type="primary" onClick={() => onDecide(true)} data-testid={`report-approve-${r.kind}`}>
        {t('proj.report.approve')}
      </Button>
      <Button size="small" danger onClick={() => onDecide(false)} data-testid={`report-reject-${r.kind}`}>
        {t('proj.report.reject')}
      </Button>
    </Space>
  );
}

/** Confirms signing the contract or paying an instalment. */
export function FundingConfirms({
  action,
  app: a,
  call,
  pending,
  error,
  onOk,
  onCancel,
}: {
  action: Action | null;
  app: Application;
  call: Call;
  pending: boolean;
  error: Error | null;
  onOk: (x: Action) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      <ConfirmModal
        open={action?.kind === 'contract'}
        title={t('proj.funding.contract')}
        okText={t('proj.funding.contractOk')}
        testId="contract"
        pending={pending}
        error={error}
        onOk={() => onOk({ kind: 'contract' })}
        onCancel={onCancel}
      >
        {t('proj.funding.contractText', { title: a.title, applicant: a.applicantName })}
      </ConfirmModal>
      <ConfirmModal
        open={action?.kind === 'pay'}
        title={t('proj.pay.title')}
        okText={action?.kind === 'pay' ? t('proj.pay.pay', { amount: formatFen(action.payment.amountFen, locale) }) : ''}
        testId="pay"
        pending={pending}
        error={error}
        onOk={() => action && onOk(action)}
        onCancel={onCancel}
      >
        {action?.kind === 'pay'
          ? t('proj.pay.text', {
              seq: action.payment.seq,
              amount: formatFen(action.payment.amountFen, locale),
              applicant: a.applicantName,
              budget: callBudgetCode(call.code),
            })
          : null}
      </ConfirmModal>
    </>
  );
}
