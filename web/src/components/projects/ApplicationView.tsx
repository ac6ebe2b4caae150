import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Table, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { Attachment, Call, FieldValue, TeamMember } from '../../api/projects';
import { attachmentUrl } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { formatBeijing } from '../format';
import { formatFen } from '../money';
import { textOf } from '../policies/labels';
import { formatBytes, listSep } from './labels';
import { TEAM_CONTACT_FIELD } from '../../../../common/project-team';

/** The answers to the call's form, each under its label (fields the form no longer has are shown by key). */
export function FieldsView({ call, fields }: { call: Pick<Call, 'form'> | undefined; fields: Record<string, FieldValue> }) {
  const { t, locale } = useI18n();
  const known = call?.form.fields ?? [];
  const extra = Object.keys(fields).filter((k) => !known.some((f) => f.key === k));
  const items: DescriptionsProps['items'] = [
    ...known.map((f) => ({
      key: f.key,
      label: textOf(f, locale),
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{valueText(fields[f.key], t('proj.app.notFilled'))}</span>,
    })),
    // A 揭榜挂帅 team's contact is kept with the answers (the bureau reads it; experts never get it).
    ...extra.map((k) => ({ key: k, label: k === TEAM_CONTACT_FIELD ? t('proj.app.teamContact') : k, children: valueText(fields[k], '—') })),
  ];
  if (!items.length) return null;
  return <Descriptions bordered size="small" column={1} items={items} data-testid="application-fields" />;
}

const valueText = (v: FieldValue | undefined, empty: string) => (v === null || v === undefined || v === '' ? empty : String(v));

export function TeamView({ team, partners }: { team: readonly TeamMember[]; partners?: readonly string[] }) {
  const { t, locale } = useI18n();
  if (!team.length && !partners?.length) return null;
  return (
    <Typography.Paragraph style={{ marginTop: 12 }}>
      {team.length ? (
        <>
          <strong>{t('proj.app.team')}：</strong>
          {team.map((m) => (m.role ? `${m.name}（${m.role}）` : m.name)).join(listSep(locale))}
        </>
      ) : null}
      {partners?.length ? (
        <span style={{ display: 'block' }}>
          <strong>{t('proj.app.partners')}：</strong>
          {partners.join(listSep(locale))}
        </span>
      ) : null}
    </Typography.Paragraph>
  );
}

/** The files with their size, time and SHA-256; each downloads with the session. */
export function AttachmentsTable({
  applicationId,
  attachments,
  call,
  testId,
}: {
  applicationId: string;
  attachments: readonly Attachment[];
  call: Pick<Call, 'form'> | undefined;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const labelOf = (key: string) => {
    const spec = call?.form.attachments.find((a) => a.key === key);
    return spec ? textOf(spec, locale) : key;
  };
  return (
    <Table<Attachment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...attachments]}
      locale={{ emptyText: t('proj.app.noAttachments') }}
      data-testid={testId}
      columns={[
        { key: 'what', title: t('proj.app.attachment'), render: (_, a) => labelOf(a.key) },
        {
          key: 'file',
          title: t('proj.app.fileName'),
          render: (_, a) => (
            <Typography.Link href={attachmentUrl(applicationId, a.id)} download={a.fileName}>
              <DownloadOutlined aria-hidden /> {a.fileName}
            </Typography.Link>
          ),
        },
        { key: 'size', title: t('proj.app.size'), render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatBytes(a.size)}</span> },
        {
          key: 'sha',
          title: t('proj.app.sha256'),
          render: (_, a) => (
            <Typography.Text
              code
              copyable={{ text: a.sha256 }}
              style={{ fontSize: 12, wordBreak: 'break-all' }}
              data-testid="attachment-sha256"
            >
              {a.sha256}
            </Typography.Text>
          ),
        },
        {
          key: 'at',
          title: t('proj.app.uploadedAt'),
          render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(a.createdAt)}</span>,
        },
      ]}
    />
  );
}

/** The bureau's reason for returning or rejecting, as the applicant reads it. */
export function FormalNote({ status, note }: { status: string; note: string | null }) {
  const { t } = useI18n();
  if (!note) return null;
  const returned = status === 'returned';
  return (
    <Alert
      type={returned ? 'warning' : status === 'rejected' ? 'error' : 'info'}
      showIcon
      title={returned ? t('proj.app.returnedReason') : t('proj.app.bureauNote')}
      description={note}
      style={{ marginBottom: 12 }}
      data-testid="application-formal-note"
    />
  );
}

export function RequestedText({ fen }: { fen: number }) {
  const { locale } = useI18n();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatFen(fen, locale)}</span>;
}
