import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { MY_KEY, updateMyEnterprise, type OwnProfileInput } from '../../api/portal';
import type { EnterpriseView } from '../../api/registry';
import { useT } from '../../app/i18n';
import { applyServerError, errorText } from '../../components/errors';
import { Section } from '../../components/Section';
import { EnterpriseProfile } from '../../components/registry/EnterpriseProfile';

const FIELDS = ['contactName', 'contactPhone', 'address', 'legalRepresentative'] as const;
type Values = Record<(typeof FIELDS)[number], string | null>;

/** The registered facts (kept by the bureau) and the contact details the enterprise keeps itself. */
export function MyProfile({ enterprise: e }: { enterprise: EnterpriseView }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (v: Values) =>
      updateMyEnterprise(Object.fromEntries(FIELDS.map((f) => [f, v[f]?.trim() ? v[f].trim() : null])) as OwnProfileInput),
    onMutate: () => setFormError(null),
    onSuccess: async (updated) => {
      client.setQueryData([...MY_KEY, 'enterprise'], updated);
      await client.invalidateQueries({ queryKey: MY_KEY });
      void message.success(t('my.profileSaved'));
    },
    onError: (error) => {
      if (!applyServerError(form, error, FIELDS)) setFormError(error);
    },
  });

  return (
    <>
      <Section title={t('my.tab.profile')} testId="my-profile">
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('my.profileHint')}</Typography.Paragraph>
        <EnterpriseProfile enterprise={e} />
      </Section>
      <Section title={t('my.contacts')} testId="my-contacts">
        {formError ? <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 16 }} /> : null}
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          initialValues={{
            contactName: e.contactName,
            contactPhone: e.contactPhone,
            address: e.address,
            legalRepresentative: e.legalRepresentative,
          }}
          disabled={save.isPending}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item label={t('ent.contactName')} name="contactName" rules={[{ max: 50 }]}>
            <Input autoComplete="name" data-testid="my-profile-contactName" />
          </Form.Item>
          <Form.Item label={t('ent.contactPhone')} name="contactPhone" rules={[{ max: 40 }]}>
            <Input autoComplete="tel" inputMode="tel" data-testid="my-profile-contactPhone" />
          </Form.Item>
          <Form.Item label={t('ent.address')} name="address" rules={[{ max: 300 }]}>
            <Input autoComplete="street-address" data-testid="my-profile-address" />
          </Form.Item>
          <Form.Item label={t('ent.legalRepresentative')} name="legalRepresentative" rules={[{ max: 50 }]}>
            <Input data-testid="my-profile-legalRepresentative" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="my-profile-save">
            {t('common.save')}
          </Button>
        </Form>
      </Section>
    </>
  );
}
