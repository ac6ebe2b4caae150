import type {
  AmountMessage,
  Condition,
  ConditionOutcome,
  ConditionResult,
  DecisionTrace,
  Eligibility,
  FactValue,
  Facts,
  PolicyParameter,
  PolicyRule,
  PolicyTestCase,
  Requirement,
} from './types.js';

/** 1 万元 = 10 000 yuan = 1 000 000 fen. */
export const FEN_PER_WAN = 1_000_000;

/** The value of a parameter on a date: the latest entry in force; null when 待定 or not yet in force. */
export function parameterOn(p: PolicyParameter | undefined, date: string): { value: number | null; citation: string; from: string | null } {
  if (!p) return { value: null, citation: '', from: null };
  const entry = [...p.values].filter((v) => v.from <= date).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  return entry ? { value: entry.value, citation: entry.citation, from: entry.from } : { value: null, citation: '', from: null };
}

/** Parameters a rule uses (amount, cap, conditions). */
export function parametersUsed(rule: PolicyRule): string[] {
  const a = rule.amount;
  const names =
    a.kind === 'fixed' ? [a.param] : a.kind === 'table' ? Object.values(a.params) : [a.rateParam, ...(a.capParam ? [a.capParam] : [])];
  if (rule.yearlyCapParam) names.push(rule.yearlyCapParam);
  for (const c of rule.conditions) if (c.param) names.push(c.param);
  return [...new Set(names)];
}

/** What a rule's condition requires, compared with `expected` (the constant, or the parameter's value on the date). */
function requirementOf(c: Condition, expected: unknown): Requirement {
  const values = Array.isArray(expected)
    ? (expected as (string | number)[])
    : expected === undefined || expected === null || c.op === 'is_true' || c.op === 'is_false'
      ? []
      : [expected as string | number | boolean];
  return { op: c.op, values, ...(c.param ? { param: c.param } : {}) };
}

function test(op: Condition['op'], actual: FactValue | undefined, expected: unknown): ConditionOutcome {
  if (actual === undefined || actual === null) return 'unknown';
  switch (op) {
    case 'is_true':
      return actual === true ? 'pass' : 'fail';
    case 'is_false':
      return actual === false ? 'pass' : 'fail';
    case 'in':
      return (expected as unknown[]).includes(actual) ? 'pass' : 'fail';
    case 'eq':
      return actual === expected ? 'pass' : 'fail';
    case 'ne':
      return actual !== expected ? 'pass' : 'fail';
    default: {
      if (typeof actual !== 'number' || typeof expected !== 'number') return 'unknown';
      const ok = op === 'gt' ? actual > expected : op === 'gte' ? actual >= expected : op === 'lt' ? actual < expected : actual <= expected;
      return ok ? 'pass' : 'fail';
    }
  }
}

export interface EvaluateInput {
  policyCode: string;
  version: number;
  versionId?: string;
  rule: PolicyRule;
  parameters: PolicyParameter[];
  facts: Facts;
  date: string;
  /** Parameter values that replace the version's (what-if runs and test cases). */
  overrides?: Record<string, number>;
}

/**
 * One decision, fully explained: each condition with the fact it used, the parameter values (with citations)
 * in force on the date, the amount and how it was reached. Pure: the same input gives the same trace.
 */
export function evaluate(input: EvaluateInput): DecisionTrace {
  const { rule, facts, date } = input;
  const byName = new Map(input.parameters.map((p) => [p.name, p]));
  const params: DecisionTrace['parameters'] = {};
  for (const name of parametersUsed(rule)) {
    const o = input.overrides?.[name];
    params[name] = o !== undefined ? { value: o, citation: 'what-if / test', from: null } : parameterOn(byName.get(name), date);
  }
  const conditions: ConditionResult[] = [];
  // The trigger and the validity dates are conditions too, so a refusal always says why.
  conditions.push({
    id: 'valid_dates',
    code: 'valid_dates',
    outcome: date >= rule.validFrom && (!rule.validTo || date <= rule.validTo) ? 'pass' : 'fail',
    fact: 'date',
    actual: date,
    requirement: { op: 'between', values: rule.validTo ? [rule.validFrom, rule.validTo] : [rule.validFrom] },
  });
  for (const [fact, accepted] of Object.entries(rule.trigger.match ?? {}))
    conditions.push({
      id: `trigger:${fact}`,
      code: 'trigger_match',
      params: { fact },
      outcome: test('in', facts[fact], accepted),
      fact,
      actual: facts[fact],
      requirement: { op: 'in', values: accepted },
    });
  for (const c of rule.conditions) {
    const expected = c.param ? params[c.param]?.value : c.value;
    const outcome = c.param && (expected === null || expected === undefined) ? 'unknown' : test(c.op, facts[c.fact], expected);
    conditions.push({
      id: c.id,
      zh: c.zh,
      en: c.en,
      outcome,
      fact: c.fact,
      actual: facts[c.fact],
      requirement: requirementOf(c, expected),
      ...(c.document ? { document: c.document } : {}),
    });
  }
  const eligibility: Eligibility = conditions.some((c) => c.outcome === 'fail')
    ? 'ineligible'
    : conditions.some((c) => c.outcome === 'unknown')
      ? 'undetermined'
      : 'eligible';
  const amount = amountOf(rule, facts, params);
  const unsetParameters = parametersUsed(rule).filter((n) => params[n]?.value === null || params[n]?.value === undefined);
  return {
    policyCode: input.policyCode,
    version: input.version,
    ...(input.versionId ? { versionId: input.versionId } : {}),
    date,
    rule,
    facts,
    parameters: params,
    conditions,
    amount: eligibility === 'ineligible' ? { fen: 0, capped: false, message: msg('not_eligible') } : amount,
    eligibility,
    unsetParameters,
    documentsNeeded: [...new Set(conditions.filter((c) => c.outcome === 'unknown' && c.document).map((c) => c.document!))],
    evaluatedAt: new Date().toISOString(),
  };
}

