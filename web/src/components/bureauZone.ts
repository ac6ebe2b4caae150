import { DEFAULT_TIME_ZONE, daysBetween, isTimeZone, today, yearOf } from '../../../common/clock';

let zone = DEFAULT_TIME_ZONE;

/** The bureau's time zone, from the session (/api/auth/me): set once the user is known (app/session.ts). */
export function setBureauZone(timeZone: string | undefined): void {
  if (timeZone && isTimeZone(timeZone)) zone = timeZone;
}
export const bureauZone = (): string => zone;

/** Today in the bureau's zone, as the server counts it (common/clock.ts), whatever the browser's zone. */
export const bureauToday = (): string => today(zone);

/** This year in the bureau's zone. */
export const thisYear = (): number => yearOf(bureauToday());

/** Whole days from `from` to `to` (ISO dates). */
export { daysBetween };
