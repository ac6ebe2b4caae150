import { Alert, Button, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { Condition, FactValue } from '../../../../common/policies';
import type { Claim } from '../../api/claims';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { formatFen } from '../../components/money';
import { textOf } from '../../components/policies/labels';

interface Values {
  facts: (string | number | null | undefined)[];
  note: string;
}

interface Props {
  claim: Claim | null;
  pending: boolean;
  error: unknown;
  onOk: (body: { facts?: Record<string, FactValue>; note?: string }) => void;
  onCancel: () => void;
}

/** The conditions the register could not settle, which the reviewer confirms from the documents. */
function openConditions(claim: Claim): Condition[] {
  const unknown = new Set(claim.trace.conditions.filter((c) => c.outcome === 'unknown').map((c) => c.id));
  return claim.trace.rule.conditions.filter((c) => unknown.has(c.id) && !c.param);
}

const isBoolean = (c: Condition) => c.op === 'is_true' || c.op === 'is_false';
const isNumeric = (c: Condition) => ['gt', 'gte', 'lt', 'lte'].includes(c.op) || typeof c.value === 'number';

function toFact(c: Condition, raw: string | number | null | undefined): FactValue | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (isBoolean(c)) return raw === 'true';
  if (isNumeric(c)) return typeof raw === 'number' ? raw : Number(raw);
  return raw;
}

/**
 * 初审: the reviewer confirms facts from the documents for the conditions still unknown, then the decision is
 * re-run and must come out eligible. Confirming nothing is fine when everything is already met.
 */
export function ReviewModal({ claim, pending, error, onOk, onCancel }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const conditions = claim ? openConditions(claim) : [];
  const control = (c: Condition, i: number) => {
    if (isBoolean(c))
      return (
        <Select<string>
          allowClear
          placeholder={t('claim.review.notConfirmed')}
          options={[
            { value: 'true', label: t('claim.review.true') },
            { value: 'false', label: t('claim.review.false') },
          ]}
          style={{ width: 240 }}
          data-testid={`review-fact-${c.id}`}
          aria-describedby={`review-fact-hint-${i}`}
        />
      );
    if (Array.isArray(c.value))
      return (
        <Select<string | number>
          allowClear
          placeholder={t('claim.review.notConfirmed')}
          options={c.value.map((v) => ({ value: v, label: String(v) }))}
          style={{ width: 240 }}
          data-testid={`review-fact-${c.id}`}
        />
      );
    if (isNumeric(c))
      return (
        <InputNumber<number> placeholder={t('claim.review.notConfirmed')} style={{ width: 240 }} data-testid={`review-fact-${c.id}`} />
      );
    return <Input placeholder={t('claim.review.notConfirmed')} style={{ width: 240 }} data-testid={`review-fact-${c.id}`} />;
  };

  return (
    <Modal
      open={claim !== null}
      title={t('claim.review.title')}
      onCancel={onCancel}
      destroyOnHidden
      afterClose={() => form.resetFields()}
      width={640}
      footer={
        <>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="claim-review-confirm">
            {t('claim.review.ok')}
          </Button>
        </>
      }
    >
      {claim ? (
        <Typography.Paragraph>
          {t('claim.review.text', {
            enterprise: claim.enterpriseName,
            policy: locale === 'zh-CN' ? claim.policyZh : claim.policyEn,
            amount: formatFen(claim.amountFen, locale),
          })}
        </Typography.Paragraph>
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={errorText(error, t)} style={{ marginBottom: 12 }} data-testid="claim-review-error" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={pending}
        onFinish={(v) => {
          const facts: Record<string, FactValue> = {};
          conditions.forEach((c, i) => {
            const value = toFact(c, v.facts?.[i]);
            if (value !== undefined) facts[c.fact] = value;
          });
          const note = v.note?.trim();
          onOk({ ...(Object.keys(facts).length ? { facts } : {}), ...(note ? { note } : {}) });
        }}
      >
        {conditions.length ? (
          <>
            <Typography.Paragraph type="secondary">{t('claim.review.factsHint')}</Typography.Paragraph>
            {conditions.map((c, i) => (
              <Form.Item
                key={c.id}
                name={['facts', i]}
                label={textOf(c, locale)}
                extra={
                  <span id={`review-fact-hint-${i}`}>
                    <Typography.Text code style={{ fontSize: 12 }}>
                      {c.fact}
                    </Typography.Text>
                  </span>
                }
              >
                {control(c, i)}
              </Form.Item>
            ))}
          </>
        ) : (
          <Typography.Paragraph>{t('claim.review.allKnown')}</Typography.Paragraph>
        )}
        <Form.Item name="note" label={t('claim.review.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="claim-review-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
