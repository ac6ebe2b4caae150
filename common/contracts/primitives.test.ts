import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { figure, isoDate, isRealDate, name, normaliseName, text } from './primitives.js';

describe('isoDate', () => {
  it('refuses impossible dates with the date problem', () => {
    for (const d of [
      '2025-02-30',
      '2025-13-01',
      '0000-00-00',
      '2025-02-29',
      '2025-04-31',
      '2025-00-10',
      '2025-01-00',
      '1900-02-29',
      '0999-12-31',
    ]) {
      const r = isoDate.safeParse(d);
      expect(r.success, d).toBe(false);
      expect(r.error!.issues[0]!.message).toBe('date');
    }
    for (const d of ['2024-02-29', '2000-02-29', '2025-12-31', '1949-10-01', '9999-12-31']) expect(isoDate.parse(d)).toBe(d);
    for (const d of ['2025-1-01', '2025/01/01', '20250101', '2025-01-01T00:00:00Z', ' 2025-01-01'])
      expect(isoDate.safeParse(d).success, d).toBe(false);
    expect(isRealDate('2100-02-29')).toBe(false);
  });
});

describe('name and text', () => {
  it('normalise names: NFC, zero-width characters removed, trimmed', () => {
    expect(normaliseName(' \u200B秀山\u200C县\u200D\u2060\uFEFF ')).toBe('秀山县');
    expect(name(20).parse('  Cafe\u0301 ')).toBe('Café'); // NFD e + combining acute → NFC é
    expect(name(20).safeParse('\u200B \u200B').success).toBe(false); // nothing left
    expect(name(3).safeParse('\u200Babc\u200B').success).toBe(true); // length counted after normalising
  });

  it('refuse control characters in names (even line breaks) and in texts (but tab and line breaks)', () => {
    for (const bad of ['a\u0000b', 'a\u0001', '\u007F', 'a\nb', 'a\tb']) {
      const r = name(20).safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error!.issues[0]!.message).toBe('control_char');
    }
    expect(text(20).parse(' line 1\r\nline\t2 ')).toBe('line 1\r\nline\t2');
    for (const bad of ['a\u0000b', 'a\u001Fb', 'a\u007Fb', 'a\u000Bb', 'a\u000Cb'])
      expect(text(20).safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('figure', () => {
  it('refuses 1e20 and 1e308, accepts plausible magnitudes', () => {
    for (const bad of [1e20, 1e308, -1e20, LIMITS.figureMax * 10, Infinity, NaN])
      expect(figure.safeParse(bad).success, String(bad)).toBe(false);
    for (const ok of [0, -3.5, 123_456_789.12, LIMITS.figureMax, -LIMITS.figureMax]) expect(figure.parse(ok)).toBe(ok);
    // JSON parses 1e400 to Infinity: refused as well.
    expect(z.object({ v: figure }).safeParse(JSON.parse('{"v": 1e400}')).success).toBe(false);
  });
});
