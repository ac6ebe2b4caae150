import { TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AggregationResult, ApplicationResultView, ApplicationStatus, Call, CallResults } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { StatusTag } from '../../components/StatusTag';
import { textOf } from '../../components/policies/labels';
import { clauseSep, listSep, score } from '../../components/projects/labels';
import { finalRank, missText } from './results';
import { ApplicationStatusTag } from '../../components/projects/StatusTags';

type Row = ApplicationResultView;

/** The ranking's columns: rank, title, total, each criterion, spread, thresholds, and (for editors, while a consensus is pending) the record button. */
export function useRankingColumns(call: Call, editor: boolean, results: Row[], onAgree: (r: Row) => void): TableColumnsType<Row> {
  const { t, locale } = useI18n();
  const criteria = call.reviewTemplate.criteria;
  return [
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
      render: (_, r) => <TotalCell r={r} />,
    },
    ...criteria.map((c) => ({
      key: `c-${c.key}`,
      title: `${textOf(c, locale)} ${c.weight}%`,
      align: 'right' as const,
      render: (_: unknown, r: Row) => <CriterionScore r={r} criterionKey={c.key} />,
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
    ...(editor && results.some((r) => r.consensus === 'pending' && r.status === 'consensus')
      ? [
          {
            key: 'action',
            title: t('common.actions'),
            render: (_: unknown, r: Row) =>
              r.consensus === 'pending' && r.status === 'consensus' ? (
                <Button
                  size="small"
                  icon={<TeamOutlined aria-hidden />}
                  onClick={() => onAgree(r)}
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
}

/** The total (or the agreed score), the method applied, the number of experts, and a rank that differs from the computed one. */
function TotalCell({ r }: { r: Row }) {
  const { t } = useI18n();
  return (
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
  );
}

/** One criterion's score, flagged when below its threshold. */
function CriterionScore({ r, criterionKey }: { r: Row; criterionKey: string }) {
  const { t } = useI18n();
  const x = r.criteria.find((y) => y.criterionId === criterionKey);
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
}

/** After an aggregation run: the agreed scores reopened (the experts' scores moved) and those kept. */
export function RunResultAlerts({ data }: { data: AggregationResult }) {
  const { t, locale } = useI18n();
  return (
    <>
      {data.consensusReopened.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('proj.scores.consensusReopened', {
            n: data.consensusReopened.length,
            list: data.consensusReopened
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
      {data.consensusKept.length ? (
        <Alert
          type="info"
          showIcon
          title={t('proj.scores.consensusKept', {
            n: data.consensusKept.length,
            list: data.consensusKept.map((r) => t('proj.scores.keptItem', { title: r.title, score: score(r.score) })).join(listSep(locale)),
          })}
          style={{ marginBottom: 12 }}
          data-testid="aggregation-consensus-kept"
        />
      ) : null}
    </>
  );
}

/** Reviews still to come, results not yet aggregated (editors), and the applications that need a consensus step. */
export function ResultsAlerts({ res, notAggregated, editor }: { res: CallResults; notAggregated: number; editor: boolean }) {
  const { t, locale } = useI18n();
  return (
    <>
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
      {notAggregated && editor ? (
        <Alert
          type="info"
          showIcon
          title={t('proj.scores.notAggregated', { n: notAggregated })}
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
    </>
  );
}
