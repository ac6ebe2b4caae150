import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dateIn,
  dateTimeIn,
  daysBetween,
  deadlinePassed,
  endOfDay,
  isIsoDate,
  isTimeZone,
  monthsBetween,
  offsetAt,
  startOfDay,
  today,
  yearsBetween,
} from './clock.js';

const BJ = 'Asia/Shanghai';
const NY = 'America/New_York';

describe('today in the bureau zone', () => {
  it('Beijing is a day ahead of UTC from 00:00 to 08:00 local time', () => {
    // 2026-03-03 16:30 UTC = 2026-03-04 00:30 Beijing.
    expect(today(BJ, '2026-03-03T16:30:00Z')).toBe('2026-03-04');
    expect(today('UTC', '2026-03-03T16:30:00Z')).toBe('2026-03-03');
    // 23:30 Beijing is still the same day.
    expect(today(BJ, '2026-03-03T15:30:00Z')).toBe('2026-03-03');
    expect(today(BJ, new Date('2026-03-03T15:59:59.999Z'))).toBe('2026-03-03');
    expect(today(BJ, Date.parse('2026-03-03T16:00:00Z'))).toBe('2026-03-04');
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('defaults to Asia/Shanghai and knows IANA zones only', () => {
    expect(dateIn('2026-12-31T20:00:00Z')).toBe('2027-01-01');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('wall-clock date-times for display', () => {
    expect(dateTimeIn('2026-03-01T06:05:09Z', BJ)).toBe('2026-03-01 14:05:09');
    expect(dateTimeIn('2026-03-01T23:59:59Z', BJ)).toBe('2026-03-02 07:59:59');
    expect(dateTimeIn('2026-07-01T12:00:00Z', NY)).toBe('2026-07-01 08:00:00');
  });
});

describe('calendar arithmetic', () => {
  it('strict dates, leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(() => addDays('tomorrow', 1)).toThrow(RangeError);
  });

  it('days across month ends, year ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
    expect(addDays('2000-02-28', 366)).toBe('2001-02-28');
    expect(daysBetween('2023-07-01', '2024-06-30')).toBe(365);
    expect(daysBetween('2024-06-30', '2023-07-01')).toBe(-365);
    expect(daysBetween('2026-03-03', '2026-03-03')).toBe(0);
  });

  it('calendar months clamp to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-06-30', 6)).toBe('2026-12-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(() => addMonths('2026-01-31', 1.5)).toThrow(RangeError);
    // Not 30.44 days: six months from 1 January end on 1 July, not on 2 July.
    expect(addMonths('2026-01-01', 6)).toBe('2026-07-01');
  });

  it('whole months and years between two dates', () => {
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthsBetween('2026-01-31', '2026-02-27')).toBe(0);
    expect(monthsBetween('2026-01-15', '2026-07-14')).toBe(5);
    expect(monthsBetween('2026-01-15', '2026-07-15')).toBe(6);
    expect(monthsBetween('2026-07-15', '2026-01-15')).toBe(-6);
    expect(monthsBetween('2026-03-31', '2026-02-28')).toBe(-1);
    expect(monthsBetween('2026-03-03', '2026-03-03')).toBe(0);
    expect(yearsBetween('2020-03-01', '2023-03-01')).toBe(3);
    expect(yearsBetween('2020-03-01', '2023-02-28')).toBe(2);
    expect(yearsBetween('2024-02-29', '2025-02-28')).toBe(1);
    for (let n = -30; n <= 30; n += 1) expect(monthsBetween('2024-01-31', addMonths('2024-01-31', n))).toBe(n);
  });
});

describe('days and deadlines as instants', () => {
  it('Beijing: a day runs from 16:00 UTC the day before, no daylight saving', () => {
    expect(startOfDay('2026-03-03', BJ).toISOString()).toBe('2026-03-02T16:00:00.000Z');
    expect(endOfDay('2026-03-03', BJ).toISOString()).toBe('2026-03-03T15:59:59.999Z');
    expect(startOfDay('2026-07-03', BJ).toISOString()).toBe('2026-07-02T16:00:00.000Z');
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), BJ)).toBe(8 * 3_600_000);
    expect(startOfDay('2026-03-03', 'UTC').toISOString()).toBe('2026-03-03T00:00:00.000Z');
  });

  it('a deadline day is open until its last instant in the zone', () => {
    // Closing on 3 March: 23:30 Beijing still accepts, 00:30 on 4 March refuses — though UTC is 3 March both times.
    expect(deadlinePassed('2026-03-03', BJ, '2026-03-03T15:30:00Z')).toBe(false);
    expect(deadlinePassed('2026-03-03', BJ, '2026-03-03T16:30:00Z')).toBe(true);
    expect(deadlinePassed('2026-03-03', 'UTC', '2026-03-03T16:30:00Z')).toBe(false);
    expect(deadlinePassed('2026-03-03T17:00:00+08:00', BJ, '2026-03-03T08:59:59Z')).toBe(false);
    expect(deadlinePassed('2026-03-03T17:00:00+08:00', BJ, '2026-03-03T09:00:01Z')).toBe(true);
    expect(() => deadlinePassed('soon', BJ)).toThrow(RangeError);
  });

  it('a zone with daylight saving time: 23- and 25-hour days', () => {
    // New York springs forward on 8 March 2026 at 02:00 and falls back on 1 November 2026 at 02:00.
    expect(startOfDay('2026-03-08', NY).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', NY).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfDay('2026-11-02', NY).getTime() - startOfDay('2026-11-01', NY).getTime()).toBe(25 * 3_600_000);
    expect(endOfDay('2026-07-04', NY).toISOString()).toBe('2026-07-05T03:59:59.999Z');
    expect(today(NY, '2026-03-09T03:59:59Z')).toBe('2026-03-08');
    expect(today(NY, '2026-03-09T04:00:00Z')).toBe('2026-03-09');
  });

  it('a zone whose daylight saving time skips midnight starts the day at the transition', () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 8 September 2024 (04:00 UTC).
    expect(startOfDay('2024-09-08', 'America/Santiago').toISOString()).toBe('2024-09-08T04:00:00.000Z');
    expect(dateTimeIn(startOfDay('2024-09-08', 'America/Santiago'), 'America/Santiago')).toBe('2024-09-08 01:00:00');
    // …and back from 00:00 on 7 April 2024 to 23:00 on 6 April (03:00 UTC): 6 April lasts 25 hours.
    expect(startOfDay('2024-04-07', 'America/Santiago').toISOString()).toBe('2024-04-07T04:00:00.000Z');
    expect(endOfDay('2024-04-06', 'America/Santiago').toISOString()).toBe('2024-04-07T03:59:59.999Z');
  });
});
