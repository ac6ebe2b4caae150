import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/http';
import { enterpriseOptionsQuery, inviteEnterprises } from '../../api/users';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/FormModal';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { saveBlob } from '../../components/download';
import { useDebounced } from '../../components/useDebounced';

interface Values {
  orgUnitCode: string;
  scope: 'all' | 'picked';
  enterpriseIds?: string[];
}

/** Several enterprises of the unit, searched by name or credit code. */
function EnterprisesPicker({
  orgUnitCode,
  ...rest
}: {
  orgUnitCode: string | undefined;
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useQuery(enterpriseOptionsQuery(orgUnitCode, useDebounced(q.trim())));
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={(query.data?.items ?? []).map((e) => ({
        value: e.id,
        label: `${e.name}（${e.creditCode}）`,
        disabled: e.users > 0,
        title: e.users > 0 ? t('users.enterpriseHasUsers', { n: e.users }) : e.orgUnitName,
      }))}
      loading={query.isFetching}
      disabled={!orgUnitCode}
      placeholder={t('users.enterpriseSearch')}
      aria-label={t('users.inviteEnterprises')}
      data-testid="invite-enterprises"
      {...rest}
    />
  );
}

/**
 * Bulk invitation of enterprise contacts: a unit (all its enterprises without a user) or chosen enterprises; the
 * server creates the users and answers with the xlsx of one-time passwords, downloaded at once. A refusal lists
 * each enterprise that could not be invited.
 */
export function InviteModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const orgUnitCode = Form.useWatch('orgUnitCode', form);
  const scope = Form.useWatch('scope', form);
  const invite = useMutation({
    mutationFn: (v: Values) =>
      inviteEnterprises({
        orgUnitCode: v.orgUnitCode,
        ...(v.scope === 'picked' && v.enterpriseIds?.length ? { enterpriseIds: v.enterpriseIds } : {}),
      }),
    onSuccess: async ({ blob, filename, created }) => {
      saveBlob(blob, filename ?? 'invitations.xlsx');
      void message.success(t('users.inviteDone', { n: created }));
      await client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  const rows = invite.error instanceof ApiError ? invite.error.details : [];
  return (
    <FormModal<Values>
      open={open}
      title={t('users.inviteTitle')}
      form={form}
      mutation={invite}
      onClose={onClose}
      okText={t('users.inviteSubmit')}
      okTestId="invite-submit"
      errorTestId="invite-error"
      initialValues={{ scope: 'all' }}
      intro={
        <>
          <Alert type="info" showIcon title={t('users.inviteIntro')} style={{ marginBottom: 12 }} />
          <Alert type="warning" showIcon title={t('users.inviteFileWarning')} style={{ marginBottom: 12 }} />
        </>
      }
      onFinish={(v) => invite.mutate(v)}
    >
      {rows.length ? (
        <ul data-testid="invite-rows" style={{ marginTop: 0 }}>
          {rows.map((r) => (
            <li key={r.field}>{r.message}</li>
          ))}
        </ul>
      ) : null}
      <Form.Item name="orgUnitCode" label={t('users.inviteUnit')} rules={[{ required: true, message: t('users.inviteUnitRequired') }]}>
        <OrgUnitTreeSelect aria-label={t('users.inviteUnit')} data-testid="invite-org" />
      </Form.Item>
      <Form.Item name="scope" label={t('users.inviteScope')}>
        <Radio.Group
          aria-label={t('users.inviteScope')}
          options={[
            { value: 'all', label: t('users.inviteAll') },
            { value: 'picked', label: t('users.invitePicked') },
          ]}
          data-testid="invite-scope"
        />
      </Form.Item>
      {scope === 'picked' ? (
        <Form.Item
          name="enterpriseIds"
          label={t('users.inviteEnterprises')}
          rules={[{ required: true, message: t('users.inviteEnterprisesRequired') }]}
        >
          <EnterprisesPicker orgUnitCode={orgUnitCode} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
