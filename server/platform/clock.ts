/**
 * The server's clock: common/clock.ts in the installation's zone (KECHUANG_TIME_ZONE, default Asia/Shanghai).
 * Services read business dates from here — today(), the day bounds of a date, whether a deadline has passed —
 * and pass today to SQL as a parameter rather than asking the database for current_date.
 */
import * as clock from '../../common/clock.js';

let zone = clock.DEFAULT_TIME_ZONE;
let pinned: number | null = null;

/** Sets the installation's zone (buildApp does, from the configuration). */
export function configureClock(timeZone: string): void {
  if (!clock.isTimeZone(timeZone)) throw new Error(`unknown time zone "${timeZone}"`);
  zone = timeZone;
}

/** The installation's zone, e.g. 'Asia/Shanghai'. */
export const timeZone = (): string => zone;

/**
 * Tests only: pins "now" for the business clock (dates, deadlines) to an instant, or unpins it with null.
 * Sessions, rate limits and the database's timestamps keep the real time.
 */
export function setClockForTests(instant: Date | string | null): void {
  const ms = instant === null ? null : new Date(instant).getTime();
  if (ms !== null && Number.isNaN(ms)) throw new RangeError(`invalid instant: ${String(instant)}`);
  pinned = ms;
}

/** The current instant of the business clock. */
export const now = (): Date => new Date(pinned ?? Date.now());

/** Today as an ISO date in the installation's zone: the one "today" the services read. */
export const today = (): string => clock.today(zone, now());

/** This calendar year in the installation's zone. */
export const thisYear = (): number => clock.yearOf(today());

/** The first instant of a date in the installation's zone (a lower bound for timestamps "on or after" it). */
export const startOfDay = (date: string): Date => clock.startOfDay(date, zone);

/** Whether a deadline date (through its last instant in the zone) or date-time has passed now. */
export const deadlinePassed = (deadline: string): boolean => clock.deadlinePassed(deadline, zone, now());

/** "2026-03-01 14:05:09" on the installation's wall clock. */
export const dateTimeIn = (instant: Date | string | number): string => clock.dateTimeIn(instant, zone);
