import { Alert, Button, Form, Input, Modal } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n';
import { errorText } from './errors';

interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  /** The mutation the form runs: its pending state disables the form, its error shows above it. */
  mutation: { isPending: boolean; error: unknown; reset: () => void };
  onClose: () => void;
  okText: ReactNode;
  okTestId: string;
  danger?: boolean;
  okDisabled?: boolean;
  /** What stands above the error and the form (a paragraph of explanation, the case at hand). */
  intro?: ReactNode;
  /** False hides the mutation's error (when a field shows it already). */
  showError?: boolean;
  errorTestId?: string;
  /** More about the refusal, under its message (e.g. the places a draw could not fill). */
  errorDetail?: ReactNode;
  initialValues?: Partial<V>;
  onFinish: (values: V) => void;
  children: ReactNode;
}

/**
 * A modal around one vertical form that runs one mutation: cancel (refused while it runs) and a primary OK that
 * submits the form, the mutation's error above the fields, and the form and mutation reset once it closes.
 */
export function FormModal<V>({
  open,
  title,
  form,
  mutation,
  onClose,
  okText,
  okTestId,
  danger,
  okDisabled,
  intro,
  showError = true,
  errorTestId,
  errorDetail,
  initialValues,
  onFinish,
  children,
}: FormModalProps<V>) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={() => !mutation.isPending && onClose()}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        mutation.reset();
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={danger}
            loading={mutation.isPending}
            disabled={okDisabled}
            onClick={() => form.submit()}
            data-testid={okTestId}
          >
            {okText}
          </Button>
        </>
      }
    >
      {intro}
      {mutation.error && showError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(mutation.error, t)}
          description={errorDetail}
          style={{ marginBottom: 12 }}
          data-testid={errorTestId}
        />
      ) : null}
      <Form<V> form={form} layout="vertical" disabled={mutation.isPending} initialValues={initialValues} onFinish={onFinish}>
        {children}
      </Form>
    </Modal>
  );
}

/** A required free-text reason (at least `min` characters, not only blanks) with a character count. */
export function ReasonField({
  name,
  label,
  message,
  min = 2,
  rows = 3,
  maxLength = 500,
  testId,
}: {
  name: string;
  label: ReactNode;
  message: string;
  min?: number;
  rows?: number;
  maxLength?: number;
  testId?: string;
}) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, min, message }]}>
      <Input.TextArea rows={rows} maxLength={maxLength} showCount data-testid={testId} />
    </Form.Item>
  );
}
