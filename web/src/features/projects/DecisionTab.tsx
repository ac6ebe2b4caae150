import { CheckOutlined, FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Input, InputNumber, Progress, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import {
  callResultsQuery,
  decideCall,
  decisionLetterUrl,
  PROJECTS_KEY,
  type Application,
  type ApplicationStatus,
  type Call,
} from '../../api/projects';
import type { ApplicationResultView, CallResults } from '../../api/reviews';
import { useI18n } from '../../app/i18n';
import { fenToYuan, formatFen, yuanToFen } from '../../components/money';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { ConfirmModal } from '../../components/claims/ConfirmModal';
import { DANGER, DECIDABLE, LETTER, listSep, score } from '../../components/projects/labels';
import { DecisionOverrides } from './DecisionOverrides';
import { missesText } from './results';
import { ApplicationStatusTag } from '../../components/projects/StatusTags';

const thousands = (v: number | string | undefined) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const unformat = (v: string | undefined) => Number((v ?? '').replace(/[,\s¥]/g, ''));

type Misses = ApplicationResultView['misses'];
type Blocker = CallResults['blockers'][number];

interface Choice {
  on: boolean;
  yuan: number | null;
  /** Why an application below the review thresholds is funded all the same. */
  reason: string;
}

/**
 * 立项决策: the ranked applications, each approved or not with the amount granted (in yuan; the API takes fen),
 * the running total against the call's budget, and a note for the record. Those left out are not funded. Nothing
 * can be decided while an accepted application waits for its scores or a consensus step (listed, with their
 * status); one below the review thresholds is funded only with a reason. Then each application's decision letter
 * (立项通知书 or 未立项通知).
 */
export function DecisionTab({ call, applications, editor }: { call: Call; applications: Application[]; editor: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const candidates = applications
    .filter((a) => DECIDABLE.includes(a.status))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.score ?? 0) - (a.score ?? 0));
  const decided = applications.filter((a) => LETTER.includes(a.status));
  // The server refuses to decide while these remain (submitted, accepted, under review, in consensus).
  const results = useQuery({ ...callResultsQuery(call.id), enabled: call.status !== 'decided' }).data;
  const blockers = results?.blockers ?? [];
  const missesOf = (a: Application) => results?.results.find((r) => r.applicationId === a.id)?.misses ?? [];
  const [picks, setPicks] = useState<Record<string, Choice>>({});
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const pickOf = (a: Application): Choice => picks[a.id] ?? { on: false, yuan: fenToYuan(a.requestedFen), reason: '' };
  const set = (a: Application, change: Partial<Choice>) => setPicks((p) => ({ ...p, [a.id]: { ...pickOf(a), ...change } }));

  const approvals = candidates
    .filter((a) => pickOf(a).on)
    .map((a) => ({
      applicationId: a.id,
      approvedFen: yuanToFen(pickOf(a).yuan ?? 0),
      ...(missesOf(a).length && pickOf(a).reason.trim() ? { thresholdReason: pickOf(a).reason.trim() } : {}),
    }));
  const totalFen = approvals.reduce((s, x) => s + x.approvedFen, 0);
  const over = totalFen > call.budgetFen;
  const invalid = approvals.some((x) => x.approvedFen <= 0);
  /** Ticked below the thresholds without a reason (of at least two characters, as the server asks). */
  const unexplained = candidates.filter((a) => pickOf(a).on && missesOf(a).length > 0 && pickOf(a).reason.trim().length < 2);

  const decide = useMutation({
    mutationFn: () => decideCall(call.id, { approvals, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async (res) => {
      setConfirming(false);
      setPicks({});
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('proj.decision.done', { n: res.approved, total: formatFen(res.totalFen, locale) }));
    },
  });

  const columns = useCandidateColumns({ call, editor, hasResults: results !== undefined, pickOf, set, missesOf });

  return (
    <>
      {call.status !== 'decided' ? (
        <>
          <Typography.Paragraph style={{ maxWidth: 900 }}>{t('proj.decision.intro')}</Typography.Paragraph>
          <PendingAlert blockers={blockers} />
          <ScrollRegion label={t('proj.decision.candidates')}>
            <Table<Application>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={candidates}
              pagination={false}
              locale={{ emptyText: t('proj.decision.none') }}
              onRow={(a) => ({ 'data-testid': `decision-row-${a.id}` }) as HTMLAttributes<HTMLElement>}
              data-testid="decision-table"
            />
          </ScrollRegion>
          <DecisionTotal totalFen={totalFen} budgetFen={call.budgetFen} over={over} unexplained={unexplained.length} />
          {editor ? (
            <DecisionSubmit
              note={note}
              onNote={setNote}
              disabled={candidates.length === 0 || over || invalid || blockers.length > 0 || unexplained.length > 0}
              n={approvals.length}
              onSubmit={() => {
                decide.reset();
                setConfirming(true);
              }}
            />
          ) : null}
        </>
      ) : null}
      <DecidedResults decided={decided} call={call} />
      <ConfirmModal
        open={confirming}
        title={t('proj.decision.confirmTitle')}
        okText={t('proj.decision.confirm')}
        testId="decision"
        pending={decide.isPending}
        error={decide.error}
        onOk={() => decide.mutate()}
        onCancel={() => !decide.isPending && setConfirming(false)}
      >
        {t('proj.decision.confirmText', {
          n: approvals.length,
          total: formatFen(totalFen, locale),
          rest: candidates.length - approvals.length,
        })}
      </ConfirmModal>
    </>
  );
}

interface CandidateColumnsArgs {
  call: Call;
  editor: boolean;
  hasResults: boolean;
  pickOf: (a: Application) => Choice;
  set: (a: Application, change: Partial<Choice>) => void;
  missesOf: (a: Application) => Misses;
}

/** The candidates' columns: approve, rank, title, score, requested, thresholds, amount and (below them) the reason. */
function useCandidateColumns(args: CandidateColumnsArgs): TableColumnsType<Application> {
  const { call, editor, hasResults, pickOf, set, missesOf } = args;
  const { t, locale } = useI18n();
  return [
    {
      key: 'on',
      title: t('proj.decision.approve'),
      width: 90,
      render: (_, a) => (
        <Checkbox
          checked={pickOf(a).on}
          disabled={!editor}
          onChange={(e) => set(a, { on: e.target.checked })}
          aria-label={t('proj.decision.approveN', { title: a.title })}
          data-testid={`decision-include-${a.id}`}
        />
      ),
    },
    { key: 'rank', title: t('proj.app.rank'), width: 70, render: (_, a) => a.rank ?? '—' },
    {
      key: 'title',
      title: t('proj.app.title'),
      render: (_, a) => (
        <>
          {a.title}
          <div style={{ fontSize: 13 }}>{a.applicantName}</div>
        </>
      ),
    },
    {
      key: 'score',
      title: t('proj.scores.total'),
      align: 'right',
      render: (_, a) => (
        <Space size={4}>
          {score(a.score)}
          {a.status === 'consensus' ? <StatusTag tone="warn">{t('proj.scores.consensus')}</StatusTag> : null}
        </Space>
      ),
    },
    {
      key: 'requested',
      title: t('proj.app.requested'),
      align: 'right',
      render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(a.requestedFen, locale)}</span>,
    },
    {
      key: 'thresholds',
      title: t('proj.decision.thresholds'),
      render: (_, a) => {
        const misses = missesOf(a);
        if (!hasResults) return '—';
        return misses.length ? (
          <span data-testid={`decision-misses-${a.id}`}>
            <StatusTag tone="error">{t('proj.scores.fail')}</StatusTag>
            <div style={{ fontSize: 12, marginTop: 4 }}>{missesText(misses, call, t, locale)}</div>
          </span>
        ) : (
          <StatusTag tone="ok">{t('proj.scores.pass')}</StatusTag>
        );
      },
    },
    {
      key: 'amount',
      title: t('proj.decision.amount'),
      render: (_, a) => (
        <InputNumber<number>
          min={0}
          max={1e11}
          precision={2}
          formatter={thousands}
          parser={unformat}
          value={pickOf(a).yuan}
          disabled={!editor || !pickOf(a).on}
          onChange={(v) => set(a, { yuan: v })}
          suffix={t('pol.unit.yuan')}
          aria-label={t('proj.decision.amountN', { title: a.title })}
          style={{ width: 170 }}
          data-testid={`decision-amount-${a.id}`}
        />
      ),
    },
    {
      key: 'reason',
      title: t('proj.decision.reason'),
      render: (_, a) => {
        if (!missesOf(a).length) return null;
        const p = pickOf(a);
        const missing = p.on && p.reason.trim().length < 2;
        return (
          <>
            <Input.TextArea
              rows={2}
              maxLength={1000}
              value={p.reason}
              disabled={!editor || !p.on}
              status={missing ? 'error' : undefined}
              onChange={(e) => set(a, { reason: e.target.value })}
              aria-label={t('proj.decision.reasonN', { title: a.title })}
              style={{ minWidth: 200 }}
              data-testid={`decision-reason-${a.id}`}
            />
            {missing ? <div style={{ color: DANGER, fontSize: 12 }}>{t('proj.decision.reasonRequired')}</div> : null}
          </>
        );
      },
    },
  ];
}

