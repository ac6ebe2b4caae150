import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { accountsQuery, LEDGER_KEY } from '../../api/ledger';
import { noticeQuery, type BureauNotice } from '../../api/panels';
import {
  extendProject,
  fundingQuery,
  payInstalment,
  PROJECTS_KEY,
  scheduleMidterm,
  signContract,
  type Application,
  type Call,
  type Payment,
  type Report,
} from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { bureauToday, isoDateItem } from '../../components/isoDate';
import { formatFen } from '../../components/money';
import { Section } from '../../components/Section';
import { fundSourceText } from '../../components/claims/labels';
import { BudgetModal } from '../../components/ledger/BudgetModal';
import { PaymentsTable, ReportsTable } from '../../components/projects/FundingTables';
import { FundingConfirms, FundingExtra, PayButton, ReportButtons, type Action } from './FundingParts';
import { NoticeSection } from './NoticeSection';
import { PanelDrawModal, ReportDecisionModal } from '../../components/projects/ReportPanel';
import { callBudgetCode, FUNDED, listSep, overdueReports } from '../../components/projects/labels';

/**
 * 资金拨付: the call's budget in the ledger (call_<CODE>), the public notice of the approval list, and for each
 * funded project its contract (after the notice), payment schedule (paid through the ledger; held while a report
 * is overdue), reports with their expert panels, the mid-term check and the extension.
 */
export function FundingTab({ call, applications, editor }: { call: Call; applications: Application[]; editor: boolean }) {
  const { t, locale } = useI18n();
  const funded = applications.filter((a) => FUNDED.includes(a.status)).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const fp = call.fundingParams;
  const code = callBudgetCode(call.code);
  const budget = useQuery(accountsQuery({ kind: 'budget', policy: code, year: fp.fiscalYear }));
  const account = (budget.data ?? []).find((a) => a.fundSource === fp.fundSource);
  const [funding, setFunding] = useState(false);
  const approvedTotal = funded.reduce((s, a) => s + (a.approvedFen ?? 0), 0);
  const notice = useQuery(noticeQuery(call.id)).data?.notice ?? null;

  return (
    <>
      <Section
        title={t('proj.funding.budget')}
        testId="call-budget"
        extra={
          editor ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setFunding(true)} data-testid="call-budget-add">
              {t('ledger.budget.add')}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph style={{ maxWidth: 900 }}>
          {t('proj.funding.budgetHint', { code, year: fp.fiscalYear, source: fundSourceText(fp.fundSource, t) })}
        </Typography.Paragraph>
        {budget.isError ? <ErrorAlert error={budget.error} onRetry={() => void budget.refetch()} /> : null}
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'call', label: t('proj.call.budget'), children: formatFen(call.budgetFen, locale) },
            { key: 'approved', label: t('proj.funding.approvedTotal'), children: formatFen(approvedTotal, locale) },
            // Requested but not yet approved by a colleague (four eyes): nothing to spend until then.
            {
              key: 'requested',
              label: t('ledger.requested'),
              children: (
                <span data-testid="call-budget-requested" data-fen={account?.requestedFen ?? 0}>
                  {formatFen(account?.requestedFen ?? 0, locale)}
                </span>
              ),
            },
            {
              key: 'available',
              label: t('ledger.available'),
              children: (
                <strong data-testid="call-budget-available" data-fen={account?.availableFen ?? 0}>
                  {account ? formatFen(account.availableFen, locale) : t('proj.funding.notFunded')}
                </strong>
              ),
            },
          ]}
        />
      </Section>
      <NoticeSection call={call} editor={editor} />
      {funded.length === 0 ? <Typography.Paragraph type="secondary">{t('proj.funding.none')}</Typography.Paragraph> : null}
      {funded.map((a) => (
        <ProjectFunding key={a.id} call={call} app={a} editor={editor} notice={notice} />
      ))}
      <BudgetModal
        open={funding}
        policies={[]}
        calls={[call]}
        defaults={{ year: fp.fiscalYear, policyCode: code }}
        onClose={() => setFunding(false)}
      />
    </>
  );
}

/** Why the contract must wait: no notice yet, the notice still running, or an objection about the project open. */
function contractWait(notice: BureauNotice | null, a: Application, t: ReturnType<typeof useI18n>['t']): string | null {
  if (!notice) return t('pnotice.waitMissing');
  if (!notice.ended) return t('pnotice.waitRunning', { end: notice.endsOn });
  const open = notice.objections.filter((o) => o.status === 'open' && (o.applicationId === a.id || o.applicationId === null)).length;
  return open ? t('pnotice.waitObjection', { n: open }) : null;
}

