import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { Application, Call } from '../../api/projects';
import type { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBeijing } from '../../components/format';
import { formatFen } from '../../components/money';
import { ScrollRegion } from '../../components/ScrollRegion';
import { EDITABLE } from '../../components/projects/labels';
import { ApplicationStatusTag } from '../../components/projects/StatusTags';

/*
 * What 项目申报 (an enterprise's portal) and 揭榜挂帅 (a team's page) share: the open calls with their guides, a
 * button to apply or to open my application, and my applications with where each stands.
 */

type T = ReturnType<typeof useI18n>['t'];
type Locale = ReturnType<typeof useI18n>['locale'];
type CallColumn = TableColumnsType<Call>[number];

/** The call's title and code, and its kind where the list mixes kinds. */
export const callTitleColumn = (t: T, withKind: boolean): CallColumn => ({
  key: 'title',
  title: t('proj.call.title'),
  render: (_, c) => (
    <>
      <strong>{c.title}</strong>
      <div>
        <Typography.Text code style={{ fontSize: 12 }}>
          {c.code}
        </Typography.Text>
        {withKind ? <> {t(`proj.kind.${c.kind}`)}</> : null}
      </div>
    </>
  ),
});

export const callPeriodColumn = (t: T): CallColumn => ({
  key: 'period',
  title: t('proj.call.period'),
  render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{t('proj.call.periodValue', { from: c.opensOn, to: c.closesOn })}</span>,
});

/** Open my application to the call if I have one (not withdrawn), else start one. */
export const callActionColumn = (
  t: T,
  apps: readonly Application[],
  o: {
    openApp: (appId: string) => void;
    start: (callId: string) => void;
    openLabel: string;
    startLabel: string;
    openTestId: string;
    startTestId: string;
  },
): CallColumn => ({
  key: 'action',
  title: t('common.actions'),
  render: (_, c) => {
    const existing = apps.find((a) => a.callId === c.id && a.status !== 'withdrawn');
    return existing ? (
      <Button size="small" onClick={() => o.openApp(existing.id)} data-testid={`${o.openTestId}-${c.code}`}>
        {o.openLabel}
      </Button>
    ) : (
      <Button size="small" type="primary" onClick={() => o.start(c.id)} data-testid={`${o.startTestId}-${c.code}`}>
        {o.startLabel}
      </Button>
    );
  },
});

/** My applications: title (opens it) and `subtitle`, amount, status, the bureau's note, last change, and continue or view. */
export const applicationColumns = (
  t: T,
  locale: Locale,
  o: { openApp: (appId: string) => void; subtitle: (a: Application) => ReactNode; testIdPrefix: string; actionTestId?: boolean },
): TableColumnsType<Application> => [
  {
    key: 'title',
    title: t('proj.app.title'),
    render: (_, a) => (
      <>
        <Typography.Link onClick={() => o.openApp(a.id)} data-testid={`${o.testIdPrefix}-open-${a.id}`}>
          {a.title}
        </Typography.Link>
        <div style={{ fontSize: 13 }}>{o.subtitle(a)}</div>
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
    render: (_, a) => <ApplicationStatusTag status={a.status} testId={`${o.testIdPrefix}-status-${a.id}`} />,
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
        onClick={() => o.openApp(a.id)}
        data-testid={o.actionTestId ? `${o.testIdPrefix}-action-${a.id}` : undefined}
      >
        {t(EDITABLE.includes(a.status) ? 'my.proj.continue' : 'my.proj.view')}
      </Button>
    ),
  },
];

/** The open calls, each row expanding to its guide. */
export function OpenCallsTable({
  query,
  calls,
  columns,
  label,
  emptyText,
  rowTestId,
  testId,
}: {
  query: UseQueryResult<Call[]>;
  calls: Call[];
  columns: TableColumnsType<Call>;
  label: string;
  emptyText: string;
  rowTestId: string;
  testId: string;
}) {
  return query.isError ? (
    <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
  ) : (
    <ScrollRegion label={label}>
      <Table<Call>
        rowKey="id"
        columns={columns}
        dataSource={calls}
        loading={query.isFetching}
        pagination={false}
        locale={{ emptyText }}
        expandable={{
          expandedRowRender: (c) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxWidth: 900, margin: 0 }}>{c.guideText}</Typography.Paragraph>
          ),
        }}
        onRow={(c) => ({ 'data-testid': `${rowTestId}-${c.code}` }) as HTMLAttributes<HTMLElement>}
        data-testid={testId}
      />
    </ScrollRegion>
  );
}

/** My applications, with the attributes each row carries for tests. */
export function ApplicationsTable({
  query,
  columns,
  label,
  emptyText,
  rowAttrs,
  testId,
}: {
  query: UseQueryResult<Application[]>;
  columns: TableColumnsType<Application>;
  label: string;
  emptyText: string;
  rowAttrs: (a: Application) => Record<string, string>;
  testId: string;
}) {
  return query.isError ? (
    <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
  ) : (
    <ScrollRegion label={label}>
      <Table<Application>
        rowKey="id"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        pagination={false}
        locale={{ emptyText }}
        onRow={(a) => rowAttrs(a) as HTMLAttributes<HTMLElement>}
        data-testid={testId}
      />
    </ScrollRegion>
  );
}
