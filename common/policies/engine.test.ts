import { describe, expect, it } from 'vitest';
import { evaluate, parameterOn, parametersUsed } from './engine.js';
import type { PolicyParameter, PolicyRule } from './types.js';

const rule: PolicyRule = {
  trigger: { event: 'stats.approved' },
  conditions: [
    { id: 'in_region', zh: '在本县', en: 'In the county', fact: 'enterprise.inRegion', op: 'is_true' },
    { id: 'size', zh: '规上', en: 'Above size', fact: 'enterprise.aboveDesignatedSize', op: 'is_true', document: 'audit_report' },
    { id: 'grew', zh: '研发投入增加', en: 'R&D grew', fact: 'stats.rdIncrement', op: 'gt', value: 0 },
  ],
  amount: { kind: 'share', fact: 'stats.rdIncrement', rateParam: 'rate', capParam: 'cap' },
  validFrom: '2021-01-01',
  validTo: '2025-12-31',
  checklist: [{ key: 'audit_report', zh: '审计报告', en: 'Audit report' }],
};
const params = (rate: number | null, cap: number | null): PolicyParameter[] => [
  { name: 'rate', zh: '比例', en: 'Rate', unit: 'percent', values: [{ from: '2021-01-01', value: rate, citation: '文件 A' }] },
  {
    name: 'cap',
    zh: '上限',
    en: 'Cap',
    unit: 'fen',
    values: [
      { from: '2021-01-01', value: cap, citation: '文件 A' },
      { from: '2024-01-01', value: cap === null ? null : cap * 2, citation: '文件 B' },
    ],
  },
];
const base = { policyCode: 'rd', version: 1, rule };
const facts = { 'enterprise.inRegion': true, 'enterprise.aboveDesignatedSize': true, 'stats.rdIncrement': 12.5 };

describe('policy evaluation', () => {
  it('is three-valued with a reason per condition', () => {
    const ok = evaluate({ ...base, parameters: params(10, 5_000_000), facts, date: '2023-05-01' });
    expect(ok.eligibility).toBe('eligible');
    // 12.5 万元 = 12 500 000 fen × 10 % = 1 250 000 fen, under the cap.
    expect(ok.amount).toMatchObject({ fen: 1_250_000, capped: false });
    const no = evaluate({ ...base, parameters: params(10, 5_000_000), facts: { ...facts, 'stats.rdIncrement': 0 }, date: '2023-05-01' });
    expect(no.eligibility).toBe('ineligible');
    expect(no.conditions.find((c) => c.id === 'grew')).toMatchObject({ outcome: 'fail', actual: 0, expected: '> 0' });
    const { ['enterprise.aboveDesignatedSize']: _gone, ...missing } = facts;
    const unknown = evaluate({ ...base, parameters: params(10, 5_000_000), facts: missing, date: '2023-05-01' });
    expect(unknown.eligibility).toBe('undetermined');
    expect(unknown.documentsNeeded).toEqual(['audit_report']);
    expect(evaluate({ ...base, parameters: params(10, 5_000_000), facts, date: '2026-01-01' }).eligibility).toBe('ineligible');
  });

  it('uses the parameter value in force on the date, caps, and reports 待定 parameters', () => {
    const big = { ...facts, 'stats.rdIncrement': 150 };
    expect(evaluate({ ...base, parameters: params(10, 5_000_000), facts: big, date: '2023-12-31' }).amount).toMatchObject({
      fen: 5_000_000,
      capped: true,
    });
    expect(evaluate({ ...base, parameters: params(10, 5_000_000), facts: big, date: '2024-01-01' }).amount).toMatchObject({
      fen: 10_000_000,
      capped: true,
    });
    expect(evaluate({ ...base, parameters: params(10, 5_000_000), facts: big, date: '2024-01-01' }).parameters.cap).toMatchObject({
      citation: '文件 B',
    });
    const unset = evaluate({ ...base, parameters: params(null, null), facts, date: '2023-05-01' });
    expect(unset.unsetParameters).toEqual(['rate', 'cap']);
    expect(unset.amount.fen).toBeNull();
    expect(parameterOn(params(10, 1)[1], '2020-12-31').value).toBeNull();
    expect(parametersUsed(rule)).toEqual(['rate', 'cap']);
  });
});
