import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { REGISTRY_KEY, saveStats, type StatsView } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { errorText } from '../../../components/errors';
import { STAT_FIELDS } from '../../../components/registry/labels';
import { StatsFields, toStatsInput, type StatsValues } from '../../../components/registry/StatsFields';

export type StatsModalState = { year: number; existing: StatsView | null } | { year: null; existing: null } | null;

interface Props {
  enterpriseId: string;
  state: StatsModalState;
  /** Years that may be added (those without figures yet). */
  freeYears: number[];
  onClose: () => void;
}

/** The bureau enters or corrects a year's figures: saved as a draft or submitted; approval is a separate step. */
export function StatsModal({ enterpriseId, state, freeYears, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<StatsValues & { year: number }>();
  const [submitIntent, setSubmitIntent] = useState(false);
  const save = useMutation({
    mutationFn: ({ year, values, submit }: { year: number; values: StatsValues; submit: boolean }) =>
      saveStats(enterpriseId, year, toStatsInput(values, submit)),
    onSuccess: async (_, { year, submit }) => {
      await client.invalidateQueries({ queryKey: REGISTRY_KEY });
      void message.success(t(submit ? 'stats.submittedDone' : 'stats.savedDraft', { year }));
      onClose();
    },
  });
  const initial = state?.existing ? Object.fromEntries(STAT_FIELDS.map((f) => [f, state.existing![f]])) : {};
  const submitWith = (submit: boolean) => {
    setSubmitIntent(submit);
    form.submit();
  };

  return (
    <Modal
      open={state !== null}
      title={state?.year ? t('stats.editTitle', { year: state.year }) : t('stats.addTitle')}
      onCancel={onClose}
      width={860}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) save.reset();
      }}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={save.isPending && !submitIntent} onClick={() => submitWith(false)} data-testid="stats-save">
            {t('stats.saveDraft')}
          </Button>
          <Button type="primary" loading={save.isPending && submitIntent} onClick={() => submitWith(true)} data-testid="stats-submit">
            {t('stats.saveSubmit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('stats.unitNote')}</Typography.Paragraph>
      {save.error ? (
        <Alert type="error" showIcon title={errorText(save.error, t)} style={{ marginBottom: 16 }} data-testid="stats-error" />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...initial, year: state?.year ?? freeYears[0] }}
        disabled={save.isPending}
        onFinish={({ year, ...values }) => save.mutate({ year: state?.year ?? year, values, submit: submitIntent })}
      >
        {state?.year ? null : (
          <Form.Item label={t('stats.year')} name="year" rules={[{ required: true, message: t('stats.yearRequired') }]}>
            <Select
              options={freeYears.map((y) => ({ value: y, label: t('stats.yearOption', { year: y }) }))}
              style={{ width: 160 }}
              data-testid="stats-year"
            />
          </Form.Item>
        )}
        <StatsFields testIdPrefix="stats" />
      </Form>
    </Modal>
  );
}
