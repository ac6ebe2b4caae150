/**
 * Incentive policies as data (domain-rules §5): a trigger, conditions over register facts, an amount rule over
 * dated parameters with a citation per value, stacking and caps. Evaluation is three-valued and explained.
 */
import type {
  AmountMessageCode,
  ConditionCode,
  ConditionOp,
  ConditionOutcome,
  Eligibility,
  ParameterUnit,
  PolicyEvent,
  PolicyMessage,
  RequirementOp,
} from '../values/policies.js';

// The value lists live in common/values/policies.ts; re-exported here for the engine's readers.
export { CONDITION_OPS, POLICY_EVENTS } from '../values/policies.js';
export type { ConditionOp, ConditionOutcome, Eligibility, PolicyEvent } from '../values/policies.js';

export type FactValue = string | number | boolean | null;
/** Facts by name, e.g. `event.level`, `stats.rdIncrement`; a missing fact is unknown, never false. */
export type Facts = Record<string, FactValue | undefined>;

export interface Condition {
  id: string;
  zh: string;
  en: string;
  fact: string;
  op: ConditionOp;
  /** A constant to compare with, or `param` to compare with a parameter's value on the decision date. */
  value?: string | number | boolean | (string | number)[];
  param?: string;
  /** The checklist document that settles this condition when the register cannot (fast application). */
  document?: string;
}

export type AmountRule =
  | { kind: 'fixed'; param: string }
  /** One parameter per value of a fact, e.g. by level: {national: 'amount_national', …}. */
  | { kind: 'table'; fact: string; params: Record<string, string> }
  /** A share (percent parameter) of a figure in 万元 (e.g. the increase in R&D spending), capped in fen. */
  | { kind: 'share'; fact: string; rateParam: string; capParam?: string };

export interface ChecklistItem {
  key: string;
  zh: string;
  en: string;
}

export interface PolicyRule {
  trigger: {
    event: PolicyEvent;
    /** Which events: fact → accepted values, e.g. {'event.qualificationType': ['high_tech']}. */
    match?: Record<string, (string | number)[]>;
  };
  conditions: Condition[];
  amount: AmountRule;
  /** 就高不重复: within a group, an enterprise gets the higher amount for a year, not both. */
  stackingGroup?: string;
  /** Per-enterprise yearly cap for this policy (a fen parameter). */
  yearlyCapParam?: string;
  validFrom: string;
  validTo?: string;
  checklist: ChecklistItem[];
}

export interface ParameterValue {
  /** In force from this date. */
  from: string;
  /** null = 待定, to be set by the bureau: the policy cannot match or pay until it is set. */
  value: number | null;
  /** Where the value comes from (document, article), or why it is not set. */
  citation: string;
}

export interface PolicyParameter {
  name: string;
  zh: string;
  en: string;
  unit: ParameterUnit;
  values: ParameterValue[];
}

export interface PolicyTestCase {
  name: string;
  date: string;
  facts: Facts;
  /** Values to use instead of the version's (so cases run while the real values are 待定). */
  parameters?: Record<string, number>;
  expected: { eligibility: Eligibility; amountFen?: number };
}

/** What a condition requires (no words: the web writes the operator and the values in the reader's language). */
export interface Requirement {
  op: RequirementOp;
  /** The operand(s): none for is_true / is_false, or when the parameter compared with is 待定. */
  values: (string | number | boolean)[];
  /** The parameter whose value on the decision date is compared with. */
  param?: string;
}

export interface ConditionResult {
  id: string;
  /** The rule's words for the condition (data); absent for one the engine adds, which has a `code` instead. */
  zh?: string;
  en?: string;
  /** A condition the engine or the service adds, not the rule's: the web words it (with `params`). */
  code?: ConditionCode;
  params?: Record<string, string | number>;
  outcome: ConditionOutcome;
  fact: string;
  actual: FactValue | undefined;
  requirement: Requirement;
  document?: string;
}

/** How the amount was reached, as a code and its parameters (AMOUNT_MESSAGE_CODES). */
export type AmountMessage = PolicyMessage<AmountMessageCode>;

export interface DecisionTrace {
  policyCode: string;
  version: number;
  versionId?: string;
  date: string;
  rule: PolicyRule;
  facts: Facts;
  parameters: Record<string, { value: number | null; citation: string; from: string | null }>;
  conditions: ConditionResult[];
  amount: { fen: number | null; capped: boolean; message: AmountMessage };
  eligibility: Eligibility;
  /** Parameters the decision needs that are 待定 on the date. */
  unsetParameters: string[];
  /** Checklist documents that would settle the unknown conditions. */
  documentsNeeded: string[];
  evaluatedAt: string;
}
