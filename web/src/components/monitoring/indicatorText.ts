import type { IndicatorSummary } from '../../../../common/contracts/plans';
import type { Locale } from '../../../../common/enums';
import { COMPARATOR_SIGNS, formatNumber, withUnit } from '../format';

type Ind = Pick<IndicatorSummary, 'unit' | 'decimals'>;
type Target = IndicatorSummary['targets'][number];

/** The indicator's value with its own precision and unit: "0.10%", "1,234 家". */
export const valueText = (ind: Ind, value: number, locale: Locale) => withUnit(formatNumber(value, locale, ind.decimals), ind.unit, locale);

/** "≥ 100 家": the comparator only when it is not plain equality. */
export const targetText = (ind: Ind, target: Pick<Target, 'value' | 'comparator'>, locale: Locale) =>
  `${COMPARATOR_SIGNS[target.comparator]}${valueText(ind, target.value, locale)}`;

/**
 * The target progress is measured against, as the server picks it: the authoritative statement
 * (表1's unless the bureau decided otherwise) of the latest target year.
 */
export function mainTarget(ind: Pick<IndicatorSummary, 'targets'>): Target | null {
  const authoritative = ind.targets.filter((t) => t.authoritative).sort((a, b) => a.year - b.year);
  return authoritative.at(-1) ?? null;
}

export const indicatorName = (ind: Pick<IndicatorSummary, 'nameZh' | 'nameEn'>, locale: Locale) =>
  locale === 'zh-CN' ? ind.nameZh : ind.nameEn;
