import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { decideVersion, POLICIES_KEY, type PolicyRow, type PolicyVersion } from '../../api/policies';
import { CLAIMS_KEY } from '../../api/claims';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/session';
import { errorText } from '../../components/errors';
import { ParametersTable } from './ParametersTable';
import { noteOrMessage } from '../../components/policies/policyMessage';
import { whoText } from '../../components/policies/who';

/** A version waiting for approval: its parameters, and approve / send back for a second person. */
export function PendingPanel({ policy, version, editable }: { policy: PolicyRow; version: PolicyVersion; editable: boolean }) {
  const { t, locale } = useI18n();
  const versionNote = noteOrMessage(version, t, locale);
  const me = useMe().data;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => decideVersion(policy.id, version.version, decision, note.trim() || undefined),
    onSuccess: async (_, decision) => {
      // An approved version can match register events at once: the claims inbox changes too.
      await client.invalidateQueries({ queryKey: POLICIES_KEY });
      await client.invalidateQueries({ queryKey: CLAIMS_KEY });
      void message.success(t(decision === 'approve' ? 'pol.pending.approved' : 'pol.pending.rejected', { v: version.version }));
    },
  });
  // Its author or any of its editors: the server refuses their approval (four eyes) and says why.
  const own = me !== undefined && me !== null && (version.createdBy === me.id || (version.editors ?? []).includes(me.id));

  return (
    <div data-testid="pending-panel" data-version={version.version}>
      <Typography.Paragraph>
        {t('pol.pending.by', { v: version.version, who: whoText(version.createdBy, me, t) })}
        {versionNote ? ` ${t('pol.pending.note', { note: versionNote })}` : ''}
      </Typography.Paragraph>
      <ParametersTable parameters={version.parameters} testId="pending-parameters" />
      {editable ? (
        <div style={{ marginTop: 16 }}>
          {own ? <Alert type="info" showIcon title={t('pol.pending.ownHint')} style={{ marginBottom: 12 }} /> : null}
          {decide.error ? (
            <Alert type="error" showIcon title={errorText(decide.error, t)} style={{ marginBottom: 12 }} data-testid="decide-error" />
          ) : null}
          <Form layout="vertical" style={{ maxWidth: 640 }} onSubmitCapture={(e) => e.preventDefault()}>
            <Form.Item label={t('pol.pending.decisionNote')} htmlFor="decision-note">
              <Input.TextArea
                id="decision-note"
                rows={2}
                maxLength={500}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                data-testid="decision-note"
              />
            </Form.Item>
          </Form>
          <Space>
            <Button
              type="primary"
              loading={decide.isPending && decide.variables === 'approve'}
              onClick={() => decide.mutate('approve')}
              data-testid="version-approve"
            >
              {t('pol.pending.approve')}
            </Button>
            <Button
              danger
              loading={decide.isPending && decide.variables === 'reject'}
              onClick={() => decide.mutate('reject')}
              data-testid="version-reject"
            >
              {t('pol.pending.reject')}
            </Button>
          </Space>
        </div>
      ) : null}
    </div>
  );
}
