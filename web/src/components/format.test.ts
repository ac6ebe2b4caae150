import { describe, expect, it } from 'vitest';
import { formatNumber, UNIT_EN, unitText, withUnit } from './format';

describe('units in the reader’s language', () => {
  it('Chinese keeps the unit as recorded; English translates it', () => {
    const cases: [string, string][] = [
      ['位', 'people'],
      ['家', 'enterprises'],
      ['件', 'items'],
      ['平方米', 'm²'],
      ['万元', 'ten thousand yuan'],
      ['亿元', 'hundred million yuan'],
    ];
    for (const [unit, en] of cases) {
      expect(unitText(unit, 'zh-CN')).toBe(unit);
      expect(unitText(unit, 'en-US')).toBe(en);
    }
  });

  it('puts the unit after the number, the per-cent sign on it', () => {
    expect(withUnit(formatNumber(212, 'zh-CN'), '家', 'zh-CN')).toBe('212 家');
    expect(withUnit(formatNumber(212, 'en-US'), '家', 'en-US')).toBe('212 enterprises');
    expect(withUnit(formatNumber(1234.5, 'en-US'), '平方米', 'en-US')).toBe('1,234.5 m²');
    expect(withUnit('0.10', '%', 'en-US')).toBe('0.10%');
    expect(withUnit('0.10', '%', 'zh-CN')).toBe('0.10%');
  });

  it('shows a unit it does not know as recorded, and no trailing space for none', () => {
    expect(withUnit('3', '台套', 'en-US')).toBe('3 台套');
    expect(withUnit('3', '', 'en-US')).toBe('3');
  });

  it('has no Chinese left in any English unit', () => {
    expect(Object.values(UNIT_EN).filter((u) => /[\u4e00-\u9fff]/.test(u))).toEqual([]);
  });
});
