import { describe, expect, it } from 'vitest';
import { addDays, anniversary, daysBetween, isIsoDate, termEnd, yearOf } from './dates.js';

describe('calendar dates', () => {
  it('strict YYYY-MM-DD, existing days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(() => yearOf('yesterday')).toThrow(RangeError);
  });

  it('day arithmetic across a leap day', () => {
    expect(daysBetween('2023-07-01', '2024-06-30')).toBe(365);
    expect(daysBetween('2024-06-30', '2023-07-01')).toBe(-365);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('anniversaries and term ends; 29 February rolls to 1 March in common years', () => {
    expect(anniversary('2021-06-01', 15)).toBe('2036-06-01');
    expect(termEnd('2021-06-01', 15)).toBe('2036-05-31');
    expect(anniversary('2020-02-29', 1)).toBe('2021-03-01');
    expect(termEnd('2020-02-29', 1)).toBe('2021-02-28');
    expect(termEnd('2020-02-29', 4)).toBe('2024-02-28');
    expect(termEnd('2021-01-01', 1)).toBe('2021-12-31');
  });
});
