import { z } from 'zod';
import { PERIOD_PATTERN } from '../aggregation.js';
import { ORG_CODE_PATTERN } from '../limits.js';
import {
  AGGREGATIONS,
  COMPARATORS,
  DIRECTIONS,
  PROGRESS_METHODS,
  PROGRESS_STATUSES,
  SHARE_BASES,
  SHARE_CLIPS,
  STATEMENT_KINDS,
  VERDICT_OUTCOMES,
} from '../values/plans.js';
import { figure, isoDate, name } from './common.js';

const code = z.string().trim().min(1).max(64);
const orgCode = z.string().regex(ORG_CODE_PATTERN);
export const periodSchema = z.string().regex(PERIOD_PATTERN);
const year = z.number().int().min(1949).max(2100);

/** The plan document: the format of server/db/seed/data/xiushan-plan.json and of POST /api/plans/import. */
export const planDocument = z.object({
  plan: z.object({
    code,
    titleZh: z.string().min(1),
    titleEn: z.string().min(1),
    regionCode: orgCode,
    periodStart: year,
    periodEnd: year,
    baselineYear: year,
    documentNo: z.string().optional(),
    issuedOn: isoDate.optional(),
  }),
  goals: z.array(z.object({ no: z.number().int(), titleZh: z.string(), titleEn: z.string(), textZh: z.string() })).default([]),
  tasks: z
    .array(
      z.object({
        no: z.string(),
        titleZh: z.string(),
        titleEn: z.string(),
        items: z.array(z.object({ no: z.string(), titleZh: z.string(), titleEn: z.string() })).default([]),
      }),
    )
    .default([]),
  dataElements: z.array(
    z.object({
      code: z.string().regex(/^[A-Za-z][A-Za-z0-9_.]*$/),
      nameZh: z.string().min(1),
      nameEn: z.string().min(1),
      unit: z.string().min(1),
      aggregation: z.enum(AGGREGATIONS),
      definitionZh: z.string().default(''),
      minValue: figure.nullable().optional(),
      maxValue: figure.nullable().optional(),
    }),
  ),
  indicators: z.array(
    z.object({
      code,
      table1No: z.number().int().nullable().default(null),
      nameZh: z.string().min(1),
      nameEn: z.string().min(1),
      unit: z.string().min(1),
      decimals: z.number().int().min(0).max(6),
      direction: z.enum(DIRECTIONS),
      expression: z.string().min(1),
      goalNo: z.number().int().nullable().default(null),
      taskNo: z.string().nullable().default(null),
      definitionZh: z.string().default(''),
      responsibleDepartments: z.array(z.string()).default([]),
    }),
  ),
  statements: z.array(
    z.object({
      indicator: code,
      kind: z.enum(STATEMENT_KINDS),
      orgUnitCode: orgCode,
      year,
      value: figure,
      comparator: z.enum(COMPARATORS).default('='),
      section: z.string(),
      clause: z.string(),
    }),
  ),
  facts: z
    .array(
      z.object({
        dataElement: z.string(),
        orgUnitCode: orgCode,
        period: periodSchema,
        value: figure,
        section: z.string(),
        clause: z.string(),
      }),
    )
    .default([]),
});
export type PlanDocument = z.infer<typeof planDocument>;

