import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Form, List, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Locale } from '../../../../common/enums';
import {
  benchmarkIndicatorsQuery,
  peerGroupsQuery,
  profileQuery,
  rankingsQuery,
  type BenchmarkIndicator,
  type ProfileItem,
  type Rankings,
} from '../../api/benchmarks';
import { orgUnitsQuery } from '../../api/orgunits';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n, type TFunction } from '../../app/i18n';
import EChart from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { Section } from '../../components/Section';
import { groupName, nameOf, percentile, signedText, unitName, valueText } from './benchText';
import { barsHeight, percentileOption, type PercentileBar } from './charts';
import { BenchTabs, FilterBar, GroupSelect, YearSelect } from './controls';
import { districtOf, HOME_UNIT } from './districts';
import { checkRow } from './rankCheck';
import { RankCheckTag } from './RankCheckTag';
import { benchSearch, useBenchParams } from './useBenchParams';

/** What the table, the export and the strength lists share: the texts, the unit, the indicators and the published rankings. */
interface ProfileCtx {
  t: TFunction;
  locale: Locale;
  unit: string;
  indFor: (item: ProfileItem) => Pick<BenchmarkIndicator, 'unit' | 'decimals'>;
  rankText: (item: ProfileItem) => string;
  rankingOf: Map<string, Rankings>;
  indOf: Map<string, BenchmarkIndicator>;
}

/** The profile table's columns: value, rank (partial when not every member has a value), average, position, published rank. */
function profileColumns(c: ProfileCtx, groupSize: number): TableColumnsType<ProfileItem> {
  const { t, locale, unit, indFor, rankText, rankingOf, indOf } = c;
  return [
    { key: 'name', title: t('bench.indicator'), render: (_, x) => nameOf(x, locale) },
    { key: 'value', title: t('bench.compare.value'), align: 'right', render: (_, x) => valueText(indFor(x), x.value, locale) },
    {
      key: 'rank',
      title: t('bench.profile.rank'),
      align: 'right',
      render: (_, x) => (
        <span data-testid={`profile-rank-${x.indicator}`} style={{ whiteSpace: 'nowrap' }}>
          {rankText(x)}
          {x.of > 0 && x.of < groupSize ? (
            <Typography.Text type="secondary"> {t('bench.profile.partial', { n: x.of, of: groupSize })}</Typography.Text>
          ) : null}
        </span>
      ),
    },
    { key: 'average', title: t('bench.summary.average'), align: 'right', render: (_, x) => valueText(indFor(x), x.average, locale) },
    {
      key: 'toAverage',
      title: t('bench.col.toAverage'),
      align: 'right',
      render: (_, x) => signedText(indFor(x), x.value !== null && x.average !== null ? x.value - x.average : null, locale),
    },
    {
      key: 'position',
      title: t('bench.profile.position'),
      align: 'right',
      render: (_, x) => percentile(x.rank, x.of) ?? '—',
    },
    {
      key: 'published',
      title: t('bench.col.publishedRank'),
      render: (_, x) => {
        const d = rankingOf.get(x.indicator);
        const row = d?.rows.find((r) => r.unit === unit);
        const ind = indOf.get(x.indicator);
        if (!d || !row || !ind) return '—';
        const ranked = d.rows.filter((r) => r.rank !== null).length;
        const check = checkRow(row, d.rows, ranked);
        if (check.status === 'none') return '—';
        return (
          <span style={{ whiteSpace: 'nowrap' }} data-testid={`profile-published-${x.indicator}`}>
            {row.publishedRank ?? '—'} <RankCheckTag row={row} check={check} ind={ind} ranked={ranked} />
          </span>
        );
      },
    },
  ];
}

/** The profile table as a spreadsheet. */
function profileExport(c: ProfileCtx, title: string, items: ProfileItem[]) {
  const { t, locale, unit, rankingOf } = c;
  return {
    title,
    columns: [
      { key: 'name', title: t('bench.indicator') },
      { key: 'unit', title: t('common.unit') },
      { key: 'value', title: t('bench.compare.value') },
      { key: 'rank', title: t('bench.compare.rank') },
      { key: 'of', title: t('bench.profile.of') },
      { key: 'average', title: t('bench.summary.average') },
      { key: 'position', title: t('bench.profile.position') },
      { key: 'published', title: t('bench.col.publishedRank') },
    ],
    rows: items.map((x) => ({
      name: nameOf(x, locale),
      unit: x.unit,
      value: x.value,
      rank: x.rank,
      of: x.of,
      average: x.average,
      position: percentile(x.rank, x.of),
      published: rankingOf.get(x.indicator)?.rows.find((r) => r.unit === unit)?.publishedRank ?? null,
    })),
  };
}

