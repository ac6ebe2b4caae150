import { CalculatorOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, InputNumber, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import {
  aggregateCall,
  callResultsQuery,
  PROJECTS_KEY,
  recordConsensus,
  type Application,
  type ApplicationResultView,
  type ApplicationStatus,
  type Call,
} from '../../api/projects';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal, ReasonField } from '../../components/FormModal';
import { errorText } from '../../components/errors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { textOf } from '../../components/policies/labels';
import { clauseSep, listSep, score } from '../../components/projects/labels';
import { finalRank, missText } from './results';
import { ApplicationStatusTag } from '../../components/projects/StatusTags';

type Row = ApplicationResultView;

/**
 * 评审汇总: the experts' scores aggregated under the call's recorded policy (mean, median or trimmed mean — which
 * falls back to the mean below five experts, and says so), read back from the stored reviews whenever the page
 * opens: the spread of the experts' totals, applications whose experts disagree by more than the threshold
 * flagged for a consensus step (recorded here), thresholds, and the ranking.
 */
export function ScoresTab({ call, applications, editor }: { call: Call; applications: Application[]; editor: boolean }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const results = useQuery(callResultsQuery(call.id));
  const [agreeing, setAgreeing] = useState<Row | null>(null);
  const run = useMutation({
    mutationFn: () => aggregateCall(call.id),
    onSuccess: () => client.invalidateQueries({ queryKey: PROJECTS_KEY }),
  });
  const res = results.data;
  const criteria = call.reviewTemplate.criteria;
  const inReview = applications.filter((a) => ['under_review', 'scored', 'consensus'].includes(a.status)).length;
  const notAggregated = (res?.results ?? []).filter((r) => r.status === 'under_review');

  const columns: TableColumnsType<Row> = [
    {
      key: 'rank',
      title: t('proj.app.rank'),
      width: 70,
      render: (_, r) => <strong data-testid="ranking-rank">{finalRank(r)}</strong>,
    },
    {
      key: 'title',
      title: t('proj.app.title'),
      render: (_, r) => (
        <>
          {r.title}
          <div style={{ fontSize: 13 }}>{r.applicantName}</div>
          <Space size={4} style={{ marginTop: 4 }}>
            <ApplicationStatusTag status={r.status as ApplicationStatus} />
            {r.status === 'under_review' ? <StatusTag tone="warn">{t('proj.scores.notAggregatedTag')}</StatusTag> : null}
          </Space>
        </>
      ),
    },
    {
      key: 'total',
      title: t('proj.scores.total'),
      align: 'right',
      render: (_, r) => (
        <>
          <strong data-testid="ranking-total">{score(r.agreedScore ?? r.total.value)}</strong>
          {r.agreedScore !== null ? (
            <div style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {score(r.total.value)} → {t('proj.scores.agreed', { score: score(r.agreedScore) })}
            </div>
          ) : null}
          <div style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t(`proj.method.${r.total.applied}`)} · {t('proj.scores.experts', { n: r.experts })}
          </div>
          {r.rank !== null && r.rank !== r.computedRank ? (
            <div style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t('proj.scores.computedRank', { rank: r.computedRank })}</div>
          ) : null}
        </>
      ),
    },
    ...criteria.map((c) => ({
      key: `c-${c.key}`,
      title: `${textOf(c, locale)} ${c.weight}%`,
      align: 'right' as const,
      render: (_: unknown, r: Row) => {
        const x = r.criteria.find((y) => y.criterionId === c.key);
        return x ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {score(x.value)}
            {x.passed ? null : (
              <>
                {' '}
                <StatusTag tone="error">{t('proj.scores.belowThreshold')}</StatusTag>
              </>
            )}
          </span>
        ) : (
          '—'
        );
      },
    })),
    {
      key: 'spread',
      title: t('proj.scores.spread'),
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <span style={{ whiteSpace: 'nowrap' }} data-testid="ranking-spread" data-range={r.spread.range}>
            {t('proj.scores.spreadValue', {
              range: score(r.spread.range),
              sd: score(r.spread.sd),
              min: score(r.spread.min),
              max: score(r.spread.max),
            })}
          </span>
          {r.consensus === 'pending' ? (
            <span data-testid="ranking-consensus">
              <StatusTag tone="warn">{t('proj.scores.consensus')}</StatusTag>
            </span>
          ) : r.consensus === 'resolved' ? (
            <StatusTag tone="ok">{t('proj.scores.consensusResolved')}</StatusTag>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'passed',
      title: t('proj.scores.passed'),
      render: (_, r) =>
        r.passed ? (
          <StatusTag tone="ok">{t('proj.scores.pass')}</StatusTag>
        ) : (
          <>
            <StatusTag tone="error">{t('proj.scores.fail')}</StatusTag>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, fontSize: 12 }} data-testid="ranking-misses">
              {r.misses.map((m) => (
                <li key={m.criterionId ?? 'total'}>{missText(m, call, t, locale)}</li>
              ))}
            </ul>
          </>
        ),
    },
    ...(editor && (res?.results ?? []).some((r) => r.consensus === 'pending' && r.status === 'consensus')
      ? [
          {
            key: 'action',
            title: t('common.actions'),
            render: (_: unknown, r: Row) =>
              r.consensus === 'pending' && r.status === 'consensus' ? (
                <Button
                  size="small"
                  icon={<TeamOutlined aria-hidden />}
                  onClick={() => setAgreeing(r)}
                  aria-label={t('proj.scores.recordN', { title: r.title })}
                  data-testid={`consensus-record-${r.applicationId}`}
                >
                  {t('proj.scores.record')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Paragraph style={{ maxWidth: 900, margin: 0 }}>
          {t('proj.scores.intro', {
            method: t(`proj.aggregation.${call.reviewTemplate.aggregation}`),
            spread: call.reviewTemplate.spreadThreshold,
          })}
        </Typography.Paragraph>
        {editor ? (
          <Button
            type="primary"
            icon={<CalculatorOutlined aria-hidden />}
            loading={run.isPending}
            disabled={inReview === 0}
            onClick={() => run.mutate()}
            data-testid="scores-aggregate"
          >
            {t('proj.scores.aggregate')}
          </Button>
        ) : null}
      </div>
      {run.error ? <Alert type="error" showIcon title={errorText(run.error, t)} style={{ marginBottom: 12 }} /> : null}
      {run.data?.consensusReopened.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('proj.scores.consensusReopened', {
            n: run.data.consensusReopened.length,
            list: run.data.consensusReopened
              .map((r) =>
                t('proj.scores.reopenedItem', {
                  title: r.title,
                  agreed: score(r.agreedScore),
                  score: score(r.score),
                  status: t(`proj.appStatus.${r.status}`),
                }),
              )
              .join(listSep(locale)),
          })}
          style={{ marginBottom: 12 }}
          data-testid="aggregation-consensus-reopened"
        />
      ) : null}
      {run.data?.consensusKept.length ? (
        <Alert
          type="info"
          showIcon
          title={t('proj.scores.consensusKept', {
            n: run.data.consensusKept.length,
            list: run.data.consensusKept
              .map((r) => t('proj.scores.keptItem', { title: r.title, score: score(r.score) }))
              .join(listSep(locale)),
          })}
          style={{ marginBottom: 12 }}
          data-testid="aggregation-consensus-kept"
        />
      ) : null}
      {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.isPending ? <Loading /> : null}
      {res ? (
        <div data-testid="aggregation" data-waiting={res.waitingFor} data-consensus={res.consensus.length}>
          {res.waitingFor > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('proj.scores.waiting', { n: res.waitingFor })}
              description={res.pending
                .map((p) => t('proj.scores.pendingItem', { title: p.title, submitted: p.submitted, assigned: p.assigned }))
                .join(clauseSep(locale))}
              style={{ marginBottom: 12 }}
              data-testid="aggregation-waiting"
            />
          ) : null}
          {notAggregated.length && editor ? (
            <Alert
              type="info"
              showIcon
              title={t('proj.scores.notAggregated', { n: notAggregated.length })}
              style={{ marginBottom: 12 }}
              data-testid="aggregation-stale"
            />
          ) : null}
          {res.consensus.length ? (
            <Alert
              type="warning"
              showIcon
              title={t('proj.scores.consensusAlert', { n: res.consensus.length })}
              description={res.results
                .filter((r) => res.consensus.includes(r.applicationId))
                .map((r) => r.title)
                .join(listSep(locale))}
              style={{ marginBottom: 12 }}
              data-testid="aggregation-consensus"
            />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('proj.scores.policy', {
              method: t(`proj.method.${res.policy.method}`),
              spread: res.policy.spreadThreshold,
              trim: res.policy.trimMinExperts,
              threshold: res.policy.totalThreshold ?? t('common.none'),
            })}
          </Typography.Paragraph>
          {res.results.length ? (
            <ScrollRegion label={t('proj.scores.ranking')}>
              <Table<Row>
                rowKey="applicationId"
                size="small"
                columns={columns}
                dataSource={res.results}
                pagination={false}
                expandable={{
                  expandedRowRender: (r) => (
                    <div style={{ fontSize: 13 }}>
                      {r.total.note ? <p>{r.total.note}</p> : null}
                      <p>
                        {t('proj.scores.expertTotals')}：
                        {r.expertTotals.map((x, i) => `${t('proj.scores.expertN', { n: i + 1 })} ${score(x)}`).join(clauseSep(locale))}
                      </p>
                      {r.consensusNote ? <p>{t('proj.scores.consensusNote', { note: r.consensusNote })}</p> : null}
                    </div>
                  ),
                }}
                onRow={(r) =>
                  ({
                    'data-testid': `ranking-row-${r.applicationId}`,
                    'data-rank': finalRank(r),
                    'data-consensus': r.consensus,
                    'data-passed': String(r.passed),
                  }) as HTMLAttributes<HTMLElement>
                }
                data-testid="ranking-table"
              />
            </ScrollRegion>
          ) : (
            <Typography.Paragraph type="secondary" data-testid="ranking-none">
              {res.waitingFor > 0 ? t('proj.scores.none') : t('proj.scores.notYet')}
            </Typography.Paragraph>
          )}
        </div>
      ) : null}
      <ConsensusModal call={call} row={agreeing} onClose={() => setAgreeing(null)} />
    </>
  );
}

