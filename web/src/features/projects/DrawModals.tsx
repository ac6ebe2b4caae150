import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { redrawStage, swapReview, type AssignmentRow, type Stage } from '../../api/panels';
import { PROJECTS_KEY } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { MAX_SEED, randomSeed } from './panels';

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
    <Modal
      open={review !== null}
      title={t('draws.swapTitle')}
      onCancel={() => !swap.isPending && onClose()}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        swap.reset();
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={swap.isPending} onClick={() => form.submit()} data-testid="swap-confirm">
            {t('draws.swap')}
          </Button>
        </>
      }
    >
      {review ? (
        <Typography.Paragraph>
          {t(needsReason ? 'draws.swapAssigned' : 'draws.swapDeclined', { name: review.expertName, title: review.applicationTitle })}
        </Typography.Paragraph>
      ) : null}
      {swap.error ? (
        <Alert type="error" showIcon title={errorText(swap.error, t)} style={{ marginBottom: 12 }} data-testid="swap-error" />
      ) : null}
      <Form form={form} layout="vertical" disabled={swap.isPending} onFinish={(v) => swap.mutate(v)}>
        {needsReason ? (
          <Form.Item
            name="reason"
            label={t('draws.unavailableReason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('draws.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount data-testid="swap-reason" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
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
    <Modal
      open={open}
      title={t('draws.redrawTitle')}
      onCancel={() => !run.isPending && onClose()}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        run.reset();
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={run.isPending} onClick={() => form.submit()} data-testid="redraw-confirm">
            {t('draws.redrawOk')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>{t('draws.redrawText', { n: places, stage: t(`panel.stage.${stage}`) })}</Typography.Paragraph>
      {run.error ? (
        <Alert type="error" showIcon title={errorText(run.error, t)} style={{ marginBottom: 12 }} data-testid="redraw-error" />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        disabled={run.isPending}
        initialValues={{ seed: randomSeed(), reason: '' }}
        onFinish={(v) => run.mutate(v)}
      >
        <Form.Item label={t('proj.draw.seed')} required extra={t('draws.newSeedHint')}>
          <Space.Compact>
            <Form.Item name="seed" noStyle rules={[{ required: true, message: t('draws.seedRequired') }]}>
              <InputNumber<number>
                min={0}
                max={MAX_SEED}
                precision={0}
                style={{ width: 180 }}
                aria-label={t('proj.draw.seed')}
                data-testid="redraw-seed"
              />
            </Form.Item>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => form.setFieldValue('seed', randomSeed())}
              aria-label={t('proj.draw.newSeed')}
            />
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('draws.redrawReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('draws.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="redraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