/** A card listing strengths or weaknesses: each indicator with its rank and value. */
function swList(c: ProfileCtx, title: string, items: ProfileItem[], testId: string, tone: string) {
  const { t, locale, indFor, rankText } = c;
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 15, margin: 0, color: tone }}>
          {title}
        </Typography.Title>
      }
      data-testid={testId}
    >
      <List<ProfileItem>
        dataSource={items}
        locale={{ emptyText: t('common.none') }}
        renderItem={(x) => (
          <List.Item>
            <span>{nameOf(x, locale)}</span>
            <span style={{ whiteSpace: 'nowrap' }}>
              {rankText(x)} · {valueText(indFor(x), x.value, locale)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 区县画像: one unit against its peer group on every indicator, with its strengths and weaknesses. */
export default function ProfilePage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { unit: unitParam } = useParams();
  const unit = unitParam ?? HOME_UNIT;
  const params = useBenchParams();
  const { year, group, set } = params;
  const groups = useQuery(peerGroupsQuery());
  const inds = useQuery(benchmarkIndicatorsQuery());
  const units = useQuery(orgUnitsQuery()).data?.items;
  const groupInfo = groups.data?.find((g) => g.code === group);
  const inGroup = groupInfo ? groupInfo.members.includes(unit) : true;
  const query = useQuery({ ...profileQuery(unit, year, group), enabled: inGroup });
  const data = query.data?.unit === unit ? query.data : undefined;

  // The profile answer has no published figures: the rankings of the indicators that have them do.
  const published = (inds.data ?? []).filter((i) => i.publishedRankElement || i.publishedValueElement);
  const publishedRankings = useQueries({
    queries: published.map((i) => ({ ...rankingsQuery(i.code, year, group), enabled: inGroup })),
  });
  const rankingOf = new Map(
    publishedRankings
      .map((q) => q.data)
      .filter((d): d is Rankings => d !== undefined)
      .map((d) => [d.indicator.code, d]),
  );
  const indOf = new Map((inds.data ?? []).map((i) => [i.code, i]));

  const names = useMemo(() => new Map((units ?? []).map((u) => [u.code, u.name])), [units]);
  const nameFor = (code: string) => unitName(code, names.get(code) ?? districtOf(code)?.zh ?? code, locale);
  const unitLabel = nameFor(unit);
  const search = benchSearch({ year, group });
  const indFor = (item: ProfileItem): Pick<BenchmarkIndicator, 'unit' | 'decimals'> => ({
    unit: item.unit,
    decimals: indOf.get(item.indicator)?.decimals ?? 2,
  });
  const rankText = (item: ProfileItem) => (item.rank === null ? '—' : t('bench.rankOf', { rank: item.rank, n: item.of }));
  const groupSize = groupInfo?.members.length ?? 0;

  const bars: PercentileBar[] = (data?.items ?? []).map((item) => ({
    label: nameOf(item, locale),
    value: percentile(item.rank, item.of),
    detail: `${rankText(item)} · ${valueText(indFor(item), item.value, locale)}`,
  }));
  const chartLabel = t('bench.profile.chartLabel', {
    name: unitLabel,
    year,
    items: bars.map((b) => `${b.label} ${b.value ?? '—'}`).join(t('common.sep')),
  });

  const c: ProfileCtx = { t, locale, unit, indFor, rankText, rankingOf, indOf };
  const columns = profileColumns(c, groupSize);

  const exportTable = () =>
    profileExport(c, t('bench.profile.exportTitle', { name: unitLabel, year, group: groupName(groupInfo, locale) }), data?.items ?? []);

  const unitOptions = (groupInfo?.members ?? [unit]).map((code) => ({ value: code, label: nameFor(code) }));

  return (
    <>
      <PageTitle titleKey="bench.profile.title" text={t('bench.profile.titleOf', { name: unitLabel })} />
      <BenchTabs params={params} />
      <FilterBar>
        <Form.Item label={t('bench.profile.unit')} htmlFor="profile-unit">
          <Select<string>
            id="profile-unit"
            showSearch={{ optionFilterProp: 'label' }}
            value={unit}
            options={unitOptions}
            onChange={(code) => void navigate(`/benchmarks/profile/${code}${search}`)}
            style={{ width: 240 }}
            data-testid="profile-unit"
          />
        </Form.Item>
        <YearSelect id="profile-year" value={year} onChange={(y) => set({ year: y })} />
        <GroupSelect id="profile-group" value={group} onChange={(g) => set({ group: g })} />
      </FilterBar>
      {!inGroup ? <Alert type="info" showIcon title={t('bench.profile.notInGroup', { name: unitLabel })} /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {inGroup && !data && !query.isError ? <Loading /> : null}
      {data ? (
        <div aria-busy={query.isFetching} data-testid="profile-page">
          <Typography.Paragraph>
            {t('bench.profile.scopeLine', { name: unitLabel, year, group: groupName(groupInfo, locale) })}
          </Typography.Paragraph>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: 16, marginBottom: 16 }}>
            {swList(c, t('bench.profile.strengths'), data.strengths, 'profile-strengths', '#237804')}
            {swList(c, t('bench.profile.weaknesses'), data.weaknesses, 'profile-weaknesses', '#a8071a')}
          </div>
          <Typography.Paragraph type="secondary">{t('bench.profile.swNote')}</Typography.Paragraph>
          <Section title={t('bench.profile.chart')}>
            <Typography.Paragraph type="secondary">{t('bench.profile.chartHint')}</Typography.Paragraph>
            <EChart
              option={percentileOption(bars, t)}
              height={barsHeight(bars.length) + 24}
              label={chartLabel}
              data-testid="profile-chart"
            />
          </Section>
          <Section title={t('bench.profile.table')} extra={<ExportButton table={exportTable} data-testid="profile-export" />}>
            <Table<ProfileItem>
              rowKey="indicator"
              size="small"
              columns={columns}
              dataSource={data.items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(x) => ({ 'data-testid': `profile-row-${x.indicator}` }) as HTMLAttributes<HTMLElement>}
              data-testid="profile-table"
            />
          </Section>
        </div>
      ) : null}
    </>
  );
}
