import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { applicationQuery, formalCheck, PROJECTS_KEY, type Application, type Call } from '../../api/projects';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import { ExportButton } from '../../components/ExportButton';
import { formatBeijing } from '../../components/format';
import { fenToYuan, formatFen } from '../../components/money';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ReasonModal } from '../../components/claims/ReasonModal';
import { AttachmentsTable, FieldsView, FormalNote, TeamView } from '../../components/projects/ApplicationView';
import { score } from '../../components/projects/labels';
import { ApplicationStatusTag } from '../../components/projects/StatusTags';

type Check = { app: Application; decision: 'return' | 'reject' };

/**
 * 申报受理: every application with its status; a submitted one is checked for form (形式审查) — accepted for
 * review, or returned (the applicant can fix and resubmit) or rejected, with a reason the applicant reads.
 */
export function ApplicationsTab({
  call,
  applications,
  loading,
  editor,
}: {
  call: Call;
  applications: Application[];
  loading: boolean;
  editor: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [checking, setChecking] = useState<Check | null>(null);
  const check = useMutation({
    mutationFn: (v: { id: string; decision: 'accept' | 'return' | 'reject'; note?: string }) => formalCheck(v.id, v.decision, v.note),
    onSuccess: async (_, v) => {
      setChecking(null);
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t(`proj.formal.done.${v.decision}`));
    },
    onError: (error, v) => {
      if (v.decision === 'accept') void message.error(errorText(error, t));
    },
  });

  const openCheck = (a: Application, decision: Check['decision']) => {
    check.reset();
    setChecking({ app: a, decision });
  };
  const columns = applicationColumns(
    t,
    locale,
    editor
      ? (a) => (
          <FormalActions
            a={a}
            accepting={check.isPending && check.variables?.id === a.id && check.variables.decision === 'accept'}
            onAccept={() => check.mutate({ id: a.id, decision: 'accept' })}
            onCheck={(decision) => openCheck(a, decision)}
          />
        )
      : null,
  );
  const exportTable = () => applicationsExport(t, call, applications);

  const waiting = applications.filter((a) => a.status === 'submitted').length;
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Paragraph style={{ maxWidth: 900, margin: 0 }}>
          {t('proj.apps.intro', { n: applications.length, waiting })}
        </Typography.Paragraph>
        <ExportButton table={exportTable} disabled={applications.length === 0} data-testid="applications-export" />
      </div>
      <ScrollRegion label={t('proj.tab.applications')}>
        <Table<Application>
          rowKey="id"
          columns={columns}
          dataSource={applications}
          loading={loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('proj.apps.none') }}
          expandable={{ expandedRowRender: (a) => <ApplicationDetail call={call} applicationId={a.id} /> }}
          onRow={(a) =>
            ({ 'data-testid': `application-row-${a.id}`, 'data-status': a.status, 'data-title': a.title }) as HTMLAttributes<HTMLElement>
          }
          data-testid="applications-table"
        />
      </ScrollRegion>
      <ReasonModal
        open={checking !== null}
        title={t(checking?.decision === 'reject' ? 'proj.formal.rejectTitle' : 'proj.formal.returnTitle')}
        text={checking ? t('proj.formal.reasonText', { title: checking.app.title, applicant: checking.app.applicantName }) : null}
        label={t('proj.formal.reason')}
        okText={t(checking?.decision === 'reject' ? 'proj.formal.reject' : 'proj.formal.return')}
        testId="formal-reason"
        danger={checking?.decision === 'reject'}
        pending={check.isPending}
        error={check.error}
        onOk={(note) => checking && check.mutate({ id: checking.app.id, decision: checking.decision, note })}
        onCancel={() => !check.isPending && setChecking(null)}
      />
    </>
  );
}

