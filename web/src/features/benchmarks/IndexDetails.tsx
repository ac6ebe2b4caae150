import { useQuery } from '@tanstack/react-query';
import { Button, Card, Collapse, Form, List, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { STRENGTHS_COUNT, type OutlierReport, type UnitScore } from '../../../../common/benchmarks';
import type { Locale } from '../../../../common/enums';
import { benchmarkIndicatorsQuery, type IndexRun } from '../../api/benchmarks';
import { useI18n, type TFunction } from '../../app/i18n';
import { formatNumber } from '../../components/format';
import { Section } from '../../components/Section';
import { StatusTag } from '../../components/StatusTag';
import { nameOf, unitName } from './benchText';
import { HOME_UNIT } from './districts';
import { loadable } from './indexSpec';

/** Parts of the composite index's results (IndexResults.tsx): headline figures, strengths, outlier treatment, spec. */

export type Interval = NonNullable<IndexRun['result']['uncertainty']>['perUnit'][number];
export interface ScoreRow extends UnitScore {
  interval: Interval | undefined;
}

export const scoreText = (v: number | null, locale: Locale) => (v === null ? '—' : formatNumber(v, locale, 2));
export const intervalText = (p: Interval | undefined, t: TFunction) =>
  p ? t('bench.index.intervalText', { p05: p.p05, p95: p.p95 }) : '—';

/** An indicator's name in the locale (its code while the indicators load). */
export function useIndName() {
  const { locale } = useI18n();
  const inds = useQuery(benchmarkIndicatorsQuery()).data ?? [];
  return (code: string) => {
    const ind = inds.find((i) => i.code === code);
    return ind ? nameOf(ind, locale) : code;
  };
}

function Figure({ label, value, note, testId }: { label: string; value: ReactNode; note?: ReactNode; testId: string }) {
  return (
    <Card size="small" data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.4 }}>{value}</div>
      {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
    </Card>
  );
}

/** The home county's rank and rank interval, the mean rank shift of the simulation, and how many units were scored. */
export function HeadlineFigures({ run, home, n }: { run: IndexRun; home: ScoreRow | undefined; n: number }) {
  const { t, locale } = useI18n();
  const r = run.result;
  const unc = r.uncertainty;
  const homeInterval = home?.interval;
  const score = (v: number | null) => scoreText(v, locale);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 16, marginBottom: 16 }}>
      <Figure
        testId="index-home-rank"
        label={t('bench.summary.rank', { name: home ? unitName(HOME_UNIT, home.name, locale) : t('bench.home') })}
        value={home?.rank ? t('bench.rankOf', { rank: home.rank, n }) : '—'}
        note={home ? t('bench.index.scoreIs', { score: score(home.score) }) : t('bench.summary.notInGroup')}
      />
      <Figure
        testId="index-home-interval"
        label={t('bench.index.homeInterval')}
        value={intervalText(homeInterval, t)}
        note={homeInterval ? t('bench.index.medianIs', { median: homeInterval.median }) : t('bench.index.noUncertainty')}
      />
      <Figure
        testId="index-shift"
        label={t('bench.index.meanShift')}
        value={unc ? formatNumber(unc.meanAbsoluteRankShift, locale, 2) : '—'}
        note={unc ? t('bench.index.runsSeed', { runs: unc.runs, seed: unc.seed }) : undefined}
      />
      <Figure
        testId="index-coverage"
        label={t('bench.index.scored')}
        value={n}
        note={t('bench.index.screenedCount', { n: r.screenedOut.length, imputed: r.imputed.length })}
      />
    </div>
  );
}

interface StrengthsProps {
  run: IndexRun;
  n: number;
  selected: string;
  setPicked: (unit: string) => void;
}

/** The strengths and weaknesses of the picked unit (the home county at first). */
export function StrengthsSection({ run, n, selected, setPicked }: StrengthsProps) {
  const { t, locale } = useI18n();
  const indName = useIndName();
  const r = run.result;
  const swList = (heading: string, list: { indicator: string; rank: number }[] | undefined, testId: string, tone: string) => (
    <Card
      size="small"
      title={
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0, color: tone }}>
          {heading}
        </Typography.Title>
      }
      data-testid={testId}
    >
      <List
        dataSource={list ?? []}
        locale={{ emptyText: t('common.none') }}
        renderItem={(x) => (
          <List.Item>
            <span>{indName(x.indicator)}</span>
            <span>{t('bench.rankOf', { rank: x.rank, n })}</span>
          </List.Item>
        )}
      />
    </Card>
  );

  return (
    <Section title={t('bench.index.sw')} testId="index-sw">
      <Form layout="inline" style={{ marginBottom: 12 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('bench.profile.unit')} htmlFor="index-sw-unit">
          <Select<string>
            id="index-sw-unit"
            showSearch={{ optionFilterProp: 'label' }}
            value={selected}
            onChange={setPicked}
            options={r.scores.map((s) => ({ value: s.unit, label: unitName(s.unit, s.name, locale) }))}
            style={{ width: 240 }}
          />
        </Form.Item>
      </Form>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 16 }}>
        {swList(t('bench.profile.strengths'), r.strengths[selected], 'index-strengths', '#237804')}
        {swList(t('bench.profile.weaknesses'), r.weaknesses[selected], 'index-weaknesses', '#a8071a')}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('bench.index.swNote')}
        {r.spec.indicators.length < 2 * STRENGTHS_COUNT ? t('bench.index.swOverlap', { n: r.spec.indicators.length }) : ''}
      </Typography.Paragraph>
    </Section>
  );
}

