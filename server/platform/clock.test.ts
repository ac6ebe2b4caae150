import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE } from '../../common/clock.js';
import { configureClock, deadlinePassed, dateTimeIn, now, setClockForTests, startOfDay, thisYear, timeZone, today } from './clock.js';

afterEach(() => {
  setClockForTests(null);
  configureClock(DEFAULT_TIME_ZONE);
});

describe('the server clock', () => {
  it('reads the configured zone and refuses an unknown one', () => {
    expect(timeZone()).toBe(DEFAULT_TIME_ZONE);
    expect(() => configureClock('Beijing')).toThrow(/unknown time zone/);
    setClockForTests('2026-12-31T16:30:00Z');
    expect([today(), thisYear()]).toEqual(['2027-01-01', 2027]);
    configureClock('UTC');
    expect([today(), thisYear()]).toEqual(['2026-12-31', 2026]);
  });

  it('pins now for tests, and lets go', () => {
    setClockForTests(new Date('2026-03-03T15:30:00Z'));
    expect(now().toISOString()).toBe('2026-03-03T15:30:00.000Z');
    expect(deadlinePassed('2026-03-03')).toBe(false);
    expect(dateTimeIn(now())).toBe('2026-03-03 23:30:00');
    setClockForTests('2026-03-03T16:00:00Z');
    expect(deadlinePassed('2026-03-03')).toBe(true);
    expect(startOfDay('2026-03-04').toISOString()).toBe('2026-03-03T16:00:00.000Z');
    expect(() => setClockForTests('not a time')).toThrow(RangeError);
    setClockForTests(null);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