export const planSummary = z.object({
  id: z.string(),
  code: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  periodStart: z.number(),
  periodEnd: z.number(),
  baselineYear: z.number(),
  documentNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  indicatorCount: z.number(),
  conflictCount: z.number(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planDetail = planSummary.extend({
  goals: z.array(z.object({ no: z.number(), titleZh: z.string(), titleEn: z.string(), textZh: z.string() })),
  tasks: z.array(z.object({ no: z.string(), parentNo: z.string().nullable(), titleZh: z.string(), titleEn: z.string() })),
});

export const statementView = z.object({
  id: z.string(),
  kind: z.enum(STATEMENT_KINDS),
  orgUnitCode: z.string(),
  year: z.number(),
  value: z.number(),
  comparator: z.enum(COMPARATORS),
  section: z.string(),
  clause: z.string(),
  /** The one used for progress: chosen by the bureau, or by default the first (表1 first). */
  authoritative: z.boolean(),
});
export type StatementView = z.infer<typeof statementView>;

export const progressView = z.object({
  status: z.enum(PROGRESS_STATUSES),
  reason: z.string().optional(),
  method: z.enum(PROGRESS_METHODS).nullable(),
  shareOfWay: z.number().nullable(),
  cagrActual: z.number().nullable(),
  cagrRequired: z.number().nullable(),
  ratio: z.number().nullable(),
  expectedOnTrajectory: z.number().nullable(),
  projection: z
    .object({ year: z.number(), value: z.number(), method: z.enum(['compound_growth', 'linear_trend']), extrapolation: z.literal(true) })
    .nullable(),
  /** The share of the way to the target shown to readers, 0..1, with the unclipped figure and how it was measured. */
  share: z
    .object({
      value: z.number(),
      raw: z.number(),
      basis: z.enum(SHARE_BASES),
      clipped: z.enum(SHARE_CLIPS).nullable(),
      year: z.number(),
    })
    .nullable(),
  /** After the target year: achieved or not, with the gap in the indicator's unit (common/progress-outcome.ts). */
  verdict: z
    .object({
      outcome: z.enum(VERDICT_OUTCOMES),
      targetYear: z.number(),
      target: z.number(),
      comparator: z.enum(COMPARATORS),
      value: z.number().nullable(),
      valueYear: z.number().nullable(),
      gap: z.number().nullable(),
    })
    .nullable(),
});
export type ProgressView = z.infer<typeof progressView>;

const point = z.object({ year: z.number(), value: z.number() });

export const indicatorSummary = z.object({
  id: z.string(),
  code: z.string(),
  table1No: z.number().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  decimals: z.number(),
  direction: z.enum(DIRECTIONS),
  expression: z.string(),
  goalNo: z.number().nullable(),
  taskNo: z.string().nullable(),
  baseline: point.extend({ source: z.string() }).nullable(),
  targets: z.array(
    z.object({
      year: z.number(),
      value: z.number(),
      comparator: z.enum(COMPARATORS),
      source: z.string(),
      clause: z.string(),
      authoritative: z.boolean(),
    }),
  ),
  latest: point.extend({ unapproved: z.boolean() }).nullable(),
  series: z.array(point),
  progress: progressView,
});
export type IndicatorSummary = z.infer<typeof indicatorSummary>;

export const indicatorsQuery = z.object({
  orgUnit: orgCode.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  approvedOnly: z.enum(['true', 'false']).optional(),
});

/** Where one monitoring view looks (an org unit in the plan's region, as of a year): indicatorsQuery as the web holds it. */
export const monitoringScope = z.object({ orgUnit: orgCode, year: z.number().int(), approvedOnly: z.boolean().optional() });
export type MonitoringScope = z.infer<typeof monitoringScope>;

export const conflictView = z.object({
  indicatorId: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  kind: z.enum(STATEMENT_KINDS),
  orgUnitCode: z.string(),
  year: z.number(),
  statements: z.array(statementView),
  resolution: z.object({ statementId: z.string(), reason: z.string(), username: z.string().nullable(), at: z.string() }).nullable(),
});
export type ConflictView = z.infer<typeof conflictView>;

export const resolveConflictBody = z
  .object({
    indicatorId: z.uuid(),
    kind: z.enum(STATEMENT_KINDS),
    orgUnitCode: orgCode,
    year,
    statementId: z.uuid(),
    reason: z.string().trim().min(2).max(1000),
  })
  .strict();

export const dashboardView = z.object({
  plan: planSummary,
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  revision: z.number(),
  /** Cards by progress status, those without a final verdict (their target year not over, or the view before it). */
  summary: z.record(z.enum(PROGRESS_STATUSES), z.number()),
  cards: z.array(indicatorSummary),
  /** Cards with a final verdict (their target year is over), by outcome; the others are counted in summary. */
  verdicts: z.record(z.enum(VERDICT_OUTCOMES), z.number()),
  keyTasks: z.array(
    z.object({
      taskNo: z.string().nullable(),
      title: z.string(),
      indicators: z.array(indicatorSummary),
      /** The group's progress: the mean shown share of the way of its indicators that have one. */
      progress: z.object({ share: z.number().nullable(), measured: z.number(), total: z.number() }),
    }),
  ),
});
export type DashboardView = z.infer<typeof dashboardView>;

/** GET /api/registry/indicators: 表1 indicators 3–10 from the innovation register, beside the reported figures. */
export const registerIndicatorsQuery = z.object({
  orgUnit: z.string().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  plan: z.uuid().optional(),
});

export const registerIndicatorsView = z.object({
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  indicators: z.array(
    z.object({
      code: z.string(),
      table1No: z.number().nullable(),
      nameZh: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      /** From the register; null with the reason (and the data elements missing) when it cannot be computed. */
      computed: z.number().nullable(),
      reason: z.string().optional(),
      missing: z.array(z.string()).optional(),
      reported: z.number().nullable(),
      /** computed − reported. */
      difference: z.number().nullable(),
    }),
  ),
});
export type RegisterIndicatorsView = z.infer<typeof registerIndicatorsView>;

export const planIdParam = z.object({ id: z.uuid() });
export const indicatorCodeParam = z.object({ code });

export const indicatorValuesQuery = z.object({
  plan: z.uuid().optional(),
  orgUnit: orgCode.optional(),
  from: z.coerce.number().int().min(1949).max(2100).optional(),
  to: z.coerce.number().int().min(1949).max(2100).optional(),
});

export const indicatorValuesView = z.object({
  indicator: indicatorSummary.extend({
    definitionZh: z.string(),
    planId: z.string(),
    dataElements: z.array(
      z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), aggregation: z.enum(AGGREGATIONS) }),
    ),
  }),
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  statements: z.array(statementView),
  values: z.array(
    z.object({
      year: z.number(),
      value: z.number().nullable(),
      reason: z.string().optional(),
      missing: z.array(z.string()).optional(),
      inputs: z.record(z.string(), z.number()),
      /** From reported figures only; from the innovation register only; computed − reported. */
      reported: z.number().nullable(),
      computed: z.number().nullable(),
      difference: z.number().nullable(),
    }),
  ),
});

export const updateIndicatorBody = z
  .object({
    nameZh: name(200).optional(),
    nameEn: name(200).optional(),
    unit: z.string().trim().min(1).max(20).optional(),
    decimals: z.number().int().min(0).max(6).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    expression: z.string().trim().min(1).max(1000).optional(),
    definitionZh: z.string().max(4000).optional(),
  })
  .strict();
