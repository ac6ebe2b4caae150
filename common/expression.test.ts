import { describe, expect, it } from 'vitest';
import { ExpressionError, evaluate, parseExpression, references, validateExpression } from './expression.js';

const rd = '#{rd_expenditure} / (#{gdp} * 10000) * 100';

describe('expressions', () => {
  it('computes R&D intensity from 万元 and 亿元 (Xiushan 2020: 2 500 万元 of 250 亿元 → 0.1 %)', () => {
    const e = parseExpression(rd);
    expect([...references(e)].sort()).toEqual(['gdp', 'rd_expenditure']);
    const values: Record<string, number> = { rd_expenditure: 2500, gdp: 250 };
    expect(evaluate(e, (c) => values[c]).value).toBeCloseTo(0.1, 12);
  });

  it('respects precedence, parentheses, unary minus and constants', () => {
    const v = (src: string) => evaluate(parseExpression(src), () => undefined).value;
    expect(v('1 + 2 * 3')).toBe(7);
    expect(v('(1 + 2) * 3')).toBe(9);
    expect(v('-2 * -3')).toBe(6);
    expect(v('36 - 30 / 2 / 3')).toBe(31);
    expect(v('1.5e2')).toBe(150);
  });

  it('a zero denominator gives no value with the reason, never Infinity', () => {
    const r = evaluate(parseExpression(rd), (c) => ({ rd_expenditure: 10, gdp: 0 })[c]);
    expect(r).toEqual({ value: null, reason: 'zero_denominator' });
  });

  it('missing inputs are named', () => {
    const r = evaluate(parseExpression(rd), (c) => ({ gdp: 3 })[c]);
    expect(r).toEqual({ value: null, reason: 'missing', missing: ['rd_expenditure'] });
  });

  it('rejects bad syntax and unknown references with a position', () => {
    expect(() => parseExpression('#{a} +')).toThrow(ExpressionError);
    expect(() => parseExpression('(#{a}')).toThrow(/missing "\)"/);
    expect(() => parseExpression('#{a} $ 2')).toThrow(/unexpected "\$" at 6/);
    expect(() => parseExpression('#a')).toThrow(/expected #\{code\}/);
    expect(() => parseExpression('1 2')).toThrow(/unexpected token/);
    try {
      validateExpression('#{gdp} / #{gpd}', (c) => c === 'gdp');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ reason: 'unknown_reference', position: 9 });
    }
  });
});
