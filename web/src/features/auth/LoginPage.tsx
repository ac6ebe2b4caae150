import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, theme, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { login } from '../../api/auth';
import { ApiError } from '../../api/http';
import { useDocumentTitle } from '../../app/PageTitle';
import { useT } from '../../app/i18n';
import { safeNext, switchUser, takeSignInNotice, useMe } from '../../app/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorText } from '../../components/errors';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  // Why we were sent here (e.g. the session expired); read once.
  const [notice] = useState(takeSignInNotice);
  useDocumentTitle('login.title');
  const { token } = theme.useToken();
  // Drawn like antd's Card, which is not used here: it brings Tabs, Dropdown and Menu into the login page's bundle.
  const card = {
    width: '100%',
    maxWidth: 400,
    padding: token.paddingLG,
    background: token.colorBgContainer,
    border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
    borderRadius: token.borderRadiusLG,
  };

  const signIn = useMutation({
    mutationFn: (v: Values) => login(v.username.trim(), v.password),
    onSuccess: ({ user }) => {
      // Nothing cached for a previous user may leak into this session.
      switchUser(client, user);
      void navigate(user.mustChangePassword ? '/password' : next, { replace: true });
    },
  });

  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  const error = signIn.error;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <header style={{ display: 'flex', justifyContent: 'flex-end', padding: '12px 24px' }}>
        <LanguageSwitch />
      </header>
      <main style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', padding: '6vh 16px' }}>
        <div style={card}>
          <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0, marginBottom: 4, textAlign: 'center', color: '#0958d9' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }}>{t('login.subtitle')}</Typography.Paragraph>
          {notice && !error ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
          {error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorText(error, t)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              description={
                error instanceof ApiError && error.status >= 500 && error.requestId
                  ? t('common.requestId', { id: error.requestId })
                  : undefined
              }
            />
          ) : null}
          <Form<Values> layout="vertical" requiredMark={false} onFinish={(v) => signIn.mutate(v)} disabled={signIn.isPending}>
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </div>
      </main>
    </div>
  );
}
