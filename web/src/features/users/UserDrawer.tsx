import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { RoleGrantInput, UserView } from '../../../../common/contracts/accounts';
import type { Locale } from '../../../../common/enums';
import { LIMITS, USERNAME_PATTERN } from '../../../../common/limits';
import { createUser, updateUser } from '../../api/users';
import { useI18n } from '../../app/i18n';
import { applyServerError, errorText } from '../../components/errors';
import { useLastNonNull } from '../../components/useLastNonNull';
import { ExpertEntryField, expertBody, type ExpertEntryValues } from './ExpertEntryField';
import { RoleGrantList } from './RoleGrantList';
import { localeOptions } from './roles';

export type UserDrawerState = { mode: 'create' } | { mode: 'edit'; user: UserView } | null;

interface Values {
  username: string;
  displayName: string;
  password?: string;
  locale: Locale;
  roles: RoleGrantInput[];
  expert?: ExpertEntryValues;
}

const FIELDS = ['username', 'displayName', 'password', 'locale', 'roles', 'expert'] as const;

/** A grant as the server takes it: the enterprise only for the enterprise role, data elements only for a department. */
const grantBody = ({ role, orgUnitCode, enterpriseId, dataElements }: RoleGrantInput): RoleGrantInput => ({
  role,
  orgUnitCode,
  ...(role === 'enterprise' && enterpriseId ? { enterpriseId } : {}),
  ...(role === 'department' && dataElements?.length ? { dataElements } : {}),
});
interface Props {
  state: UserDrawerState;
  onClose: () => void;
  /** initialPassword is set when the server generated one. */
  onCreated: (user: UserView, initialPassword?: string) => void;
}

export function UserDrawer({ state, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [formError, setFormError] = useState<unknown>(null);
  // The footer's button submits the current opening's form (no implicit Enter-submit from date or tag inputs).
  const formRef = useRef<FormInstance<Values> | null>(null);
  const editing = state?.mode === 'edit' ? state.user : null;
  const shown = useLastNonNull(state);
  const shownEditing = shown?.mode === 'edit' ? shown.user : null;

  const save = useMutation({
    mutationFn: async ({ values: v }: { values: Values; form: FormInstance<Values> }) => {
      const roles = v.roles.map(grantBody);
      const expert = expertBody(
        v.expert,
        roles.some((g) => g.role === 'expert'),
        Boolean(editing?.expert),
      );
      if (editing)
        return {
          user: await updateUser(editing.id, { displayName: v.displayName.trim(), locale: v.locale, roles, ...(expert ? { expert } : {}) }),
        };
      const password = v.password ? v.password : undefined;
      return createUser({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        locale: v.locale,
        roles,
        ...(password ? { password } : {}),
        ...(expert ? { expert } : {}),
      });
    },
    onMutate: () => setFormError(null),
    onSuccess: async (res) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      if (editing) {
        void message.success(t('common.saved'));
        onClose();
      } else {
        onCreated(res.user, 'initialPassword' in res ? res.initialPassword : undefined);
      }
    },
    onError: (error, { form }) => {
      if (!applyServerError(form, error, FIELDS)) setFormError(error);
    },
  });

  return (
    <Drawer
      open={state !== null}
      title={shownEditing ? t('users.editTitle', { name: shownEditing.displayName }) : t('users.createTitle')}
      size={560}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) setFormError(null);
      }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => formRef.current?.submit()} data-testid="user-form-submit">
            {shownEditing ? t('users.submitSave') : t('users.submitCreate')}
          </Button>
        </Space>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 16 }} data-testid="user-form-error" />
      ) : null}
      {state ? (
        // A fresh form per opening: antd's form store would otherwise carry the last user's values over.
        <UserForm
          key={editing ? `edit:${editing.id}` : 'create'}
          editing={editing}
          formRef={formRef}
          disabled={save.isPending}
          onSubmit={(values, form) => save.mutate({ values, form })}
        />
      ) : null}
    </Drawer>
  );
}

interface FormProps {
  editing: UserView | null;
  formRef: RefObject<FormInstance<Values> | null>;
  disabled: boolean;
  onSubmit: (values: Values, form: FormInstance<Values>) => void;
}

function UserForm({ editing, formRef, disabled, onSubmit }: FormProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    formRef.current = form;
  }, [form, formRef]);
  const initial: Partial<Values> = editing
    ? {
        username: editing.username,
        displayName: editing.displayName,
        locale: editing.locale,
        // The whole grant goes back: an enterprise user's enterprise, a department's data elements.
        roles: editing.roles.map((g) =>
          grantBody({ ...g, enterpriseId: g.enterpriseId ?? undefined, dataElements: g.dataElements ?? undefined }),
        ),
        expert: { mode: 'none' },
      }
    : { locale, roles: [{} as RoleGrantInput], expert: { mode: 'create' } };
  const enterpriseLabels = new Map(
    (editing?.roles ?? []).flatMap((g) =>
      g.enterpriseId && g.enterpriseName ? [[g.enterpriseId, `${g.enterpriseName}（${g.enterpriseCreditCode ?? ''}）`]] : [],
    ),
  );
  const usernameRule = t('users.usernameRule', { min: LIMITS.usernameMin, max: LIMITS.usernameMax });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => onSubmit(v, form)} disabled={disabled}>
      <Form.Item
        label={t('users.username')}
        name="username"
        extra={editing ? undefined : usernameRule}
        rules={[
          { required: true, whitespace: true, message: t('users.usernameRequired') },
          { min: LIMITS.usernameMin, max: LIMITS.usernameMax, pattern: USERNAME_PATTERN, message: usernameRule },
        ]}
      >
        <Input disabled={editing !== null} autoComplete="off" data-testid="user-form-username" />
      </Form.Item>
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }, { max: LIMITS.displayNameMax }]}
      >
        <Input data-testid="user-form-displayName" />
      </Form.Item>
      {editing ? null : (
        <Form.Item
          label={t('users.password')}
          name="password"
          extra={t('users.passwordHint')}
          rules={[{ min: LIMITS.passwordMin, message: t('password.tooShort', { min: LIMITS.passwordMin }) }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
      )}
      <Form.Item label={t('users.locale')} name="locale">
        <Select options={localeOptions(t)} data-testid="user-form-locale" />
      </Form.Item>
      <RoleGrantList enterpriseLabels={enterpriseLabels} />
      <ExpertEntryField editing={editing} />
    </Form>
  );
}
