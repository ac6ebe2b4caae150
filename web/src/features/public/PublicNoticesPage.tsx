import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { publicNoticesQuery, type PublicNoticeSummary } from '../../api/claims';
import { publicProjectNoticesQuery, type PublicProjectNoticeSummary } from '../../api/panels';
import { useDocumentTitle } from '../../app/PageTitle';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoticeStateTag } from '../claims/ClaimStatusTag';
import { PublicLayout } from './PublicLayout';
import { ScrollRegion } from '../../components/ScrollRegion';

/** 公示公告: the bureau's public notices of incentive payments, open to anyone. */
export default function PublicNoticesPage() {
  const t = useT();
  useDocumentTitle('public.notices');
  const query = useQuery(publicNoticesQuery());
  const columns: TableColumnsType<PublicNoticeSummary> = [
    { key: 'title', title: t('notice.title'), render: (_, n) => <Link to={`/public/notices/${n.id}`}>{n.title}</Link> },
    {
      key: 'period',
      title: t('notice.period'),
      render: (_, n) => <span style={{ whiteSpace: 'nowrap' }}>{t('common.dateRange', { from: n.startsOn, to: n.endsOn })}</span>,
    },
    { key: 'state', title: t('notice.state'), render: (_, n) => <NoticeStateTag notice={n} /> },
  ];
  return (
    <PublicLayout>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('public.notices')}
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('public.noticesIntro')}</Typography.Paragraph>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card>
          <ScrollRegion label={t('public.notices')}>
            <Table<PublicNoticeSummary>
              rowKey="id"
              columns={columns}
              dataSource={query.data ?? []}
              loading={query.isPending}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t('notice.none') }}
              onRow={(n) => ({ 'data-testid': `public-notice-${n.id}` }) as HTMLAttributes<HTMLElement>}
              data-testid="public-notices"
            />
          </ScrollRegion>
        </Card>
      )}
      <ProjectNotices />
    </PublicLayout>
  );
}

/** 项目立项公示: the approval lists of project calls, next to the incentive notices. */
function ProjectNotices() {
  const t = useT();
  const query = useQuery(publicProjectNoticesQuery());
  const columns: TableColumnsType<PublicProjectNoticeSummary> = [
    { key: 'title', title: t('notice.title'), render: (_, n) => <Link to={`/public/project-notices/${n.id}`}>{n.title}</Link> },
    {
      key: 'period',
      title: t('notice.period'),
      render: (_, n) => <span style={{ whiteSpace: 'nowrap' }}>{t('common.dateRange', { from: n.startsOn, to: n.endsOn })}</span>,
    },
    { key: 'state', title: t('notice.state'), render: (_, n) => <NoticeStateTag notice={n} open={n.open} /> },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t('public.projects')}
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('public.projectsIntro')}</Typography.Paragraph>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card>
          <ScrollRegion label={t('public.projects')}>
            <Table<PublicProjectNoticeSummary>
              rowKey="id"
              columns={columns}
              dataSource={query.data ?? []}
              loading={query.isPending}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t('notice.none') }}
              onRow={(n) => ({ 'data-testid': `public-project-notice-${n.id}` }) as HTMLAttributes<HTMLElement>}
              data-testid="public-project-notices"
            />
          </ScrollRegion>
        </Card>
      )}
    </>
  );
}
