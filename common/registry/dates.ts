/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings, in UTC so no time zone can shift a day. Terms in Chinese
 * patent and certificate practice run from a start date for whole years and end on the day before the
 * anniversary (filed 2001-05-10 → a 20-year term ends 2021-05-09).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of a strict, existing calendar date; throws RangeError otherwise. */
function toUtc(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`invalid date (expected YYYY-MM-DD): ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`invalid date (no such day): ${iso}`);
  }
  return t;
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
export function anniversary(iso: string, years: number): string {
  const t = toUtc(iso);
  const start = new Date(t);
  const y = start.getUTCFullYear() + years;
  // Date.UTC rolls 29 Feb of a common year over to 1 Mar, which is the convention above.
  return fromUtc(Date.UTC(y, start.getUTCMonth(), start.getUTCDate()));
}

/** Last day of a term of `years` whole years starting on (and including) `iso`. */
export function termEnd(iso: string, years: number): string {
  return addDays(anniversary(iso, years), -1);
}

export function yearOf(iso: string): number {
  return new Date(toUtc(iso)).getUTCFullYear();
}
