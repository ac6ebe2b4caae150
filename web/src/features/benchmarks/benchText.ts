import type { Locale } from '../../../../common/enums';
import type { BenchmarkIndicator, PeerGroup } from '../../api/benchmarks';
import { formatNumber, withUnit } from '../../components/format';
import { districtOf } from './districts';

type Named = { nameZh: string; nameEn: string };

export const nameOf = (x: Named, locale: Locale) => (locale === 'zh-CN' ? x.nameZh : x.nameEn);

/** A unit's name in tables: the official Chinese name, or its pinyin in English (the server has Chinese names only). */
export function unitName(code: string, name: string, locale: Locale): string {
  return locale === 'zh-CN' ? name : (districtOf(code)?.en ?? name);
}

/** A unit's short name for chart axes and tiles: 秀山 / Xiushan. */
export function unitShort(code: string, name: string, locale: Locale): string {
  const d = districtOf(code);
  if (!d) return name;
  return locale === 'zh-CN' ? d.zh : d.en;
}

type Unitised = Pick<BenchmarkIndicator, 'unit' | 'decimals'>;

/** "0.10%", "301.27 亿元", with the indicator's own precision (or `decimals`). */
export function valueText(ind: Unitised, value: number | null | undefined, locale: Locale, decimals = ind.decimals): string {
  if (value === null || value === undefined) return '—';
  return withUnit(formatNumber(value, locale, decimals), ind.unit, locale);
}

/** A difference with its sign: "+3.49%", "−1.50%". */
export function signedText(ind: Unitised, value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  const abs = valueText(ind, Math.abs(value), locale);
  const zero = Math.abs(value) < 0.5 * 10 ** -ind.decimals;
  return zero ? abs : `${value > 0 ? '+' : '−'}${abs}`;
}

/**
 * Digits for a computed value shown beside a published one: two more than published, so a value that
 * rounds to the published figure (0.0997 → 0.10) shows why it ranks where it does.
 */
export const fineDecimals = (ind: BenchmarkIndicator) => (ind.publishedValueElement ? ind.decimals + 2 : ind.decimals);

export const groupName = (g: Pick<PeerGroup, 'nameZh' | 'nameEn'> | undefined, locale: Locale) => (g ? nameOf(g, locale) : '');

/**
 * Position among n ranked units as a percentage, 100 = best, 0 = last; null when it cannot be placed
 * (no rank, or fewer than two units ranked).
 */
export function percentile(rank: number | null, of: number): number | null {
  if (rank === null || of < 2) return null;
  return Math.round(((of - rank) / (of - 1)) * 1000) / 10;
}
