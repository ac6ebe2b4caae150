import { useQueries, useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { benchmarkIndicatorsQuery, peerGroupsQuery, rankingsQuery, type Rankings, type RankingRow } from '../../api/benchmarks';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { StatusTag } from '../../components/StatusTag';
import './benchmarks.css';
import { formatNumber } from '../../components/format';
import { groupName, nameOf, unitName } from './benchText';
import { BenchTabs, FilterBar, GroupSelect, YearSelect } from './controls';
import { HOME_UNIT } from './districts';
import { checkRow } from './rankCheck';
import { RankCheckTag } from './RankCheckTag';
import { benchSearch, useBenchParams } from './useBenchParams';

interface UnitRow {
  unit: string;
  name: string;
  /** indicator code → that indicator's row for the unit. */
  cells: Record<string, RankingRow | undefined>;
}

/** The table's columns: the unit, then per indicator its value, rank and (when published) the published rank. */
function useCompareColumns(all: Rankings[], search: string): TableColumnsType<UnitRow> {
  const { t, locale } = useI18n();
  const rankedOf = (d: Rankings) => d.rows.filter((r) => r.rank !== null).length;
  return [
    {
      key: 'unit',
      title: t('bench.col.unit'),
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/benchmarks/profile/${r.unit}${search}`} style={r.unit === HOME_UNIT ? { fontWeight: 600 } : undefined}>
            {unitName(r.unit, r.name, locale)}
          </Link>
          {r.unit === HOME_UNIT ? (
            <>
              {' '}
              <StatusTag tone="info">{t('bench.home')}</StatusTag>
            </>
          ) : null}
        </span>
      ),
    },
    ...all.map((d) => {
      const ind = d.indicator;
      const ranked = rankedOf(d);
      return {
        key: ind.code,
        title: (
          <span>
            {nameOf(ind, locale)}
            <br />
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('bench.compare.ofUnits', { unit: ind.unit, n: ranked })}
            </Typography.Text>
          </span>
        ),
        children: [
          {
            key: `${ind.code}-value`,
            title: t('bench.compare.value'),
            align: 'right' as const,
            sorter: (a: UnitRow, b: UnitRow) => (a.cells[ind.code]?.value ?? -Infinity) - (b.cells[ind.code]?.value ?? -Infinity),
            render: (_: unknown, r: UnitRow) => {
              const v = r.cells[ind.code]?.value;
              return v === null || v === undefined ? '—' : formatNumber(v, locale, ind.decimals);
            },
          },
          {
            key: `${ind.code}-rank`,
            title: t('bench.compare.rank'),
            align: 'right' as const,
            sorter: (a: UnitRow, b: UnitRow) => (a.cells[ind.code]?.rank ?? Infinity) - (b.cells[ind.code]?.rank ?? Infinity),
            render: (_: unknown, r: UnitRow) => {
              const c = r.cells[ind.code];
              return <span data-testid={`compare-rank-${ind.code}-${r.unit}`}>{c?.rank ?? '—'}</span>;
            },
          },
          ...(ind.publishedRankElement
            ? [
                {
                  key: `${ind.code}-published`,
                  title: t('bench.compare.publishedRank'),
                  align: 'right' as const,
                  render: (_: unknown, r: UnitRow) => {
                    const c = r.cells[ind.code];
                    if (!c || c.publishedRank === null) return '—';
                    const check = checkRow(c, d.rows, ranked);
                    // Only a difference is tagged: agreement is the plain case and would crowd the table.
                    return (
                      <span style={{ whiteSpace: 'nowrap' }}>
                        {c.publishedRank}
                        {check.status === 'differs' ? (
                          <>
                            {' '}
                            <RankCheckTag row={c} check={check} ind={ind} ranked={ranked} />
                          </>
                        ) : null}
                      </span>
                    );
                  },
                },
              ]
            : []),
        ],
      };
    }),
  ];
}

/** 对标比较: every unit of a peer group against every indicator, value and rank, the home county highlighted. */
export default function ComparePage() {
  const { t, locale } = useI18n();
  const params = useBenchParams();
  const { year, group, set } = params;
  const inds = useQuery(benchmarkIndicatorsQuery());
  const groups = useQuery(peerGroupsQuery());
  const rankings = useQueries({
    queries: (inds.data ?? []).map((i) => rankingsQuery(i.code, year, group)),
  });
  const failed = rankings.find((q) => q.isError) ?? (inds.isError ? inds : undefined);
  const all = rankings.map((q) => q.data).filter((d): d is Rankings => d !== undefined);
  const ready = inds.data !== undefined && all.length === inds.data.length;
  const fetching = rankings.some((q) => q.isFetching);
  const groupInfo = groups.data?.find((g) => g.code === group);

  const first = all[0];
  const rows: UnitRow[] = (first?.rows ?? []).map((r) => ({
    unit: r.unit,
    name: r.name,
    cells: Object.fromEntries(all.map((d) => [d.indicator.code, d.rows.find((x) => x.unit === r.unit)])),
  }));
  const search = benchSearch({ year, group });

  const columns = useCompareColumns(all, search);

  const exportTable = () => ({
    title: t('bench.compare.exportTitle', { year, group: groupInfo ? groupName(groupInfo, locale) : group }),
    columns: [
      { key: 'code', title: t('bench.col.code') },
      { key: 'name', title: t('bench.col.unit') },
      ...all.flatMap((d) => [
        {
          key: `${d.indicator.code}.value`,
          title: t('bench.compare.exportValue', { name: nameOf(d.indicator, locale), unit: d.indicator.unit }),
        },
        { key: `${d.indicator.code}.rank`, title: t('bench.compare.exportRank', { name: nameOf(d.indicator, locale) }) },
        ...(d.indicator.publishedRankElement
          ? [{ key: `${d.indicator.code}.published`, title: t('bench.compare.exportPublished', { name: nameOf(d.indicator, locale) }) }]
          : []),
      ]),
    ],
    rows: rows.map((r) => ({
      code: r.unit,
      name: unitName(r.unit, r.name, locale),
      ...Object.fromEntries(
        all.flatMap((d) => [
          [`${d.indicator.code}.value`, r.cells[d.indicator.code]?.value ?? null],
          [`${d.indicator.code}.rank`, r.cells[d.indicator.code]?.rank ?? null],
          [`${d.indicator.code}.published`, r.cells[d.indicator.code]?.publishedRank ?? null],
        ]),
      ),
    })),
  });

  return (
    <>
      <PageTitle titleKey="bench.compare.title" />
      <BenchTabs params={params} />
      <FilterBar>
        <YearSelect id="compare-year" value={year} onChange={(y) => set({ year: y })} />
        <GroupSelect id="compare-group" value={group} onChange={(g) => set({ group: g })} />
      </FilterBar>
      {failed ? <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      {!ready && !failed ? <Loading /> : null}
      {ready ? (
        <Section
          title={t('bench.compare.table', { year, group: groupInfo ? groupName(groupInfo, locale) : group })}
          extra={<ExportButton table={exportTable} data-testid="compare-export" />}
        >
          <Typography.Paragraph type="secondary">{t('bench.compare.hint')}</Typography.Paragraph>
          <div aria-busy={fetching}>
            <ScrollRegion label={t('bench.compare.region')}>
              <Table<UnitRow>
                rowKey="unit"
                size="small"
                bordered
                columns={columns}
                dataSource={rows}
                pagination={false}
                rowClassName={(r) => (r.unit === HOME_UNIT ? 'kc-bench-home' : '')}
                onRow={(r) => ({ 'data-testid': `compare-row-${r.unit}` }) as HTMLAttributes<HTMLElement>}
                data-testid="compare-table"
              />
            </ScrollRegion>
          </div>
        </Section>
      ) : null}
    </>
  );
}
