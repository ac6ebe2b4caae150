import { MailOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../../common/enums';
import { usersQuery, type UserFilters } from '../../api/users';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebounced } from '../../components/useDebounced';
import { InviteModal } from './InviteModal';
import { OneTimePasswordModal, type OneTimePassword } from './OneTimePasswordModal';
import { UserDrawer, type UserDrawerState } from './UserDrawer';
import { UsersTable } from './UsersTable';
import { roleOptions } from './roles';

export default function UsersPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<UserFilters['disabled']>();
  const [drawer, setDrawer] = useState<UserDrawerState>(null);
  const [secret, setSecret] = useState<OneTimePassword | null>(null);
  const [inviting, setInviting] = useState(false);
  const filters: UserFilters = { q: useDebounced(q.trim()) || undefined, role, disabled: status };
  const query = useQuery(usersQuery(filters));

  return (
    <>
      <PageTitle
        titleKey="users.title"
        extra={
          <Space wrap>
            <Button icon={<MailOutlined />} onClick={() => setInviting(true)} data-testid="users-invite">
              {t('users.invite')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })} data-testid="users-create">
              {t('users.create')}
            </Button>
          </Space>
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('common.search')} htmlFor="users-q">
          <Input
            id="users-q"
            prefix={<SearchOutlined aria-hidden />}
            allowClear
            placeholder={t('users.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 240 }}
            data-testid="users-search"
          />
        </Form.Item>
        <Form.Item label={t('users.filterRole')} htmlFor="users-role">
          <Select<Role>
            id="users-role"
            allowClear
            placeholder={t('users.allRoles')}
            options={roleOptions(locale)}
            value={role}
            onChange={(v) => setRole(v ?? undefined)}
            style={{ width: 200 }}
            data-testid="users-filter-role"
          />
        </Form.Item>
        <Form.Item label={t('users.filterStatus')} htmlFor="users-status">
          <Select<'true' | 'false'>
            id="users-status"
            allowClear
            placeholder={t('users.allStatuses')}
            options={[
              { value: 'false', label: t('users.active') },
              { value: 'true', label: t('users.disabled') },
            ]}
            value={status}
            onChange={(v) => setStatus(v ?? undefined)}
            style={{ width: 140 }}
            data-testid="users-filter-status"
          />
        </Form.Item>
      </Form>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <UsersTable
          users={query.data?.items ?? []}
          loading={query.isFetching}
          onEdit={(user) => setDrawer({ mode: 'edit', user })}
          onPasswordReset={(user, password) => setSecret({ kind: 'reset', username: user.username, password })}
        />
      )}
      <UserDrawer
        state={drawer}
        onClose={() => setDrawer(null)}
        onCreated={(user, initialPassword) => {
          setDrawer(null);
          if (initialPassword) setSecret({ kind: 'created', username: user.username, password: initialPassword });
          else void message.success(t('users.created', { name: user.username }));
        }}
      />
      <OneTimePasswordModal value={secret} onClose={() => setSecret(null)} />
      <InviteModal open={inviting} onClose={() => setInviting(false)} />
    </>
  );
}
