import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LIMITS } from '../../../../common/limits';
import { ME_KEY, changePassword } from '../../api/auth';
import { PageTitle } from '../../app/PageTitle';
import { useT } from '../../app/i18n';
import { useMe } from '../../app/session';
import { applyServerError, errorText } from '../../components/errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export default function ChangePasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const navigate = useNavigate();
  const me = useMe().data;
  const [formError, setFormError] = useState<unknown>(null);

  const save = useMutation({
    mutationFn: (v: Values) => changePassword(v.currentPassword, v.newPassword),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      void message.success(t('password.done'));
      form.resetFields();
      // The server has cleared mustChangePassword: reload the user before leaving.
      await client.invalidateQueries({ queryKey: ME_KEY });
      void navigate('/', { replace: true });
    },
    onError: (error) => {
      if (!applyServerError(form, error, FIELDS)) setFormError(error);
    },
  });

  return (
    <>
      <PageTitle titleKey="password.title" />
      <Card style={{ maxWidth: 520 }}>
        {me?.mustChangePassword ? (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} data-testid="password-must-change" />
        ) : (
          <Typography.Paragraph>{t('password.otherSessions')}</Typography.Paragraph>
        )}
        {formError ? <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 16 }} /> : null}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
          {/* Lets password managers file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={me?.username ?? ''} readOnly hidden />
          <Form.Item
            label={t('password.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            label={t('password.new')}
            name="newPassword"
            extra={t('password.hint', { min: LIMITS.passwordMin })}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('password.newRequired') },
              { min: LIMITS.passwordMin, message: t('password.tooShort', { min: LIMITS.passwordMin }) },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('currentPassword') !== value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.sameAsCurrent'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.newRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
