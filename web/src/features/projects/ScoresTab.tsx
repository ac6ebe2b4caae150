import { CalculatorOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, InputNumber, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import {
  aggregateCall,
  callResultsQuery,
  PROJECTS_KEY,
  recordConsensus,
  type Application,
  type ApplicationResultView,
  type Call,
} from '../../api/projects';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal, ReasonField } from '../../components/FormModal';
import { errorText } from '../../components/errors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { clauseSep, score } from '../../components/projects/labels';
import { finalRank } from './results';
import { ResultsAlerts, RunResultAlerts, useRankingColumns } from './ScoresParts';

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
  const inReview = applications.filter((a) => ['under_review', 'scored', 'consensus'].includes(a.status)).length;
  const notAggregated = (res?.results ?? []).filter((r) => r.status === 'under_review');

  const columns = useRankingColumns(call, editor, res?.results ?? [], setAgreeing);

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
      {run.data ? <RunResultAlerts data={run.data} /> : null}
      {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.isPending ? <Loading /> : null}
      {res ? (
        <div data-testid="aggregation" data-waiting={res.waitingFor} data-consensus={res.consensus.length}>
          <ResultsAlerts res={res} notAggregated={notAggregated.length} editor={editor} />
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
                      {r.total.note ? (
                        <p>{t(`proj.scores.note.${r.total.note}`, { min: res.policy.trimMinExperts, n: r.total.used })}</p>
                      ) : null}
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
