import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import { callsQuery, type Call } from '../../api/projects';
import { PROJECT_EDITORS } from '../../app/access';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { fenToYuan, formatFen } from '../../components/money';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { CallFormDrawer } from './CallFormDrawer';
import { CallStatusTag } from '../../components/projects/StatusTags';

/** 项目管理: the calls (指南 and 揭榜挂帅 challenges) with their status, dates and budget; a call opens its page. */
export default function ProjectsPage() {
  const { t, locale } = useI18n();
  const editor = mayUse(useMe().data, PROJECT_EDITORS);
  const navigate = useNavigate();
  const query = useQuery(callsQuery());
  const [creating, setCreating] = useState(false);
  const rows = query.data ?? [];

  const columns: TableColumnsType<Call> = [
    {
      key: 'title',
      title: t('proj.call.title'),
      render: (_, c) => (
        <>
          <Link to={`/projects/calls/${c.id}`} data-testid={`call-link-${c.code}`}>
            {c.title}
          </Link>
          <div>
            <Typography.Text code style={{ fontSize: 12 }}>
              {c.code}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { key: 'kind', title: t('proj.call.kind'), render: (_, c) => t(`proj.kind.${c.kind}`) },
    {
      key: 'period',
      title: t('proj.call.period'),
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{t('proj.call.periodValue', { from: c.opensOn, to: c.closesOn })}</span>,
    },
    {
      key: 'budget',
      title: t('proj.call.budget'),
      align: 'right',
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(c.budgetFen, locale)}</span>,
    },
    { key: 'mode', title: t('proj.call.fundingMode'), render: (_, c) => t(`proj.fundingMode.${c.fundingMode}`) },
    { key: 'status', title: t('proj.call.status'), render: (_, c) => <CallStatusTag status={c.status} testId={`call-status-${c.code}`} /> },
  ];

  const exportTable = () => ({
    title: t('proj.calls.exportTitle'),
    columns: [
      { key: 'code', title: t('proj.call.code') },
      { key: 'title', title: t('proj.call.title') },
      { key: 'kind', title: t('proj.call.kind') },
      { key: 'opensOn', title: t('proj.call.opensOn') },
      { key: 'closesOn', title: t('proj.call.closesOn') },
      { key: 'budget', title: t('proj.call.budgetYuan') },
      { key: 'status', title: t('proj.call.status') },
    ],
    rows: rows.map((c) => ({
      code: c.code,
      title: c.title,
      kind: t(`proj.kind.${c.kind}`),
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      budget: fenToYuan(c.budgetFen),
      status: t(`proj.callStatus.${c.status}`),
    })),
  });

  return (
    <>
      <PageTitle
        titleKey="proj.title"
        extra={
          <Space wrap>
            <Button icon={<TeamOutlined aria-hidden />} onClick={() => void navigate('/projects/experts')} data-testid="experts-open">
              {t('nav.experts')}
            </Button>
            {editor ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="call-create">
                {t('proj.call.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Section
        title={t('proj.calls')}
        testId="calls"
        extra={<ExportButton table={exportTable} disabled={rows.length === 0} data-testid="calls-export" />}
      >
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('proj.calls.intro')}</Typography.Paragraph>
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <ScrollRegion label={t('proj.calls')}>
            <Table<Call>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={query.isFetching}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t('proj.calls.none') }}
              onRow={(c) => ({ 'data-testid': `call-row-${c.code}`, 'data-status': c.status }) as HTMLAttributes<HTMLElement>}
              data-testid="calls-table"
            />
          </ScrollRegion>
        )}
      </Section>
      <CallFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(call) => {
          setCreating(false);
          void navigate(`/projects/calls/${call.id}`);
        }}
      />
    </>
  );
}
