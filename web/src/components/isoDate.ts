import dayjs, { type Dayjs } from 'dayjs';

/**
 * Form.Item props for a DatePicker whose form value is an ISO date string ('2026-03-01') or null,
 * so form values go to the API as they are.
 */
export const isoDateItem = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null),
};

/** Today in Beijing (UTC+8, no daylight saving), as the server counts it. */
export const beijingToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (ISO dates). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
