import { useQuery } from '@tanstack/react-query';
import { Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import { myApplicationsQuery, openCallsQuery, type Call } from '../../api/projects';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { formatFen } from '../../components/money';
import { Section } from '../../components/Section';
import { ApplicationDrawer } from './ApplicationDrawer';
import { applicationColumns, ApplicationsTable, callActionColumn, callPeriodColumn, callTitleColumn, OpenCallsTable } from './callTables';
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
    callTitleColumn(t, false),
    {
      key: 'bounty',
      title: t('challenge.bounty'),
      align: 'right',
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(c.bountyFen, locale)}</span>,
    },
    callPeriodColumn(t),
    callActionColumn(t, apps, {
      openApp,
      start: bid,
      openLabel: t('challenge.myBid'),
      startLabel: t('challenge.bid'),
      openTestId: 'challenge-open-bid',
      startTestId: 'challenge-bid',
    }),
  ];

  const appColumns = applicationColumns(t, locale, {
    openApp,
    subtitle: (a) => (
      <>
        {a.applicantName} · {callOf(a.callId)?.title ?? ''}
      </>
    ),
    testIdPrefix: 'my-bid',
  });

  const bidId = params.get('bid');
  const appId = params.get('app');
  const current = appId ? apps.find((a) => a.id === appId) : undefined;
  const drawerCall = callOf(bidId ?? current?.callId ?? '') ?? null;

  return (
    <>
      <Section title={t('challenge.open')} testId="challenges-open">
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('challenge.intro')}</Typography.Paragraph>
        <OpenCallsTable
          query={calls}
          calls={open}
          columns={callColumns}
          label={t('challenge.open')}
          emptyText={t('challenge.none')}
          rowTestId="challenge"
          testId="challenges-table"
        />
      </Section>
      <Section title={t('challenge.mine')} testId="my-bids">
        <ApplicationsTable
          query={mine}
          columns={appColumns}
          label={t('challenge.mine')}
          emptyText={t('challenge.mineNone')}
          rowAttrs={(a) => ({ 'data-testid': `my-bid-${a.id}`, 'data-status': a.status })}
          testId="my-bids-table"
        />
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