function ProjectFunding({ call, app: a, editor, notice }: { call: Call; app: Application; editor: boolean; notice: BureauNotice | null }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useQuery(fundingQuery(a.id));
  const [action, setAction] = useState<Action | null>(null);
  const [planning, setPlanning] = useState<'midterm' | 'extend' | null>(null);
  const [deciding, setDeciding] = useState<{ report: Report; approve: boolean } | null>(null);
  const [drawing, setDrawing] = useState<Report | null>(null);
  const wait = a.status === 'approved' ? contractWait(notice, a, t) : null;
  const reports = query.data?.reports ?? [];
  const overdue = overdueReports(reports);

  const run = useMutation({
    mutationFn: async (x: Action) => {
      if (x.kind === 'contract') return signContract(a.id);
      return payInstalment(x.payment.id);
    },
    onSuccess: async (_, x) => {
      setAction(null);
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      await client.invalidateQueries({ queryKey: LEDGER_KEY });
      void message.success(
        x.kind === 'contract' ? t('proj.funding.contracted') : t('proj.pay.done', { amount: formatFen(x.payment.amountFen, locale) }),
      );
    },
    // A refused payment (held, no budget) may have changed the schedule: show it as it is now.
    onError: () => void client.invalidateQueries({ queryKey: PROJECTS_KEY }),
  });
  const open = (x: Action) => {
    run.reset();
    setAction(x);
  };
  const close = () => !run.isPending && setAction(null);

  const payAction = (p: Payment) =>
    editor && p.status === 'released' ? (
      <PayButton p={p} held={overdue.length > 0} onPay={() => open({ kind: 'pay', payment: p })} />
    ) : null;
  const reportAction = (r: Report) =>
    editor && r.status === 'submitted' ? (
      <ReportButtons r={r} onDraw={() => setDrawing(r)} onDecide={(approve) => setDeciding({ report: r, approve })} />
    ) : null;

  return (
    <Section
      title={a.title}
      testId={`project-funding-${a.id}`}
      extra={
        <FundingExtra call={call} app={a} editor={editor} wait={wait} onContract={() => open({ kind: 'contract' })} onPlan={setPlanning} />
      }
    >
      <Typography.Paragraph>
        {t('proj.funding.summary', {
          applicant: a.applicantName,
          approved: formatFen(a.approvedFen, locale),
          midterm: a.midtermChecks,
          months: a.extensionMonths,
        })}
      </Typography.Paragraph>
      {wait ? <Alert type="info" showIcon title={wait} style={{ marginBottom: 12 }} data-testid="project-contract-wait" /> : null}
      {overdue.length ? (
        <Alert
          type="error"
          showIcon
          title={t('proj.pay.heldReason', {
            due: overdue.map((r) => `${t(`proj.reportKind.${r.kind}`)} ${r.dueOn}`).join(listSep(locale)),
          })}
          style={{ marginBottom: 12 }}
          data-testid="project-held"
        />
      ) : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.funding.payments')}
      </Typography.Title>
      <PaymentsTable
        payments={query.data?.payments ?? []}
        reports={reports}
        action={editor ? payAction : undefined}
        testId="project-payments"
      />
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('proj.funding.reports')}
      </Typography.Title>
      <ReportsTable reports={reports} action={editor ? reportAction : undefined} testId="project-reports" call={call} />

      <FundingConfirms
        action={action}
        app={a}
        call={call}
        pending={run.isPending}
        error={run.error}
        onOk={(x) => run.mutate(x)}
        onCancel={close}
      />
      <ReportDecisionModal
        report={deciding?.report ?? null}
        approve={deciding?.approve ?? true}
        call={call}
        onClose={() => setDeciding(null)}
      />
      <PanelDrawModal report={drawing} onClose={() => setDrawing(null)} />
      <PlanModal app={a} call={call} kind={planning} onClose={() => setPlanning(null)} />
    </Section>
  );
}

/** The single mid-term check (a due date) or the single extension (months, at most the call's maximum). */
function PlanModal({ app, call, kind, onClose }: { app: Application; call: Call; kind: 'midterm' | 'extend' | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ dueOn: string | null; months: number | null }>();
  const max = call.fundingParams.maxExtensionMonths;
  const save = useMutation({
    mutationFn: async (v: { dueOn: string | null; months: number | null }) => {
      if (kind === 'midterm') await scheduleMidterm(app.id, v.dueOn ?? '');
      else await extendProject(app.id, v.months ?? 0);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t(kind === 'midterm' ? 'proj.funding.midtermDone' : 'proj.funding.extendDone'));
      onClose();
    },
  });
  return (
    <FormModal
      open={kind !== null}
      title={t(kind === 'extend' ? 'proj.funding.extend' : 'proj.funding.midterm')}
      form={form}
      mutation={save}
      onClose={onClose}
      okText={t('common.ok')}
      okTestId="plan-confirm"
      intro={
        <Typography.Paragraph>
          {t(kind === 'extend' ? 'proj.funding.extendText' : 'proj.funding.midtermText', { max })}
        </Typography.Paragraph>
      }
      initialValues={{ dueOn: null, months: null }}
      onFinish={(v) => save.mutate(v)}
    >
      {kind === 'extend' ? (
        <Form.Item
          name="months"
          label={t('proj.funding.months')}
          rules={[{ required: true, type: 'number', min: 1, max, message: t('proj.funding.monthsRule', { max }) }]}
        >
          <InputNumber<number> min={1} max={max} precision={0} style={{ width: 160 }} data-testid="plan-months" />
        </Form.Item>
      ) : (
        <Form.Item
          name="dueOn"
          label={t('proj.report.dueOn')}
          rules={[{ required: true, message: t('proj.call.dateRequired') }]}
          extra={t('proj.funding.midtermHint', { today: bureauToday() })}
          {...isoDateItem}
        >
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < bureauToday()} data-testid="plan-due" />
        </Form.Item>
      )}
    </FormModal>
  );
}
