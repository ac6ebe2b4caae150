import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dropdown, Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout } from '../api/auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from './i18n';
import { NAV, menuItemOf } from './nav';
import { NAV_ICONS } from './navIcons';
import { mayUse, switchUser, useMe } from './session';

const { Header, Sider, Content } = Layout;

export default function AppLayout() {
  const t = useT();
  const me = useMe().data;
  const client = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const signOut = useMutation({
    mutationFn: logout,
    // Signed out either way: a failed call means the session was already gone.
    onSettled: () => {
      switchUser(client, null);
      void navigate('/login', { replace: true });
    },
  });

  if (!me) return null;
  const locked = me.mustChangePassword;
  // Only what this user's roles may use (common/access.ts, the server's lists); the rest is not shown at all.
  const items = NAV.filter((item) => mayUse(me, item.roles));
  const selected = menuItemOf(pathname, items)?.path;

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t('layout.changePassword')}</span> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('layout.logout')}</span> },
  ];
  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/password');
    if (key === 'logout') signOut.mutate();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff', borderBottom: '1px solid #e5e5e5', paddingInline: 24 }}
      >
        <Link to="/" style={{ fontSize: 18, fontWeight: 600, color: '#0958d9', whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        <div style={{ flex: 1 }} />
        <LanguageSwitch />
        <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
          <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={t('layout.userMenu', { name: me.displayName })}>
            {me.displayName} <DownOutlined aria-hidden />
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        {locked ? null : (
          <Sider width={232} theme="light" breakpoint="md" collapsedWidth={0} style={{ borderRight: '1px solid #e5e5e5' }}>
            <nav aria-label={t('nav.label')}>
              <Menu
                mode="inline"
                selectedKeys={selected ? [selected] : []}
                style={{ borderInlineEnd: 'none' }}
                items={items.map((item) => ({
                  key: item.path,
                  icon: NAV_ICONS[item.path],
                  label: (
                    <Link to={item.path} data-testid={item.testId}>
                      {t(item.labelKey)}
                      {item.badge ? (
                        <Suspense fallback={null}>
                          <item.badge />
                        </Suspense>
                      ) : null}
                    </Link>
                  ),
                }))}
              />
            </nav>
          </Sider>
        )}
        <Content style={{ padding: 24, minWidth: 0 }}>
          {/* antd's Content is the <main> landmark. */}
          {locked ? <Alert type="warning" showIcon title={t('layout.mustChange')} style={{ marginBottom: 16 }} /> : null}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
