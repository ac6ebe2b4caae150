import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { Rankings, RankingRow } from '../../api/benchmarks';
import { useI18n } from '../../app/i18n';
import { ExportButton } from '../../components/ExportButton';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { fineDecimals, groupName, nameOf, signedText, unitName, valueText } from './benchText';
import { HOME_UNIT } from './districts';
import { checkRow } from './rankCheck';
import { checkSentences, RankCheckTag } from './RankCheckTag';
import { benchSearch } from './useBenchParams';

const UP = '#237804';
const DOWN = '#a8071a';

/** The published value, its rank and the published rank (those the indicator has), and the check of them against ours. */
function usePublishedColumns(data: Rankings): TableColumnsType<RankingRow> {
  const { t, locale } = useI18n();
  const ind = data.indicator;
  const rows = data.rows;
  const ranked = rows.filter((r) => r.rank !== null).length;
  const hasPublishedValue = ind.publishedValueElement !== null;
  const hasPublishedRank = ind.publishedRankElement !== null;
  return [
    ...(hasPublishedValue
      ? [
          {
            key: 'published',
            title: t('bench.col.publishedValue'),
            align: 'right' as const,
            render: (_: unknown, r: RankingRow) => (
              <span data-testid={`published-value-${r.unit}`}>{valueText(ind, r.publishedValue, locale)}</span>
            ),
          },
          {
            key: 'publishedValueRank',
            title: (
              <Tooltip title={t('bench.col.publishedValueRankTip')}>
                <span>{t('bench.col.publishedValueRank')}</span>
              </Tooltip>
            ),
            align: 'right' as const,
            render: (_: unknown, r: RankingRow) => (
              <span data-testid={`published-value-rank-${r.unit}`}>{r.publishedValueRank ?? '—'}</span>
            ),
          },
        ]
      : []),
    ...(hasPublishedRank
      ? [
          {
            key: 'publishedRank',
            title: (
              <Tooltip title={t('bench.col.publishedRankTip')}>
                <span>{t('bench.col.publishedRank')}</span>
              </Tooltip>
            ),
            align: 'right' as const,
            render: (_: unknown, r: RankingRow) => <span data-testid={`published-rank-${r.unit}`}>{r.publishedRank ?? '—'}</span>,
          },
        ]
      : []),
    ...(hasPublishedValue || hasPublishedRank
      ? [
          {
            key: 'check',
            title: t('bench.col.check'),
            render: (_: unknown, r: RankingRow) => <RankCheckTag row={r} check={checkRow(r, rows, ranked)} ind={ind} ranked={ranked} />,
          },
        ]
      : []),
  ];
}

