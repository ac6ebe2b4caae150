import dayjs, { type Dayjs } from 'dayjs';

/**
 * Form.Item props for a DatePicker whose form value is an ISO date string ('2026-03-01') or null,
 * so form values go to the API as they are.
 */
export const isoDateItem = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null),
};

// The bureau's zone and today (no dayjs, so the login page can have them without it).
export { bureauToday, bureauZone, daysBetween, setBureauZone, thisYear } from './bureauZone';
