import { z } from 'zod';
import {
  DIRECT_ROUTE_LABELS,
  HIGH_TECH_CONDITION_LABELS,
  TECH_SME_CONDITION_LABELS,
  TECH_SME_ITEM_LABELS,
  type DirectRouteCode,
  type HighTechConditionCode,
  type HighTechPrecheck,
  type MissingCondition,
  type TechSmeConditionCode,
  type TechSmeEvaluation,
  type TechSmeItemCode,
} from '../registry/index.js';
import { isoDate } from './primitives.js';

/**
 * What the registry's prechecks answer (GET /api/enterprises/:id/prechecks, /api/my/prechecks) and the
 * high-tech cultivation pipeline (GET /api/registry/pipeline): the rule engine's results of common/registry,
 * condition by condition. The engine's own types stay the reference; `Same` below fails to compile when a
 * schema drifts from them.
 */
const codes = <C extends string>(labels: Record<C, unknown>) => z.enum(Object.keys(labels) as [C, ...C[]]);

const triState = z.enum(['pass', 'fail', 'unknown']);
const eligibility = z.enum(['eligible', 'ineligible', 'undetermined']);
const measureUnit = z.enum(['ratio', 'days', 'count', 'points', 'persons', 'wan_yuan']);
const label = { label_zh: z.string(), label_en: z.string() };

const measure = z.object({ value: z.number(), threshold: z.number(), comparator: z.enum(['>=', '<=']), unit: measureUnit });

function conditionView<C extends string>(code: z.ZodType<C>) {
  return z.object({
    code,
    ...label,
    result: triState,
    numbers: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
    measure: measure.optional(),
    missing: z.array(z.string()).optional(),
    note: z.string().optional(),
  });
}

export const highTechPrecheckView = z.object({
  overall: eligibility,
  conditions: z.array(conditionView(codes<HighTechConditionCode>(HIGH_TECH_CONDITION_LABELS))),
  period: z.array(z.number()),
});

const techSmeItem = z.object({
  code: codes<TechSmeItemCode>(TECH_SME_ITEM_LABELS),
  ...label,
  points: z.number().nullable(),
  min: z.number(),
  max: z.number(),
  maxPoints: z.number(),
  numbers: z.record(z.string(), z.number().nullable()),
  basis: z.enum(['sales', 'total_cost']).optional(),
  missing: z.array(z.string()).optional(),
});

export const techSmeEvaluationView = z.object({
  overall: eligibility,
  route: z.enum(['direct', 'score']).nullable(),
  conditions: z.array(conditionView(codes<TechSmeConditionCode>(TECH_SME_CONDITION_LABELS))),
  items: z.array(techSmeItem),
  score: z.object({ min: z.number(), max: z.number(), result: triState, threshold: z.number() }),
  direct: z.array(z.object({ code: codes<DirectRouteCode>(DIRECT_ROUTE_LABELS), ...label, result: triState })),
  missing: z.array(z.string()),
});

export const prechecksView = z.object({
  date: z.string(),
  highTech: highTechPrecheckView,
  techSme: techSmeEvaluationView,
  /** Facts the register holds that the prechecks used. */
  fromRegister: z.object({
    statsYears: z.array(z.number()),
    validInventions: z.number(),
    validClassII: z.number(),
    hasHighTechCertificate: z.boolean(),
  }),
});
export type PrechecksView = z.infer<typeof prechecksView>;

const missingCondition = z.object({
  code: z.string(),
  ...label,
  result: z.enum(['fail', 'unknown']),
  shortBy: z.object({ value: z.number(), threshold: z.number(), absolute: z.number(), relative: z.number(), unit: measureUnit }).optional(),
  missing: z.array(z.string()).optional(),
});

export const pipelineEntryView = z.object({
  position: z.number(),
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  orgUnitName: z.string(),
  isDemo: z.boolean(),
  overall: eligibility,
  /** Lower is closer to qualifying. */
  rankKey: z.number(),
  failed: z.number(),
  unknown: z.number(),
  missing: z.array(missingCondition),
});
export type PipelineEntryView = z.infer<typeof pipelineEntryView>;
export const pipelineView = z.array(pipelineEntryView);

export const precheckQuery = z.object({ date: isoDate.optional() });

// The schemas describe exactly the engine's types (both directions), or this does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const SCHEMAS_MATCH_ENGINE: [
  Same<z.infer<typeof highTechPrecheckView>, HighTechPrecheck>,
  Same<z.infer<typeof techSmeEvaluationView>, TechSmeEvaluation>,
  Same<z.infer<typeof missingCondition>, MissingCondition>,
] = [true, true, true];
