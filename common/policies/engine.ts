import type {
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

const show = (v: unknown) => (Array.isArray(v) ? v.join('、') : String(v));
const OP_TEXT: Record<Condition['op'], string> = {
  eq: '=',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: '∈',
  is_true: '是',
  is_false: '否',
};

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
    zh: '政策有效期内',
    en: 'Within the policy’s validity dates',
    outcome: date >= rule.validFrom && (!rule.validTo || date <= rule.validTo) ? 'pass' : 'fail',
    fact: 'date',
    actual: date,
    expected: `${rule.validFrom} – ${rule.validTo ?? '…'}`,
  });
  for (const [fact, accepted] of Object.entries(rule.trigger.match ?? {}))
    conditions.push({
      id: `trigger:${fact}`,
      zh: `触发事件符合（${fact}）`,
      en: `Triggering event matches (${fact})`,
      outcome: test('in', facts[fact], accepted),
      fact,
      actual: facts[fact],
      expected: `∈ ${show(accepted)}`,
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
      expected: c.op === 'is_true' || c.op === 'is_false' ? OP_TEXT[c.op] : `${OP_TEXT[c.op]} ${show(expected)}`,
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
    amount: eligibility === 'ineligible' ? { fen: 0, explanation: '不符合条件 not eligible', capped: false } : amount,
    eligibility,
    unsetParameters,
    documentsNeeded: [...new Set(conditions.filter((c) => c.outcome === 'unknown' && c.document).map((c) => c.document!))],
    evaluatedAt: new Date().toISOString(),
  };
}

function amountOf(rule: PolicyRule, facts: Facts, params: DecisionTrace['parameters']): DecisionTrace['amount'] {
  const a = rule.amount;
  const val = (name: string) => params[name]?.value ?? null;
  if (a.kind === 'fixed') {
    const v = val(a.param);
    return v === null
      ? { fen: null, explanation: `参数 ${a.param} 待定`, capped: false }
      : { fen: v, explanation: `定额 ${a.param}`, capped: false };
  }
  if (a.kind === 'table') {
    const key = facts[a.fact];
    if (key === undefined || key === null) return { fen: null, explanation: `缺少 ${a.fact}`, capped: false };
    const name = a.params[String(key)];
    if (!name) return { fen: 0, explanation: `${a.fact} = ${String(key)}：不在奖励范围`, capped: false };
    const v = val(name);
    return v === null
      ? { fen: null, explanation: `参数 ${name} 待定`, capped: false }
      : { fen: v, explanation: `${a.fact} = ${String(key)} → ${name}`, capped: false };
  }
  const base = facts[a.fact];
  if (typeof base !== 'number') return { fen: null, explanation: `缺少 ${a.fact}`, capped: false };
  const rate = val(a.rateParam);
  if (rate === null) return { fen: null, explanation: `参数 ${a.rateParam} 待定`, capped: false };
  // Integer arithmetic in fen: the base is rounded to the fen first, the share rounded down.
  const raw = Math.floor((Math.max(0, Math.round(base * FEN_PER_WAN)) * Math.round(rate * 100)) / 10_000);
  const cap = a.capParam ? val(a.capParam) : null;
  if (a.capParam && cap === null) return { fen: null, explanation: `参数 ${a.capParam} 待定`, capped: false };
  const capped = cap !== null && raw > cap;
  return {
    fen: capped ? cap : raw,
    explanation: `${a.fact} ${base} 万元 × ${rate}%${capped ? `，封顶 ${a.capParam}` : ''}`,
    capped,
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
