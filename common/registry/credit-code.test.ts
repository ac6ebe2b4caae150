import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, CREDIT_CODE_WEIGHTS, creditCodeCheckChar, creditCodeParts, validateCreditCode } from './credit-code.js';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it('alphabet has 31 symbols without I O S V Z; weights are 3^i mod 31', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    for (const c of 'IOSVZ') expect(CREDIT_CODE_ALPHABET).not.toContain(c);
    CREDIT_CODE_WEIGHTS.forEach((w, i) => expect(w).toBe(3 ** i % 31));
  });

  it('the example in the rules: 91350100M000100Y4 → 3', () => {
    // By hand: Σ value×weight = 9+3+27+135+26+420(M=21×20)+8+900(Y=30×30)+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
  });

  it('codes constructed with the check function validate (Xiushan 500241, Chongqing 500000)', () => {
    for (const code of ['91500241MA5U12345E', '91500241MA60XY7K2Y', '92500241MA5YQ0R8X2', '52500000508123456N', '12500241009876543Q']) {
      expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code });
    }
  });

  it('a remainder of 0 gives check 0 (31 → 0)', () => {
    // Find a 17-character body whose weighted sum is ≡ 0 mod 31 by varying the last character.
    const body = '91500241MA5U1234';
    const last = [...CREDIT_CODE_ALPHABET].find((c) => creditCodeCheckChar(body + c) === '0');
    expect(last).toBeDefined();
    expect(validateCreditCode(`${body}${last}0`).ok).toBe(true);
  });

  it('throws on a bad body', () => {
    expect(() => creditCodeCheckChar('123')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100I000100Y4')).toThrow(/position 9/);
  });
});

describe('validateCreditCode errors', () => {
  it('length, with the normalised input', () => {
    expect(validateCreditCode('91350100M000100Y4')).toEqual({ ok: false, error: 'length', actual: '91350100M000100Y4' });
    expect(validateCreditCode('')).toMatchObject({ ok: false, error: 'length' });
    expect(validateCreditCode('91350100M000100Y431')).toMatchObject({ ok: false, error: 'length' });
  });

  it('charset: the first bad position, 1-based', () => {
    expect(validateCreditCode('I1350100M000100Y43')).toEqual({ ok: false, error: 'charset', position: 1, actual: 'I' });
    expect(validateCreditCode('91350100O000100Y43')).toEqual({ ok: false, error: 'charset', position: 9, actual: 'O' });
    expect(validateCreditCode('91350100M000100YS3')).toEqual({ ok: false, error: 'charset', position: 17, actual: 'S' });
    expect(validateCreditCode('91350100M000100Y4Z')).toEqual({ ok: false, error: 'charset', position: 18, actual: 'Z' });
    expect(validateCreditCode('9135 100M000100Y43')).toMatchObject({ error: 'charset', position: 5 });
    // Two bad characters: the first is reported.
    expect(validateCreditCode('91V50100M000100Y4Z')).toMatchObject({ error: 'charset', position: 3, actual: 'V' });
  });

  it('check: position 18 with the expected and actual characters', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ ok: false, error: 'check', position: 18, expected: '3', actual: '4' });
    // A transposition of two body characters is caught.
    expect(validateCreditCode('91530100M000100Y43')).toMatchObject({ ok: false, error: 'check', position: 18 });
  });
});

describe('normalisation', () => {
  it('lower case, surrounding spaces', () => {
    expect(validateCreditCode('  91350100m000100y43\t')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
  });

  it('full-width characters and the ideographic space', () => {
    expect(validateCreditCode('\u3000９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
    expect(validateCreditCode('９１３５０１００ｍ０００１００ｙ４３')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
    expect(creditCodeCheckChar('９１３５０１００ｍ０００１００ｙ４')).toBe('3');
  });
});

describe('creditCodeParts', () => {
  it('splits a valid code', () => {
    expect(creditCodeParts('91500241ma5u12345e')).toEqual({
      registrationAuthority: '9',
      organisationType: '1',
      divisionCode: '500241',
      organisationCode: 'MA5U12345',
      checkChar: 'E',
    });
  });

  it('null for an invalid code', () => {
    expect(creditCodeParts('91500241MA5U123450')).toBeNull();
    expect(creditCodeParts('x')).toBeNull();
  });
});