/** What still keeps the call from being decided (the server refuses while any remain). */
function PendingAlert({ blockers }: { blockers: Blocker[] }) {
  const { t, locale } = useI18n();
  if (!blockers.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('proj.decision.pending', { n: blockers.length })}
      description={blockers
        .map((b) => t('proj.decision.pendingItem', { title: b.title, status: t(`proj.appStatus.${b.status as ApplicationStatus}`) }))
        .join(listSep(locale))}
      style={{ marginBottom: 12 }}
      data-testid="decision-pending"
      data-count={blockers.length}
    />
  );
}

/** The running total against the budget, over budget or reasons missing in red. */
function DecisionTotal({
  totalFen,
  budgetFen,
  over,
  unexplained,
}: {
  totalFen: number;
  budgetFen: number;
  over: boolean;
  unexplained: number;
}) {
  const { t, locale } = useI18n();
  const pct = budgetFen > 0 ? Math.min(100, Math.round((totalFen / budgetFen) * 1000) / 10) : 0;
  return (
    <div style={{ marginTop: 16, maxWidth: 720 }} data-testid="decision-total" data-fen={totalFen} data-over={String(over)}>
      <Typography.Text strong style={over ? { color: DANGER } : undefined}>
        {t('proj.decision.total', {
          total: formatFen(totalFen, locale),
          budget: formatFen(budgetFen, locale),
          left: formatFen(budgetFen - totalFen, locale),
        })}
      </Typography.Text>
      <Progress percent={pct} status={over ? 'exception' : 'normal'} aria-label={t('proj.decision.budgetUse')} />
      {over ? <Typography.Text style={{ color: DANGER }}>{t('proj.decision.over')}</Typography.Text> : null}
      {unexplained ? (
        <Typography.Text style={{ color: DANGER, display: 'block' }} data-testid="decision-unexplained">
          {t('proj.decision.missingReasons', { n: unexplained })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** The note for the record and the decide button (editors only). */
function DecisionSubmit({
  note,
  onNote,
  disabled,
  n,
  onSubmit,
}: {
  note: string;
  onNote: (note: string) => void;
  disabled: boolean;
  n: number;
  onSubmit: () => void;
}) {
  const { t } = useI18n();
  return (
    <div style={{ marginTop: 12, display: 'flex', gap: 12, alignItems: 'flex-end', flexWrap: 'wrap' }}>
      <label style={{ flex: 1, minWidth: 320, maxWidth: 600 }}>
        <span style={{ display: 'block', marginBottom: 4 }}>{t('proj.decision.note')}</span>
        <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => onNote(e.target.value)} data-testid="decision-note" />
      </label>
      <Button type="primary" icon={<CheckOutlined aria-hidden />} disabled={disabled} onClick={onSubmit} data-testid="decision-submit">
        {t('proj.decision.submit', { n })}
      </Button>
    </div>
  );
}

/** The decided applications with their amounts and decision letters, and the decision's note. */
function DecidedResults({ decided, call }: { decided: Application[]; call: Call }) {
  const { t, locale } = useI18n();
  if (!decided.length) return null;
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 24 }}>
        {t('proj.decision.results')}
      </Typography.Title>
      <Table<Application>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={decided.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))}
        onRow={(a) => ({ 'data-testid': `decided-row-${a.id}`, 'data-status': a.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'rank', title: t('proj.app.rank'), width: 70, render: (_, a) => a.rank ?? '—' },
          { key: 'title', title: t('proj.app.title'), render: (_, a) => `${a.title}（${a.applicantName}）` },
          { key: 'status', title: t('proj.app.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
          {
            key: 'approved',
            title: t('proj.decision.approvedAmount'),
            align: 'right',
            render: (_, a) => (
              <span style={{ whiteSpace: 'nowrap' }}>{a.approvedFen === null ? '—' : formatFen(a.approvedFen, locale)}</span>
            ),
          },
          {
            key: 'letter',
            title: t('proj.decision.letter'),
            render: (_, a) => (
              <Typography.Link href={decisionLetterUrl(a.id)} data-testid={`decision-letter-${a.id}`}>
                <FileWordOutlined aria-hidden /> {t('proj.decision.download')}
              </Typography.Link>
            ),
          },
        ]}
        data-testid="decided-table"
      />
      <DecisionOverrides decided={decided} call={call} />
      {decided[0]?.decisionNote ? (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('proj.decision.note')}：{decided[0].decisionNote}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
