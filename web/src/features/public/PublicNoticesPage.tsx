import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { publicNoticesQuery } from '../../api/claims';
import { publicProjectNoticesQuery } from '../../api/panels';
import { useDocumentTitle } from '../../app/PageTitle';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoticeStateTag } from '../../components/claims/ClaimStatusTag';
import { PublicLayout } from './PublicLayout';
import { ScrollRegion } from '../../components/ScrollRegion';

/** 公示公告: the bureau's public notices of incentive payments, open to anyone. */
export default function PublicNoticesPage() {
  const t = useT();
  useDocumentTitle('public.notices');
  const query = useQuery(publicNoticesQuery());
  return (
    <PublicLayout>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('public.notices')}
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('public.noticesIntro')}</Typography.Paragraph>
      <NoticeList query={query} label={t('public.notices')} path="/public/notices" testId="public-notices" rowTestId="public-notice" />
      <ProjectNotices />
    </PublicLayout>
  );
}

/** 项目立项公示: the approval lists of project calls, next to the incentive notices. */
function ProjectNotices() {
  const t = useT();
  const query = useQuery(publicProjectNoticesQuery());
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t('public.projects')}
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('public.projectsIntro')}</Typography.Paragraph>
      <NoticeList
        query={query}
        label={t('public.projects')}
        path="/public/project-notices"
        testId="public-project-notices"
        rowTestId="public-project-notice"
      />
    </>
  );
}

interface NoticeSummary {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  /** Whether it takes objections now, where the server says so (project notices). */
  open?: boolean;
}

/** A list of public notices, each linking to its page (`path`/id), with its dates and state. */
function NoticeList({
  query,
  label,
  path,
  testId,
  rowTestId,
}: {
  query: UseQueryResult<NoticeSummary[]>;
  label: string;
  path: string;
  testId: string;
  rowTestId: string;
}) {
  const t = useT();
  const columns: TableColumnsType<NoticeSummary> = [
    { key: 'title', title: t('notice.title'), render: (_, n) => <Link to={`${path}/${n.id}`}>{n.title}</Link> },
    {
      key: 'period',
      title: t('notice.period'),
      render: (_, n) => <span style={{ whiteSpace: 'nowrap' }}>{t('common.dateRange', { from: n.startsOn, to: n.endsOn })}</span>,
    },
    { key: 'state', title: t('notice.state'), render: (_, n) => <NoticeStateTag notice={n} open={n.open} /> },
  ];
  return query.isError ? (
    <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
  ) : (
    <Card>
      <ScrollRegion label={label}>
        <Table<NoticeSummary>
          rowKey="id"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('notice.none') }}
          onRow={(n) => ({ 'data-testid': `${rowTestId}-${n.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid={testId}
        />
      </ScrollRegion>
    </Card>
  );
}
