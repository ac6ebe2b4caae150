/**
 * The one clock of the platform, for server and web alike (no Node APIs, no zod).
 *
 * Business dates are calendar dates ('YYYY-MM-DD') in the bureau's time zone: a call closing on 3 March is open
 * until the end of 3 March in Beijing, whatever the zone of the server, of the database or of the browser. The
 * zone is configured per installation (KECHUANG_TIME_ZONE, default Asia/Shanghai); the server reads it through
 * server/platform/clock.ts, the web from /api/auth/me. Zone offsets come from Intl (the IANA database), never from
 * a literal such as +8 hours, so a zone with daylight saving time works too.
 *
 * Calendar arithmetic works on the date strings with integers: months are calendar months (31 January plus one
 * month is 28 or 29 February), never 30.44 days.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in month `m` (1–12) of year `y`. */
export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Year, month (1–12) and day of a strict, existing calendar date; throws RangeError otherwise. */
export function dateParts(value: string): [number, number, number] {
  const m = ISO.exec(value);
  if (!m) throw new RangeError(`invalid date (expected YYYY-MM-DD): ${value}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`invalid date (no such day): ${value}`);
  return [y, mo, d];
}

export function isIsoDate(value: string): boolean {
  try {
    dateParts(value);
    return true;
  } catch {
    return false;
  }
}

// Days since 1970-01-01 of a proleptic Gregorian date and back (H. Hinnant's civil-date algorithms).
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(z0: number): string {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

const epochDays = (value: string) => daysFromCivil(...dateParts(value));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => epochDays(to) - epochDays(from);

export const addDays = (value: string, days: number): string => civilFromDays(epochDays(value) + days);

/** The same day `months` calendar months later (or earlier); a day the target month lacks clamps to its last. */
export function addMonths(value: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths takes whole months, got ${months}`);
  const [y, m, d] = dateParts(value);
  const index = y * 12 + (m - 1) + months;
  const [ty, tm] = [Math.floor(index / 12), (index % 12) + 1];
  return isoOf(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** `years` calendar years later; 29 February clamps to 28 February in a common year. */
export const addYears = (value: string, years: number): string => addMonths(value, years * 12);

/**
 * Whole calendar months from `from` to `to`: the largest n with addMonths(from, n) <= to (31 January to
 * 28 February is one month). Negative, by the same rule backwards, when `to` is earlier.
 */
export function monthsBetween(from: string, to: string): number {
  if (to < from) return -monthsBetweenForward(to, from, true);
  return monthsBetweenForward(from, to, false);
}

function monthsBetweenForward(from: string, to: string, backwards: boolean): number {
  const [fy, fm] = dateParts(from);
  const [ty, tm] = dateParts(to);
  let n = (ty - fy) * 12 + (tm - fm);
  // Forwards: the largest n with from + n months <= to; backwards: the largest n with to - n months >= from.
  if (backwards) while (n > 0 && addMonths(to, -n) < from) n -= 1;
  else while (n > 0 && addMonths(from, n) > to) n -= 1;
  return n;
}

/** Whole calendar years from `from` to `to` (an age, a number of years registered). */
export const yearsBetween = (from: string, to: string): number => Math.trunc(monthsBetween(from, to) / 12) + 0;

export const yearOf = (value: string): number => dateParts(value)[0];

// ---------------------------------------------------------------------------------------------------------------
// Instants and zones

type Instant = Date | number | string;
const msOf = (t: Instant): number => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t));

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is an IANA time zone this runtime knows (e.g. 'Asia/Shanghai', 'UTC'). */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at instant `ms`: [year, month, day, hour, minute, second]. */
function wallParts(ms: number, zone: string): [number, number, number, number, number, number] {
  if (!Number.isFinite(ms)) throw new RangeError('invalid instant');
  const out: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return [out.year!, out.month!, out.day!, out.hour! % 24, out.minute!, out.second!];
}

/** The wall clock at `ms` in `zone`, read as if it were UTC (milliseconds kept). */
function wallMs(ms: number, zone: string): number {
  const [y, mo, d, h, mi, s] = wallParts(ms, zone);
  return daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000 + (((ms % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (+8 h for Beijing). */
export const offsetAt = (ms: number, zone: string): number => wallMs(ms, zone) - ms;

/** The calendar date of an instant in `zone`. */
export function dateIn(instant: Instant, zone: string = DEFAULT_TIME_ZONE): string {
  const [y, m, d] = wallParts(msOf(instant), zone);
  return isoOf(y, m, d);
}

/** Today's date in `zone` (the bureau's zone by default); `now` pins the instant. */
export const today = (zone: string = DEFAULT_TIME_ZONE, now: Instant = Date.now()): string => dateIn(now, zone);

/** "2026-03-01 14:05:09": an instant on the wall clock of `zone`. */
export function dateTimeIn(instant: Instant, zone: string = DEFAULT_TIME_ZONE): string {
  const [y, mo, d, h, mi, s] = wallParts(msOf(instant), zone);
  return `${isoOf(y, mo, d)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
}

/**
 * The first instant of a calendar day in `zone`. Where daylight saving time skips midnight, the day starts at
 * the transition (the first instant whose date is that day).
 */
export function startOfDay(date: string, zone: string = DEFAULT_TIME_ZONE): Date {
  const local = epochDays(date) * DAY_MS;
  // The offsets a day away on either side cover any transition around this midnight.
  const candidates = [offsetAt(local - DAY_MS, zone), offsetAt(local + DAY_MS, zone)]
    .map((o) => local - o)
    .filter((t) => wallMs(t, zone) === local)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]!);
  // Midnight does not exist: search the gap for the first instant whose wall clock is past it.
  let lo = local - Math.max(offsetAt(local - DAY_MS, zone), offsetAt(local + DAY_MS, zone));
  let hi = local - Math.min(offsetAt(local - DAY_MS, zone), offsetAt(local + DAY_MS, zone));
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMs(mid, zone) >= local) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The last instant (millisecond) of a calendar day in `zone`: a deadline "on" that day runs until then. */
export const endOfDay = (date: string, zone: string = DEFAULT_TIME_ZONE): Date =>
  new Date(startOfDay(addDays(date, 1), zone).getTime() - 1);

/**
 * Whether a deadline has passed at `now`. A date ('YYYY-MM-DD') runs to the end of that day in `zone`; a
 * date-time with an offset or Z ('2026-03-01T17:00:00+08:00') is that instant.
 */
export function deadlinePassed(deadline: string, zone: string = DEFAULT_TIME_ZONE, now: Instant = Date.now()): boolean {
  const end = ISO.test(deadline) ? endOfDay(deadline, zone).getTime() : Date.parse(deadline);
  if (Number.isNaN(end)) throw new RangeError(`invalid deadline: ${deadline}`);
  return msOf(now) > end;
}
