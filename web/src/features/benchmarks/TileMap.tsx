import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { Rankings, RankingRow } from '../../api/benchmarks';
import { useI18n } from '../../app/i18n';
import { formatNumber } from '../../components/format';
import { nameOf, unitName, unitShort, valueText } from './benchText';
import { COLORS } from './charts';
import { DISTRICTS, HOME_UNIT, TILE_COLS, TILE_ROWS } from './districts';
import { benchSearch } from './useBenchParams';

/** Five classes by rank, best first, each with a text colour of at least 4.5:1 on it. */
const CLASSES = [
  { bg: '#002c8c', fg: '#ffffff' },
  { bg: '#0958d9', fg: '#ffffff' },
  { bg: '#4096ff', fg: '#141414' },
  { bg: '#91caff', fg: '#141414' },
  { bg: '#e6f4ff', fg: '#141414' },
] as const;
const NO_DATA = { bg: '#f0f0f0', fg: '#434343' };
const OUTSIDE = { bg: '#ffffff', fg: '#595959' };
const TILE_W = 80;
const TILE_H = 60;

const classOf = (rank: number, n: number) => Math.min(CLASSES.length - 1, Math.floor(((rank - 1) / Math.max(n, 1)) * CLASSES.length));

/** The legend: the rank range of each colour class, then no data, outside the group and the home county. */
function TileLegend({ n }: { n: number }) {
  const { t } = useI18n();
  const classRanks = CLASSES.map((_, k) => {
    const from = Math.ceil((k * n) / CLASSES.length) + 1;
    const to = Math.ceil(((k + 1) * n) / CLASSES.length);
    return from < to ? t('bench.tiles.classRanks', { from, to }) : from === to ? t('bench.tiles.classRank', { rank: from }) : '';
  });

  return (
    <div
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 12, alignItems: 'center' }}
      aria-label={t('bench.tiles.legend')}
      role="group"
    >
      <span>{t('bench.tiles.legend')}</span>
      {CLASSES.map((c, k) =>
        classRanks[k] ? (
          <span key={c.bg} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <span aria-hidden style={{ width: 16, height: 16, background: c.bg, border: '1px solid #8c8c8c', display: 'inline-block' }} />
            {classRanks[k]}
          </span>
        ) : null,
      )}
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <span aria-hidden style={{ width: 16, height: 16, background: NO_DATA.bg, border: '1px solid #8c8c8c', display: 'inline-block' }} />
        {t('bench.tiles.noData')}
      </span>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <span
          aria-hidden
          style={{ width: 16, height: 16, background: OUTSIDE.bg, border: '1px dashed #8c8c8c', display: 'inline-block' }}
        />
        {t('bench.tiles.outsideShort')}
      </span>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <span
          aria-hidden
          style={{ width: 14, height: 14, outline: `3px solid ${COLORS.home}`, display: 'inline-block', margin: '0 3px' }}
        />
        {t('bench.tiles.home')}
      </span>
    </div>
  );
}

/**
 * The 38 districts as a grid of labelled squares, coloured by rank class of the selected indicator. A schematic,
 * not a map: the caption says so, in both languages, and the squares carry no boundaries.
 */
export function TileMap({ data, members }: { data: Rankings; members: readonly string[] }) {
  const { t, locale } = useI18n();
  const ind = data.indicator;
  const byUnit = new Map(data.rows.map((r) => [r.unit, r]));
  const inGroup = new Set(members);
  const n = data.rows.filter((r) => r.rank !== null).length;
  const unplaced = data.rows.filter((r) => !DISTRICTS.some((d) => d.code === r.unit));
  const search = benchSearch({ year: data.year, group: data.group.code });

  const tile = (code: string, zh: string): { style: CSSProperties; text: string; row: RankingRow | undefined } => {
    const row = byUnit.get(code);
    const name = unitShort(code, row?.name ?? zh, locale);
    if (!inGroup.has(code) || !row)
      return { style: { background: OUTSIDE.bg, color: OUTSIDE.fg, border: '1px dashed #8c8c8c' }, text: name, row };
    if (row.rank === null) return { style: { background: NO_DATA.bg, color: NO_DATA.fg, border: '1px solid #8c8c8c' }, text: name, row };
    const c = CLASSES[classOf(row.rank, n)]!;
    return { style: { background: c.bg, color: c.fg, border: `1px solid ${c.bg}` }, text: name, row };
  };

  return (
    <figure style={{ margin: 0 }} data-testid="tile-map">
      <figcaption style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="tile-map-caption">
          {t('bench.tiles.caption')}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('bench.tiles.explain', { indicator: nameOf(ind, locale), year: data.year })}</Typography.Text>
      </figcaption>
      <div style={{ overflowX: 'auto', paddingBottom: 4 }}>
        <ul
          aria-label={t('bench.tiles.listLabel', { indicator: nameOf(ind, locale), year: data.year })}
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 4,
            display: 'grid',
            gridTemplateColumns: `repeat(${TILE_COLS}, ${TILE_W}px)`,
            gridTemplateRows: `repeat(${TILE_ROWS}, ${TILE_H}px)`,
            gap: 4,
          }}
        >
          {DISTRICTS.map((d) => {
            const { style, text, row } = tile(d.code, d.zh);
            const home = d.code === HOME_UNIT;
            const member = inGroup.has(d.code) && row !== undefined;
            const value = row?.value ?? null;
            const detail = !member
              ? t('bench.tiles.outside')
              : row.rank === null
                ? t('bench.noValue')
                : t('bench.tiles.detail', { value: valueText(ind, value, locale), rank: row.rank, n });
            const box: CSSProperties = {
              ...style,
              display: 'flex',
              flexDirection: 'column',
              justifyContent: 'center',
              alignItems: 'center',
              width: '100%',
              height: '100%',
              borderRadius: 4,
              fontSize: 12,
              lineHeight: 1.3,
              textAlign: 'center',
              textDecoration: 'none',
              ...(home ? { outline: `3px solid ${COLORS.home}`, outlineOffset: 1 } : {}),
            };
            const body = (
              <>
                <span style={{ fontWeight: home ? 700 : 500 }}>{text}</span>
                {member && row.rank !== null ? (
                  <span>
                    {formatNumber(value!, locale, ind.decimals)} · #{row.rank}
                  </span>
                ) : (
                  <span style={{ fontSize: 11 }}>{member ? t('bench.tiles.noData') : t('bench.tiles.outsideShort')}</span>
                )}
              </>
            );
            return (
              <li key={d.code} style={{ gridRow: d.row + 1, gridColumn: d.col + 1 }} data-testid={`tile-${d.code}`}>
                {member ? (
                  <Link
                    to={`/benchmarks/profile/${d.code}${search}`}
                    style={box}
                    aria-label={t('bench.tiles.tileLabel', {
                      name: `${unitName(d.code, row.name, locale)}${home ? t('bench.homeSuffix') : ''}`,
                      detail,
                    })}
                    title={t('bench.tiles.tileLabel', { name: unitName(d.code, row.name, locale), detail })}
                  >
                    {body}
                  </Link>
                ) : (
                  <div style={box} title={t('bench.tiles.tileLabel', { name: text, detail })}>
                    {body}
                    <span className="kc-sr-only">{detail}</span>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <TileLegend n={n} />
      {unplaced.length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('bench.tiles.unplaced', { names: unplaced.map((r) => unitName(r.unit, r.name, locale)).join(t('common.listSep')) })}
        </Typography.Paragraph>
      ) : null}
    </figure>
  );
}
