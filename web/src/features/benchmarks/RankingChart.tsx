import { Typography } from 'antd';
import { useMemo } from 'react';
import type { Rankings } from '../../api/benchmarks';
import { useI18n } from '../../app/i18n';
import EChart from '../../components/EChart';
import { groupName, nameOf, unitName, valueText } from './benchText';
import { barsHeight, rankingBarOption } from './charts';
import { HOME_UNIT } from './districts';

/** Every ranked unit as a bar, best at the top, the home county in its own colour and labelled. */
export function RankingChart({ data }: { data: Rankings }) {
  const { t, locale } = useI18n();
  const ind = data.indicator;
  const option = useMemo(() => rankingBarOption(data.rows, ind, data.average, HOME_UNIT, t, locale), [data, ind, t, locale]);
  const ranked = data.rows.filter((r) => r.rank !== null);
  const missing = data.rows.filter((r) => r.rank === null);
  const home = ranked.find((r) => r.unit === HOME_UNIT);
  const first = ranked[0];
  if (ranked.length === 0) return <Typography.Paragraph>{t('bench.ranking.noData', { year: data.year })}</Typography.Paragraph>;

  const label = t('bench.ranking.chartLabel', {
    indicator: nameOf(ind, locale),
    year: data.year,
    group: groupName(data.group, locale),
    n: ranked.length,
    first: first ? `${unitName(first.unit, first.name, locale)} ${valueText(ind, first.value, locale)}` : '—',
    home: home
      ? t('bench.ranking.chartHome', {
          name: unitName(home.unit, home.name, locale),
          rank: home.rank!,
          value: valueText(ind, home.value, locale),
        })
      : '',
    average: valueText(ind, data.average, locale),
  });
  return (
    <>
      <EChart option={option} height={barsHeight(ranked.length)} label={label} data-testid="ranking-chart" />
      {missing.length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('bench.ranking.missing', { names: missing.map((r) => unitName(r.unit, r.name, locale)).join(t('common.listSep')) })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
