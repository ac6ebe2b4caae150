import { describe, expect, it } from 'vitest';
import { runTestCases } from '../../../common/policies/index.js';
import { POLICY_CATALOGUE } from './policies.js';

describe('the seeded policy catalogue', () => {
  it('every seeded policy of the catalogue passes its own test cases', () => {
    expect(POLICY_CATALOGUE.length).toBeGreaterThanOrEqual(25);
    for (const p of POLICY_CATALOGUE) {
      const results = runTestCases({ policyCode: p.code, version: 1, rule: p.rule, parameters: p.parameters }, p.tests);
      expect(results.length, p.code).toBeGreaterThanOrEqual(3);
      expect(results.filter((r) => !r.passed).map((r) => `${p.code}: ${r.name}`)).toEqual([]);
      // The plan names no amounts: every seeded value is 待定.
      expect(p.parameters.every((x) => x.values.every((v) => v.value === null))).toBe(true);
    }
  });
});
