import { z } from 'zod';
import { CONDITION_OPS, POLICY_EVENTS } from '../policies/types.js';
import { figure, isoDate, name as displayName, text } from './common.js';
import { FUND_SOURCES } from './projects.js';

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
    unit: z.enum(['fen', 'percent']),
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
    expected: z
      .object({ eligibility: z.enum(['eligible', 'ineligible', 'undetermined']), amountFen: z.number().int().min(0).optional() })
      .strict(),
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

const checklistAnswer = z
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
  .object({ status: z.enum(['upheld', 'dismissed']), resolution: z.string().trim().min(2).max(500) })
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
/** A budget request: at least 1 fen, at most 10 亿元 (a plausible year's budget of one policy). */
export const BUDGET_MAX_FEN = 100_000_000_000;
export const budgetBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** From the catalogue of fund sources (the ledger's SOURCE_NAMES). */
    fundSource: z.enum(FUND_SOURCES).default('county'),
    /** A policy's code, or `call_<code>` for a call's budget: checked against the catalogue by the server. */
    policyCode: z.string().trim().min(1).max(60),
    amountFen: z
      .number()
      .int()
      .refine((v) => v >= 1 && v <= BUDGET_MAX_FEN, { message: 'budget_range' }),
    reason: z.string().trim().min(2).max(300),
    /** Generated by the form when it opens: a double click or a retry funds the budget once. */
    requestKey: z.uuid(),
  })
  .strict();
export const reverseBody = z.object({ reason: z.string().trim().min(2).max(300) }).strict();
export const budgetDecisionBody = z
  .object({ reason: z.string().trim().min(2).max(300).optional() })
  .strict()
  .nullish();
