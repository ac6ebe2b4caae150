import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { BUDGET_MAX_FEN } from '../../../../common/values/ledger';
import { FUND_SOURCES } from '../../../../common/values/projects';
import type { PolicySummary } from '../../api/policies';
import { LEDGER_KEY, requestBudget, type FundSource } from '../../api/ledger';
import { useI18n } from '../../app/i18n';
import { applyServerError, errorText } from '../errors';
import { formatFen, yuanToFen } from '../money';
import { newRequestKey } from '../requestKey';
import { fundSourceText } from '../claims/labels';
import { nameOf } from '../policies/labels';

/** The server's range: at most 10 亿元 a request. */
const MAX_YUAN = BUDGET_MAX_FEN / 100;

interface Values {
  year: number;
  fundSource: FundSource;
  policyCode: string;
  amountYuan: number;
  reason: string;
}

const thousands = (v: number | string | undefined) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * 追加预算: a request for money for one policy (or one project call) and fiscal year, entered in yuan. It stays
 * pending until a colleague approves it (the ledger page's budget requests: four eyes). The request key is made
 * when the form opens, so a double click or a retry after a lost answer requests once.
 */
export function BudgetModal({
  open,
  policies,
  calls = [],
  defaults,
  onClose,
}: {
  open: boolean;
  policies: readonly PolicySummary[];
  /** Project calls, funded under `call_<CODE>` (their payments come from that budget). */
  calls?: readonly { code: string; title: string }[];
  defaults: { year: number; policyCode?: string };
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [formError, setFormError] = useState<unknown>(null);
  const fund = useMutation({
    mutationFn: (v: Values) =>
      requestBudget({
        year: v.year,
        fundSource: v.fundSource,
        policyCode: v.policyCode,
        amountFen: yuanToFen(v.amountYuan),
        reason: v.reason.trim(),
        requestKey,
      }),
    onMutate: () => setFormError(null),
    onSuccess: async (res) => {
      await client.invalidateQueries({ queryKey: LEDGER_KEY });
      void message.success(
        t(res.replayed ? 'ledger.budget.requestReplayed' : 'ledger.budget.requested', { amount: formatFen(res.transfer.amount, locale) }),
      );
      onClose();
    },
    onError: (error) => {
      if (!applyServerError(form, error, ['year', 'fundSource', 'policyCode', 'reason'])) setFormError(error);
    },
  });

  return (
    <Modal
      open={open}
      title={t('ledger.budget.add')}
      onCancel={() => !fund.isPending && onClose()}
      destroyOnHidden
      afterOpenChange={(isOpen) => {
        // A new key per opening: the next budget is a new request.
        if (isOpen) setRequestKey(newRequestKey());
        else {
          form.resetFields();
          setFormError(null);
        }
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={fund.isPending} onClick={() => form.submit()} data-testid="budget-submit">
            {t('ledger.budget.submit')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>{t('ledger.budget.hint')}</Typography.Paragraph>
      {formError ? (
        <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 12 }} data-testid="budget-error" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={fund.isPending}
        initialValues={{ year: defaults.year, fundSource: 'county', policyCode: defaults.policyCode, reason: '' }}
        onFinish={(v) => fund.mutate(v)}
      >
        <BudgetFields policies={policies} calls={calls} />
      </Form>
    </Modal>
  );
}

/** The request's fields: year, policy or call, fund source, amount in yuan and reason. */
function BudgetFields({ policies, calls }: { policies: readonly PolicySummary[]; calls: readonly { code: string; title: string }[] }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Form.Item name="year" label={t('ledger.fiscalYear')} rules={[{ required: true, message: t('ledger.budget.yearRequired') }]}>
        <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="budget-year" />
      </Form.Item>
      <Form.Item name="policyCode" label={t('ledger.policy')} rules={[{ required: true, message: t('ledger.budget.policyRequired') }]}>
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            ...policies.map((p) => ({ value: p.code, label: `${nameOf(p, locale)}（${p.code}）` })),
            ...calls.map((c) => ({ value: `call_${c.code}`, label: `${t('ledger.budget.call', { title: c.title })}（call_${c.code}）` })),
          ]}
          data-testid="budget-policy"
        />
      </Form.Item>
      <Form.Item name="fundSource" label={t('ledger.fundSource')} rules={[{ required: true }]}>
        <Select<FundSource>
          options={FUND_SOURCES.map((s) => ({ value: s, label: fundSourceText(s, t) }))}
          style={{ width: 200 }}
          data-testid="budget-source"
        />
      </Form.Item>
      <Form.Item
        name="amountYuan"
        label={t('ledger.budget.amount')}
        rules={[
          { required: true, message: t('ledger.budget.amountRequired') },
          { type: 'number', min: 0.01, max: MAX_YUAN, message: t('ledger.budget.amountRequired') },
        ]}
      >
        <InputNumber<number>
          min={0}
          max={MAX_YUAN}
          precision={2}
          formatter={thousands}
          parser={(v) => Number((v ?? '').replace(/[,\s¥]/g, ''))}
          suffix={t('pol.unit.yuan')}
          style={{ width: 260 }}
          data-testid="budget-amount"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('ledger.budget.reason')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('claim.reasonRequired') }]}
        extra={t('ledger.budget.reasonHint')}
      >
        <Input maxLength={300} data-testid="budget-reason" />
      </Form.Item>
    </>
  );
}
