import { FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  decisionLetterUrl,
  myApplicationsQuery,
  myFundingQuery,
  openCallsQuery,
  submitReport,
  type Application,
  type Report,
} from '../../api/projects';
import { MY_KEY } from '../../api/portal';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import { formatFen } from '../../components/money';
import { Section } from '../../components/Section';
import { PaymentsTable, ReportsTable } from '../../components/projects/FundingTables';
import { FUNDED, LETTER, listSep, overdueReports } from '../../components/projects/labels';
import { ApplicationStatusTag } from '../../components/projects/StatusTags';

/**
 * 我的项目: my funded projects — the decision letter, the payment schedule and what each payment waits for, and
 * the reports to hand in (an overdue report holds the payments). Applications not funded keep their letter here.
 */
export function MyProjects() {
  const { t } = useI18n();
  const query = useQuery(myApplicationsQuery());
  const calls = useQuery(openCallsQuery()).data ?? [];
  const decided = (query.data ?? []).filter((a) => LETTER.includes(a.status) || FUNDED.includes(a.status));
  const callTitle = (id: string) => calls.find((c) => c.id === id)?.title ?? '';
  return (
    <>
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('my.projects.intro')}</Typography.Paragraph>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && decided.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="my-projects-none">
          {t('my.projects.none')}
        </Typography.Paragraph>
      ) : null}
      {decided.map((a) => (
        <MyProject key={a.id} app={a} callTitle={callTitle(a.callId)} />
      ))}
    </>
  );
}

function MyProject({ app: a, callTitle }: { app: Application; callTitle: string }) {
  const { t, locale } = useI18n();
  const funded = FUNDED.includes(a.status);
  const query = useQuery({ ...myFundingQuery(a.id), enabled: funded });
  const [reporting, setReporting] = useState<Report | null>(null);
  const reports = query.data?.reports ?? [];
  const overdue = overdueReports(reports);
  return (
    <Section
      title={a.title}
      testId={`my-project-${a.id}`}
      extra={
        <Space wrap>
          <ApplicationStatusTag status={a.status} testId="my-project-status" />
          <Typography.Link href={decisionLetterUrl(a.id)} data-testid="my-project-letter">
            <FileWordOutlined aria-hidden /> {t('proj.decision.letter')}
          </Typography.Link>
        </Space>
      }
    >
      <Typography.Paragraph>
        {callTitle}
        {a.approvedFen !== null ? ` · ${t('proj.decision.approvedAmount')}：${formatFen(a.approvedFen, locale)}` : ''}
        {a.extensionMonths ? ` · ${t('my.projects.extended', { n: a.extensionMonths })}` : ''}
      </Typography.Paragraph>
      {a.decisionNote ? (
        <Typography.Paragraph type="secondary">
          {t('proj.decision.note')}：{a.decisionNote}
        </Typography.Paragraph>
      ) : null}
      {funded ? (
        <>
          {overdue.length ? (
            <Alert
              type="error"
              showIcon
              title={t('my.projects.overdue', {
                due: overdue.map((r) => `${t(`proj.reportKind.${r.kind}`)} ${r.dueOn}`).join(listSep(locale)),
              })}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('proj.funding.payments')}
          </Typography.Title>
          <PaymentsTable payments={query.data?.payments ?? []} reports={reports} testId="my-project-payments" />
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t('proj.funding.reports')}
          </Typography.Title>
          <ReportsTable
            reports={reports}
            testId="my-project-reports"
            action={(r) =>
              r.status === 'due' || r.status === 'rejected' ? (
                <Button size="small" type="primary" onClick={() => setReporting(r)} data-testid={`report-submit-${r.kind}`}>
                  {t('my.projects.submitReport')}
                </Button>
              ) : null
            }
          />
        </>
      ) : null}
      <ReportModal report={reporting} onClose={() => setReporting(null)} />
    </Section>
  );
}

function ReportModal({ report, onClose }: { report: Report | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const save = useMutation({
    mutationFn: (text: string) => submitReport(report!.id, text),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: MY_KEY });
      void message.success(t('my.projects.reportSubmitted'));
      onClose();
    },
  });
  return (
    <Modal
      open={report !== null}
      title={report ? t('my.projects.reportTitle', { kind: t(`proj.reportKind.${report.kind}`), due: report.dueOn }) : ''}
      onCancel={() => !save.isPending && onClose()}
      destroyOnHidden
      width={720}
      afterClose={() => {
        form.resetFields();
        save.reset();
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="report-confirm">
            {t('my.projects.submitReport')}
          </Button>
        </>
      }
    >
      {report?.decisionNote ? (
        <Alert type="warning" showIcon title={t('my.projects.rejectedNote', { note: report.decisionNote })} style={{ marginBottom: 12 }} />
      ) : null}
      {save.error ? <Alert type="error" showIcon title={errorText(save.error, t)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" disabled={save.isPending} onFinish={(v) => save.mutate(v.text.trim())}>
        <Form.Item
          name="text"
          label={t('my.projects.reportText')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('my.projects.reportRule') }]}
          extra={t('my.projects.reportHint')}
        >
          <Input.TextArea rows={8} maxLength={20_000} showCount data-testid="report-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
