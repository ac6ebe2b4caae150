import { useMutation } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { evaluatePolicy, type PolicyRow, type PolicyVersion } from '../../api/policies';
import { useI18n } from '../../app/i18n';
import { applyServerError, errorText } from '../../components/errors';
import { bureauToday, isoDateItem } from '../../components/isoDate';
import { formatFen } from '../../components/money';
import { StatusTag } from '../../components/StatusTag';
import { ConditionsTable } from '../../components/policies/ConditionsTable';
import { EligibilityTag } from '../../components/policies/EligibilityTag';
import { amountText } from '../../components/policies/policyMessage';

interface Values {
  creditCode: string;
  date: string | null;
  /** 0: the server's choice (the version in force, else the latest). */
  version: number;
}

/** One enterprise against the policy on a date: eligible or not, the amount, and every condition explained. */
export function EvaluatePanel({ policy, versions }: { policy: PolicyRow; versions: readonly PolicyVersion[] }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const run = useMutation({
    mutationFn: (v: Values) =>
      evaluatePolicy(
        policy.id,
        { creditCode: v.creditCode.trim().toUpperCase(), ...(v.date ? { date: v.date } : {}) },
        v.version || undefined,
      ),
    onError: (error) => applyServerError(form, error, ['creditCode', 'date']),
  });
  const r = run.data;
  const fieldError = run.error ? form.getFieldsError().some((f) => f.errors.length > 0) : false;
  const items: DescriptionsProps['items'] = r
    ? [
        {
          key: 'elig',
          label: t('pol.eligibility'),
          children: <EligibilityTag eligibility={r.eligibility} testId="evaluate-eligibility" />,
        },
        {
          key: 'amount',
          label: t('pol.amount'),
          children: <span data-testid="evaluate-amount">{formatFen(r.amountFen, locale)}</span>,
        },
        { key: 'explanation', label: t('pol.amountExplanation'), children: amountText(r.trace.amount, t, locale) },
        { key: 'version', label: t('pol.version'), children: `v${r.trace.version} · ${r.trace.date}` },
        {
          key: 'unset',
          label: t('pol.unsetParameters'),
          span: 'filled',
          children: r.unsetParameters.length ? (
            <Space size={4} wrap>
              {r.unsetParameters.map((n) => (
                <StatusTag key={n} tone="warn">
                  {n}
                </StatusTag>
              ))}
            </Space>
          ) : (
            t('common.none')
          ),
        },
      ]
    : [];

  return (
    <div data-testid="evaluate-panel">
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('pol.evaluate.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ creditCode: '', date: bureauToday(), version: 0 }}
        onFinish={(v) => run.mutate(v)}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item
          name="creditCode"
          label={t('ent.creditCode')}
          rules={[{ required: true, whitespace: true, message: t('ent.creditCodeRequired') }]}
        >
          <Input autoComplete="off" maxLength={30} style={{ width: 220, fontFamily: 'monospace' }} data-testid="evaluate-creditCode" />
        </Form.Item>
        <Form.Item name="date" label={t('pol.evaluate.date')} {...isoDateItem}>
          <DatePicker allowClear={false} maxDate={dayjs('2100-12-31')} style={{ width: 150 }} data-testid="evaluate-date" />
        </Form.Item>
        <Form.Item name="version" label={t('pol.version')}>
          <Select<number>
            options={[
              { value: 0, label: t('pol.evaluate.defaultVersion') },
              ...versions.map((x) => ({ value: x.version, label: `v${x.version} · ${t(`pol.version.${x.status}`)}` })),
            ]}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="evaluate-run">
            {t('pol.evaluate.run')}
          </Button>
        </Form.Item>
      </Form>
      {run.error && !fieldError ? <Alert type="error" showIcon title={errorText(run.error, t)} style={{ marginBottom: 12 }} /> : null}
      {r ? (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={items}
            style={{ marginBottom: 12 }}
            data-testid="evaluate-result"
          />
          <ConditionsTable conditions={r.reasons} checklist={r.trace.rule.checklist} testId="evaluate-conditions" />
        </>
      ) : null}
    </div>
  );
}
