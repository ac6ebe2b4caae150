import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, convertible, findUnit, UNIT_KINDS, UnitConversionError, UNITS, unitsOfKind } from './units.js';

describe('units', () => {
  it('declares every unit once, each of a declared kind, with a whole-number size', () => {
    const symbols = UNITS.map((d) => d.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    for (const d of UNITS) {
      expect(Object.keys(UNIT_KINDS)).toContain(d.kind);
      expect(d.size.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    }
    for (const kind of Object.keys(UNIT_KINDS) as (keyof typeof UNIT_KINDS)[])
      expect(unitsOfKind(kind).map((d) => d.symbol)).toContain(UNIT_KINDS[kind].base);
  });

  it('finds units by symbol or alias, any width and spacing', () => {
    expect(findUnit('万元')?.kind).toBe('money');
    expect(findUnit(' 万 元 ')?.symbol).toBe('万元');
    expect(findUnit('％')?.symbol).toBe('%');
    expect(findUnit('m²')?.symbol).toBe('平方米');
    expect(findUnit('KM2')?.symbol).toBe('平方公里');
    expect(findUnit('万美元')).toBeUndefined();
  });
});

describe('convert', () => {
  it.each([
    [0.3005, '亿元', '万元', 3005],
    [52.67944, '亿元', '万元', 526794.4],
    [3005, '万元', '亿元', 0.3005],
    [301.27, '亿元', '元', 30_127_000_000],
    [1234.5, '千元', '万元', 123.45],
    [1, '万元', '千元', 10],
    [48.69, '万人', '人', 486_900],
    [486_900, '人', '万人', 48.69],
    [2.11, '%', '%', 2.11],
    [12, '个', '家', 12],
    [7, '件', '项', 7],
    [1.5, '万平方米', '平方米', 15_000],
    [3, '亩', '平方米', 2000],
    [1, '万亩', '亩', 10_000],
    [15, '平方米', '亩', 0.0225],
    [2.5, '平方公里', '万平方米', 250],
    [1, '公顷', '亩', 15],
    [-0.0001, '亿元', '万元', -1],
    [0, '亿元', '万元', 0],
  ])('%s %s → %s %s', (value, from, to, expected) => {
    expect(convert(value, from, to)).toBe(expected);
  });

  it('a unit converts to itself unchanged, declared or not', () => {
    expect(convert(3.14, '万户', '万户')).toBe(3.14);
    expect(convert(3.14, 'm2', '平方米')).toBe(3.14);
  });

  it('refuses units of different kinds, naming both', () => {
    expect(() => convert(1, '万人', '万元')).toThrow(UnitConversionError);
    expect(() => convert(1, '万人', '万元')).toThrow(/万人.*people.*万元.*money/);
    try {
      convert(1, '%', '个');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnitConversionError);
      expect((e as UnitConversionError).code).toBe('unit_incompatible');
      expect((e as UnitConversionError).params).toMatchObject({ from: '%', to: '个', fromKind: 'percent', toKind: 'count' });
    }
    expect(convertible('万人', '万元')).toBe(false);
    expect(convertible('亿元', '千元')).toBe(true);
  });

  it('refuses unknown units, naming both', () => {
    expect(() => convert(1, '万美元', '万元')).toThrow(/万美元.*万元/);
    try {
      convert(1, '亿元', '吨');
      expect.unreachable();
    } catch (e) {
      expect((e as UnitConversionError).code).toBe('unit_unknown');
      expect((e as UnitConversionError).params).toMatchObject({ from: '亿元', to: '吨', unit: '吨' });
    }
    expect(convertible('万美元', '万元')).toBe(false);
  });

  it('converting there and back returns the value (powers of ten exactly)', () => {
    const money = ['元', '千元', '万元', '亿元'];
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...money),
        fc.constantFrom(...money),
        (n, decimals, a, b) => {
          const value = n / 10 ** decimals;
          expect(convert(convert(value, a, b), b, a)).toBe(value);
        },
      ),
    );
  });
});
