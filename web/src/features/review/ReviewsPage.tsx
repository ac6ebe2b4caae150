import { useQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { myReviewsQuery, type MyReview } from '../../api/projects';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBeijing } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { score } from '../projects/labels';
import { ReviewDrawer } from './ReviewDrawer';
import { ReviewStatusTag } from './ReviewStatusTag';

/**
 * 我的评审: an expert's assignments. Each opens the application and the scoring form (every criterion 0–100,
 * weighted); the other experts' scores, anonymised, appear only once one's own are submitted.
 */
export default function ReviewsPage() {
  const { t } = useI18n();
  const query = useQuery(myReviewsQuery());
  const [params, setParams] = useSearchParams();
  const open = params.get('review');
  const rows = query.data ?? [];
  const waiting = rows.filter((r) => r.status === 'assigned').length;

  const columns: TableColumnsType<MyReview> = [
    {
      key: 'title',
      title: t('review.project'),
      render: (_, r) => (
        <>
          <Typography.Link onClick={() => setParams({ review: r.id })} data-testid={`review-open-${r.id}`}>
            {r.title}
          </Typography.Link>
          <div style={{ fontSize: 13 }}>{r.applicantName}</div>
        </>
      ),
    },
    { key: 'call', title: t('review.call'), render: (_, r) => r.callTitle },
    {
      key: 'stage',
      title: t('panel.stageCol'),
      render: (_, r) => (
        <span data-testid="review-stage" data-stage={r.stage}>
          {t(`panel.stage.${r.stage}`)}
        </span>
      ),
    },
    { key: 'status', title: t('review.status'), render: (_, r) => <ReviewStatusTag status={r.status} /> },
    { key: 'total', title: t('review.myTotal'), align: 'right', render: (_, r) => score(r.total) },
    {
      key: 'submitted',
      title: t('review.submittedAt'),
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(r.submittedAt) || '—'}</span>,
    },
    {
      key: 'action',
      title: t('common.actions'),
      render: (_, r) => (
        <Button
          size="small"
          type={r.status === 'assigned' ? 'primary' : 'default'}
          onClick={() => setParams({ review: r.id })}
          data-testid={`review-action-${r.id}`}
        >
          {t(r.status === 'assigned' ? 'review.score' : 'review.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle titleKey="review.title" />
      <Section title={t('review.assignments', { n: rows.length, waiting })} testId="reviews">
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('review.intro')}</Typography.Paragraph>
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <ScrollRegion label={t('review.title')}>
            <Table<MyReview>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={query.isFetching}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: t('review.none') }}
              onRow={(r) =>
                ({
                  'data-testid': `review-row-${r.id}`,
                  'data-status': r.status,
                  'data-application': r.applicationId,
                }) as HTMLAttributes<HTMLElement>
              }
              data-testid="reviews-table"
            />
          </ScrollRegion>
        )}
      </Section>
      <ReviewDrawer
        reviewId={open}
        callId={rows.find((r) => r.id === open)?.callId ?? null}
        onClose={() => setParams({}, { replace: true })}
      />
    </>
  );
}
