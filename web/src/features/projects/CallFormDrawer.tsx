import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Space, Steps } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/http';
import { createCall, PROJECTS_KEY, type Call } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { bureauToday } from '../../components/isoDate';
import { CALL_STEPS, defaultCallValues, stepOfField, toCallInput, type CallFormValues } from './callForm';
import { BasicsStep } from './CallBasicsStep';
import { FormStep } from './CallFormStep';
import { ReviewStep } from './CallReviewStep';
import { FundingStep } from './CallFundingStep';

/**
 * 新建指南: a guided form in four steps (basics, the application form, the review rules, the funding), every
 * step filled with sensible defaults so that a call needs little more than a code, a title, a guide and a budget.
 * The call is saved as a draft; it is published from its page.
 */
export function CallFormDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (call: Call) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<CallFormValues>();
  const [step, setStep] = useState(0);
  const [formError, setFormError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (v: CallFormValues) => createCall(toCallInput(v)),
    onMutate: () => setFormError(null),
    onSuccess: async (call) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      onCreated(call);
    },
    onError: (error) => {
      setFormError(error);
      if (error instanceof ApiError && error.field === 'code') {
        form.setFields([{ name: 'code', errors: [error.message] }]);
        setStep(0);
      }
    },
  });

  const next = async () => {
    try {
      await form.validateFields([...CALL_STEPS[step]!.fields], { recursive: true });
      setStep((s) => Math.min(s + 1, CALL_STEPS.length - 1));
    } catch {
      // The errors are shown under the fields.
    }
  };
  const submit = async () => {
    try {
      const values = await form.validateFields({ recursive: true });
      create.mutate({ ...form.getFieldsValue(true), ...values } as CallFormValues);
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) setStep(stepOfField(first.name[0]));
    }
  };
  const last = step === CALL_STEPS.length - 1;

  return (
    <Drawer
      open={open}
      title={t('proj.call.create')}
      size={960}
      onClose={() => !create.isPending && onClose()}
      destroyOnHidden
      afterOpenChange={(isOpen) => {
        if (!isOpen) {
          setStep(0);
          setFormError(null);
        }
      }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={step === 0} onClick={() => setStep((s) => s - 1)} data-testid="call-prev">
            {t('proj.call.prev')}
          </Button>
          {last ? null : (
            <Button onClick={() => void next()} data-testid="call-next">
              {t('proj.call.next')}
            </Button>
          )}
          <Button type={last ? 'primary' : 'default'} loading={create.isPending} onClick={() => void submit()} data-testid="call-submit">
            {t('proj.call.save')}
          </Button>
        </Space>
      }
      data-testid="call-drawer"
    >
      <Steps
        current={step}
        onChange={setStep}
        size="small"
        style={{ marginBottom: 24 }}
        items={CALL_STEPS.map((s) => ({ title: t(`proj.call.step.${s.key}`) }))}
      />
      {formError ? <CallError error={formError} /> : null}
      <Form<CallFormValues>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        initialValues={defaultCallValues(bureauToday())}
        onFinish={() => void submit()}
      >
        {/* Every step stays mounted (hidden), so its values and rules count when saving. */}
        <div hidden={step !== 0}>
          <BasicsStep form={form} />
        </div>
        <div hidden={step !== 1}>
          <FormStep />
        </div>
        <div hidden={step !== 2}>
          <ReviewStep form={form} />
        </div>
        <div hidden={step !== 3}>
          <FundingStep form={form} />
        </div>
      </Form>
    </Drawer>
  );
}

/** Why the call was not saved: the message, and each problem when the server found several. */
function CallError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error, t)}
      description={
        error instanceof ApiError && error.details.length > 1 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {error.details.map((d) => (
              <li key={`${d.field}-${d.message}`}>{d.message}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
      data-testid="call-error"
    />
  );
}