/** The columns: rank, change, unit, value and distances, then the published figures. */
function useRankingColumns(data: Rankings): TableColumnsType<RankingRow> {
  const { t, locale } = useI18n();
  const published = usePublishedColumns(data);
  const ind = data.indicator;
  const rows = data.rows;
  const tied = (r: RankingRow) => r.rank !== null && rows.filter((x) => x.rank === r.rank).length > 1;
  const hasPublishedValue = ind.publishedValueElement !== null;
  const fine = fineDecimals(ind);
  const profileLink = (unit: string) => `/benchmarks/profile/${unit}${benchSearch({ year: data.year, group: data.group.code })}`;

  const changeText = (r: RankingRow) => {
    if (r.rankChange === null) return t('bench.change.none');
    if (r.rankChange > 0) return t('bench.change.up', { n: r.rankChange });
    if (r.rankChange < 0) return t('bench.change.down', { n: -r.rankChange });
    return t('bench.change.same');
  };

  return [
    {
      key: 'rank',
      title: t('bench.col.rank'),
      width: 80,
      render: (_, r) =>
        r.rank === null ? (
          <span title={t('bench.noValue')}>—</span>
        ) : (
          <span data-testid={`rank-${r.unit}`}>
            {r.rank}
            {tied(r) ? <span style={{ color: '#595959' }}> {t('bench.tied')}</span> : null}
          </span>
        ),
    },
    {
      key: 'change',
      title: t('bench.col.change'),
      width: 90,
      render: (_, r) => {
        const text = changeText(r);
        if (r.rankChange === null) return <span title={text}>—</span>;
        if (r.rankChange === 0) return <span title={text}>＝</span>;
        const up = r.rankChange > 0;
        return (
          <span style={{ color: up ? UP : DOWN, whiteSpace: 'nowrap' }} title={text}>
            {up ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {Math.abs(r.rankChange)}
            <span className="kc-sr-only">{text}</span>
          </span>
        );
      },
    },
    {
      key: 'name',
      title: t('bench.col.unit'),
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Link to={profileLink(r.unit)} style={r.unit === HOME_UNIT ? { fontWeight: 600 } : undefined}>
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
    {
      key: 'value',
      title: hasPublishedValue ? t('bench.col.computed', { unit: ind.unit }) : t('bench.col.value', { unit: ind.unit }),
      align: 'right',
      render: (_, r) =>
        r.value === null ? (
          <span title={t('bench.missing', { names: r.missing.join(t('common.listSep')) })}>{t('bench.noValue')}</span>
        ) : (
          valueText(ind, r.value, locale, fine)
        ),
    },
    {
      key: 'toAverage',
      title: t('bench.col.toAverage'),
      align: 'right',
      render: (_, r) => signedText(ind, r.distanceToAverage, locale),
    },
    { key: 'toBest', title: t('bench.col.toBest'), align: 'right', render: (_, r) => signedText(ind, r.distanceToBest, locale) },
    ...published,
  ];
}

/** Every unit of the group with its rank, change, value, distances and the published figures beside. */
export function RankingTable({ data }: { data: Rankings }) {
  const { t, locale } = useI18n();
  const ind = data.indicator;
  const rows = data.rows;
  const ranked = rows.filter((r) => r.rank !== null).length;
  const hasPublishedValue = ind.publishedValueElement !== null;
  const hasPublishedRank = ind.publishedRankElement !== null;
  const columns = useRankingColumns(data);

  const exportTable = () => ({
    title: t('bench.ranking.exportTitle', { indicator: nameOf(ind, locale), year: data.year, group: groupName(data.group, locale) }),
    columns: [
      { key: 'rank', title: t('bench.col.rank') },
      { key: 'change', title: t('bench.col.change') },
      { key: 'code', title: t('bench.col.code') },
      { key: 'name', title: t('bench.col.unit') },
      { key: 'value', title: t('bench.col.valueFull', { unit: ind.unit }) },
      { key: 'toAverage', title: t('bench.col.toAverage') },
      { key: 'toBest', title: t('bench.col.toBest') },
      ...(hasPublishedValue
        ? [
            { key: 'published', title: t('bench.col.publishedValue') },
            { key: 'publishedValueRank', title: t('bench.col.publishedValueRank') },
          ]
        : []),
      ...(hasPublishedRank ? [{ key: 'publishedRank', title: t('bench.col.publishedRank') }] : []),
      ...(hasPublishedValue || hasPublishedRank ? [{ key: 'check', title: t('bench.col.check') }] : []),
    ],
    rows: rows.map((r) => {
      const check = checkRow(r, rows, ranked);
      return {
        rank: r.rank,
        change: r.rankChange,
        code: r.unit,
        name: unitName(r.unit, r.name, locale),
        value: r.value,
        toAverage: r.distanceToAverage,
        toBest: r.distanceToBest,
        published: r.publishedValue,
        publishedValueRank: r.publishedValueRank,
        publishedRank: r.publishedRank,
        check:
          check.status === 'none'
            ? ''
            : t('bench.check.summary', {
                status: t(check.status === 'match' ? 'bench.check.match' : 'bench.check.differs'),
                text: checkSentences(r, check, ind, ranked, t, locale).join(t('bench.sentenceSep')),
              }),
      };
    }),
  });

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButton table={exportTable} data-testid="ranking-export" />
      </div>
      <ScrollRegion label={t('bench.ranking.tableRegion')}>
        <Table<RankingRow>
          rowKey="unit"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          rowClassName={(r) => (r.unit === HOME_UNIT ? 'kc-bench-home' : '')}
          onRow={(r) => ({ 'data-testid': `ranking-row-${r.unit}` }) as HTMLAttributes<HTMLElement>}
          data-testid="ranking-table"
        />
      </ScrollRegion>
    </>
  );
}
