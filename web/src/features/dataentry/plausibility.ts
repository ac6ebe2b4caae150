import type { EarlierValue, PlausibilityWarning } from '../../../../common/contracts/datavalues';
import type { Locale } from '../../../../common/enums';
import { PLAUSIBILITY_CODES } from '../../../../common/values/plans';
import { ApiError } from '../../api/http';
import type { TFunction } from '../../app/i18n';
import { formatNumber, unitText, withUnit } from '../../components/format';

const isWarning = (w: unknown): w is PlausibilityWarning =>
  typeof w === 'object' &&
  w !== null &&
  (PLAUSIBILITY_CODES as readonly unknown[]).includes((w as { code?: unknown }).code) &&
  typeof (w as { value?: unknown }).value === 'number' &&
  typeof (w as { dataElement?: unknown }).dataElement === 'string';

/**
 * The warnings of a save the server refused as implausible (409 dv_implausible, error.details of the
 * contract's implausibleDetails), or null for any other outcome.
 */
export function implausibleWarnings(error: unknown): PlausibilityWarning[] | null {
  if (!(error instanceof ApiError) || error.code !== 'dv_implausible') return null;
  const warnings = (error.payload as { warnings?: unknown } | undefined)?.warnings;
  return Array.isArray(warnings) && warnings.every(isWarning) ? warnings : null;
}

/** A ratio as a reader takes it in: whole from 100 up, two decimals below. */
const ratioText = (ratio: number, locale: Locale) => formatNumber(Math.abs(ratio) >= 100 ? Math.round(ratio) : ratio, locale, undefined);

/** The earlier value as the grid shows it: "301.27", or "301.27（2020 年）" when it is not the year just before. */
export function previousText(previous: EarlierValue | null, period: string, t: TFunction, locale: Locale): string {
  if (!previous) return '—';
  const value = formatNumber(previous.value, locale);
  return Number(previous.period.slice(0, 4)) === Number(period.slice(0, 4)) - 1
    ? value
    : t('entry.previousFrom', { value, period: previous.period });
}

/** One warning in the reader's language: what looks wrong with the value of `name`, and what it may have been. */
export function warningText(w: PlausibilityWarning, name: string, t: TFunction, locale: Locale): string {
  const params = {
    name,
    value: withUnit(formatNumber(w.value, locale), w.unit, locale),
    previous: w.previous ? withUnit(formatNumber(w.previous.value, locale), w.unit, locale) : '—',
    period: w.previous?.period ?? '',
    ratio: w.ratio === undefined ? '' : ratioText(w.ratio, locale),
    factor: w.factor ?? '',
    likelyUnit: w.likelyUnit ? unitText(w.likelyUnit, locale) : '',
    corrected: w.corrected === undefined ? '' : withUnit(formatNumber(w.corrected, locale), w.unit, locale),
    typicalMax: w.typicalMax === undefined ? '' : withUnit(formatNumber(w.typicalMax, locale), w.unit, locale),
  };
  return t(`entry.warn.${w.code}`, params);
}
