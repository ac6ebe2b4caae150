/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-symbol alphabet.
 * Layout: registration authority (1), organisation type (1), division code (6, GB/T 2260), organisation code
 * (9, GB 11714), check character (1). Matching enterprises on this code, not on fuzzy names, is how the
 * register avoids duplicates and how conflicts of interest are detected, so input is normalised first.
 */
import { normalizeCode } from './text.js';

/** The code alphabet; a symbol's value is its index. I, O, S, V and Z are excluded (confusable). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17: 3^(i−1) mod 31. */
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeError = 'length' | 'charset' | 'check';

export type CreditCodeResult =
  | { ok: true; normalized: string }
  | {
      ok: false;
      error: CreditCodeError;
      /** 1-based: for 'charset' the first bad position; for 'check' always 18. Absent for 'length'. */
      position?: number;
      /** For 'check': the correct check character. */
      expected?: string;
      /** For 'charset' the bad character, for 'check' the check character given, for 'length' the normalised input. */
      actual?: string;
    };

/** Check character (position 18) for the first 17 characters; throws RangeError on bad input. */
export function creditCodeCheckChar(first17: string): string {
  const s = normalizeCode(first17);
  if (s.length !== 17) throw new RangeError(`expected 17 characters, got ${s.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(s.charAt(i));
    if (value < 0) throw new RangeError(`invalid character at position ${i + 1}: ${s.charAt(i)}`);
    sum += value * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31; // 31 → 0
  return CREDIT_CODE_ALPHABET.charAt(check);
}

/** Normalise (trim, full-width → half-width, upper-case) and validate length, alphabet and check character. */
export function validateCreditCode(code: string): CreditCodeResult {
  const s = normalizeCode(code);
  if (s.length !== 18) return { ok: false, error: 'length', actual: s };
  for (let i = 0; i < 18; i++) {
    const c = s.charAt(i);
    if (!CREDIT_CODE_ALPHABET.includes(c)) return { ok: false, error: 'charset', position: i + 1, actual: c };
  }
  const expected = creditCodeCheckChar(s.slice(0, 17));
  const actual = s.charAt(17);
  if (actual !== expected) return { ok: false, error: 'check', position: 18, expected, actual };
  return { ok: true, normalized: s };
}

export interface CreditCodeParts {
  /** 登记管理部门代码, position 1 (9 = market regulation / 工商). */
  registrationAuthority: string;
  /** 机构类别代码, position 2 (with position 1: 91 enterprise, 92 individual business, 93 farmers' cooperative). */
  organisationType: string;
  /** 登记管理机关行政区划码, positions 3–8 (GB/T 2260, e.g. 500241 Xiushan). */
  divisionCode: string;
  /** 主体标识码 (组织机构代码), positions 9–17. */
  organisationCode: string;
  checkChar: string;
}

/** The parts of a valid code, or null when the code does not validate. */
export function creditCodeParts(code: string): CreditCodeParts | null {
  const r = validateCreditCode(code);
  if (!r.ok) return null;
  const s = r.normalized;
  return {
    registrationAuthority: s.slice(0, 1),
    organisationType: s.slice(1, 2),
    divisionCode: s.slice(2, 8),
    organisationCode: s.slice(8, 17),
    checkChar: s.slice(17),
  };
}
