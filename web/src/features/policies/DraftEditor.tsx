import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PolicyParameter } from '../../../../common/policies';
import { POLICIES_KEY, submitVersion, updateDraft, type PolicyRow, type PolicyVersion } from '../../api/policies';
import { useI18n } from '../../app/i18n';
import { applyServerError, errorText } from '../../components/errors';
import { isoDateItem } from '../../components/isoDate';
import { fenToYuan, yuanToFen } from '../../components/money';
import { textOf } from '../../components/policies/labels';

interface ValueRow {
  from: string | null;
  /** Yuan for money, per cent for rates; empty = 待定. */
  value: number | null;
  citation: string;
}
interface Values {
  parameters: { values: ValueRow[] }[];
  note: string;
}

const PENDING_PREFIX = '待定';
const thousands = (v: number | string | undefined) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const unformat = (v: string | undefined) => (v ?? '').replace(/[,\s¥]/g, '');

function toForm(parameters: readonly PolicyParameter[], note: string | null): Values {
  return {
    parameters: parameters.map((p) => ({
      values: p.values.map((v) => ({
        from: v.from,
        value: v.value === null ? null : p.unit === 'fen' ? fenToYuan(v.value) : v.value,
        citation: v.citation,
      })),
    })),
    note: note ?? '',
  };
}

function fromForm(parameters: readonly PolicyParameter[], values: Values): PolicyParameter[] {
  return parameters.map((p, i) => ({
    ...p,
    values: (values.parameters[i]?.values ?? []).map((r) => ({
      from: r.from ?? '',
      value: r.value === null || r.value === undefined ? null : p.unit === 'fen' ? yuanToFen(r.value) : r.value,
      citation: r.citation.trim(),
    })),
  }));
}

/**
 * The open draft's parameters: each value with the date it applies from and a citation (required). Money is
 * entered in yuan and stored in fen. Save keeps the draft; submit saves first, then asks for approval.
 */
export function DraftEditor({ policy, draft, editable }: { policy: PolicyRow; draft: PolicyVersion; editable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);

  const save = async (values: Values) => {
    await updateDraft(policy.id, draft.version, { parameters: fromForm(draft.parameters, values), note: values.note.trim() });
    setDirty(false);
  };
  const run = useMutation({
    mutationFn: async ({ values, submit }: { values: Values; submit: boolean }) => {
      if (dirty || !submit) await save(values);
      if (submit) await submitVersion(policy.id, draft.version);
    },
    onMutate: () => setFormError(null),
    onSuccess: async (_, { submit }) => {
      await client.invalidateQueries({ queryKey: POLICIES_KEY });
      void message.success(t(submit ? 'pol.draft.submitted' : 'pol.draft.saved', { v: draft.version }));
    },
    onError: (error) => {
      if (!applyServerError(form, error, ['parameters', 'note'])) setFormError(error);
    },
  });
  const submitWith = (submit: boolean) => {
    form
      .validateFields()
      .then((values) => run.mutate({ values, submit }))
      .catch(() => void message.error(t('common.formHasErrors')));
  };

  return (
    <div data-testid="draft-editor" data-version={draft.version}>
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('pol.draft.hint')}</Typography.Paragraph>
      {formError ? (
        <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 16 }} data-testid="draft-error" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toForm(draft.parameters, draft.note)}
        disabled={!editable || run.isPending}
        onValuesChange={() => setDirty(true)}
      >
        {draft.parameters.map((p, i) => (
          <ParameterFieldset key={p.name} p={p} i={i} editable={editable} />
        ))}
        <Form.Item name="note" label={t('pol.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="draft-note" />
        </Form.Item>
      </Form>
      {editable ? (
        <Space wrap>
          <Button loading={run.isPending && !run.variables?.submit} onClick={() => submitWith(false)} data-testid="draft-save">
            {t('common.save')}
          </Button>
          <Button
            type="primary"
            loading={run.isPending && run.variables?.submit}
            onClick={() => submitWith(true)}
            data-testid="draft-submit"
          >
            {t('pol.draft.submit')}
          </Button>
          {dirty ? <span style={{ color: '#ad4e00' }}>{t('pol.draft.unsaved')}</span> : null}
        </Space>
      ) : null}
    </div>
  );
}

/** One parameter's values: from, value (yuan or per cent; empty = 待定) and citation, rows added and removed. */
function ParameterFieldset({ p, i, editable }: { p: PolicyParameter; i: number; editable: boolean }) {
  const { t, locale } = useI18n();
  const label = textOf(p, locale);
  const unit = p.unit === 'fen' ? t('pol.unit.yuan') : '%';
  return (
    <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 16px 0', marginBottom: 16 }}>
      <legend style={{ fontSize: 14, fontWeight: 600, padding: '0 4px', width: 'auto', marginBottom: 0 }}>
        {label}{' '}
        <Typography.Text code style={{ fontSize: 12, fontWeight: 400 }}>
          {p.name}
        </Typography.Text>{' '}
        <span style={{ fontWeight: 400 }}>({p.unit === 'fen' ? t('pol.unit.money') : t('pol.unit.percent')})</span>
      </legend>
      <Form.List name={['parameters', i, 'values']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, j) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex' }} data-testid={`param-${p.name}-${j}`}>
                <Form.Item
                  name={[field.name, 'from']}
                  label={t('pol.param.from')}
                  rules={[{ required: true, message: t('pol.param.fromRequired') }]}
                  {...isoDateItem}
                >
                  <DatePicker
                    aria-label={t('pol.param.fromN', { name: label, n: j + 1 })}
                    style={{ width: 150 }}
                    data-testid={`param-${p.name}-${j}-from`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} label={t('pol.param.valueIn', { unit })} extra={t('pol.param.emptyIsUnset')}>
                  <InputNumber<number>
                    aria-label={t('pol.param.valueN', { name: label, n: j + 1, unit })}
                    min={0}
                    precision={p.unit === 'fen' ? 2 : 4}
                    max={p.unit === 'fen' ? 1e11 : 100}
                    placeholder={t('pol.param.unset')}
                    formatter={p.unit === 'fen' ? thousands : undefined}
                    parser={p.unit === 'fen' ? (v) => Number(unformat(v)) : undefined}
                    suffix={unit}
                    style={{ width: 220 }}
                    data-testid={`param-${p.name}-${j}-value`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'citation']}
                  label={t('pol.param.citation')}
                  dependencies={[['parameters', i, 'values', field.name, 'value']]}
                  rules={[
                    { required: true, whitespace: true, message: t('pol.param.citationRequired') },
                    { max: 500 },
                    ({ getFieldValue }) => ({
                      validator: (_, v: string | undefined) => {
                        const value = getFieldValue(['parameters', i, 'values', field.name, 'value']) as number | null | undefined;
                        return value !== null && value !== undefined && (v ?? '').trim().startsWith(PENDING_PREFIX)
                          ? Promise.reject(new Error(t('pol.param.citationForValue')))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                  style={{ minWidth: 320, flex: 1 }}
                >
                  <Input
                    aria-label={t('pol.param.citationN', { name: label, n: j + 1 })}
                    style={{ width: 420, maxWidth: '100%' }}
                    data-testid={`param-${p.name}-${j}-citation`}
                  />
                </Form.Item>
                {editable ? (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('pol.param.removeN', { name: label, n: j + 1 })}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                ) : null}
              </Space>
            ))}
            {editable ? (
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ from: null, value: null, citation: '' })}
                style={{ marginBottom: 16 }}
                data-testid={`param-${p.name}-add`}
              >
                {t('pol.param.add')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
