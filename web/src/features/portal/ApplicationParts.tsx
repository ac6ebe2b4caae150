import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/http';
import { uploadAttachment, type ApplicationDetail, type Call, type FieldValue } from '../../api/projects';
import { MY_KEY } from '../../api/portal';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { StatusTag } from '../../components/StatusTag';
import { textOf } from '../../components/policies/labels';
import { acceptOf, contentTypeOf, formatBytes, sha256Of, typeNames } from '../../components/projects/labels';
import { splitTeam, TEAM_CONTACT_FIELD } from '../../../../common/project-team';

/** The parts of the application drawer: a team's fields and summary, and the attachments with their uploads. */
export const withoutContact = (fields: Record<string, FieldValue>) =>
  Object.fromEntries(Object.entries(fields).filter(([k]) => k !== TEAM_CONTACT_FIELD));

/** 揭榜团队: the team's name (a team without an enterprise), its leader and its contact — nothing about age, degree or title. */
export function TeamFields({ asTeam }: { asTeam: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 8px' }} data-testid="application-team">
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('my.team.section')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('my.team.hint')}
      </Typography.Paragraph>
      {asTeam ? (
        <Form.Item
          name="applicantName"
          label={t('my.team.name')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('my.team.nameRequired') }]}
        >
          <Input maxLength={200} data-testid="application-team-name" />
        </Form.Item>
      ) : null}
      <Space wrap align="start">
        <Form.Item
          name="leader"
          label={t('my.team.leader')}
          rules={[{ required: asTeam, whitespace: true, message: t('my.team.leaderRequired') }]}
          style={{ width: 240 }}
        >
          <Input maxLength={50} data-testid="application-team-leader" />
        </Form.Item>
        <Form.Item
          name={['fields', TEAM_CONTACT_FIELD]}
          label={t('my.team.contact')}
          rules={[{ required: asTeam, whitespace: true, message: t('my.team.contactRequired') }]}
          style={{ width: 320 }}
        >
          <Input maxLength={100} autoComplete="tel" data-testid="application-team-contact" />
        </Form.Item>
      </Space>
    </fieldset>
  );
}

/** The team as submitted: its leader and the contact (the applicant's own; the experts never see it). */
export function TeamSummary({ application: a }: { application: ApplicationDetail }) {
  const { t } = useI18n();
  const { leader } = splitTeam(a.teamMembers);
  const contact = a.fields[TEAM_CONTACT_FIELD];
  return (
    <Typography.Paragraph style={{ marginTop: 12 }} data-testid="application-team-summary">
      <strong>{t('my.team.leader')}：</strong>
      {leader || '—'}
      <span style={{ display: 'block' }}>
        <strong>{t('proj.app.teamContact')}：</strong>
        {typeof contact === 'string' && contact ? contact : '—'}
      </span>
    </Typography.Paragraph>
  );
}

interface Uploaded {
  key: string;
  fileName: string;
  sha256: string;
  /** The browser's own SHA-256 of the file, when it can compute one. */
  local: string | null;
}

/** One upload button per attachment the call asks for, with its types and size limit (again: replaces the file); the checksum is shown. */
export function Uploads({ call, application }: { call: Call; application: ApplicationDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [last, setLast] = useState<Uploaded | null>(null);
  const up = useMutation({
    mutationFn: async ({ key, file }: { key: string; file: File }) => {
      const [res, local] = await Promise.all([uploadAttachment(application.id, key, file, contentTypeOf(file)), sha256Of(file)]);
      return { key, fileName: file.name, sha256: res.sha256, local };
    },
    onSuccess: async (res) => {
      setLast(res);
      await client.invalidateQueries({ queryKey: MY_KEY });
      void message.success(t('my.proj.uploaded', { name: res.fileName }));
    },
    onError: (error) => void message.error(error instanceof ApiError ? error.message : errorText(error, t)),
  });
  const have = new Set(application.attachments.map((x) => x.key));

  return (
    <div style={{ marginBottom: 12 }}>
      {call.form.attachments.map((spec) => (
        <div
          key={spec.key}
          style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 8 }}
          data-testid={`attach-${spec.key}`}
        >
          <Upload
            accept={acceptOf(spec.types)}
            showUploadList={false}
            disabled={up.isPending}
            beforeUpload={(file) => {
              if (file.size > spec.maxBytes) void message.error(t('my.proj.tooLarge', { max: formatBytes(spec.maxBytes) }));
              else if (!spec.types.includes(contentTypeOf(file)))
                void message.error(t('my.proj.wrongType', { types: typeNames(spec.types) }));
              else up.mutate({ key: spec.key, file });
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={up.isPending && up.variables?.key === spec.key}>
              {t(have.has(spec.key) ? 'my.proj.reupload' : 'my.proj.upload', { what: textOf(spec, locale) })}
            </Button>
          </Upload>
          <span style={{ fontSize: 13 }}>
            {typeNames(spec.types)} · ≤ {formatBytes(spec.maxBytes)}
            {spec.required ? ` · ${t('proj.call.required')}` : ''}
          </span>
          {have.has(spec.key) ? (
            <StatusTag tone="ok">{t('my.proj.attached')}</StatusTag>
          ) : spec.required ? (
            <StatusTag tone="warn">{t('my.proj.missing')}</StatusTag>
          ) : null}
        </div>
      ))}
      {last ? (
        <Alert
          type={last.local && last.local !== last.sha256 ? 'error' : 'success'}
          showIcon
          title={t('my.proj.checksum', { name: last.fileName })}
          description={
            <>
              <Typography.Text code copyable={{ text: last.sha256 }} style={{ wordBreak: 'break-all' }} data-testid="upload-sha256">
                {last.sha256}
              </Typography.Text>
              <div
                style={{ fontSize: 13, marginTop: 4 }}
                data-testid="upload-check"
                data-match={last.local ? String(last.local === last.sha256) : 'unknown'}
              >
                {last.local === null
                  ? t('my.proj.checksumNoLocal')
                  : last.local === last.sha256
                    ? t('my.proj.checksumMatch')
                    : t('my.proj.checksumMismatch')}
              </div>
            </>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
    </div>
  );
}
