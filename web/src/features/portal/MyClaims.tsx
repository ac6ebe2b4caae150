import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { myClaimsQuery, submitDocuments, type MyClaim } from '../../api/claims';
import { MY_KEY } from '../../api/portal';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import { formatBeijing } from '../../components/format';
import { formatFen } from '../../components/money';
import { policyMessageText } from '../../components/policies/policyMessage';
import { Section } from '../../components/Section';
import { StatusTag } from '../../components/StatusTag';
import { ClaimStatusTag } from '../../components/claims/ClaimStatusTag';
import { StepsTimeline } from '../../components/claims/StepsTimeline';
import { ConditionsTable } from '../../components/policies/ConditionsTable';
import { textOf } from '../../components/policies/labels';

/** 我的兑现: my claims with their status, amount and steps; a claim that needs documents asks for them here. */
export function MyClaims() {
  const { t, locale } = useI18n();
  const query = useQuery(myClaimsQuery());
  const [answering, setAnswering] = useState<MyClaim | null>(null);
  const rows = query.data ?? [];
  const columns: TableColumnsType<MyClaim> = [
    { key: 'policy', title: t('claim.policy'), render: (_, c) => (locale === 'zh-CN' ? c.policyZh : c.policyEn) },
    { key: 'year', title: t('claim.fiscalYear'), dataIndex: 'fiscalYear', width: 80 },
    {
      key: 'amount',
      title: t('claim.amount'),
      align: 'right',
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }} data-testid={`my-claim-amount-${c.policyCode}`}>
          {formatFen(c.amountFen, locale)}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('claim.status'),
      render: (_, c) => <ClaimStatusTag status={c.status} testId={`my-claim-status-${c.policyCode}`} />,
    },
    {
      key: 'created',
      title: t('claim.createdAt'),
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(c.createdAt)}</span>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) =>
        c.status === 'needs_data' ? (
          <Button type="primary" size="small" onClick={() => setAnswering(c)} data-testid={`my-claim-documents-${c.id}`}>
            {t('my.claims.provide')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Section title={t('my.tab.claims')} testId="my-claims">
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('my.claims.intro')}</Typography.Paragraph>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<MyClaim>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching}
          pagination={false}
          locale={{ emptyText: t('my.claims.none') }}
          expandable={{ expandedRowRender: (c) => <ClaimDetails claim={c} /> }}
          onRow={(c) => ({ 'data-testid': `my-claim-${c.policyCode}`, 'data-status': c.status }) as HTMLAttributes<HTMLElement>}
          data-testid="my-claims-table"
        />
      )}
      <DocumentsModal claim={answering} onClose={() => setAnswering(null)} />
    </Section>
  );
}

function ClaimDetails({ claim: c }: { claim: MyClaim }) {
  const { t, locale } = useI18n();
  const reason = c.rejection ? policyMessageText(c.rejection, t, locale) : c.rejectionReason;
  return (
    <div style={{ padding: '4px 0' }}>
      {reason ? <Alert type="error" showIcon title={t('my.claims.rejected', { reason })} style={{ marginBottom: 12 }} /> : null}
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('claim.steps')}
      </Typography.Title>
      <StepsTimeline steps={c.steps} testId={`my-claim-steps-${c.policyCode}`} />
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('pol.conditions')}
      </Typography.Title>
      <ConditionsTable conditions={c.conditions} checklist={c.checklist ?? []} plain />
      {c.checklist?.length ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 12 }}>
            {t('claim.checklist')}
          </Typography.Title>
          <ul>
            {c.checklist.map((d) => (
              <li key={d.key}>
                {textOf(d, locale)}{' '}
                <StatusTag tone={d.provided ? 'ok' : 'warn'}>{t(d.provided ? 'claim.provided.yes' : 'claim.provided.no')}</StatusTag>
                {d.note ? ` ${d.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

interface DocValues {
  provided: string[];
  notes: Record<string, string | undefined>;
  note?: string;
}

/** The enterprise ticks the documents it provides (with a note each, e.g. where it was handed in), then submits. */
function DocumentsModal({ claim, onClose }: { claim: MyClaim | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<DocValues>();
  const submit = useMutation({
    mutationFn: (v: DocValues) =>
      submitDocuments(claim!.id, {
        checklist: (claim!.checklist ?? []).map((d) => {
          const note = v.notes?.[d.key]?.trim();
          return { key: d.key, provided: (v.provided ?? []).includes(d.key), ...(note ? { note } : {}) };
        }),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: MY_KEY });
      void message.success(t('my.claims.submitted'));
      onClose();
    },
  });
  const checklist = claim?.checklist ?? [];
  return (
    <Modal
      open={claim !== null}
      title={claim ? t('my.claims.provideTitle', { policy: locale === 'zh-CN' ? claim.policyZh : claim.policyEn }) : ''}
      onCancel={() => !submit.isPending && onClose()}
      destroyOnHidden
      width={640}
      afterClose={() => {
        form.resetFields();
        submit.reset();
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submit.isPending} onClick={() => form.submit()} data-testid="documents-submit">
            {t('my.claims.submit')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>{t('my.claims.provideText')}</Typography.Paragraph>
      {submit.error ? <Alert type="error" showIcon title={errorText(submit.error, t)} style={{ marginBottom: 12 }} /> : null}
      <Form<DocValues>
        form={form}
        layout="vertical"
        disabled={submit.isPending}
        initialValues={{
          provided: checklist.filter((d) => d.provided).map((d) => d.key),
          notes: Object.fromEntries(checklist.map((d) => [d.key, d.note])),
        }}
        onFinish={(v) => submit.mutate(v)}
      >
        <Form.Item name="provided" label={t('my.pol.checklist')}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {checklist.map((d) => (
              <Checkbox key={d.key} value={d.key} data-testid={`documents-doc-${d.key}`}>
                {textOf(d, locale)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {checklist.map((d) => (
          <Form.Item key={d.key} name={['notes', d.key]} label={t('my.claims.docNote', { doc: textOf(d, locale) })} rules={[{ max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('my.pol.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="documents-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