interface ConsensusValues {
  score: number | null;
  note: string;
}

/** 协商定分: the panel's agreed total for a high-spread application, and why. */
function ConsensusModal({ call, row, onClose }: { call: Call; row: Row | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ConsensusValues>();
  const save = useMutation({
    mutationFn: (v: ConsensusValues) => recordConsensus(row!.applicationId, v.score ?? 0, v.note.trim()),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('proj.consensus.done'));
      onClose();
    },
  });
  return (
    <FormModal
      open={row !== null}
      title={row ? t('proj.consensus.title', { title: row.title }) : ''}
      form={form}
      mutation={save}
      onClose={onClose}
      okText={t('proj.consensus.submit')}
      okTestId="consensus-confirm"
      intro={
        row ? (
          <Typography.Paragraph>
            {t('proj.consensus.text', {
              min: score(row.spread.min),
              max: score(row.spread.max),
              range: score(row.spread.range),
              spread: call.reviewTemplate.spreadThreshold,
            })}
          </Typography.Paragraph>
        ) : null
      }
      initialValues={{ score: row ? Math.round(row.total.value * 100) / 100 : null, note: '' }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item
        name="score"
        label={t('proj.consensus.score')}
        rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('proj.consensus.scoreRule') }]}
      >
        <InputNumber<number>
          min={0}
          max={100}
          precision={2}
          style={{ width: 160 }}
          suffix={t('review.points')}
          data-testid="consensus-score"
        />
      </Form.Item>
      <ReasonField
        name="note"
        label={t('proj.consensus.note')}
        message={t('proj.consensus.noteRule')}
        maxLength={1000}
        testId="consensus-note"
      />
    </FormModal>
  );
}
