import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import type { ConflictView, StatementView } from '../../../../common/contracts/plans';
import { conflictsQuery, resolveConflict } from '../../api/plans';
import { useI18n } from '../../app/i18n';
import { applyServerError, errorText } from '../../components/errors';
import { COMPARATOR_SIGNS, formatNumber, withUnit } from '../../components/format';
import { clauseText } from '../../components/monitoring/StatementsTable';

export interface ResolveTarget {
  conflict: ConflictView;
  statement: StatementView;
}

// As resolveConflictBody in common/contracts/plans.ts (not imported: it would bring zod into the page).
const REASON_MIN = 2;
const REASON_MAX = 1000;

/** "设为权威": the bureau picks the statement that counts, and must say why. */
export function ResolveModal({ planId, target, onClose }: { planId: string; target: ResolveTarget | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();

  const resolve = useMutation({
    mutationFn: ({ conflict, statement, reason }: ResolveTarget & { reason: string }) =>
      resolveConflict(planId, {
        indicatorId: conflict.indicatorId,
        kind: conflict.kind,
        orgUnitCode: conflict.orgUnitCode,
        year: conflict.year,
        statementId: statement.id,
        reason: reason.trim(),
      }),
    onSuccess: async (list) => {
      client.setQueryData(conflictsQuery(planId).queryKey, list);
      void message.success(t('consistency.resolved'));
      onClose();
      // Targets and baselines feed every progress figure.
      await Promise.all([client.invalidateQueries({ queryKey: ['plans'] }), client.invalidateQueries({ queryKey: ['indicators'] })]);
    },
    onError: (error) => {
      applyServerError(form, error, ['reason']);
    },
  });

  const s = target?.statement;
  return (
    <Modal
      open={target !== null}
      title={t('consistency.resolveTitle')}
      onCancel={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={resolve.isPending} onClick={() => form.submit()} data-testid="resolve-confirm">
            {t('consistency.makeAuthoritative')}
          </Button>
        </>
      }
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        resolve.reset();
      }}
    >
      {target && s ? (
        <>
          <Typography.Paragraph>
            {t('consistency.resolveText', {
              value: `${COMPARATOR_SIGNS[s.comparator]}${withUnit(formatNumber(s.value, locale), target.conflict.unit, locale)}`,
              section: s.section,
            })}
          </Typography.Paragraph>
          <blockquote lang="zh-CN" style={{ margin: '0 0 16px', paddingInlineStart: 12, borderInlineStart: '3px solid #d9d9d9' }}>
            {clauseText(s.clause)}
          </blockquote>
          {resolve.isError && !form.getFieldError('reason').length ? (
            <Alert type="error" showIcon title={errorText(resolve.error, t)} style={{ marginBottom: 16 }} />
          ) : null}
          <Form form={form} layout="vertical" onFinish={(v) => resolve.mutate({ ...target, reason: v.reason })}>
            <Form.Item
              name="reason"
              label={t('consistency.reason')}
              extra={t('consistency.reasonHint')}
              rules={[
                { required: true, whitespace: true, message: t('consistency.reasonRequired') },
                { min: REASON_MIN, max: REASON_MAX, message: t('consistency.reasonLength', { min: REASON_MIN, max: REASON_MAX }) },
              ]}
            >
              <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="resolve-reason" />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
