import { describe, expect, it } from 'vitest';
import { isValidOn } from './validity.js';

// A high-tech certificate issued 2019-05-01: three years, last valid day 2022-04-30.
const cert = { issuedOn: '2019-05-01', validUntil: '2022-04-30', revokedOn: null };

describe('a qualification valid on a date (the one rule)', () => {
  it('is valid from its issue date inclusive, not the day before', () => {
    expect(isValidOn(cert, '2019-04-30')).toBe(false);
    expect(isValidOn(cert, '2019-05-01')).toBe(true);
  });

  it('is valid on the last day of its term, not the day after', () => {
    expect(isValidOn(cert, '2022-04-30')).toBe(true);
    expect(isValidOn(cert, '2022-05-01')).toBe(false);
  });

  it('an open-ended one (no end of term) is valid until revoked', () => {
    expect(isValidOn({ issuedOn: '2019-05-01', validUntil: null, revokedOn: null }, '2099-12-31')).toBe(true);
  });

  it('a revocation takes effect on its date: valid the day before, not on the revocation date', () => {
    const revoked = { ...cert, revokedOn: '2021-06-30' };
    expect(isValidOn(revoked, '2021-06-29')).toBe(true);
    expect(isValidOn(revoked, '2021-06-30')).toBe(false);
    expect(isValidOn(revoked, '2021-07-01')).toBe(false);
  });

  it('a revocation dated later does not change an earlier date (as-of questions stay true)', () => {
    expect(isValidOn({ ...cert, revokedOn: '2022-01-01' }, '2020-12-31')).toBe(true);
  });

  it('revoked on its issue date: never valid', () => {
    expect(isValidOn({ ...cert, revokedOn: '2019-05-01' }, '2019-05-01')).toBe(false);
  });
});
