import { z } from 'zod';
import {
  AMOUNT_MESSAGE_CODES,
  CLAIM_STATUSES,
  CONDITION_CODES,
  CONDITION_OPS,
  CONDITION_OUTCOMES,
  ELIGIBILITIES,
  OBJECTION_RESOLUTIONS,
  PARAMETER_UNITS,
  POLICY_EVENTS,
  POLICY_MESSAGE_CODES,
  REQUIREMENT_OPS,
  VERSION_STATUSES,
} from '../values/policies.js';
import { figure, isoDate, name as displayName, text } from './common.js';
import { instant } from './primitives.js';

/** Edits of a policy version, checked before they are stored (the rule is data the evaluator must understand). */
const name = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9_]*$/);
const label = displayName(200);
const factName = z.string().regex(/^(enterprise|event|stats|application)\.[A-Za-z]+$/);
const scalar = z.union([z.string().max(100), figure, z.boolean()]);

export const conditionSchema = z
  .object({
    id: name,
    zh: label,
    en: label,
    fact: factName,
    op: z.enum(CONDITION_OPS),
    value: z.union([scalar, z.array(z.union([z.string().max(100), figure])).max(50)]).optional(),
    param: name.optional(),
    document: name.optional(),
  })
  .strict();

export const amountRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), param: name }).strict(),
  z.object({ kind: z.literal('table'), fact: factName, params: z.record(z.string().max(40), name) }).strict(),
  z.object({ kind: z.literal('share'), fact: factName, rateParam: name, capParam: name.optional() }).strict(),
]);

export const policyRuleSchema = z
  .object({
    trigger: z
      .object({ event: z.enum(POLICY_EVENTS), match: z.record(factName, z.array(z.union([z.string(), z.number()])).max(50)).optional() })
      .strict(),
    conditions: z.array(conditionSchema).max(30),
    amount: amountRuleSchema,
    stackingGroup: name.optional(),
    yearlyCapParam: name.optional(),
    validFrom: isoDate,
    validTo: isoDate.optional(),
    checklist: z.array(z.object({ key: name, zh: label, en: label }).strict()).max(30),
  })
  .strict();

export const parameterSchema = z
  .object({
    name,
    zh: label,
    en: label,
    unit: z.enum(PARAMETER_UNITS),
    values: z
      .array(
        z
          .object({
            from: isoDate,
            // Money in whole fen; rates in percent. null = 待定.
            value: z.number().finite().min(0).max(1e13).nullable(),
            citation: z.string().trim().min(1).max(500),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict()
  .refine((p) => p.unit !== 'fen' || p.values.every((v) => v.value === null || Number.isInteger(v.value)), {
    message: 'whole_fen',
    path: ['values'],
  });

const facts = z.record(z.string().max(60), z.union([scalar, z.null()]));

export const testCaseSchema = z
  .object({
    name: label,
    date: isoDate,
    facts,
    parameters: z.record(name, figure).optional(),
    expected: z.object({ eligibility: z.enum(ELIGIBILITIES), amountFen: z.number().int().min(0).optional() }).strict(),
  })
  .strict();

export const versionPatch = z
  .object({
    rule: policyRuleSchema.optional(),
    parameters: z.array(parameterSchema).max(30).optional(),
    tests: z.array(testCaseSchema).max(100).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const evaluateBody = z.object({ creditCode: z.string().trim().min(1).max(30), date: isoDate.optional() }).strict();
export const whatIfBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    parameters: z.record(name, figure.min(0)),
    fundSource: z.string().trim().min(1).max(40).default('county'),
  })
  .strict();

/** The claims inbox's filters (GET /api/claims). */
export const claimFilters = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  policy: z.string().max(60).optional(),
  notice: z.uuid().optional(),
});
export type ClaimFilters = z.input<typeof claimFilters>;

export const checklistAnswer = z
  .array(z.object({ key: name, provided: z.boolean(), note: z.string().trim().max(300).optional() }).strict())
  .max(30);
export const reviewBody = z.object({ facts: facts.optional(), note: z.string().trim().max(500).optional() }).strict();
export const rejectBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();
export const noticeBody = z
  .object({ title: displayName(200, { min: 2 }), startsOn: isoDate, endsOn: isoDate, claimIds: z.array(z.uuid()).min(1).max(500) })
  .strict();
export const objectionBody = z
  .object({ claimId: z.uuid().optional(), text: text(2000, { min: 5 }), contact: displayName(100, { min: 0 }).optional() })
  .strict();
export const resolveObjectionBody = z
  .object({ status: z.enum(OBJECTION_RESOLUTIONS), resolution: z.string().trim().min(2).max(500) })
  .strict();
export const documentsBody = z.object({ checklist: checklistAnswer, note: z.string().trim().max(500).optional() }).strict();
export const applicationBody = z
  .object({
    policy: z.string().trim().min(1).max(60),
    /** What is being claimed (certificate or award number): one claim per reference. */
    reference: z.string().trim().min(1).max(100),
    note: z.string().trim().max(500).optional(),
    checklist: checklistAnswer.optional(),
  })
  .strict();

/** Request types (what the web sends), from the schemas above. */
export type VersionPatch = z.input<typeof versionPatch>;
export type EvaluateBody = z.input<typeof evaluateBody>;
export type WhatIfBody = z.input<typeof whatIfBody>;
export type ReviewBody = z.input<typeof reviewBody>;
export type NoticeBody = z.input<typeof noticeBody>;
export type ObjectionBody = z.input<typeof objectionBody>;
export type ResolveObjectionBody = z.input<typeof resolveObjectionBody>;
export type DocumentsBody = z.input<typeof documentsBody>;
export type ApplicationBody = z.input<typeof applicationBody>;
export type ChecklistAnswer = z.input<typeof checklistAnswer>[number];

// ——— Responses. A view lists every key the handler returns and the web reads (the serializer drops the rest).
// Types are exported as the JSON the web receives (`z.input`: a moment is an ISO string there, a Date on the server).

const factValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const factsView = z.record(z.string(), factValue.optional());

const conditionView = z.object({
  id: z.string(),
  zh: z.string(),
  en: z.string(),
  fact: z.string(),
  op: z.enum(CONDITION_OPS),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
  param: z.string().optional(),
  document: z.string().optional(),
});

const amountRuleView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), param: z.string() }),
  z.object({ kind: z.literal('table'), fact: z.string(), params: z.record(z.string(), z.string()) }),
  z.object({ kind: z.literal('share'), fact: z.string(), rateParam: z.string(), capParam: z.string().optional() }),
]);

