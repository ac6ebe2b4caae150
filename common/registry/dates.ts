/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings, in UTC so no time zone can shift a day. Terms in Chinese
 * patent and certificate practice run from a start date for whole years and end on the day before the
 * anniversary (filed 2001-05-10 → a 20-year term ends 2021-05-09).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Year, month (1–12) and day of a strict, existing calendar date; throws RangeError otherwise. */
function parts(value: string): [number, number, number] {
  const m = ISO.exec(value);
  if (!m) throw new RangeError(`invalid date (expected YYYY-MM-DD): ${value}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > monthDays(y, mo)) throw new RangeError(`invalid date (no such day): ${value}`);
  return [y, mo, d];
}

/** Milliseconds since the epoch of a strict, existing calendar date; throws RangeError otherwise. */
function toUtc(value: string): number {
  const [y, mo, d] = parts(value);
  return Date.UTC(y, mo - 1, d);
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    toUtc(value);
    return true;
  } catch {
    return false;
  }
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

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

export function yearOf(iso: string): number {
  return new Date(toUtc(iso)).getUTCFullYear();
}
