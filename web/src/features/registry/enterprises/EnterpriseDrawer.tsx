import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { REGISTRY_KEY, createEnterprise, enterpriseQuery, updateEnterprise, type EnterpriseView } from '../../../api/registry';
import { Loading } from '../../../app/Loading';
import { useT } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyServerError, errorText } from '../../../components/errors';
import { useLastNonNull } from '../../../components/useLastNonNull';
import { ENTERPRISE_FIELDS, EnterpriseForm, toInput, toValues, type EnterpriseValues } from './EnterpriseForm';

export type EnterpriseDrawerState = { mode: 'create' } | { mode: 'edit'; id: string } | null;

interface Props {
  state: EnterpriseDrawerState;
  onClose: () => void;
  onSaved?: (enterprise: EnterpriseView) => void;
}

/** Register an enterprise, or edit one (the full record, parks included, is loaded first). */
export function EnterpriseDrawer({ state, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [formError, setFormError] = useState<unknown>(null);
  const formRef = useRef<FormInstance<EnterpriseValues> | null>(null);
  const shown = useLastNonNull(state);
  const editId = state?.mode === 'edit' ? state.id : null;
  const existing = useQuery({ ...enterpriseQuery(editId ?? ''), enabled: editId !== null });

  const save = useMutation({
    mutationFn: ({ values }: { values: EnterpriseValues; form: FormInstance<EnterpriseValues> }) =>
      editId ? updateEnterprise(editId, toInput(values)) : createEnterprise(toInput(values)),
    onMutate: () => setFormError(null),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: REGISTRY_KEY });
      void message.success(editId ? t('common.saved') : t('ent.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    },
    onError: (error, { form }) => {
      if (!applyServerError(form, error, ENTERPRISE_FIELDS)) setFormError(error);
    },
  });

  const editing = shown?.mode === 'edit';
  const title = editing ? t('ent.editTitle', { name: existing.data?.name ?? '' }) : t('ent.createTitle');
  const ready = state !== null && (state.mode === 'create' || existing.data?.id === state.id);

  return (
    <Drawer
      open={state !== null}
      title={title}
      size={640}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) setFormError(null);
      }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!ready}
            onClick={() => formRef.current?.submit()}
            data-testid="enterprise-form-submit"
          >
            {editing ? t('common.save') : t('ent.submitCreate')}
          </Button>
        </Space>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 16 }} data-testid="enterprise-form-error" />
      ) : null}
      {editId && existing.isError ? <ErrorAlert error={existing.error} onRetry={() => void existing.refetch()} /> : null}
      {state && !ready && !existing.isError ? <Loading /> : null}
      {ready ? (
        <EnterpriseForm
          key={editId ?? 'create'}
          initial={editId && existing.data ? toValues(existing.data) : { tags: [], parks: [] }}
          formRef={formRef}
          disabled={save.isPending}
          onSubmit={(values, form) => save.mutate({ values, form })}
        />
      ) : null}
    </Drawer>
  );
}
