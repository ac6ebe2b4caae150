import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import { myApplicationsQuery, openCallsQuery, type Call } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { formatFen } from '../../components/money';
import { Section } from '../../components/Section';
import { bureauToday } from '../../components/isoDate';
import { ApplicationDrawer } from './ApplicationDrawer';
import { applicationColumns, ApplicationsTable, callActionColumn, callPeriodColumn, callTitleColumn, OpenCallsTable } from './callTables';

/** A call takes applications while published and between its dates (the server's date, UTC). */
export const isOpen = (c: Call, today = bureauToday()) => c.status === 'published' && c.opensOn <= today && today <= c.closesOn;

/**
 * 项目申报: the calls open now, each with its guide, and my applications to them — drafts to finish, returned
 * ones with the bureau's reasons, and where each stands.
 */
export function MyProjectCalls() {
  const { t, locale } = useI18n();
  const calls = useQuery(openCallsQuery());
  const mine = useQuery(myApplicationsQuery());
  const [params, setParams] = useSearchParams();
  const all = calls.data ?? [];
  const open = all.filter((c) => isOpen(c));
  const apps = mine.data ?? [];
  const callOf = (id: string) => all.find((c) => c.id === id);
  const returned = apps.filter((a) => a.status === 'returned');

  const applyFor = (callId: string) => setParams({ tab: 'calls', apply: callId });
  const openApp = (appId: string) => setParams({ tab: 'calls', app: appId });
  const close = () => setParams({ tab: 'calls' }, { replace: true });

  const callColumns: TableColumnsType<Call> = [
    callTitleColumn(t, true),
    callPeriodColumn(t),
    {
      key: 'budget',
      title: t('proj.call.budget'),
      align: 'right',
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(c.budgetFen, locale)}</span>,
    },
    callActionColumn(t, apps, {
      openApp,
      start: applyFor,
      openLabel: t('my.proj.myApplication'),
      startLabel: t('my.proj.apply'),
      openTestId: 'call-open-application',
      startTestId: 'call-apply',
    }),
  ];

  const appColumns = applicationColumns(t, locale, {
    openApp,
    subtitle: (a) => callOf(a.callId)?.title ?? '',
    testIdPrefix: 'my-application',
    actionTestId: true,
  });

  const applyId = params.get('apply');
  const appId = params.get('app');
  const current = appId ? apps.find((a) => a.id === appId) : undefined;
  const drawerCall = callOf(applyId ?? current?.callId ?? '') ?? null;

  return (
    <>
      <Section title={t('my.proj.openCalls')} testId="my-open-calls">
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('my.proj.intro')}</Typography.Paragraph>
        <OpenCallsTable
          query={calls}
          calls={open}
          columns={callColumns}
          label={t('my.proj.openCalls')}
          emptyText={t('my.proj.noCalls')}
          rowTestId="open-call"
          testId="open-calls-table"
        />
      </Section>
      <Section title={t('my.proj.applications')} testId="my-applications">
        {returned.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('my.proj.returnedAlert', { n: returned.length })}
            style={{ marginBottom: 12 }}
            data-testid="my-returned-alert"
          />
        ) : null}
        <ApplicationsTable
          query={mine}
          columns={appColumns}
          label={t('my.proj.applications')}
          emptyText={t('my.proj.noApplications')}
          rowAttrs={(a) => ({ 'data-testid': `my-application-${a.id}`, 'data-status': a.status, 'data-title': a.title })}
          testId="my-applications-table"
        />
      </Section>
      <ApplicationDrawer
        call={drawerCall}
        applicationId={appId}
        open={Boolean(applyId || appId)}
        onCreated={(id) => setParams({ tab: 'calls', app: id }, { replace: true })}
        onClose={close}
      />
    </>
  );
}
