import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Radio, Typography } from 'antd';
import type { ReactNode } from 'react';
import { CLAIMS_KEY, resolveObjection, type Objection } from '../../api/claims';
import { LEDGER_KEY } from '../../api/ledger';
import { useT } from '../../app/i18n';
import { FormModal, ReasonField } from '../FormModal';

export interface ResolveValues {
  status: 'upheld' | 'dismissed';
  resolution: string;
}

/**
 * The fields of an objection decided, for an incentive notice's objection and a project notice's alike: upheld or
 * dismissed, what upholding does (`hint`), and the resolution.
 */
export function ResolveFields({ hint, testIdPrefix }: { hint: ReactNode; testIdPrefix: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name="status" label={t('objection.decision')} rules={[{ required: true, message: t('objection.decisionRequired') }]}>
        <Radio.Group
          options={[
            { value: 'dismissed', label: t('objection.status.dismissed') },
            { value: 'upheld', label: t('objection.status.upheld') },
          ]}
          data-testid={`${testIdPrefix}-decision`}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <ReasonField
        name="resolution"
        label={t('objection.resolution')}
        message={t('claim.reasonRequired')}
        testId={`${testIdPrefix}-resolution`}
      />
    </>
  );
}

/** An objection decided: upheld rejects the claim it names; dismissed lets the claim go on. */
export function ResolveModal({ objection, onClose }: { objection: Objection | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ResolveValues>();
  const resolve = useMutation({
    mutationFn: (v: ResolveValues) => resolveObjection(objection!.id, { status: v.status, resolution: v.resolution.trim() }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: CLAIMS_KEY });
      await client.invalidateQueries({ queryKey: LEDGER_KEY });
      void message.success(t('objection.resolved'));
      onClose();
    },
  });
  return (
    <FormModal
      open={objection !== null}
      title={t('objection.resolveTitle')}
      form={form}
      mutation={resolve}
      onClose={onClose}
      okText={t('objection.resolve')}
      okTestId="objection-resolve-confirm"
      intro={objection ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>“{objection.text}”</Typography.Paragraph> : null}
      onFinish={(v) => resolve.mutate(v)}
    >
      <ResolveFields hint={t('objection.upheldHint')} testIdPrefix="objection" />
    </FormModal>
  );
}