/** A message of the policies module: a code the web renders and its parameters (see POLICY_MESSAGE_CODES). */
export const policyMessageView = z.object({
  code: z.enum(POLICY_MESSAGE_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PolicyMessageView = z.input<typeof policyMessageView>;

export const checklistItemView = z.object({ key: z.string(), zh: z.string(), en: z.string() });

export const policyRuleView = z.object({
  trigger: z.object({ event: z.enum(POLICY_EVENTS), match: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).optional() }),
  conditions: z.array(conditionView),
  amount: amountRuleView,
  stackingGroup: z.string().optional(),
  yearlyCapParam: z.string().optional(),
  validFrom: z.string(),
  validTo: z.string().optional(),
  checklist: z.array(checklistItemView),
});

const parameterView = z.object({
  name: z.string(),
  zh: z.string(),
  en: z.string(),
  unit: z.enum(PARAMETER_UNITS),
  values: z.array(z.object({ from: z.string(), value: z.number().nullable(), citation: z.string() })),
});

const testCaseView = z.object({
  name: z.string(),
  date: z.string(),
  facts: factsView,
  parameters: z.record(z.string(), z.number()).optional(),
  expected: z.object({ eligibility: z.enum(ELIGIBILITIES), amountFen: z.number().optional() }),
});

const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** What a condition requires, as data (the web words the operator and values in the reader's language). */
export const requirementView = z.object({
  op: z.enum(REQUIREMENT_OPS),
  values: z.array(z.union([z.string(), z.number(), z.boolean()])),
  /** The parameter compared with (its value on the date is in `values`, none while 待定). */
  param: z.string().optional(),
});
export type Requirement = z.input<typeof requirementView>;

export const conditionResultView = z.object({
  id: z.string(),
  /** The rule's words (data); absent for a condition the engine adds, which has a `code` the web renders. */
  zh: z.string().optional(),
  en: z.string().optional(),
  code: z.enum(CONDITION_CODES).optional(),
  params: messageParams.optional(),
  outcome: z.enum(CONDITION_OUTCOMES),
  fact: z.string(),
  actual: factValue.optional(),
  /** What the condition requires; decisions stored before issue #13 have `expected`, a text, instead. */
  requirement: requirementView.optional(),
  expected: z.string().optional(),
  document: z.string().optional(),
});
export type ConditionResult = z.input<typeof conditionResultView>;

/** How an amount was reached, as a code the web renders and its parameters (see AMOUNT_MESSAGE_CODES). */
export const amountMessageView = z.object({ code: z.enum(AMOUNT_MESSAGE_CODES), params: messageParams });
export type AmountMessageView = z.input<typeof amountMessageView>;

export const decisionTraceView = z.object({
  policyCode: z.string(),
  version: z.number(),
  versionId: z.string().optional(),
  date: z.string(),
  rule: policyRuleView,
  facts: factsView,
  parameters: z.record(z.string(), z.object({ value: z.number().nullable(), citation: z.string(), from: z.string().nullable() })),
  conditions: z.array(conditionResultView),
  /** `message`: how the amount was reached; decisions stored before issue #13 have `explanation`, a text, instead. */
  amount: z.object({
    fen: z.number().nullable(),
    capped: z.boolean(),
    message: amountMessageView.optional(),
    explanation: z.string().optional(),
  }),
  eligibility: z.enum(ELIGIBILITIES),
  unsetParameters: z.array(z.string()),
  documentsNeeded: z.array(z.string()),
  evaluatedAt: z.string(),
});

/** A policy as stored: code, names and the plan's clause it comes from. */
export const policyView = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  clauseRef: z.string(),
  clauseText: z.string(),
  regionCode: z.string(),
  sortOrder: z.number(),
  createdAt: instant,
});
export type PolicyRow = z.input<typeof policyView>;

/** A catalogue entry, with the version in force and what is 待定 today. */
export const policySummary = policyView.extend({
  trigger: z.enum(POLICY_EVENTS),
  activeVersion: z.number().nullable(),
  latestVersion: z.number(),
  latestStatus: z.enum(VERSION_STATUSES),
  unsetParameters: z.array(z.string()),
  /** Approved, with every parameter set today: it matches and pays. */
  operative: z.boolean(),
});
export type PolicySummary = z.input<typeof policySummary>;

export const versionView = z.object({
  id: z.string(),
  policyId: z.string(),
  version: z.number(),
  status: z.enum(VERSION_STATUSES),
  rule: policyRuleView,
  parameters: z.array(parameterView),
  tests: z.array(testCaseView),
  note: z.string().nullable(),
  /** What the system says about the version (the seed's "initial catalogue"); `note` is the staff's words. */
  message: policyMessageView.nullable(),
  createdBy: z.string().nullable(),
  createdAt: instant,
  approvedBy: z.string().nullable(),
  approvedAt: instant.nullable(),
  /** Everyone who changed its content: none of them approves it (four eyes). */
  editors: z.array(z.string()),
});
export type PolicyVersion = z.input<typeof versionView>;

/** GET /api/policies/:code: the stored policy (not the catalogue summary) and its versions, newest first. */
export const policyDetail = policyView.extend({ versions: z.array(versionView) });
export type PolicyDetail = z.input<typeof policyDetail>;

export const testCaseResultView = z.object({
  name: z.string(),
  passed: z.boolean(),
  expected: testCaseView.shape.expected,
  actual: z.object({ eligibility: z.enum(ELIGIBILITIES), amountFen: z.number().nullable() }),
  trace: decisionTraceView,
});
export type TestCaseResult = z.input<typeof testCaseResultView>;

export const testRunView = z.object({
  version: z.number(),
  passed: z.number(),
  failed: z.number(),
  results: z.array(testCaseResultView),
});
export type TestRun = z.input<typeof testRunView>;

export const evaluationView = z.object({
  eligibility: z.enum(ELIGIBILITIES),
  amountFen: z.number().nullable(),
  reasons: z.array(conditionResultView),
  unsetParameters: z.array(z.string()),
  trace: decisionTraceView,
});
export type Evaluation = z.input<typeof evaluationView>;

export const whatIfRow = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  date: z.string(),
  eligibility: z.enum(ELIGIBILITIES),
  amountFen: z.number().nullable(),
});
export type WhatIfRow = z.input<typeof whatIfRow>;

export const whatIfView = z.object({
  year: z.number(),
  fundSource: z.string(),
  events: z.number(),
  alreadyCommitted: z.number(),
  eligible: z.number(),
  undetermined: z.number(),
  projectedSpendFen: z.number(),
  undeterminedSpendFen: z.number(),
  remainingBudgetFen: z.number(),
  shortfallFen: z.number(),
  rows: z.array(whatIfRow),
});
export type WhatIf = z.input<typeof whatIfView>;

/** The enterprise portal: a policy in force and how the enterprise stands against it. */
export const myPolicyView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  clauseRef: z.string(),
  trigger: z.enum(POLICY_EVENTS),
  eligibility: z.enum(ELIGIBILITIES),
  amountFen: z.number().nullable(),
  conditions: z.array(conditionResultView),
  checklist: z.array(checklistItemView),
  /** Checklist keys that would settle the conditions the register cannot. */
  documentsNeeded: z.array(z.string()),
});
export type MyPolicy = z.input<typeof myPolicyView>;
