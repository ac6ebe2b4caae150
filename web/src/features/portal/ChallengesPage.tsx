import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { myApplicationsQuery, openCallsQuery, type Application, type Call } from '../../api/projects';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBeijing } from '../../components/format';
import { formatFen } from '../../components/money';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { EDITABLE } from '../projects/labels';
import { ApplicationStatusTag } from '../projects/StatusTags';
import { ApplicationDrawer } from './ApplicationDrawer';
import { isOpen } from './MyProjectCalls';
import { MyProjects } from './MyProjects';

const TABS = ['bids', 'projects'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 揭榜挂帅 for a team without a registered enterprise (an institute's or any group's own account): the open
 * challenges with their problem and bounty, a bid with the team's name, leader, members and contact (no age,
 * degree or title conditions), my bids and, once funded, my projects. Enterprises bid from their portal.
 */
export default function ChallengesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'projects' ? 'projects' : 'bids';
  return (
    <>
      <PageTitle titleKey="challenge.title" />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'bids' ? {} : { tab: key }, { replace: true })}
        aria-label={t('challenge.sections')}
        destroyOnHidden
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`challenge-tab-${key}`}>{t(key === 'bids' ? 'challenge.tab.bids' : 'challenge.tab.projects')}</span>,
          children: key !== tab ? null : key === 'bids' ? <Bids /> : <MyProjects />,
        }))}
      />
    </>
  );
}

function Bids() {
  const { t, locale } = useI18n();
  const calls = useQuery(openCallsQuery());
  const mine = useQuery(myApplicationsQuery());
  const [params, setParams] = useSearchParams();
  const all = calls.data ?? [];
  const open = all.filter((c) => c.kind === 'challenge' && isOpen(c));
  const apps = mine.data ?? [];
  const callOf = (id: string) => all.find((c) => c.id === id);

  const bid = (callId: string) => setParams({ bid: callId });
  const openApp = (appId: string) => setParams({ app: appId });
  const close = () => setParams({}, { replace: true });

  const callColumns: TableColumnsType<Call> = [
    {
      key: 'title',
      title: t('proj.call.title'),
      render: (_, c) => (
        <>
          <strong>{c.title}</strong>
          <div>
            <Typography.Text code style={{ fontSize: 12 }}>
              {c.code}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'bounty',
      title: t('challenge.bounty'),
      align: 'right',
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(c.bountyFen, locale)}</span>,
    },
    {
      key: 'period',
      title: t('proj.call.period'),
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{t('proj.call.periodValue', { from: c.opensOn, to: c.closesOn })}</span>,
    },
    {
      key: 'action',
      title: t('common.actions'),
      render: (_, c) => {
        const existing = apps.find((a) => a.callId === c.id && a.status !== 'withdrawn');
        return existing ? (
          <Button size="small" onClick={() => openApp(existing.id)} data-testid={`challenge-open-bid-${c.code}`}>
            {t('challenge.myBid')}
          </Button>
        ) : (
          <Button size="small" type="primary" onClick={() => bid(c.id)} data-testid={`challenge-bid-${c.code}`}>
            {t('challenge.bid')}
          </Button>
        );
      },
    },
  ];

  const appColumns: TableColumnsType<Application> = [
    {
      key: 'title',
      title: t('proj.app.title'),
      render: (_, a) => (
        <>
          <Typography.Link onClick={() => openApp(a.id)} data-testid={`my-bid-open-${a.id}`}>
            {a.title}
          </Typography.Link>
          <div style={{ fontSize: 13 }}>
            {a.applicantName} · {callOf(a.callId)?.title ?? ''}
          </div>
        </>
      ),
    },
    {
      key: 'requested',
      title: t('proj.app.requested'),
      align: 'right',
      render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(a.requestedFen, locale)}</span>,
    },
    {
      key: 'status',
      title: t('proj.app.status'),
      render: (_, a) => <ApplicationStatusTag status={a.status} testId={`my-bid-status-${a.id}`} />,
    },
    {
      key: 'note',
      title: t('proj.app.bureauNote'),
      render: (_, a) => (a.formalNote ? <Typography.Text strong={a.status === 'returned'}>{a.formalNote}</Typography.Text> : '—'),
    },
    {
      key: 'updated',
      title: t('my.proj.updatedAt'),
      render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(a.updatedAt)}</span>,
    },
    {
      key: 'action',
      title: t('common.actions'),
      render: (_, a) => (
        <Button size="small" type={EDITABLE.includes(a.status) ? 'primary' : 'default'} onClick={() => openApp(a.id)}>
          {t(EDITABLE.includes(a.status) ? 'my.proj.continue' : 'my.proj.view')}
        </Button>
      ),
    },
  ];

  const bidId = params.get('bid');
  const appId = params.get('app');
  const current = appId ? apps.find((a) => a.id === appId) : undefined;
  const drawerCall = callOf(bidId ?? current?.callId ?? '') ?? null;

  return (
    <>
      <Section title={t('challenge.open')} testId="challenges-open">
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('challenge.intro')}</Typography.Paragraph>
        {calls.isError ? (
          <ErrorAlert error={calls.error} onRetry={() => void calls.refetch()} />
        ) : (
          <ScrollRegion label={t('challenge.open')}>
            <Table<Call>
              rowKey="id"
              columns={callColumns}
              dataSource={open}
              loading={calls.isFetching}
              pagination={false}
              locale={{ emptyText: t('challenge.none') }}
              expandable={{
                expandedRowRender: (c) => (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxWidth: 900, margin: 0 }}>{c.guideText}</Typography.Paragraph>
                ),
              }}
              onRow={(c) => ({ 'data-testid': `challenge-${c.code}` }) as HTMLAttributes<HTMLElement>}
              data-testid="challenges-table"
            />
          </ScrollRegion>
        )}
      </Section>
      <Section title={t('challenge.mine')} testId="my-bids">
        {mine.isError ? (
          <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
        ) : (
          <ScrollRegion label={t('challenge.mine')}>
            <Table<Application>
              rowKey="id"
              columns={appColumns}
              dataSource={apps}
              loading={mine.isFetching}
              pagination={false}
              locale={{ emptyText: t('challenge.mineNone') }}
              onRow={(a) => ({ 'data-testid': `my-bid-${a.id}`, 'data-status': a.status }) as HTMLAttributes<HTMLElement>}
              data-testid="my-bids-table"
            />
          </ScrollRegion>
        )}
      </Section>
      <ApplicationDrawer
        call={drawerCall}
        applicationId={appId}
        open={Boolean(bidId || appId)}
        asTeam
        onCreated={(id) => setParams({ app: id }, { replace: true })}
        onClose={close}
      />
    </>
  );
}
