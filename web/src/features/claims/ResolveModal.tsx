import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { CLAIMS_KEY, resolveObjection, type Objection } from '../../api/claims';
import { LEDGER_KEY } from '../../api/ledger';
import { useT } from '../../app/i18n';
import { errorText } from '../../components/errors';

interface Values {
  status: 'upheld' | 'dismissed';
  resolution: string;
}

/** An objection decided: upheld rejects the claim it names; dismissed lets the claim go on. */
export function ResolveModal({ objection, onClose }: { objection: Objection | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const resolve = useMutation({
    mutationFn: (v: Values) => resolveObjection(objection!.id, { status: v.status, resolution: v.resolution.trim() }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: CLAIMS_KEY });
      await client.invalidateQueries({ queryKey: LEDGER_KEY });
      void message.success(t('objection.resolved'));
      onClose();
    },
  });
  return (
    <Modal
      open={objection !== null}
      title={t('objection.resolveTitle')}
      onCancel={() => !resolve.isPending && onClose()}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        resolve.reset();
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={resolve.isPending} onClick={() => form.submit()} data-testid="objection-resolve-confirm">
            {t('objection.resolve')}
          </Button>
        </>
      }
    >
      {objection ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>“{objection.text}”</Typography.Paragraph> : null}
      {resolve.error ? <Alert type="error" showIcon title={errorText(resolve.error, t)} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" disabled={resolve.isPending} onFinish={(v) => resolve.mutate(v)}>
        <Form.Item name="status" label={t('objection.decision')} rules={[{ required: true, message: t('objection.decisionRequired') }]}>
          <Radio.Group
            options={[
              { value: 'dismissed', label: t('objection.status.dismissed') },
              { value: 'upheld', label: t('objection.status.upheld') },
            ]}
            data-testid="objection-decision"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('objection.upheldHint')}</Typography.Paragraph>
        <Form.Item
          name="resolution"
          label={t('objection.resolution')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('claim.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="objection-resolution" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
