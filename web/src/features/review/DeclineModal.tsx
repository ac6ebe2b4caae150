import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { declineReview } from '../../api/panels';
import { REVIEWS_KEY } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';

/** 谢绝评审: the expert gives the assignment back with a reason; the bureau puts an alternate in its place. */
export function DeclineModal({ reviewId, open, onClose }: { reviewId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useMutation({
    mutationFn: (v: { reason: string }) => declineReview(reviewId, v.reason.trim()),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: REVIEWS_KEY });
      void message.success(t('review.declined'));
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('review.decline')}
      onCancel={() => !save.isPending && onClose()}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        save.reset();
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger loading={save.isPending} onClick={() => form.submit()} data-testid="decline-confirm">
            {t('review.declineSubmit')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>{t('review.declineText')}</Typography.Paragraph>
      {save.error ? <Alert type="error" showIcon title={errorText(save.error, t)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" disabled={save.isPending} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('review.declineReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('draws.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="decline-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
