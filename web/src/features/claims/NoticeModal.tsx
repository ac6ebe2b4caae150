import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { CLAIMS_KEY, createNotice, type Notice } from '../../api/claims';
import { useT } from '../../app/i18n';
import { applyServerError, errorText } from '../../components/errors';
import { bureauToday, isoDateItem } from '../../components/isoDate';
import { addDays } from '../../../../common/clock';

interface Values {
  title: string;
  startsOn: string | null;
  endsOn: string | null;
}

interface Props {
  /** The reviewed claims to publish; null when closed. */
  claimIds: string[] | null;
  onCancel: () => void;
  onCreated: (notice: Notice) => void;
}

/** 发起公示: the chosen reviewed claims go on a public notice between two dates. */
export function NoticeModal({ claimIds, onCancel, onCreated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const today = bureauToday();
  const create = useMutation({
    mutationFn: (v: Values) => createNotice({ title: v.title.trim(), startsOn: v.startsOn!, endsOn: v.endsOn!, claimIds: claimIds ?? [] }),
    onMutate: () => setFormError(null),
    onSuccess: async (notice) => {
      await client.invalidateQueries({ queryKey: CLAIMS_KEY });
      void message.success(t('notice.create.done', { title: notice.title }));
      onCreated(notice);
    },
    onError: (error) => {
      if (!applyServerError(form, error, ['title', 'startsOn', 'endsOn'])) setFormError(error);
    },
  });
  const cancel = () => {
    if (!create.isPending) onCancel();
  };

  return (
    <Modal
      open={claimIds !== null}
      title={t('notice.create.title')}
      onCancel={cancel}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
      footer={
        <>
          <Button onClick={cancel}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="notice-create-confirm">
            {t('notice.create.ok')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>{t('notice.create.text', { n: claimIds?.length ?? 0 })}</Typography.Paragraph>
      {formError ? (
        <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 12 }} data-testid="notice-create-error" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        initialValues={{
          title: t('notice.create.defaultTitle', { year: today.slice(0, 4) }),
          startsOn: today,
          endsOn: addDays(today, 7),
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          name="title"
          label={t('notice.title')}
          rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('notice.titleRequired') }]}
        >
          <Input data-testid="notice-title" />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label={t('notice.startsOn')}
          rules={[{ required: true, message: t('notice.dateRequired') }]}
          {...isoDateItem}
        >
          <DatePicker style={{ width: 200 }} data-testid="notice-startsOn" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('notice.endsOn')}
          dependencies={['startsOn']}
          rules={[
            { required: true, message: t('notice.dateRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | null) => {
                const start = getFieldValue('startsOn') as string | null;
                return v && start && v < start ? Promise.reject(new Error(t('notice.endsBeforeStart'))) : Promise.resolve();
              },
            }),
          ]}
          extra={t('notice.endsHint')}
          {...isoDateItem}
        >
          <DatePicker style={{ width: 200 }} data-testid="notice-endsOn" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
