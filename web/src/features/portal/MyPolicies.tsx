import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { applyForPolicy, myPoliciesQuery, type MyPolicy } from '../../api/claims';
import { MY_KEY } from '../../api/portal';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError, errorText } from '../../components/errors';
import { formatFen } from '../../components/money';
import { Section } from '../../components/Section';
import { ConditionsTable } from '../../components/policies/ConditionsTable';
import { EligibilityTag } from '../../components/policies/EligibilityTag';
import { nameOf, textOf, triggerText } from '../../components/policies/labels';

/**
 * 可享受的政策: every policy in force and how the enterprise stands against it, condition by condition, with the
 * documents that would settle what the register cannot; policies applied for have an application form.
 */
export function MyPolicies() {
  const { t, locale } = useI18n();
  const query = useQuery(myPoliciesQuery());
  const [applying, setApplying] = useState<MyPolicy | null>(null);
  const rows = query.data ?? [];
  const columns: TableColumnsType<MyPolicy> = [
    {
      key: 'name',
      title: t('pol.name'),
      render: (_, p) => (
        <>
          <strong>{nameOf(p, locale)}</strong>
          <div style={{ fontSize: 13 }}>{p.clauseRef}</div>
        </>
      ),
    },
    {
      key: 'trigger',
      title: t('my.pol.how'),
      render: (_, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>{p.trigger === 'application' ? t('my.pol.apply') : t('my.pol.automatic')}</span>
      ),
    },
    {
      key: 'elig',
      title: t('pol.eligibility'),
      render: (_, p) => <EligibilityTag eligibility={p.eligibility} testId={`my-policy-elig-${p.code}`} />,
    },
    {
      key: 'amount',
      title: t('pol.amount'),
      align: 'right',
      render: (_, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>{p.eligibility === 'ineligible' ? '—' : formatFen(p.amountFen, locale)}</span>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, p) =>
        p.trigger === 'application' ? (
          p.eligibility === 'ineligible' ? (
            <span style={{ fontSize: 13 }}>{t('my.pol.cannotApply')}</span>
          ) : (
            <Button type="primary" size="small" onClick={() => setApplying(p)} data-testid={`my-policy-apply-${p.code}`}>
              {t('my.pol.applyButton')}
            </Button>
          )
        ) : (
          <span style={{ fontSize: 13 }}>{t('my.pol.noAction')}</span>
        ),
    },
  ];

  return (
    <Section title={t('my.tab.policies')} testId="my-policies">
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('my.pol.intro')}</Typography.Paragraph>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<MyPolicy>
          rowKey="code"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching}
          pagination={false}
          locale={{ emptyText: t('my.pol.none') }}
          expandable={{
            expandedRowRender: (p) => <PolicyExplanation policy={p} />,
            rowExpandable: () => true,
          }}
          onRow={(p) => ({ 'data-testid': `my-policy-${p.code}`, 'data-eligibility': p.eligibility }) as HTMLAttributes<HTMLElement>}
          data-testid="my-policies-table"
        />
      )}
      <ApplyModal policy={applying} onClose={() => setApplying(null)} />
    </Section>
  );
}

function PolicyExplanation({ policy: p }: { policy: MyPolicy }) {
  const { t, locale } = useI18n();
  const needed = p.checklist.filter((c) => p.documentsNeeded.includes(c.key));
  return (
    <div style={{ padding: '4px 0' }}>
      <Typography.Paragraph>{t(`my.pol.explain.${p.eligibility}`)}</Typography.Paragraph>
      <ConditionsTable conditions={p.conditions} checklist={p.checklist} plain />
      <Space orientation="vertical" size={4} style={{ marginTop: 12 }}>
        <strong>{t('my.pol.documentsNeeded')}</strong>
        {needed.length ? (
          <ul style={{ margin: 0 }}>
            {needed.map((c) => (
              <li key={c.key}>{textOf(c, locale)}</li>
            ))}
          </ul>
        ) : (
          <span>{t('my.pol.noDocumentsNeeded')}</span>
        )}
        <span style={{ fontSize: 13 }}>
          {t('pol.trigger')}：{triggerText(p.trigger, t)}
        </span>
      </Space>
    </div>
  );
}

interface ApplyValues {
  reference: string;
  note?: string;
  provided: string[];
}

/** The application: what is claimed (certificate or award number), a note, and the documents at hand. */
function ApplyModal({ policy, onClose }: { policy: MyPolicy | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ApplyValues>();
  const [formError, setFormError] = useState<unknown>(null);
  const apply = useMutation({
    mutationFn: (v: ApplyValues) =>
      applyForPolicy({
        policy: policy!.code,
        reference: v.reference.trim(),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        checklist: policy!.checklist.map((c) => ({ key: c.key, provided: (v.provided ?? []).includes(c.key) })),
      }),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: MY_KEY });
      void message.success(t('my.pol.applied'));
      onClose();
    },
    onError: (error) => {
      if (!applyServerError(form, error, ['reference', 'note'])) setFormError(error);
    },
  });
  return (
    <Modal
      open={policy !== null}
      title={policy ? t('my.pol.applyTitle', { name: nameOf(policy, locale) }) : ''}
      onCancel={() => !apply.isPending && onClose()}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={apply.isPending} onClick={() => form.submit()} data-testid="apply-submit">
            {t('my.pol.applySubmit')}
          </Button>
        </>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 12 }} data-testid="apply-error" />
      ) : null}
      <Form<ApplyValues>
        form={form}
        layout="vertical"
        disabled={apply.isPending}
        initialValues={{ provided: [] }}
        onFinish={(v) => apply.mutate(v)}
      >
        <Form.Item
          name="reference"
          label={t('my.pol.reference')}
          extra={t('my.pol.referenceHint')}
          rules={[{ required: true, whitespace: true, message: t('my.pol.referenceRequired') }, { max: 100 }]}
        >
          <Input maxLength={100} data-testid="apply-reference" />
        </Form.Item>
        {policy?.checklist.length ? (
          <Form.Item name="provided" label={t('my.pol.checklist')}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="apply-checklist">
              {policy.checklist.map((c) => (
                <Checkbox key={c.key} value={c.key} data-testid={`apply-doc-${c.key}`}>
                  {textOf(c, locale)}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('my.pol.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="apply-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
