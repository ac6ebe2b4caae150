import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Form, List, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { STRENGTHS_COUNT, type OutlierReport, type UnitScore } from '../../../../common/benchmarks';
import { benchmarkIndicatorsQuery, peerGroupsQuery, type IndexRun } from '../../api/benchmarks';
import { useI18n } from '../../app/i18n';
import EChart from '../../components/EChart';
import { ExportButton } from '../../components/ExportButton';
import { formatBeijing, formatNumber } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { StatusTag } from '../../components/StatusTag';
import { groupName, nameOf, unitName, unitShort } from './benchText';
import { barsHeight, intervalOption, type IntervalRow } from './charts';
import { HOME_UNIT } from './districts';
import { loadable } from './indexSpec';

type Interval = NonNullable<IndexRun['result']['uncertainty']>['perUnit'][number];
interface ScoreRow extends UnitScore {
  interval: Interval | undefined;
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

/** Scores, rank intervals, strengths and weaknesses, outlier treatment, warnings and the spec of one run. */
export function IndexResults({ run, storedName, onLoadSpec }: { run: IndexRun; storedName?: string; onLoadSpec: (run: IndexRun) => void }) {
  const { t, locale } = useI18n();
  const inds = useQuery(benchmarkIndicatorsQuery()).data ?? [];
  const groupInfo = useQuery(peerGroupsQuery()).data?.find((g) => g.code === run.group);
  const r = run.result;
  const unc = r.uncertainty;
  const [picked, setPicked] = useState<string | null>(null);
  const selected = picked && r.strengths[picked] ? picked : r.strengths[HOME_UNIT] ? HOME_UNIT : (r.scores[0]?.unit ?? '');
  const indName = (code: string) => {
    const ind = inds.find((i) => i.code === code);
    return ind ? nameOf(ind, locale) : code;
  };
  const n = r.scores.filter((s) => s.rank !== null).length;
  const intervals = useMemo(() => new Map((unc?.perUnit ?? []).map((p) => [p.unit, p])), [unc]);
  const rows: ScoreRow[] = r.scores.map((s) => ({ ...s, interval: intervals.get(s.unit) }));
  const home = rows.find((s) => s.unit === HOME_UNIT);
  const score = (v: number | null) => (v === null ? '—' : formatNumber(v, locale, 2));
  const intervalText = (p: Interval | undefined) => (p ? t('bench.index.intervalText', { p05: p.p05, p95: p.p95 }) : '—');
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

  const columns: TableColumnsType<ScoreRow> = [
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

  const exportTable = () => ({
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
  });

  const outlierColumns: TableColumnsType<OutlierReport> = [
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
          value={intervalText(homeInterval)}
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
        {r.shift ? (
          <Typography.Paragraph>{t('bench.index.shiftUsed', { shift: formatNumber(r.shift, locale) })}</Typography.Paragraph>
        ) : null}
      </Section>

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
    </div>
  );
}
