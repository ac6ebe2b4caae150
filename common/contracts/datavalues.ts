import { z } from 'zod';
import { ORG_CODE_PATTERN } from '../limits.js';
import { figure, name } from './common.js';
import { AGGREGATIONS, PLAUSIBILITY_CODES, VALUE_SOURCES, VALUE_STATUSES } from '../values/plans.js';
import { periodSchema } from './plans.js';

const orgCode = z.string().regex(ORG_CODE_PATTERN);

export const dataElementView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  aggregation: z.enum(AGGREGATIONS),
  definitionZh: z.string(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
});
export type DataElementView = z.infer<typeof dataElementView>;

export const dataValueView = z.object({
  id: z.string(),
  dataElementCode: z.string(),
  orgUnitCode: z.string(),
  period: z.string(),
  value: z.number(),
  version: z.number(),
  current: z.boolean(),
  status: z.enum(VALUE_STATUSES),
  source: z.enum(VALUE_SOURCES),
  sourceNote: z.string().nullable(),
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type DataValueView = z.infer<typeof dataValueView>;

export const valueKey = z.object({ dataElement: z.string().min(1).max(64), orgUnit: orgCode, period: periodSchema });
export type ValueKey = z.infer<typeof valueKey>;

export const valueInput = valueKey.extend({
  value: figure,
  /** Required when an approved value is corrected. */
  reason: z.string().trim().max(1000).optional(),
  sourceNote: z.string().trim().max(1000).optional(),
  source: z.enum(['manual', 'official']).optional(),
});
export type ValueInput = z.infer<typeof valueInput>;

export const saveValuesBody = z
  .object({
    values: z.array(valueInput).min(1).max(10_000),
    /** save = draft; submit = save and submit for approval. */
    action: z.enum(['save', 'submit']).default('save'),
    /**
     * The caller has seen the plausibility warnings of these values and saves them anyway. Without it, a batch
     * with any warning is refused (409 dv_implausible, details.warnings) and nothing is saved.
     */
    confirmWarnings: z.boolean().default(false),
  })
  .strict();

/** An earlier value a figure is compared with: the same period of the latest earlier year that has one. */
export const earlierValue = z.object({ period: z.string(), value: z.number(), status: z.enum(VALUE_STATUSES) });
export type EarlierValue = z.infer<typeof earlierValue>;

/** Why one value of a save looks implausible (common/plausibility.ts); the web words it from the code and parameters. */
export const plausibilityWarning = z.object({
  /** Position in `values` (0-based) and its field, e.g. values.2.value. */
  index: z.number(),
  field: z.string(),
  code: z.enum(PLAUSIBILITY_CODES),
  dataElement: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  value: z.number(),
  unit: z.string(),
  previous: earlierValue.nullable(),
  ratio: z.number().optional(),
  factor: z.number().optional(),
  likelyUnit: z.string().optional(),
  corrected: z.number().optional(),
  typicalMax: z.number().optional(),
});
export type PlausibilityWarning = z.infer<typeof plausibilityWarning>;
/** error.details of the 409 dv_implausible answer to a save without confirmWarnings. */
export const implausibleDetails = z.object({ warnings: z.array(plausibilityWarning) });

export const saveValuesResponse = z.object({ saved: z.number(), unchanged: z.number(), values: z.array(dataValueView) });

export const keysBody = z.object({ keys: z.array(valueKey).min(1).max(10_000) }).strict();
export const keysResponse = z.object({ changed: z.number() });

export const gridQuery = z.object({
  orgUnit: orgCode,
  year: z.coerce.number().int().min(1949).max(2100),
  plan: z.uuid().optional(),
});

export const gridRow = z.object({
  dataElement: dataElementView,
  current: dataValueView.nullable(),
  /** The 上年值: the latest earlier year's value of the same element and unit (2020 when 2021–2024 were never entered). */
  previous: earlierValue.nullable(),
  editable: z.boolean(),
  /** The caller entered, changed or submitted the current version since it was last approved. */
  mine: z.boolean(),
  /** The caller may approve the current version now (submitted, in scope, and not theirs when four eyes apply). */
  approvable: z.boolean(),
});
export const gridResponse = z.object({
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  rows: z.array(gridRow),
  canApprove: z.boolean(),
  /** The installation's four-eyes setting: the approver of a value is never who entered, changed or submitted it. */
  fourEyes: z.boolean(),
  /** Who may approve the unit's figures (active bureau users whose grant covers it), by display name. */
  approvers: z.array(z.object({ id: z.string(), displayName: z.string() })),
});

export const historyQuery = valueKey;
export const historyResponse = z.array(dataValueView);

export const templateQuery = z.object({
  year: z.coerce.number().int().min(1949).max(2100),
  orgUnit: orgCode.optional(),
  plan: z.uuid().optional(),
});

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  action: z.enum(['save', 'submit']).default('submit'),
});

export const importRowReport = z.object({
  row: z.number(),
  status: z.enum(['ok', 'unchanged', 'error', 'warning', 'empty']),
  dataElement: z.string().nullable(),
  orgUnit: z.string().nullable(),
  period: z.string().nullable(),
  value: z.number().nullable(),
  messages: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ImportRowReport = z.infer<typeof importRowReport>;

export const importReport = z.object({
  dryRun: z.boolean(),
  committed: z.boolean(),
  rows: z.array(importRowReport),
  counts: z.object({ ok: z.number(), unchanged: z.number(), error: z.number(), warning: z.number(), empty: z.number() }),
});
export type ImportReport = z.infer<typeof importReport>;

export const exportTableBody = z.object({
  title: name(100),
  columns: z
    .array(z.object({ key: z.string().max(100), title: z.string().max(200) }))
    .min(1)
    .max(100),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))).max(100_000),
});
