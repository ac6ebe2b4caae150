import { CalculatorOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { RankedResult } from '../../../../common/review';
import { aggregateCall, aggregationKey, PROJECTS_KEY, type AggregationResult, type Application, type Call } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { textOf } from '../policies/labels';
import { clauseSep, score } from './labels';
import { ApplicationStatusTag } from './StatusTags';

/**
 * 评审汇总: the experts' scores aggregated under the call's recorded policy (mean, median or trimmed mean — which
 * falls back to the mean below five experts, and says so), the spread of the experts' totals, applications whose
 * experts disagree by more than the threshold flagged for a consensus step, thresholds, and the ranking.
 */
export function ScoresTab({ call, applications, editor }: { call: Call; applications: Application[]; editor: boolean }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const result = useQuery({
    queryKey: aggregationKey(call.id),
    queryFn: () => null as AggregationResult | null,
    enabled: false,
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
  const run = useMutation({
    mutationFn: () => aggregateCall(call.id),
    onSuccess: async (res) => {
      client.setQueryData(aggregationKey(call.id), res);
      await client.invalidateQueries({
        queryKey: PROJECTS_KEY,
        predicate: (q) => q.queryKey[1] !== 'aggregation' && q.queryKey[1] !== 'draw',
      });
    },
  });
  const app = (id: string) => applications.find((a) => a.id === id);
  const criteria = call.reviewTemplate.criteria;
  const inReview = applications.filter((a) => ['under_review', 'scored', 'consensus'].includes(a.status)).length;

  const columns: TableColumnsType<RankedResult> = [
    { key: 'rank', title: t('proj.app.rank'), width: 70, render: (_, r) => <strong data-testid="ranking-rank">{r.rank}</strong> },
    {
      key: 'title',
      title: t('proj.app.title'),
      render: (_, r) => (
        <>
          {app(r.applicationId)?.title ?? r.applicationId}
          <div style={{ fontSize: 13 }}>{app(r.applicationId)?.applicantName}</div>
        </>
      ),
    },
    {
      key: 'total',
      title: t('proj.scores.total'),
      align: 'right',
      render: (_, r) => (
        <>
          <strong data-testid="ranking-total">{score(r.total.value)}</strong>
          <div style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t(`proj.method.${r.total.applied}`)} · {t('proj.scores.experts', { n: r.experts })}
          </div>
        </>
      ),
    },
    ...criteria.map((c) => ({
      key: `c-${c.key}`,
      title: `${textOf(c, locale)} ${c.weight}%`,
      align: 'right' as const,
      render: (_: unknown, r: RankedResult) => {
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
          <span style={{ whiteSpace: 'nowrap' }}>
            {t('proj.scores.spreadValue', {
              range: score(r.spread.range),
              sd: score(r.spread.sd),
              min: score(r.spread.min),
              max: score(r.spread.max),
            })}
          </span>
          {r.highSpread ? (
            <span data-testid="ranking-consensus">
              <StatusTag tone="warn">{t('proj.scores.consensus')}</StatusTag>
            </span>
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
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, fontSize: 12 }}>
              {r.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </>
        ),
    },
  ];

  const ranked = applications.filter((a) => a.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
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
      {result ? (
        <div data-testid="aggregation" data-waiting={result.waitingFor}>
          {result.waitingFor > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('proj.scores.waiting', { n: result.waitingFor })}
              style={{ marginBottom: 12 }}
              data-testid="aggregation-waiting"
            />
          ) : null}
          {result.consensus.length ? (
            <Alert
              type="warning"
              showIcon
              title={t('proj.scores.consensusAlert', { n: result.consensus.length })}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('proj.scores.policy', {
              method: t(`proj.method.${result.policy.method}`),
              spread: result.policy.spreadThreshold,
              trim: result.policy.trimMinExperts,
              threshold: result.policy.totalThreshold ?? t('common.none'),
            })}
          </Typography.Paragraph>
          <ScrollRegion label={t('proj.scores.ranking')}>
            <Table<RankedResult>
              rowKey="applicationId"
              size="small"
              columns={columns}
              dataSource={result.ranking}
              pagination={false}
              locale={{ emptyText: t('proj.scores.none') }}
              expandable={{
                expandedRowRender: (r) => (
                  <div style={{ fontSize: 13 }}>
                    {r.total.note ? <p>{r.total.note}</p> : null}
                    <p>
                      {t('proj.scores.expertTotals')}：
                      {r.expertTotals.map((x, i) => `${t('proj.scores.expertN', { n: i + 1 })} ${score(x.total)}`).join(clauseSep(locale))}
                    </p>
                  </div>
                ),
              }}
              onRow={(r) =>
                ({
                  'data-testid': `ranking-row-${r.applicationId}`,
                  'data-rank': r.rank,
                  'data-consensus': String(r.highSpread),
                }) as HTMLAttributes<HTMLElement>
              }
              data-testid="ranking-table"
            />
          </ScrollRegion>
        </div>
      ) : ranked.length ? (
        <>
          <Typography.Paragraph type="secondary">{t('proj.scores.stored')}</Typography.Paragraph>
          <Table<Application>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={ranked}
            columns={[
              { key: 'rank', title: t('proj.app.rank'), width: 70, render: (_, a) => a.rank },
              { key: 'title', title: t('proj.app.title'), render: (_, a) => a.title },
              { key: 'score', title: t('proj.scores.total'), align: 'right', render: (_, a) => score(a.score) },
              { key: 'status', title: t('proj.app.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
            ]}
            data-testid="ranking-stored"
          />
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('proj.scores.notYet')}</Typography.Paragraph>
      )}
    </>
  );
}
