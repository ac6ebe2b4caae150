import { Button, Form, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../app/i18n';

interface Props {
  /** Names of the approved values being corrected; null when closed. */
  names: string[] | null;
  onOk: (reason: string) => void;
  onCancel: () => void;
}

const REASON_MAX = 1000;

/** Approved values are locked: correcting one needs a reason, which the history keeps. */
export function ReasonModal({ names, onOk, onCancel }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={names !== null}
      title={t('entry.reasonTitle')}
      onCancel={onCancel}
      destroyOnHidden
      afterClose={() => form.resetFields()}
      footer={
        <>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} data-testid="reason-confirm">
            {t('entry.reasonOk')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>{t('entry.reasonText', { names: (names ?? []).join(t('common.listSep')) })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => onOk(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('entry.reason')}
          rules={[{ required: true, whitespace: true, message: t('entry.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
