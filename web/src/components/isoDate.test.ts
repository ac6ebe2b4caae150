import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIME_ZONE } from '../../../common/clock';
import { formatBeijing } from './format';
import { bureauToday, bureauZone, setBureauZone, thisYear } from './isoDate';

afterEach(() => {
  vi.useRealTimers();
  setBureauZone(DEFAULT_TIME_ZONE);
});

describe('the web clock', () => {
  it('counts today in the bureau zone the session names, whatever the browser zone', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T16:30:00Z')); // 00:30 on 1 January in Beijing
    expect([bureauZone(), bureauToday(), thisYear()]).toEqual([DEFAULT_TIME_ZONE, '2027-01-01', 2027]);
    setBureauZone('UTC');
    expect([bureauToday(), thisYear()]).toEqual(['2026-12-31', 2026]);
    setBureauZone('Nowhere/Else');
    setBureauZone(undefined);
    expect(bureauZone()).toBe('UTC');
  });

  it('shows times on the bureau wall clock', () => {
    expect(formatBeijing('2026-03-01T06:05:09Z')).toBe('2026-03-01 14:05:09');
    setBureauZone('UTC');
    expect(formatBeijing('2026-03-01T06:05:09Z')).toBe('2026-03-01 06:05:09');
    expect(formatBeijing(null)).toBe('');
    expect(formatBeijing('soon')).toBe('soon');
  });
});
