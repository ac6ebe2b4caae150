import type { CellValue } from 'exceljs';
import { LIMITS } from '../../common/limits.js';
import { dateIn } from '../../common/clock.js';

/** The text of a cell whatever exceljs made of it (rich text, formula result, hyperlink, date). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // exceljs gives a date cell (a zone-less calendar date) as that date's midnight in UTC.
  if (v instanceof Date) return dateIn(v, 'UTC');
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in v) return cellText((v.result ?? null) as CellValue);
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return String(v.error);
  }
  return String(v).trim();
}

/** A figure a person could have meant: finite and of a plausible magnitude (no 1e20, no 1e308). */
const plausible = (n: number): number | 'invalid' => (Number.isFinite(n) && Math.abs(n) <= LIMITS.figureMax ? n : 'invalid');

/** A number as people type it in Excel: 1234.5, "1,234.5", " 12 "; anything else is not a number. */
export function cellNumber(v: CellValue): number | null | 'invalid' {
  if (typeof v === 'number') return plausible(v);
  if (typeof v === 'object' && v !== null && 'result' in v && typeof v.result === 'number') return plausible(v.result);
  const text = cellText(v).replace(/[,，\s]/g, '');
  if (text === '') return null;
  return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) ? plausible(Number(text)) : 'invalid';
}
