import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Descriptions, Form, Input, Space, Typography } from 'antd';
import { drawPanel, type PanelView } from '../../api/panels';
import { decideReport, PROJECTS_KEY, type Call, type Report } from '../../api/projects';
import { LEDGER_KEY } from '../../api/ledger';
import { useI18n } from '../../app/i18n';
import { applyServerError } from '../errors';
import { FormModal } from '../FormModal';
import { StatusTag } from '../StatusTag';
import { ReviewStatusTag } from '../review/ReviewStatusTag';
import { textOf } from '../policies/labels';
import { randomSeed } from './panels';
import { SeedField } from './SeedField';
import { UnfilledReasons } from './UnfilledReasons';
import { failureText } from './failures';
import { listSep, score } from './labels';

/** A report's panel in one cell: the rule, how far the panel got, and its outcome. */
export function PanelCell({ panel, rule = true }: { panel: PanelView | null | undefined; rule?: boolean }) {
  const { t } = useI18n();
  if (!panel) return <span>—</span>;
  return (
    <span data-testid="panel-cell" data-drawn={String(panel.drawn)} data-finished={String(panel.finished)}>
      {rule ? <div style={{ fontSize: 13 }}>{t(panel.required ? 'panel.required' : 'panel.optional', { n: panel.size })}</div> : null}
      {panel.drawn ? (
        <div style={{ fontSize: 13 }}>{t('panel.progress', { done: panel.submitted, size: panel.size })}</div>
      ) : (
        <div style={{ fontSize: 13 }}>{t('panel.notDrawn')}</div>
      )}
      {panel.outcome ? (
        <span data-testid="panel-outcome" data-passed={String(panel.outcome.passed)}>
          <StatusTag tone={panel.outcome.passed ? 'ok' : 'error'}>
            {t(panel.outcome.passed ? 'panel.passed' : 'panel.failed', { total: score(panel.outcome.total) })}
          </StatusTag>
        </span>
      ) : null}
    </span>
  );
}

