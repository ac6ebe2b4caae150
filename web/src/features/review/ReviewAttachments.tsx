import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { reviewAttachmentsQuery, reviewAttachmentUrl, type AttachmentMeta, type Call } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { textOf } from '../../components/policies/labels';
import { formatBytes } from '../../components/projects/labels';

/**
 * 申报附件 of an assigned application: each file with its size and SHA-256, downloaded through the assignment
 * (the server answers only while it is live — to be scored or scored — and only with this application's files).
 */
export function ReviewAttachments({ reviewId, call }: { reviewId: string; call: Pick<Call, 'form'> | undefined }) {
  const { t, locale } = useI18n();
  const query = useQuery(reviewAttachmentsQuery(reviewId));
  const labelOf = (key: string) => {
    const spec = call?.form.attachments.find((a) => a.key === key);
    return spec ? textOf(spec, locale) : key;
  };
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('review.attachments')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('review.attachmentsNote')}
      </Typography.Paragraph>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AttachmentMeta>
          rowKey="id"
          size="small"
          pagination={false}
          loading={query.isPending}
          dataSource={query.data ?? []}
          locale={{ emptyText: t('review.attachmentsNone') }}
          data-testid="review-attachments"
          columns={[
            { key: 'what', title: t('proj.app.attachment'), render: (_, a) => labelOf(a.key) },
            {
              key: 'file',
              title: t('proj.app.fileName'),
              render: (_, a) => (
                <Typography.Link href={reviewAttachmentUrl(reviewId, a.id)} download={a.fileName} data-testid={`review-attachment-${a.id}`}>
                  <DownloadOutlined aria-hidden /> {a.fileName}
                </Typography.Link>
              ),
            },
            {
              key: 'size',
              title: t('proj.app.size'),
              render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatBytes(a.size)}</span>,
            },
            {
              key: 'sha',
              title: t('proj.app.sha256'),
              render: (_, a) => (
                <Typography.Text code copyable={{ text: a.sha256 }} style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {a.sha256}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
