import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../common/limits.js';
import { cellNumber, cellText } from './xlsx-cells.js';

describe('cellNumber', () => {
  it('reads numbers as people type them', () => {
    expect(cellNumber(1234.5)).toBe(1234.5);
    expect(cellNumber(' 1,234.5 ')).toBe(1234.5);
    expect(cellNumber('１２')).toBe('invalid');
    expect(cellNumber('')).toBeNull();
    expect(cellNumber({ formula: 'A1*2', result: 8 })).toBe(8);
  });

  it('refuses figures no one could have meant: 1e20, 1e308, infinities', () => {
    for (const v of [1e20, 1e308, -1e20, '1e20', '1e308', '1e400', Infinity, { formula: 'A1', result: 1e300 }])
      expect(cellNumber(v as never), String(v)).toBe('invalid');
    expect(cellNumber(LIMITS.figureMax)).toBe(LIMITS.figureMax);
    expect(cellNumber(String(-LIMITS.figureMax))).toBe(-LIMITS.figureMax);
  });

  it('cellText trims and reads rich text and formula results', () => {
    expect(cellText({ richText: [{ text: ' 秀山' }, { text: '县 ' }] })).toBe('秀山县');
    expect(cellText({ formula: 'A1', result: '高新' })).toBe('高新');
  });
});
