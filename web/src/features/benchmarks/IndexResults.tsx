import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { Locale } from '../../../../common/enums';
import { peerGroupsQuery, type IndexRun, type PeerGroup } from '../../api/benchmarks';
import { useI18n, type TFunction } from '../../app/i18n';
import EChart from '../../components/EChart';
import { ExportButton } from '../../components/ExportButton';
import { formatBeijing } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { StatusTag } from '../../components/StatusTag';
import { groupName, unitName, unitShort } from './benchText';
import { barsHeight, intervalOption, type IntervalRow } from './charts';
import { HOME_UNIT } from './districts';
import {
  HeadlineFigures,
  intervalText as intervalTextOf,
  scoreText,
  SpecSection,
  StrengthsSection,
  TreatmentSection,
  type Interval,
  type ScoreRow,
} from './IndexDetails';

/** The score table's columns: rank, unit (a button that picks it for strengths), score, and the interval when simulated. */
function useScoreColumns(run: IndexRun, setPicked: (unit: string) => void): TableColumnsType<ScoreRow> {
  const { t, locale } = useI18n();
  const unc = run.result.uncertainty;
  const score = (v: number | null) => scoreText(v, locale);
  const intervalText = (p: Interval | undefined) => intervalTextOf(p, t);
  return [
    { key: 'rank', title: t('bench.col.rank'), width: 70, render: (_, s) => s.rank ?? '—' },
    {
      key: 'unit',
      title: t('bench.col.unit'),
      render: (_, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setPicked(s.unit)} title={t('bench.index.pickUnit')}>
            <span style={s.unit === HOME_UNIT ? { fontWeight: 600 } : undefined}>{unitName(s.unit, s.name, locale)}</span>
          </Button>
          {s.unit === HOME_UNIT ? (
            <>
              {' '}
              <StatusTag tone="info">{t('bench.home')}</StatusTag>
            </>
          ) : null}
        </span>
      ),
    },
    { key: 'score', title: t('bench.index.score'), align: 'right', render: (_, s) => score(s.score) },
    ...(unc
      ? [
          {
            key: 'median',
            title: t('bench.index.median'),
            align: 'right' as const,
            render: (_: unknown, s: ScoreRow) => s.interval?.median ?? '—',
          },
          {
            key: 'interval',
            title: t('bench.index.interval'),
            align: 'right' as const,
            render: (_: unknown, s: ScoreRow) => <span data-testid={`interval-${s.unit}`}>{intervalText(s.interval)}</span>,
          },
        ]
      : []),
  ];
}

/** The score table as a spreadsheet. */
function scoreExport(run: IndexRun, rows: ScoreRow[], title: string, groupInfo: PeerGroup | undefined, t: TFunction, locale: Locale) {
  const unc = run.result.uncertainty;
  return {
    title: t('bench.index.exportTitle', { name: title, year: run.year, group: groupName(groupInfo, locale) || run.group }),
    columns: [
      { key: 'rank', title: t('bench.col.rank') },
      { key: 'code', title: t('bench.col.code') },
      { key: 'name', title: t('bench.col.unit') },
      { key: 'score', title: t('bench.index.score') },
      ...(unc
        ? [
            { key: 'median', title: t('bench.index.median') },
            { key: 'p05', title: t('bench.index.p05') },
            { key: 'p95', title: t('bench.index.p95') },
          ]
        : []),
    ],
    rows: rows.map((s) => ({
      rank: s.rank,
      code: s.unit,
      name: unitName(s.unit, s.name, locale),
      score: s.score,
      median: s.interval?.median ?? null,
      p05: s.interval?.p05 ?? null,
      p95: s.interval?.p95 ?? null,
    })),
  };
}

/** Scores, rank intervals, strengths and weaknesses, outlier treatment, warnings and the spec of one run. */
export function IndexResults({ run, storedName, onLoadSpec }: { run: IndexRun; storedName?: string; onLoadSpec: (run: IndexRun) => void }) {
  const { t, locale } = useI18n();
  const groupInfo = useQuery(peerGroupsQuery()).data?.find((g) => g.code === run.group);
  const r = run.result;
  const unc = r.uncertainty;
  const [picked, setPicked] = useState<string | null>(null);
  const selected = picked && r.strengths[picked] ? picked : r.strengths[HOME_UNIT] ? HOME_UNIT : (r.scores[0]?.unit ?? '');
  const n = r.scores.filter((s) => s.rank !== null).length;
  const intervals = useMemo(() => new Map((unc?.perUnit ?? []).map((p) => [p.unit, p])), [unc]);
  const rows: ScoreRow[] = r.scores.map((s) => ({ ...s, interval: intervals.get(s.unit) }));
  const home = rows.find((s) => s.unit === HOME_UNIT);
  const title = run.name ?? storedName ?? t('bench.index.unsaved');

  const chartRows: IntervalRow[] = rows
    .filter((s) => s.interval)
    .map((s) => ({ ...s.interval!, unit: s.unit, label: unitShort(s.unit, s.name, locale) }));
  const homeInterval = home?.interval;
  const chartLabel = t('bench.index.chartLabel', {
    n: chartRows.length,
    runs: unc?.runs ?? 0,
    home: homeInterval
      ? t('bench.index.chartHome', { name: unitName(HOME_UNIT, home.name, locale), ...homeInterval })
      : t('bench.index.chartNoHome'),
  });
  const columns = useScoreColumns(run, setPicked);
  const exportTable = () => scoreExport(run, rows, title, groupInfo, t, locale);

  return (
    <div data-testid="index-results">
      <Typography.Paragraph data-testid="index-run-line">
        {t('bench.index.runLine', {
          name: title,
          year: run.year,
          group: groupName(groupInfo, locale) || run.group,
          when: run.createdAt ? formatBeijing(run.createdAt) : t('bench.index.justNow'),
        })}{' '}
        {run.id ? <StatusTag tone="ok">{t('bench.index.saved')}</StatusTag> : <StatusTag tone="off">{t('bench.index.notSaved')}</StatusTag>}
      </Typography.Paragraph>

      <HeadlineFigures run={run} home={home} n={n} />

      {r.warnings.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('bench.index.warnings', { n: r.warnings.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} lang="en">
              {r.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          data-testid="index-warnings"
        />
      ) : null}

      {unc ? (
        <Section title={t('bench.index.chart')} testId="index-interval-section">
          <Typography.Paragraph type="secondary">{t('bench.index.chartHint', { runs: unc.runs })}</Typography.Paragraph>
          <EChart
            option={intervalOption(chartRows, HOME_UNIT, n, t)}
            height={barsHeight(chartRows.length) + 40}
            label={chartLabel}
            data-testid="index-interval-chart"
          />
        </Section>
      ) : null}

      <Section title={t('bench.index.scores')} extra={<ExportButton table={exportTable} data-testid="index-export" />}>
        <ScrollRegion label={t('bench.index.scores')}>
          <Table<ScoreRow>
            rowKey="unit"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            rowClassName={(s) => (s.unit === HOME_UNIT ? 'kc-bench-home' : '')}
            onRow={(s) => ({ 'data-testid': `index-row-${s.unit}` }) as HTMLAttributes<HTMLElement>}
            data-testid="index-scores"
          />
        </ScrollRegion>
      </Section>

      <StrengthsSection run={run} n={n} selected={selected} setPicked={setPicked} />

      <TreatmentSection run={run} rows={rows} />

      <SpecSection run={run} onLoadSpec={onLoadSpec} />
    </div>
  );
}
