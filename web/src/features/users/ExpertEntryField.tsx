import { Alert, Form, Input, Radio } from 'antd';
import type { RoleGrantInput, UserView } from '../../../../common/contracts/accounts';
import { useI18n } from '../../app/i18n';
import { ExpertPicker } from './GrantPickers';

export interface ExpertEntryValues {
  mode: 'create' | 'link' | 'none';
  expertId?: string;
  orgName?: string;
}

/**
 * An expert user's entry of the expert pool (the `expert` field, shown while a grant is the expert role): create
 * one with the user, link one without an account of the grant's unit, or leave it for later. A linked user says which.
 */
export function ExpertEntryField({ editing }: { editing: UserView | null }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const roles = Form.useWatch('roles', form) as Partial<RoleGrantInput>[] | undefined;
  const mode = Form.useWatch(['expert', 'mode'], form) as ExpertEntryValues['mode'] | undefined;
  const grant = roles?.find((g) => g?.role === 'expert');
  if (!grant) return null;
  if (editing?.expert)
    return (
      <Alert
        type="info"
        showIcon
        title={t('users.expertLinked', { name: editing.expert.name, unit: editing.expert.orgUnitName })}
        style={{ marginBottom: 16 }}
        data-testid="user-form-expert-linked"
      />
    );
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
      <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8, border: 0 }}>{t('users.expertEntry')}</legend>
      <Form.Item name={['expert', 'mode']} extra={t('users.expertEntryHint')} style={{ marginBottom: 12 }}>
        <Radio.Group
          aria-label={t('users.expertEntry')}
          options={[
            { value: 'create', label: t('users.expertCreate') },
            { value: 'link', label: t('users.expertLink') },
            { value: 'none', label: t('users.expertLater') },
          ]}
          data-testid="user-form-expert-mode"
        />
      </Form.Item>
      {mode === 'link' ? (
        <Form.Item
          name={['expert', 'expertId']}
          label={t('users.expertPick')}
          rules={[{ required: true, message: t('users.expertRequired') }]}
        >
          <ExpertPicker orgUnitCode={grant.orgUnitCode} aria-label={t('users.expertPick')} data-testid="user-form-expert-entry" />
        </Form.Item>
      ) : null}
      {mode === 'create' ? (
        <Form.Item name={['expert', 'orgName']} label={t('users.expertOrgName')}>
          <Input maxLength={200} data-testid="user-form-expert-org" />
        </Form.Item>
      ) : null}
    </fieldset>
  );
}

/** The body's `expert`: only with an expert grant, and only for a user not yet linked. */
export function expertBody(v: ExpertEntryValues | undefined, hasExpertGrant: boolean, linked: boolean) {
  if (!hasExpertGrant || linked || !v) return undefined;
  if (v.mode === 'link' && v.expertId) return { mode: 'link' as const, expertId: v.expertId };
  if (v.mode === 'create') return { mode: 'create' as const, ...(v.orgName?.trim() ? { orgName: v.orgName.trim() } : {}) };
  return undefined;
}
