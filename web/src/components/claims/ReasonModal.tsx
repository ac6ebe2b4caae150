import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { errorText } from '../errors';

interface Props {
  open: boolean;
  title: string;
  text?: ReactNode;
  label: string;
  okText: string;
  /** Prefix of data-testids: `<prefix>-input`, `<prefix>-confirm`. */
  testId: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onOk: (reason: string) => void;
  onCancel: () => void;
}

/** A decision that needs a reason the record keeps (reject, reverse): at least two characters. */
export function ReasonModal({ open, title, text, label, okText, testId, danger, pending, error, onOk, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      afterClose={() => form.resetFields()}
      footer={
        <>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" danger={danger} loading={pending} onClick={() => form.submit()} data-testid={`${testId}-confirm`}>
            {okText}
          </Button>
        </>
      }
    >
      {text ? <Typography.Paragraph>{text}</Typography.Paragraph> : null}
      {error ? (
        <Alert type="error" showIcon title={errorText(error, t)} style={{ marginBottom: 12 }} data-testid={`${testId}-error`} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => onOk(v.reason.trim())} disabled={pending}>
        <Form.Item
          name="reason"
          label={label}
          rules={[
            { required: true, whitespace: true, message: t('claim.reasonRequired') },
            { min: 2, message: t('claim.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${testId}-input`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
