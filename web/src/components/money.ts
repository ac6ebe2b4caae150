type NumberLocale = 'zh-CN' | 'en-US';

/**
 * Money from the API is whole fen; it is shown in yuan with two decimals: 10000000 → "¥100,000.00".
 * Integer arithmetic, so large amounts never pick up floating-point noise.
 */
export function formatFen(fen: number | null | undefined, locale: NumberLocale): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const whole = Math.round(fen);
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${whole < 0 ? '-' : ''}¥${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(yuan)}.${cents}`;
}

/** What a form took in yuan, as the fen the API stores. */
export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);

/** Fen for a yuan input (exact to the fen). */
export const fenToYuan = (fen: number): number => fen / 100;

/** A rate parameter, e.g. "10%". */
export const formatPercentValue = (value: number | null | undefined, locale: NumberLocale): string =>
  value === null || value === undefined ? '—' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value)}%`;
