import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_TIME_ZONE, daysBetween, isTimeZone, today, yearOf } from '../../../common/clock';

/**
 * Form.Item props for a DatePicker whose form value is an ISO date string ('2026-03-01') or null,
 * so form values go to the API as they are.
 */
export const isoDateItem = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null),
};

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
