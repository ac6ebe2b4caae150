import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { myReviewsQuery, type MyReview, type ReviewStatus } from '../../api/projects';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBeijing } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { score } from '../../components/projects/labels';
import { isNotInPool } from './notInPool';
import { ReviewDrawer } from './ReviewDrawer';
import { ReviewStatusTag } from '../../components/review/ReviewStatusTag';

/** Assignments that still open the application: to be scored, or scored (an expert keeps what it judged). */
const LIVE: readonly ReviewStatus[] = ['assigned', 'submitted'];

/**
 * 我的评审: an expert's assignments. Each opens the application and the scoring form (every criterion 0–100,
 * weighted); the other experts' scores, anonymised, appear only once one's own are submitted. A declined or
 * replaced assignment stays listed with its status but no longer opens the application (the server refuses it).
 */
export default function ReviewsPage() {
  const { t } = useI18n();
  const query = useQuery(myReviewsQuery());
  const [params, setParams] = useSearchParams();
  const rows = query.data ?? [];
  const asked = params.get('review');
  const askedRow = rows.find((r) => r.id === asked);
  const open = askedRow && !LIVE.includes(askedRow.status) ? null : asked;
  const waiting = rows.filter((r) => r.status === 'assigned').length;

  const columns: TableColumnsType<MyReview> = [
    {
      key: 'title',
      title: t('review.project'),
      render: (_, r) => (
        <>
          {LIVE.includes(r.status) ? (
            <Typography.Link onClick={() => setParams({ review: r.id })} data-testid={`review-open-${r.id}`}>
              {r.title}
            </Typography.Link>
          ) : (
            r.title
          )}
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
    {
      key: 'status',
      title: t('review.status'),
      render: (_, r) => (
        <>
          <ReviewStatusTag status={r.status} />
          {r.status === 'declined' && r.reason ? (
            <div style={{ fontSize: 13 }}>{t('review.declinedReason', { reason: r.reason })}</div>
          ) : null}
          {LIVE.includes(r.status) ? null : (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }} data-testid={`review-ended-${r.id}`}>
              {t('review.ended')}
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: 'total', title: t('review.myTotal'), align: 'right', render: (_, r) => score(r.total) },
    {
      key: 'submitted',
      title: t('review.submittedAt'),
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(r.submittedAt) || '—'}</span>,
    },
    {
      key: 'action',
      title: t('common.actions'),
      render: (_, r) =>
        LIVE.includes(r.status) ? (
          <Button
            size="small"
            type={r.status === 'assigned' ? 'primary' : 'default'}
            onClick={() => setParams({ review: r.id })}
            data-testid={`review-action-${r.id}`}
          >
            {t(r.status === 'assigned' ? 'review.score' : 'review.view')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageTitle titleKey="review.title" />
      <Section title={t('review.assignments', { n: rows.length, waiting })} testId="reviews">
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('review.intro')}</Typography.Paragraph>
        {isNotInPool(query.error) ? (
          // Not a permission the administrator grants: the bureau registers the expert (the server's words say so).
          <Alert type="warning" showIcon title={t('review.notInPool')} description={query.error.message} data-testid="review-not-in-pool" />
        ) : query.isError ? (
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
