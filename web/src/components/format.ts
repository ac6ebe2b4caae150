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

/**
 * The units indicators and data elements are recorded in (a Chinese word in the plan's data), in English.
 * 万 and 亿 are spelled out ("302 hundred million yuan") so that no two figures stand side by side.
 * A unit not listed here is shown as recorded.
 */
export const UNIT_EN: Readonly<Record<string, string>> = {
  '%': '%',
  位: 'people',
  人: 'people',
  名: 'people',
  万人: 'ten thousand people',
  家: 'enterprises',
  个: 'units',
  件: 'items',
  项: 'items',
  次: 'times',
  元: 'yuan',
  万元: 'ten thousand yuan',
  亿元: 'hundred million yuan',
  '万元/亩': 'ten thousand yuan/mu',
  平方米: 'm²',
  平方公里: 'km²',
  亩: 'mu',
  万亩: 'ten thousand mu',
  吨: 'tonnes',
  万吨: 'ten thousand tonnes',
  万头: 'ten thousand head',
  分: 'points',
  年: 'years',
  天: 'days',
};

/** A unit in the reader's language: as recorded in Chinese, from UNIT_EN in English. */
export function unitText(unit: string, locale: NumberLocale): string {
  return locale === 'zh-CN' ? unit : (UNIT_EN[unit.trim()] ?? unit);
}

/** "0.10%" but "212 家" / "212 enterprises": a per-cent sign sits on the number, other units after a space. */
export function withUnit(text: string, unit: string, locale: NumberLocale): string {
  if (unit === '%') return `${text}%`;
  const shown = unitText(unit, locale);
  return shown ? `${text} ${shown}` : text;
}

/** A rate such as 0.1234 as "12.3%". */
export function formatPercent(value: number, locale: NumberLocale, decimals = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value,
  );
}

export const COMPARATOR_SIGNS = { '=': '', '>=': '≥ ', '<=': '≤ ' } as const;