/** The application as submitted: the form's answers, team, partners and files with their checksums. */
function ApplicationDetail({ call, applicationId }: { call: Call; applicationId: string }) {
  const query = useQuery(applicationQuery(applicationId));
  const a = query.data;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!a) return <Loading />;
  return (
    <div style={{ padding: '4px 0' }} data-testid={`application-detail-${a.id}`}>
      <FormalNote status={a.status} note={a.formalNote} />
      <FieldsView call={call} fields={a.fields} />
      <TeamView team={a.teamMembers} partners={a.partnerCreditCodes} />
      <AttachmentsTable applicationId={a.id} attachments={a.attachments} call={call} testId={`application-attachments-${a.id}`} />
    </div>
  );
}

type T = ReturnType<typeof useI18n>['t'];

/** The table's columns; `actions` (the formal check buttons) only for an editor. */
function applicationColumns(
  t: T,
  locale: ReturnType<typeof useI18n>['locale'],
  actions: ((a: Application) => ReactNode) | null,
): TableColumnsType<Application> {
  return [
    {
      key: 'title',
      title: t('proj.app.title'),
      render: (_, a) => (
        <>
          <strong>{a.title}</strong>
          <div style={{ fontSize: 13 }}>
            {a.applicantName}
            {a.applicantCreditCode ? (
              <>
                {' '}
                <code style={{ fontSize: 12 }}>{a.applicantCreditCode}</code>
              </>
            ) : null}
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
      key: 'submitted',
      title: t('proj.app.submittedAt'),
      render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(a.submittedAt) || '—'}</span>,
    },
    {
      key: 'status',
      title: t('proj.app.status'),
      render: (_, a) => <ApplicationStatusTag status={a.status} testId={`application-status-${a.id}`} />,
    },
    {
      key: 'score',
      title: t('proj.app.scoreRank'),
      render: (_, a) => (a.score === null ? '—' : t('proj.app.scoreRankValue', { score: score(a.score), rank: a.rank ?? '—' })),
    },
    ...(actions
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, a: Application) => actions(a),
          },
        ]
      : []),
  ];
}

/** Accept / return / reject buttons of a submitted application (nothing for another status). */
function FormalActions({
  a,
  accepting,
  onAccept,
  onCheck,
}: {
  a: Application;
  accepting: boolean;
  onAccept: () => void;
  onCheck: (decision: Check['decision']) => void;
}) {
  const { t } = useI18n();
  if (a.status !== 'submitted') return null;
  return (
    <Space wrap size={4}>
      <Button size="small" type="primary" loading={accepting} onClick={onAccept} data-testid={`formal-accept-${a.id}`}>
        {t('proj.formal.accept')}
      </Button>
      <Button size="small" onClick={() => onCheck('return')} data-testid={`formal-return-${a.id}`}>
        {t('proj.formal.return')}
      </Button>
      <Button size="small" danger onClick={() => onCheck('reject')} data-testid={`formal-reject-${a.id}`}>
        {t('proj.formal.reject')}
      </Button>
    </Space>
  );
}

/** The spreadsheet the export button downloads. */
function applicationsExport(t: T, call: Call, applications: Application[]) {
  return {
    title: t('proj.apps.exportTitle', { code: call.code }),
    columns: [
      { key: 'title', title: t('proj.app.title') },
      { key: 'applicant', title: t('proj.app.applicant') },
      { key: 'creditCode', title: t('ent.creditCode') },
      { key: 'requested', title: t('proj.app.requestedYuan') },
      { key: 'submitted', title: t('proj.app.submittedAt') },
      { key: 'status', title: t('proj.app.status') },
      { key: 'score', title: t('proj.app.score') },
      { key: 'rank', title: t('proj.app.rank') },
      { key: 'note', title: t('proj.app.bureauNote') },
    ],
    rows: applications.map((a) => ({
      title: a.title,
      applicant: a.applicantName,
      creditCode: a.applicantCreditCode,
      requested: fenToYuan(a.requestedFen),
      submitted: formatBeijing(a.submittedAt),
      status: t(`proj.appStatus.${a.status}`),
      score: a.score,
      rank: a.rank,
      note: a.formalNote,
    })),
  };
}
