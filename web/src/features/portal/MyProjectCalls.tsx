import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { myApplicationsQuery, openCallsQuery, type Application, type Call } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBeijing } from '../../components/format';
import { formatFen } from '../../components/money';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { serverToday } from '../claims/labels';
import { EDITABLE } from '../projects/labels';
import { ApplicationStatusTag } from '../projects/StatusTags';
import { ApplicationDrawer } from './ApplicationDrawer';

/** A call takes applications while published and between its dates (the server's date, UTC). */
export const isOpen = (c: Call, today = serverToday()) => c.status === 'published' && c.opensOn <= today && today <= c.closesOn;

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
    {
      key: 'title',
      title: t('proj.call.title'),
      render: (_, c) => (
        <>
          <strong>{c.title}</strong>
          <div>
            <Typography.Text code style={{ fontSize: 12 }}>
              {c.code}
            </Typography.Text>{' '}
            {t(`proj.kind.${c.kind}`)}
          </div>
        </>
      ),
    },
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
    {
      key: 'action',
      title: t('common.actions'),
      render: (_, c) => {
        const existing = apps.find((a) => a.callId === c.id && a.status !== 'withdrawn');
        return existing ? (
          <Button size="small" onClick={() => openApp(existing.id)} data-testid={`call-open-application-${c.code}`}>
            {t('my.proj.myApplication')}
          </Button>
        ) : (
          <Button size="small" type="primary" onClick={() => applyFor(c.id)} data-testid={`call-apply-${c.code}`}>
            {t('my.proj.apply')}
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
          <Typography.Link onClick={() => openApp(a.id)} data-testid={`my-application-open-${a.id}`}>
            {a.title}
          </Typography.Link>
          <div style={{ fontSize: 13 }}>{callOf(a.callId)?.title ?? ''}</div>
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
      render: (_, a) => <ApplicationStatusTag status={a.status} testId={`my-application-status-${a.id}`} />,
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
        <Button
          size="small"
          type={EDITABLE.includes(a.status) ? 'primary' : 'default'}
          onClick={() => openApp(a.id)}
          data-testid={`my-application-action-${a.id}`}
        >
          {t(EDITABLE.includes(a.status) ? 'my.proj.continue' : 'my.proj.view')}
        </Button>
      ),
    },
  ];

  const applyId = params.get('apply');
  const appId = params.get('app');
  const current = appId ? apps.find((a) => a.id === appId) : undefined;
  const drawerCall = callOf(applyId ?? current?.callId ?? '') ?? null;

  return (
    <>
      <Section title={t('my.proj.openCalls')} testId="my-open-calls">
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('my.proj.intro')}</Typography.Paragraph>
        {calls.isError ? (
          <ErrorAlert error={calls.error} onRetry={() => void calls.refetch()} />
        ) : (
          <ScrollRegion label={t('my.proj.openCalls')}>
            <Table<Call>
              rowKey="id"
              columns={callColumns}
              dataSource={open}
              loading={calls.isFetching}
              pagination={false}
              locale={{ emptyText: t('my.proj.noCalls') }}
              expandable={{
                expandedRowRender: (c) => (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxWidth: 900, margin: 0 }}>{c.guideText}</Typography.Paragraph>
                ),
              }}
              onRow={(c) => ({ 'data-testid': `open-call-${c.code}` }) as HTMLAttributes<HTMLElement>}
              data-testid="open-calls-table"
            />
          </ScrollRegion>
        )}
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
        {mine.isError ? (
          <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
        ) : (
          <ScrollRegion label={t('my.proj.applications')}>
            <Table<Application>
              rowKey="id"
              columns={appColumns}
              dataSource={apps}
              loading={mine.isFetching}
              pagination={false}
              locale={{ emptyText: t('my.proj.noApplications') }}
              onRow={(a) =>
                ({ 'data-testid': `my-application-${a.id}`, 'data-status': a.status, 'data-title': a.title }) as HTMLAttributes<HTMLElement>
              }
              data-testid="my-applications-table"
            />
          </ScrollRegion>
        )}
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
