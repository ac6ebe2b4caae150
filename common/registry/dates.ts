/**
 * Registry terms on 'YYYY-MM-DD' strings (plain calendar dates, no time zone can shift a day). Terms in Chinese
 * patent and certificate practice run from a start date for whole years and end on the day before the
 * anniversary (filed 2001-05-10 → a 20-year term ends 2021-05-09).
 */

import { addDays, dateParts, daysBetween, daysInMonth, isIsoDate, yearOf } from '../clock.js';

/** Day arithmetic is the clock's (common/clock.ts); re-exported for the registry rules that import it from here. */
export { addDays, daysBetween, isIsoDate, yearOf };

const isLeap = (y: number) => daysInMonth(y, 2) === 29;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
const parts = dateParts;
const monthDays = daysInMonth;

/**
 * The anniversary `years` later. A 29 February start has no anniversary in a common year; we take 1 March, so
 * the term (ending the day before) still covers 28 February. This is our convention, not a quoted rule.
 */
export function anniversary(value: string, years: number): string {
  const [y0, m, d] = parts(value);
  const y = y0 + years;
  return m === 2 && d === 29 && !isLeap(y) ? isoOf(y, 3, 1) : isoOf(y, m, d);
}

/** Last day of a term of `years` whole years starting on (and including) `iso`. */
export function termEnd(value: string, years: number): string {
  // Integer arithmetic rather than Date objects: imports compute this for hundreds of thousands of patents.
  const [y, m, d] = parts(anniversary(value, years));
  if (d > 1) return isoOf(y, m, d - 1);
  return m > 1 ? isoOf(y, m - 1, monthDays(y, m - 1)) : isoOf(y - 1, 12, 31);
}
