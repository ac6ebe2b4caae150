/**
 * The value lists of incentive policies and their claims, written once: the engine's types
 * (common/policies/types.ts), the contracts (common/contracts/policies.ts), the database checks
 * (server/db/schema/policies.ts) and the web's selects and labels all read them from here. Zod-free, so the
 * web imports it directly.
 */

/** Registry events that can trigger a no-application benefit; `application` policies are applied for. */
export const POLICY_EVENTS = ['qualification.granted', 'platform.recognized', 'patent.granted', 'stats.approved', 'application'] as const;
export type PolicyEvent = (typeof POLICY_EVENTS)[number];

export const CONDITION_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'is_true', 'is_false'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export const ELIGIBILITIES = ['eligible', 'ineligible', 'undetermined'] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];

export const CONDITION_OUTCOMES = ['pass', 'fail', 'unknown'] as const;
export type ConditionOutcome = (typeof CONDITION_OUTCOMES)[number];

/** How a parameter's values are written: money in whole fen, rates in percent. */
export const PARAMETER_UNITS = ['fen', 'percent'] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];

/** A version of a policy: edited as a draft, submitted (pending), approved by a second person, then superseded. */
export const VERSION_STATUSES = ['draft', 'pending', 'approved', 'superseded', 'rejected'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const CLAIM_STATUSES = [
  'needs_data',
  'applied',
  'matched',
  'reviewed',
  'in_notice',
  'approved',
  'paid',
  'rejected',
  'stacked',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** The steps of a claim's history: one per status it reached (claim_steps.step). */
export const CLAIM_STEPS = CLAIM_STATUSES;
export type ClaimStep = ClaimStatus;

/** Claims closed without payment. */
export const CLOSED_CLAIM_STATUSES: readonly ClaimStatus[] = ['rejected', 'stacked'];
/** Stacking and caps count what is committed: every claim still alive. */
export const ALIVE_CLAIM_STATUSES: readonly ClaimStatus[] = [
  'needs_data',
  'applied',
  'matched',
  'reviewed',
  'in_notice',
  'approved',
  'paid',
];

/** What limited a claim's amount: 就高不重复 (stacking) or the policy's yearly cap. */
export const ADJUSTMENT_KINDS = ['stacking', 'yearly_cap'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/**
 * How a decision's amount was reached (or why there is none), as a code the web renders (`policyMsg.<code>`)
 * with language-free parameters: parameter and fact names, amounts in fen, rates in percent. The engine
 * (common/policies/engine.ts) and the policies service say nothing else; the matching step stores it as its message.
 * - not_eligible {}: a condition failed, nothing is paid;
 * - no_trigger {event}: the register holds no record of that event that triggers the policy;
 * - param_pending {param}: the parameter is 待定 on the decision date;
 * - fact_missing {fact}: the register does not hold the fact the amount depends on;
 * - amount_fixed {param, fen}: the fixed amount of that parameter;
 * - amount_table {fact, key, param, fen}: the fact's value picks the parameter;
 * - table_no_reward {fact, key}: the fact's value has no amount in the table;
 * - amount_rate {fact, baseFen, pct, fen}: a share (pct %) of the fact's figure (in fen);
 * - amount_rate_capped {fact, baseFen, pct, capParam, capFen, fen}: the same, cut to the cap parameter.
 */
export const AMOUNT_MESSAGE_CODES = [
  'not_eligible',
  'no_trigger',
  'param_pending',
  'fact_missing',
  'amount_fixed',
  'amount_table',
  'table_no_reward',
  'amount_rate',
  'amount_rate_capped',
] as const;
export type AmountMessageCode = (typeof AMOUNT_MESSAGE_CODES)[number];

/**
 * What the policies module says about a decision or a claim, as a code the web renders from its dictionary
 * (`policyMsg.<code>`) with the message's parameters (amounts in fen, codes, the user's own words):
 * - stacking_not_higher {bestFen}: 就高不重复, a claim of the same group is at least as high; nothing is paid;
 * - stacking_difference {committedFen}: 就高不重复, that much is already committed; the difference is paid;
 * - yearly_cap {capFen, usedFen}: the policy's yearly cap and what the enterprise used this year;
 * - stacking_superseded {policyCode}: this claim is set aside for a higher one of that policy;
 * - objection_upheld {resolution}: an upheld objection rejected the claim (the resolver's words);
 * - seed_catalogue {}: version 1 as the catalogue loaded it, its amounts 待定;
 * - and the amount's codes above (AMOUNT_MESSAGE_CODES), which a claim's matching step keeps.
 */
export const POLICY_MESSAGE_CODES = [
  'stacking_not_higher',
  'stacking_difference',
  'yearly_cap',
  'stacking_superseded',
  'objection_upheld',
  'seed_catalogue',
  ...AMOUNT_MESSAGE_CODES,
] as const;
export type PolicyMessageCode = (typeof POLICY_MESSAGE_CODES)[number];
export interface PolicyMessage<C extends PolicyMessageCode = PolicyMessageCode> {
  code: C;
  params: Record<string, string | number>;
}

/**
 * Conditions the engine adds to a rule's own (whose words are the rule's data), as codes the web words
 * (`policyCond.<code>`): the decision date within the policy's validity, the triggering event matching the
 * rule's trigger on a fact (params {fact}), and the register holding a triggering record at all.
 */
export const CONDITION_CODES = ['valid_dates', 'trigger_match', 'no_trigger'] as const;
export type ConditionCode = (typeof CONDITION_CODES)[number];

/**
 * What a condition requires, as data the web words: a rule operator, `between` (the validity dates, `values`
 * = [from] or [from, to]) or `event` (a register event of that kind, `values` = [event]).
 */
export const REQUIREMENT_OPS = [...CONDITION_OPS, 'between', 'event'] as const;
export type RequirementOp = (typeof REQUIREMENT_OPS)[number];

export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
/** How an objection is resolved. */
export const OBJECTION_RESOLUTIONS = ['upheld', 'dismissed'] as const satisfies readonly ObjectionStatus[];
export type ObjectionResolution = (typeof OBJECTION_RESOLUTIONS)[number];

/** What a second person does with a pending policy version. */
export const VERSION_DECISIONS = ['approve', 'reject'] as const;
export type VersionDecision = (typeof VERSION_DECISIONS)[number];
