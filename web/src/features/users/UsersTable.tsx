import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UserView } from '../../../../common/contracts/accounts';
import { resetPassword, updateUser } from '../../api/users';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { formatBeijing } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { roleLabel } from './roles';

interface Props {
  users: UserView[];
  loading: boolean;
  onEdit: (user: UserView) => void;
  onPasswordReset: (user: UserView, password: string) => void;
}

/** What the user acts for: the enterprise of an enterprise grant, the expert pool entry, a department's data elements. */
function ActsFor({ user }: { user: UserView }) {
  const { t } = useI18n();
  const lines = user.roles.flatMap((g) => {
    if (g.role === 'enterprise' && g.enterpriseName)
      return [
        <span key={`e${g.enterpriseId}`}>
          {g.enterpriseName} <Typography.Text type="secondary">{g.enterpriseCreditCode}</Typography.Text>
        </span>,
      ];
    if (g.role === 'department' && g.dataElements?.length)
      return [<span key={`d${g.orgUnitCode}`}>{t('users.actsForElements', { n: g.dataElements.length })}</span>];
    return [];
  });
  if (user.expert !== undefined)
    lines.push(<span key="expert">{user.expert ? t('users.actsForExpert', { name: user.expert.name }) : t('users.actsForNoExpert')}</span>);
  return lines.length ? (
    <Space orientation="vertical" size={0} data-testid={`user-acts-for-${user.username}`}>
      {lines}
    </Space>
  ) : null;
}

export function UsersTable({ users, loading, onEdit, onPasswordReset }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();

  const toggle = useMutation({
    mutationFn: (u: UserView) => updateUser(u.id, { disabled: !u.disabled }),
    onSuccess: async (u) => {
      void message.success(t(u.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: u.username }));
      await client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const reset = useMutation({
    mutationFn: (u: UserView) => resetPassword(u.id),
    onSuccess: (res, u) => {
      if (res.password) onPasswordReset(u, res.password);
      else void message.success(t('users.resetDone', { name: u.username }));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const columns: TableColumnsType<UserView> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_, u) => (
        <Space wrap size={[4, 4]}>
          {u.roles.map((g) => (
            <Tag key={`${g.role}@${g.orgUnitCode}`}>
              {roleLabel(g.role, locale)} @ {g.orgUnitName}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'actsFor',
      title: t('users.actsFor'),
      render: (_, u) => <ActsFor user={u} />,
    },
    {
      key: 'status',
      title: t('users.status'),
      render: (_, u) => <StatusTag tone={u.disabled ? 'off' : 'ok'}>{u.disabled ? t('users.disabled') : t('users.active')}</StatusTag>,
    },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? formatBeijing(v) : t('users.never')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      // A user with a grant outside the admin's subtree is shown, but only an admin of all its units may change it.
      render: (_, u) =>
        u.manageable === false ? (
          <Typography.Text type="secondary" data-testid={`user-readonly-${u.username}`}>
            {t('users.notManageable')}
          </Typography.Text>
        ) : (
          <Space size={0} wrap>
            <Button type="link" onClick={() => onEdit(u)} data-testid={`user-edit-${u.username}`}>
              {t('users.edit')}
            </Button>
            <Popconfirm
              title={t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: u.username })}
              onConfirm={() => toggle.mutateAsync(u).catch(() => undefined)}
            >
              <Button type="link" danger={!u.disabled} data-testid={`user-toggle-${u.username}`}>
                {u.disabled ? t('users.enable') : t('users.disable')}
              </Button>
            </Popconfirm>
            <Popconfirm title={t('users.confirmReset', { name: u.username })} onConfirm={() => reset.mutateAsync(u).catch(() => undefined)}>
              <Button type="link" data-testid={`user-reset-${u.username}`}>
                {t('users.resetPassword')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <Table<UserView>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      size="middle"
      pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
      scroll={{ x: 'max-content' }}
      data-testid="users-table"
    />
  );
}
