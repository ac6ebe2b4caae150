import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { REGISTRY_KEY, revokeQualification, type QualificationView } from '../../api/registry';
import { useT } from '../../app/i18n';
import { applyServerError, errorText } from '../errors';
import { bureauToday, isoDateItem } from '../isoDate';
import { useLastNonNull } from '../useLastNonNull';
import { useRegistryTypes } from './useRegistryTypes';

/** Revoke a qualification from a date (today by default); the record stays, with its end. */
export function RevokeModal({ target, onClose }: { target: QualificationView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const types = useRegistryTypes();
  const [form] = Form.useForm<{ revokedOn: string }>();
  const shown = useLastNonNull(target);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const revoke = useMutation({
    mutationFn: ({ q, revokedOn }: { q: QualificationView; revokedOn: string }) => revokeQualification(q.enterpriseId, q.id, revokedOn),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: REGISTRY_KEY });
      void message.success(t('qual.revokedDone'));
      onClose();
    },
    onMutate: () => setUnplaced(null),
    onError: (error) => {
      if (!applyServerError(form, error, ['revokedOn'])) setUnplaced(error);
    },
  });

  return (
    <Modal
      open={target !== null}
      title={shown ? t('qual.revokeTitle', { type: types.qualificationName(shown.typeCode) }) : ''}
      okText={t('qual.revokeOk')}
      okButtonProps={{ danger: true, 'data-testid': 'qual-revoke-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={revoke.isPending}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) setUnplaced(null);
      }}
    >
      <Typography.Paragraph>{t('qual.revokeText')}</Typography.Paragraph>
      {unplaced ? <Alert type="error" showIcon title={errorText(unplaced, t)} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ revokedOn: bureauToday() }}
        onFinish={(v) => target && revoke.mutate({ q: target, revokedOn: v.revokedOn })}
      >
        <Form.Item
          label={t('qual.revokedOn')}
          name="revokedOn"
          rules={[{ required: true, message: t('qual.revokedRequired') }]}
          {...isoDateItem}
        >
          <DatePicker style={{ width: '100%' }} data-testid="qual-revoke-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