/** Expanded under a report: the panel's members (the bureau only) and why it failed, if it did. */
export function PanelDetail({ panel, call }: { panel: PanelView; call?: Call }) {
  const { t, locale } = useI18n();
  const o = panel.outcome;
  return (
    <div style={{ fontSize: 13 }} data-testid="panel-detail">
      {panel.members?.length ? (
        <>
          <Typography.Text strong>{t('panel.members')}</Typography.Text>
          <ul style={{ marginTop: 4 }}>
            {panel.members.map((m) => (
              <li key={m.reviewId}>
                <Space size={6} wrap>
                  {m.expertName}
                  <ReviewStatusTag status={m.status} />
                  {m.total !== null ? t('panel.memberTotal', { total: score(m.total) }) : null}
                  {m.reason ? t('draws.reason', { reason: m.reason }) : null}
                </Space>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {o ? (
        <Typography.Paragraph>
          {t('panel.outcomeText', {
            total: score(o.total),
            n: o.experts,
            spread: score(o.spread),
            criteria: o.criteria
              .map((c) => {
                const k = call?.reviewTemplate.criteria.find((x) => x.key === c.key);
                return `${k ? textOf(k, locale) : c.key} ${score(c.value)}`;
              })
              .join(listSep(locale)),
          })}
          {o.failures.length ? (
            <span style={{ display: 'block' }}>
              {t('panel.failures', { list: o.failures.map((f) => failureText(f, t, locale, call)).join(listSep(locale)) })}
            </span>
          ) : null}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

/** 抽取专家组: the same draw as the review, for one submitted mid-term or acceptance report. */
export function PanelDrawModal({ report, onClose }: { report: Report | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ seed: number | null }>();
  const run = useMutation({
    mutationFn: (v: { seed: number | null }) => drawPanel(report!.id, v.seed ?? 0),
    onSuccess: async (res) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('panel.drawn', { n: res.assignments }));
      onClose();
    },
  });
  return (
    <FormModal
      open={report !== null}
      title={t('panel.draw')}
      form={form}
      mutation={run}
      onClose={onClose}
      okText={t('panel.draw')}
      okTestId="panel-draw-confirm"
      intro={
        report ? (
          <Typography.Paragraph>
            {t('panel.drawText', { kind: t(`proj.reportKind.${report.kind}`), n: report.panel?.size ?? 3 })}
          </Typography.Paragraph>
        ) : null
      }
      errorTestId="panel-draw-error"
      errorDetail={<UnfilledReasons error={run.error} />}
      initialValues={{ seed: randomSeed() }}
      onFinish={(v) => run.mutate(v)}
    >
      <SeedField extra={t('proj.draw.seedHint')} testId="panel-seed" />
    </FormModal>
  );
}

/**
 * Approve or reject a report, with the panel's result in front of the bureau. Approving against a failing
 * panel takes a reason; the server refuses a decision while the panel is still scoring, and an approval
 * without a finished panel where the call requires one.
 */
export function ReportDecisionModal({
  report,
  approve,
  call,
  onClose,
}: {
  report: Report | null;
  approve: boolean;
  call: Call;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const panel = report?.panel ?? null;
  const override = approve && Boolean(panel?.outcome && !panel.outcome.passed);
  const decide = useMutation({
    mutationFn: (v: { note: string }) => decideReport(report!.id, approve, v.note.trim() || undefined),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      await client.invalidateQueries({ queryKey: LEDGER_KEY });
      void message.success(t(approve ? 'proj.report.approved' : 'proj.report.rejected'));
      onClose();
    },
    onError: (error) => void applyServerError(form, error, ['note']),
  });
  const blocked = panel
    ? panel.drawn && !panel.finished
      ? t('panel.blockedScoring', { done: panel.submitted, size: panel.size })
      : approve && !panel.drawn && panel.required
        ? t('panel.blockedRequired')
        : null
    : null;
  return (
    <FormModal
      open={report !== null}
      title={t(approve ? 'proj.report.approve' : 'proj.report.reject')}
      form={form}
      mutation={decide}
      onClose={onClose}
      okText={t(approve ? 'proj.report.approve' : 'proj.report.reject')}
      okTestId="report-decide-confirm"
      danger={!approve}
      okDisabled={blocked !== null}
      intro={
        <>
          {report ? (
            <Typography.Paragraph>
              {t(approve ? 'proj.report.approveText' : 'proj.report.rejectText', { kind: t(`proj.reportKind.${report.kind}`) })}
            </Typography.Paragraph>
          ) : null}
          {panel ? (
            <Descriptions
              bordered
              size="small"
              column={1}
              style={{ marginBottom: 12 }}
              items={[
                {
                  key: 'rule',
                  label: t('panel.rule'),
                  children: t(panel.required ? 'panel.required' : 'panel.optional', { n: panel.size }),
                },
                { key: 'state', label: t('panel.state'), children: <PanelCell panel={panel} rule={false} /> },
              ]}
              data-testid="report-decide-panel"
            />
          ) : null}
          {panel?.outcome ? <PanelDetail panel={panel} call={call} /> : null}
          {blocked ? (
            <Alert type="warning" showIcon title={blocked} style={{ marginBottom: 12 }} data-testid="report-decide-blocked" />
          ) : null}
        </>
      }
      showError={!form.getFieldError('note').length}
      errorTestId="report-decide-error"
      initialValues={{ note: '' }}
      onFinish={(v) => decide.mutate(v)}
    >
      <Form.Item
        name="note"
        label={t(override ? 'panel.overrideNote' : 'panel.note')}
        rules={override ? [{ required: true, whitespace: true, min: 2, message: t('panel.overrideRequired') }] : [{ max: 1000 }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="report-decide-note" />
      </Form.Item>
    </FormModal>
  );
}
