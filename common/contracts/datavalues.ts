import { z } from 'zod';
import { ORG_CODE_PATTERN } from '../limits.js';
import { figure, name } from './common.js';
import { AGGREGATIONS, VALUE_SOURCES, VALUE_STATUSES } from '../values/plans.js';
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
  })
  .strict();

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
  previousYear: z.number().nullable(),
  editable: z.boolean(),
});
export const gridResponse = z.object({
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  rows: z.array(gridRow),
  canApprove: z.boolean(),
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