/** The outlier table's columns: per indicator its effective weight, skew and kurtosis, test and treatment. */
function useOutlierColumns(r: IndexRun['result']): TableColumnsType<OutlierReport> {
  const { t, locale } = useI18n();
  const indName = useIndName();
  return [
    { key: 'indicator', title: t('bench.indicator'), render: (_, o) => indName(o.indicator) },
    {
      key: 'direction',
      title: t('bench.index.direction'),
      render: (_, o) =>
        t(r.spec.indicators.find((i) => i.code === o.indicator)?.direction === -1 ? 'bench.direction.down' : 'bench.direction.up'),
    },
    {
      key: 'weight',
      title: t('bench.index.effectiveWeight'),
      align: 'right',
      render: (_, o) => {
        const w = r.effectiveWeights[o.indicator];
        return w === undefined ? '—' : `${formatNumber(w * 100, locale, 1)}%`;
      },
    },
    {
      key: 'skew',
      title: t('bench.index.skew'),
      align: 'right',
      render: (_, o) => (o.skew === null ? '—' : formatNumber(o.skew, locale, 2)),
    },
    {
      key: 'kurtosis',
      title: t('bench.index.kurtosis'),
      align: 'right',
      render: (_, o) => (o.kurtosis === null ? '—' : formatNumber(o.kurtosis, locale, 2)),
    },
    {
      key: 'failed',
      title: t('bench.index.outlierTest'),
      render: (_, o) => <StatusTag tone={o.failed ? 'warn' : 'ok'}>{t(o.failed ? 'bench.index.failed' : 'bench.index.passed')}</StatusTag>,
    },
    {
      key: 'treatment',
      title: t('bench.index.treatment'),
      render: (_, o) => {
        const base =
          o.treatment === 'winsorised'
            ? t('bench.index.treatment.winsorised', { points: o.points ?? 0 })
            : t(o.treatment === 'log' ? 'bench.index.treatment.log' : 'bench.index.treatment.none');
        if (o.treatment === 'none') return base;
        const after = t('bench.index.after', {
          skew: o.skewAfter === null || o.skewAfter === undefined ? '—' : formatNumber(o.skewAfter, locale, 2),
          kurtosis: o.kurtosisAfter === null || o.kurtosisAfter === undefined ? '—' : formatNumber(o.kurtosisAfter, locale, 2),
        });
        return `${base}${t('common.sep')}${after}`;
      },
    },
  ];
}

/** How outliers were treated, which units were screened out, which values imputed, and the shift. */
export function TreatmentSection({ run, rows }: { run: IndexRun; rows: ScoreRow[] }) {
  const { t, locale } = useI18n();
  const indName = useIndName();
  const r = run.result;
  const outlierColumns = useOutlierColumns(r);
  return (
    <Section title={t('bench.index.treatmentTitle')}>
      <Typography.Paragraph type="secondary">{t('bench.index.treatmentHint')}</Typography.Paragraph>
      <Table<OutlierReport>
        rowKey="indicator"
        size="small"
        columns={outlierColumns}
        dataSource={r.outliers}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="index-outliers"
      />
      {r.screenedOut.length ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('bench.index.screenedOut', {
            list: r.screenedOut
              .map((s) =>
                t('bench.index.screenedItem', {
                  name: unitName(s.unit, s.name, locale),
                  share: formatNumber(s.dataShare * 100, locale, 0),
                }),
              )
              .join(t('common.listSep')),
          })}
        </Typography.Paragraph>
      ) : null}
      {r.imputed.length ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('bench.index.imputedList', {
            list: r.imputed
              .map(
                (x) =>
                  `${unitName(x.unit, rows.find((s) => s.unit === x.unit)?.name ?? x.unit, locale)} · ${indName(x.indicator)} = ${formatNumber(x.value, locale)}`,
              )
              .join(t('common.semi')),
          })}
        </Typography.Paragraph>
      ) : null}
      {r.shift ? <Typography.Paragraph>{t('bench.index.shiftUsed', { shift: formatNumber(r.shift, locale) })}</Typography.Paragraph> : null}
    </Section>
  );
}

/** The run's spec as JSON, and the button that loads it into the form (when the form can show it). */
export function SpecSection({ run, onLoadSpec }: { run: IndexRun; onLoadSpec: (run: IndexRun) => void }) {
  const { t } = useI18n();
  return (
    <Section title={t('bench.index.spec')}>
      <Collapse
        items={[
          {
            key: 'spec',
            label: t('bench.index.specJson'),
            children: (
              <pre
                style={{ margin: 0, maxHeight: 420, overflow: 'auto', fontSize: 12 }}
                tabIndex={0}
                aria-label={t('bench.index.specJson')}
                data-testid="index-spec-json"
              >
                {JSON.stringify(run.spec, null, 2)}
              </pre>
            ),
          },
        ]}
      />
      <Button style={{ marginTop: 12 }} onClick={() => onLoadSpec(run)} disabled={!loadable(run.spec)} data-testid="index-load-spec">
        {t('bench.index.loadSpec')}
      </Button>
      {!loadable(run.spec) ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('bench.index.treeNotEditable')}
        </Typography.Paragraph>
      ) : null}
    </Section>
  );
}
