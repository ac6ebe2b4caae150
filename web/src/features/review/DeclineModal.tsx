import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Typography } from 'antd';
import { declineReview } from '../../api/panels';
import { REVIEWS_KEY } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { FormModal, ReasonField } from '../../components/FormModal';

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
    <FormModal
      open={open}
      title={t('review.decline')}
      form={form}
      mutation={save}
      onClose={onClose}
      okText={t('review.declineSubmit')}
      okTestId="decline-confirm"
      danger
      intro={<Typography.Paragraph>{t('review.declineText')}</Typography.Paragraph>}
      onFinish={(v) => save.mutate(v)}
    >
      <ReasonField name="reason" label={t('review.declineReason')} message={t('draws.reasonRequired')} testId="decline-reason" />
    </FormModal>
  );
}
