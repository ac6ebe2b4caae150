import { Alert, Button, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { errorText } from '../errors';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  okText: string;
  testId: string;
  pending: boolean;
  error: unknown;
  /** More about the refusal, under its message (e.g. the places a draw could not fill). */
  errorDetail?: ReactNode;
  onOk: () => void;
  onCancel: () => void;
}

/** A decision confirmed in words (approve, pay), with the server's refusal shown in place. */
export function ConfirmModal({ open, title, children, okText, testId, pending, error, errorDetail, onOk, onCancel }: Props) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={onOk} data-testid={`${testId}-confirm`}>
            {okText}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>{children}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorText(error, t)} description={errorDetail} data-testid={`${testId}-error`} /> : null}
    </Modal>
  );
}
