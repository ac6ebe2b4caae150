import { Alert, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Rankings } from '../../api/benchmarks';
import { useI18n } from '../../app/i18n';
import { fineDecimals, unitName, valueText } from './benchText';
import { HOME_UNIT } from './districts';
import { checkRow } from './rankCheck';

function Figure({ label, value, note, testId }: { label: string; value: ReactNode; note?: ReactNode; testId: string }) {
  return (
    <Card size="small" data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4 }}>{value}</div>
      {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
    </Card>
  );
}

/** The home county's rank of N and value, the group's average and its best. */
export function RankingSummary({ data }: { data: Rankings }) {
  const { t, locale } = useI18n();
  const ind = data.indicator;
  const ranked = data.rows.filter((r) => r.rank !== null).length;
  const home = data.rows.find((r) => r.unit === HOME_UNIT);
  const homeName = home ? unitName(home.unit, home.name, locale) : '';
  const leaders = data.rows.filter((r) => r.rank === 1).map((r) => unitName(r.unit, r.name, locale));

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 16, marginBottom: 16 }}>
      <Figure
        testId="summary-rank"
        label={t('bench.summary.rank', { name: homeName || t('bench.home') })}
        value={home?.rank ? t('bench.rankOf', { rank: home.rank, n: ranked }) : '—'}
        note={
          !home
            ? t('bench.summary.notInGroup')
            : home.publishedRank !== null
              ? t('bench.summary.publishedRank', { rank: home.publishedRank })
              : home.rank === null
                ? t('bench.noValue')
                : undefined
        }
      />
      <Figure
        testId="summary-value"
        label={t('bench.summary.value', { name: homeName || t('bench.home') })}
        value={home ? valueText(ind, home.value, locale) : '—'}
        note={
          home?.publishedValue !== null && home?.publishedValue !== undefined
            ? t('bench.summary.valueFine', {
                fine: valueText(ind, home.value, locale, fineDecimals(ind)),
                published: valueText(ind, home.publishedValue, locale),
              })
            : undefined
        }
      />
      <Figure
        testId="summary-average"
        label={t('bench.summary.average')}
        value={valueText(ind, data.average, locale)}
        note={t('bench.summary.averageNote', { n: ranked })}
      />
      <Figure
        testId="summary-best"
        label={t('bench.summary.best')}
        value={valueText(ind, data.best, locale)}
        note={leaders.join(t('common.listSep')) || undefined}
      />
    </div>
  );
}

/**
 * The home county's computed rank, published value, the rank of the published column and the published rank,
 * side by side, with why they differ. Shown whenever anything published exists for it.
 */
export function HomeCheck({ data }: { data: Rankings }) {
  const { t, locale } = useI18n();
  const ind = data.indicator;
  const home = data.rows.find((r) => r.unit === HOME_UNIT);
  if (!home) return null;
  const ranked = data.rows.filter((r) => r.rank !== null).length;
  const check = checkRow(home, data.rows, ranked);
  if (check.status === 'none') return null;
  const name = unitName(home.unit, home.name, locale);
  const cell = (label: string, value: ReactNode, testId: string) => (
    <div>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 18, fontWeight: 600 }} data-testid={testId}>
        {value}
      </div>
    </div>
  );
  const why: string[] = [];
  if (check.reasons.includes('rounding')) why.push(t('bench.check.why.rounding'));
  if (check.reasons.includes('scope')) why.push(t('bench.check.why.scope', { n: check.groupSize }));
  else if (check.reasons.includes('coverage')) why.push(t('bench.check.why.coverage', { n: ranked }));
  else if (check.reasons.includes('published_rank')) why.push(t('bench.check.why.publishedRank'));
  if (check.reasons.includes('value')) why.push(t('bench.check.why.value'));

  return (
    <Alert
      type={check.status === 'match' ? 'success' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="home-check"
      title={t(check.status === 'match' ? 'bench.homeCheck.match' : 'bench.homeCheck.differs', { name })}
      description={
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 32px', margin: '8px 0' }}>
            {cell(
              t('bench.homeCheck.computedRank'),
              home.rank === null ? '—' : t('bench.rankOf', { rank: home.rank, n: ranked }),
              'home-computed-rank',
            )}
            {cell(t('bench.homeCheck.computedValue'), valueText(ind, home.value, locale, fineDecimals(ind)), 'home-computed-value')}
            {home.publishedValue !== null
              ? cell(t('bench.col.publishedValue'), valueText(ind, home.publishedValue, locale), 'home-published-value')
              : null}
            {home.publishedValueRank !== null
              ? cell(
                  t('bench.col.publishedValueRank'),
                  check.publishedTies > 1
                    ? t('bench.homeCheck.rankTied', { rank: home.publishedValueRank, ties: check.publishedTies })
                    : t('bench.homeCheck.rank', { rank: home.publishedValueRank }),
                  'home-published-value-rank',
                )
              : null}
            {home.publishedRank !== null
              ? cell(t('bench.col.publishedRank'), t('bench.homeCheck.rank', { rank: home.publishedRank }), 'home-published-rank')
              : null}
          </div>
          {why.length ? <div>{why.join(t('bench.sentenceSep'))}</div> : null}
          {check.status === 'differs' ? <div>{t('bench.check.allShown')}</div> : null}
        </>
      }
    />
  );
}
