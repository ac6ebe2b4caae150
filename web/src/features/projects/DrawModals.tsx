import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Typography } from 'antd';
import { redrawStage, swapReview, type AssignmentRow, type Stage } from '../../api/panels';
import { PROJECTS_KEY } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { FormModal, ReasonField } from '../../components/FormModal';
import { randomSeed } from '../../components/projects/panels';
import { SeedField } from '../../components/projects/SeedField';
import { UnfilledReasons } from '../../components/projects/UnfilledReasons';

/**
 * 替换专家: the next ranked alternate of the draw that still meets every rule takes the place. A declined expert
 * gave a reason already; an assigned one the bureau finds unavailable needs the bureau's reason.
 */
export function SwapModal({ review, onClose }: { review: AssignmentRow | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const needsReason = review?.status === 'assigned';
  const swap = useMutation({
    mutationFn: (v: { reason?: string }) => swapReview(review!.id, v.reason?.trim() || undefined),
    onSuccess: async (res) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('draws.swapped', { name: res.expertName, skipped: res.skipped.length }));
      onClose();
    },
  });
  return (
    <FormModal
      open={review !== null}
      title={t('draws.swapTitle')}
      form={form}
      mutation={swap}
      onClose={onClose}
      okText={t('draws.swap')}
      okTestId="swap-confirm"
      intro={
        review ? (
          <Typography.Paragraph>
            {t(needsReason ? 'draws.swapAssigned' : 'draws.swapDeclined', { name: review.expertName, title: review.applicationTitle })}
          </Typography.Paragraph>
        ) : null
      }
      errorTestId="swap-error"
      onFinish={(v) => swap.mutate(v)}
    >
      {needsReason ? (
        <ReasonField name="reason" label={t('draws.unavailableReason')} message={t('draws.reasonRequired')} rows={2} testId="swap-reason" />
      ) : null}
    </FormModal>
  );
}

/** 重新抽取: the open places of the stage are filled again with a new seed; scored reviews stay. */
export function RedrawModal({
  callId,
  stage,
  open,
  places,
  onClose,
}: {
  callId: string;
  stage: Stage;
  open: boolean;
  places: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ seed: number | null; reason: string }>();
  const run = useMutation({
    mutationFn: (v: { seed: number | null; reason: string }) => redrawStage(callId, { seed: v.seed ?? 0, stage, reason: v.reason.trim() }),
    onSuccess: async (res) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('draws.redrawn', { n: res.assignments }));
      onClose();
    },
  });
  return (
    <FormModal
      open={open}
      title={t('draws.redrawTitle')}
      form={form}
      mutation={run}
      onClose={onClose}
      okText={t('draws.redrawOk')}
      okTestId="redraw-confirm"
      intro={<Typography.Paragraph>{t('draws.redrawText', { n: places, stage: t(`panel.stage.${stage}`) })}</Typography.Paragraph>}
      errorTestId="redraw-error"
      errorDetail={<UnfilledReasons error={run.error} />}
      initialValues={{ seed: randomSeed(), reason: '' }}
      onFinish={(v) => run.mutate(v)}
    >
      <SeedField extra={t('draws.newSeedHint')} testId="redraw-seed" />
      <ReasonField name="reason" label={t('draws.redrawReason')} message={t('draws.reasonRequired')} rows={2} testId="redraw-reason" />
    </FormModal>
  );
}
