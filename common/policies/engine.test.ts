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
    // How, as a code and language-free parameters (the web words it): the base in fen and the rate in percent.
    expect(ok.amount.message).toEqual({
      code: 'amount_rate',
      params: { fact: 'stats.rdIncrement', baseFen: 12_500_000, pct: 10, fen: 1_250_000 },
    });
    const no = evaluate({ ...base, parameters: params(10, 5_000_000), facts: { ...facts, 'stats.rdIncrement': 0 }, date: '2023-05-01' });
    expect(no.eligibility).toBe('ineligible');
    expect(no.conditions.find((c) => c.id === 'grew')).toMatchObject({
      outcome: 'fail',
      actual: 0,
      requirement: { op: 'gt', values: [0] },
    });
    expect(no.amount).toEqual({ fen: 0, capped: false, message: { code: 'not_eligible', params: {} } });
    const { ['enterprise.aboveDesignatedSize']: _gone, ...missing } = facts;
    const unknown = evaluate({ ...base, parameters: params(10, 5_000_000), facts: missing, date: '2023-05-01' });
    expect(unknown.eligibility).toBe('undetermined');
    expect(unknown.documentsNeeded).toEqual(['audit_report']);
    const late = evaluate({ ...base, parameters: params(10, 5_000_000), facts, date: '2026-01-01' });
    expect(late.eligibility).toBe('ineligible');
    expect(late.conditions[0]).toEqual({
      id: 'valid_dates',
      code: 'valid_dates',
      outcome: 'fail',
      fact: 'date',
      actual: '2026-01-01',
      requirement: { op: 'between', values: ['2021-01-01', '2025-12-31'] },
    });
  });

  it('uses the parameter value in force on the date, caps, and reports 待定 parameters', () => {
    const big = { ...facts, 'stats.rdIncrement': 150 };
    expect(evaluate({ ...base, parameters: params(10, 5_000_000), facts: big, date: '2023-12-31' }).amount).toEqual({
      fen: 5_000_000,
      capped: true,
      message: {
        code: 'amount_rate_capped',
        params: { fact: 'stats.rdIncrement', baseFen: 150_000_000, pct: 10, capParam: 'cap', capFen: 5_000_000, fen: 5_000_000 },
      },
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
    expect(unset.amount).toEqual({ fen: null, capped: false, message: { code: 'param_pending', params: { param: 'rate' } } });
    expect(parameterOn(params(10, 1)[1], '2020-12-31').value).toBeNull();
    expect(parametersUsed(rule)).toEqual(['rate', 'cap']);
  });
});

describe('policy evaluation speaks in codes and data, never words (issue #13)', () => {
  it('says how every kind of amount was reached as a code with parameters, and every condition as data', () => {
    const rules = (amount: PolicyRule['amount']): PolicyRule => ({
      ...rule,
      trigger: { event: 'qualification.granted', match: { 'event.qualificationType': ['high_tech', 'tech_sme'] } },
      conditions: [
        { id: 'first', zh: '首次', en: 'First', fact: 'event.first', op: 'is_true' },
        { id: 'staff', zh: '人数', en: 'Staff', fact: 'enterprise.staff', op: 'gte', param: 'min_staff' },
        { id: 'level', zh: '级别', en: 'Level', fact: 'event.level', op: 'in', value: ['national', 'city'] },
      ],
      amount,
    });
    const fenParam = (name: string, value: number | null): PolicyParameter => ({
      name,
      zh: name,
      en: name,
      unit: 'fen',
      values: [{ from: '2021-01-01', value, citation: 'x' }],
    });
    const ps = [
      fenParam('amount', 10_000_000),
      fenParam('min_staff', 5),
      fenParam('amount_national', 30_000_000),
      fenParam('amount_city', null),
    ];
    const f = { 'event.qualificationType': 'high_tech', 'event.first': true, 'enterprise.staff': 8, 'event.level': 'national' };
    const run = (amount: PolicyRule['amount'], facts: Record<string, string | number | boolean> = f) =>
      evaluate({ ...base, rule: rules(amount), parameters: ps, facts, date: '2023-05-01' });
    const fixed = run({ kind: 'fixed', param: 'amount' });
    expect(fixed.amount).toEqual({
      fen: 10_000_000,
      capped: false,
      message: { code: 'amount_fixed', params: { param: 'amount', fen: 10_000_000 } },
    });
    expect(fixed.conditions.map((c) => [c.id, c.code ?? null, c.params ?? null, c.requirement])).toEqual([
      ['valid_dates', 'valid_dates', null, { op: 'between', values: ['2021-01-01', '2025-12-31'] }],
      [
        'trigger:event.qualificationType',
        'trigger_match',
        { fact: 'event.qualificationType' },
        { op: 'in', values: ['high_tech', 'tech_sme'] },
      ],
      ['first', null, null, { op: 'is_true', values: [] }],
      ['staff', null, null, { op: 'gte', values: [5], param: 'min_staff' }],
      ['level', null, null, { op: 'in', values: ['national', 'city'] }],
    ]);
    // The rule's own conditions keep the rule's words; the engine's carry none.
    expect(fixed.conditions.filter((c) => c.code).every((c) => c.zh === undefined && c.en === undefined)).toBe(true);
    expect(fixed.conditions.find((c) => c.id === 'first')).toMatchObject({ zh: '首次', en: 'First' });
    const table = { kind: 'table', fact: 'event.level', params: { national: 'amount_national', city: 'amount_city' } } as const;
    expect(run(table).amount).toEqual({
      fen: 30_000_000,
      capped: false,
      message: { code: 'amount_table', params: { fact: 'event.level', key: 'national', param: 'amount_national', fen: 30_000_000 } },
    });
    expect(run(table, { ...f, 'event.level': 'city' }).amount.message).toEqual({ code: 'param_pending', params: { param: 'amount_city' } });
    expect(run(table, { ...f, 'event.level': 'county', 'event.first': true }).amount).toMatchObject({ fen: 0 });
    const { ['event.level']: _level, ...noLevel } = f;
    expect(run(table, noLevel).amount).toEqual({
      fen: null,
      capped: false,
      message: { code: 'fact_missing', params: { fact: 'event.level' } },
    });
    // Outside the table (the condition on the level fails, so the decision is ineligible first).
    const open = { ...rules(table), conditions: [] };
    expect(evaluate({ ...base, rule: open, parameters: ps, facts: { ...f, 'event.level': 'county' }, date: '2023-05-01' }).amount).toEqual({
      fen: 0,
      capped: false,
      message: { code: 'table_no_reward', params: { fact: 'event.level', key: 'county' } },
    });
    // A 待定 parameter a condition compares with: no value to show, the parameter named.
    const unsetStaff = evaluate({
      ...base,
      rule: rules({ kind: 'fixed', param: 'amount' }),
      parameters: [ps[0]!, fenParam('min_staff', null)],
      facts: f,
      date: '2023-05-01',
    });
    expect(unsetStaff.conditions.find((c) => c.id === 'staff')).toMatchObject({
      outcome: 'unknown',
      requirement: { op: 'gte', values: [], param: 'min_staff' },
    });
    // No Chinese text anywhere in what the engine adds (the rule's own words aside).
    for (const trace of [fixed, run(table), unsetStaff]) {
      expect(JSON.stringify(trace.amount)).not.toMatch(/[\u4e00-\u9fff]/);
      for (const c of trace.conditions) expect(JSON.stringify({ ...c, zh: undefined })).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
