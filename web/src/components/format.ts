import { dateTimeIn } from '../../../common/clock';
import { bureauZone } from './bureauZone';

/** "2026-03-01 14:05:09" on the bureau's wall clock (Beijing time unless configured), whatever the browser's zone. */
export function formatBeijing(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateTimeIn(ms, bureauZone());
}

type NumberLocale = 'zh-CN' | 'en-US';

/**
 * A number for display, with thousands separators; `decimals` fixes the digits after the point
 * (an indicator's own precision), otherwise up to four are shown as stored.
 */
export function formatNumber(value: number, locale: NumberLocale, decimals?: number): string {
  const digits =
    decimals === undefined ? { maximumFractionDigits: 4 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return new Intl.NumberFormat(locale, digits).format(value);
}

/** "0.10%" but "212 家": a per-cent sign sits on the number, other units after a space. */
export function withUnit(text: string, unit: string): string {
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** A rate such as 0.1234 as "12.3%". */
export function formatPercent(value: number, locale: NumberLocale, decimals = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value,
  );
}

export const COMPARATOR_SIGNS = { '=': '', '>=': '≥ ', '<=': '≤ ' } as const;
