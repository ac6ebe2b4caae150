import type { MissingCondition } from '../../../../../common/registry';
import type { Locale } from '../../../../../common/enums';
import type { TFunction } from '../../../app/i18n';
import { formatNumber } from '../../../components/format';
import { formatKind, missingText } from '../../../components/registry/conditionText';

/**
 * What one condition still lacks, in words: "差 3.3 个百分点（现 6.7%，需 10.0%）" for a failed comparison,
 * "缺少：研发费用（2023、2024 年）" for missing data, the condition's name alone otherwise.
 */
export function lackText(m: MissingCondition, t: TFunction, locale: Locale): string {
  const s = m.shortBy;
  if (s) {
    const value = formatKind(s.unit, s.value, t, locale);
    const threshold = formatKind(s.unit, s.threshold, t, locale);
    if (s.unit === 'ratio') return t('pipeline.short.ratio', { gap: formatNumber(s.absolute * 100, locale, 1), value, threshold });
    // Size limits are the only upper bounds: being over them is the shortfall.
    if (s.unit === 'persons' || s.unit === 'wan_yuan')
      return t('pipeline.over', { gap: formatKind(s.unit, s.absolute, t, locale), value, threshold });
    return t('pipeline.short.other', { gap: formatKind(s.unit, s.absolute, t, locale), value, threshold });
  }
  if (m.missing?.length) return t('precheck.missing', { fields: missingText(m.missing, t) });
  return t(`result.${m.result}`);
}