const msg = (code: AmountMessage['code'], params: AmountMessage['params'] = {}): AmountMessage => ({ code, params });
const pending = (param: string): DecisionTrace['amount'] => ({ fen: null, capped: false, message: msg('param_pending', { param }) });
const missing = (fact: string): DecisionTrace['amount'] => ({ fen: null, capped: false, message: msg('fact_missing', { fact }) });

/** The amount and how it was reached: a code and its parameters, never words (the web renders them, issue #13). */
function amountOf(rule: PolicyRule, facts: Facts, params: DecisionTrace['parameters']): DecisionTrace['amount'] {
  const a = rule.amount;
  const val = (name: string) => params[name]?.value ?? null;
  if (a.kind === 'fixed') {
    const v = val(a.param);
    return v === null ? pending(a.param) : { fen: v, capped: false, message: msg('amount_fixed', { param: a.param, fen: v }) };
  }
  if (a.kind === 'table') {
    const key = facts[a.fact];
    if (key === undefined || key === null) return missing(a.fact);
    const shown = typeof key === 'boolean' ? String(key) : key;
    const name = a.params[String(key)];
    if (!name) return { fen: 0, capped: false, message: msg('table_no_reward', { fact: a.fact, key: shown }) };
    const v = val(name);
    return v === null
      ? pending(name)
      : { fen: v, capped: false, message: msg('amount_table', { fact: a.fact, key: shown, param: name, fen: v }) };
  }
  const base = facts[a.fact];
  if (typeof base !== 'number') return missing(a.fact);
  const rate = val(a.rateParam);
  if (rate === null) return pending(a.rateParam);
  // Integer arithmetic in fen: the base is rounded to the fen first, the share rounded down.
  const baseFen = Math.max(0, Math.round(base * FEN_PER_WAN));
  const raw = Math.floor((baseFen * Math.round(rate * 100)) / 10_000);
  const cap = a.capParam ? val(a.capParam) : null;
  if (a.capParam && cap === null) return pending(a.capParam);
  const capped = cap !== null && raw > cap;
  const fen = capped ? cap : raw;
  const share = { fact: a.fact, baseFen, pct: rate, fen };
  return {
    fen,
    capped,
    message: capped ? msg('amount_rate_capped', { ...share, capParam: a.capParam ?? '', capFen: cap }) : msg('amount_rate', share),
  };
}

export interface TestCaseResult {
  name: string;
  passed: boolean;
  expected: PolicyTestCase['expected'];
  actual: { eligibility: Eligibility; amountFen: number | null };
  trace: DecisionTrace;
}

/** Runs a policy version's own test cases (boundary and negative cases are data the bureau can read). */
export function runTestCases(base: Omit<EvaluateInput, 'facts' | 'date' | 'overrides'>, cases: PolicyTestCase[]): TestCaseResult[] {
  return cases.map((c) => {
    const trace = evaluate({ ...base, facts: c.facts, date: c.date, ...(c.parameters ? { overrides: c.parameters } : {}) });
    const actual = { eligibility: trace.eligibility, amountFen: trace.amount.fen };
    const passed =
      actual.eligibility === c.expected.eligibility && (c.expected.amountFen === undefined || actual.amountFen === c.expected.amountFen);
    return { name: c.name, passed, expected: c.expected, actual, trace };
  });
}
