import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { REGISTRY_KEY } from '../../api/registry';
import { useT } from '../../app/i18n';
import { applyServerError, errorText } from '../../components/errors';

interface Props<V, R> {
  open: boolean;
  title: string;
  submitLabel: string;
  /** Prefix of the data-testids: `<prefix>-submit`, `<prefix>-error`. */
  testId: string;
  /** Field names the server may name in a 400, shown under that field. */
  fields: readonly string[];
  initialValues?: Partial<V>;
  save: (values: V) => Promise<R>;
  onSaved: (result: R, values: V) => void;
  onClose: () => void;
  children: ReactNode;
}

/** A create drawer over one form: the server's field errors go under their fields, others above the form. */
export function FormDrawer<V extends object, R>({
  open,
  title,
  submitLabel,
  testId,
  fields,
  initialValues,
  save,
  onSaved,
  onClose,
  children,
}: Props<V, R>) {
  const t = useT();
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const [formError, setFormError] = useState<unknown>(null);
  const run = useMutation({
    mutationFn: ({ values }: { values: V; form: FormInstance<V> }) => save(values),
    onMutate: () => setFormError(null),
    onSuccess: async (result, { values }) => {
      await client.invalidateQueries({ queryKey: REGISTRY_KEY });
      onSaved(result, values);
    },
    onError: (error, { form: f }) => {
      if (!applyServerError(f, error, fields)) setFormError(error);
    },
  });

  return (
    <Drawer
      open={open}
      title={title}
      size={560}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(isOpen) => {
        if (!isOpen) setFormError(null);
      }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={run.isPending} onClick={() => form.submit()} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
        </Space>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />
      ) : null}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={run.isPending}
        onFinish={(values) => run.mutate({ values, form })}
      >
        {children}
      </Form>
    </Drawer>
  );
}
