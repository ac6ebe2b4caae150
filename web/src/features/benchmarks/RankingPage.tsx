import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { peerGroupsQuery, rankingsQuery } from '../../api/benchmarks';
import { BENCHMARK_EDITORS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import './benchmarks.css';
import { groupName, nameOf } from './benchText';
import { BenchTabs, FilterBar, GroupSelect, IndicatorSelect, YearSelect } from './controls';
import { GroupModal } from './GroupModal';
import { RankingChart } from './RankingChart';
import { HomeCheck, RankingSummary } from './RankingSummary';
import { RankingTable } from './RankingTable';
import { TileMap } from './TileMap';
import { useBenchParams } from './useBenchParams';

/** 排名: one indicator, one year, one peer group; the home county highlighted throughout. */
export default function RankingPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const params = useBenchParams();
  const { indicator, year, group, set } = params;
  const [creating, setCreating] = useState(false);
  const groups = useQuery(peerGroupsQuery());
  const query = useQuery(rankingsQuery(indicator, year, group));
  const data = query.data;
  const members = groups.data?.find((g) => g.code === group)?.members ?? data?.rows.map((r) => r.unit) ?? [];
  const noData = data !== undefined && data.rows.every((r) => r.value === null);

  return (
    <>
      <PageTitle titleKey="bench.title" />
      <BenchTabs params={params} />
      <FilterBar>
        <IndicatorSelect id="ranking-indicator" value={indicator} onChange={(code) => set({ indicator: code })} />
        <YearSelect id="ranking-year" value={year} onChange={(y) => set({ year: y })} />
        <GroupSelect id="ranking-group" value={group} onChange={(g) => set({ group: g })} />
        {mayUse(me, BENCHMARK_EDITORS) ? (
          <Form.Item>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="group-create">
              {t('bench.group.create')}
            </Button>
          </Form.Item>
        ) : null}
      </FilterBar>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!data && query.isPending ? <Loading /> : null}
      {data ? (
        <div aria-busy={query.isFetching} data-testid="ranking-page" data-indicator={data.indicator.code} data-year={data.year}>
          <Typography.Paragraph>
            {t('bench.ranking.scopeLine', {
              indicator: nameOf(data.indicator, locale),
              year: data.year,
              group: groupName(data.group, locale),
              direction: t(data.indicator.direction === 1 ? 'bench.direction.up' : 'bench.direction.down'),
            })}
          </Typography.Paragraph>
          {noData ? (
            <Alert type="info" showIcon title={t('bench.ranking.noData', { year: data.year })} style={{ marginBottom: 16 }} />
          ) : null}
          <HomeCheck data={data} />
          <RankingSummary data={data} />
          <Section title={t('bench.ranking.chart')} testId="ranking-chart-section">
            <RankingChart data={data} />
          </Section>
          <Section title={t('bench.tiles.title')} testId="tile-map-section">
            <TileMap data={data} members={members} />
          </Section>
          <Section title={t('bench.ranking.table')}>
            <RankingTable data={data} />
          </Section>
        </div>
      ) : null}
      <GroupModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(g) => {
          setCreating(false);
          set({ group: g.code });
        }}
      />
    </>
  );
}
