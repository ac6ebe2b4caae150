import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { REGISTRY_KEY, addQualification } from '../../api/registry';
import type { TFunction } from '../../app/i18n';
import { useT } from '../../app/i18n';
import { applyServerError, errorText } from '../errors';
import { isoDateItem } from '../isoDate';
import { useRegistryTypes } from './useRegistryTypes';

interface Values {
  typeCode: string;
  number?: string;
  issuedOn: string;
}

/** "years:3" → valid 3 years; "calendar_year" → the year of issue; "open" → until revoked. */
function validityText(rule: string | undefined, t: TFunction): string | undefined {
  if (!rule) return undefined;
  if (rule === 'open') return t('qual.validity.open');
  if (rule === 'calendar_year') return t('qual.validity.calendar');
  const years = Number(rule.split(':')[1]);
  return Number.isFinite(years) ? t('qual.validity.years', { n: years }) : undefined;
}

/** Record a certificate; its end of validity follows from the type's rule on the server. */
export function QualificationModal({
  enterprise,
  open,
  onClose,
}: {
  enterprise: { id: string; name: string };
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const types = useRegistryTypes();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const typeCode = Form.useWatch('typeCode', form);
  const rule = types.qualificationTypes.find((q) => q.code === typeCode)?.validity;

  const save = useMutation({
    mutationFn: (v: Values) =>
      addQualification(enterprise.id, { typeCode: v.typeCode, number: v.number?.trim() || null, issuedOn: v.issuedOn }),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: REGISTRY_KEY });
      void message.success(t('qual.added'));
      onClose();
    },
    onError: (error) => {
      if (!applyServerError(form, error, ['typeCode', 'number', 'issuedOn'])) setFormError(error);
    },
  });

  return (
    <Modal
      open={open}
      title={t('qual.addTitle', { name: enterprise.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'qual-form-submit' }}
      destroyOnHidden
    >
      {formError ? <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
        <Form.Item
          label={t('qual.type')}
          name="typeCode"
          extra={validityText(rule, t)}
          rules={[{ required: true, message: t('qual.typeRequired') }]}
        >
          <Select options={types.qualificationOptions} data-testid="qual-form-type" />
        </Form.Item>
        <Form.Item label={t('qual.number')} name="number" rules={[{ max: 80 }]}>
          <Input autoComplete="off" data-testid="qual-form-number" />
        </Form.Item>
        <Form.Item
          label={t('qual.issuedOn')}
          name="issuedOn"
          rules={[{ required: true, message: t('qual.issuedRequired') }]}
          {...isoDateItem}
        >
          <DatePicker style={{ width: '100%' }} data-testid="qual-form-issuedOn" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
