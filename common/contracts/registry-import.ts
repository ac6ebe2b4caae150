import { z } from 'zod';
import { IMPORT_KINDS, IMPORT_MESSAGE_CODES } from '../values/registry.js';

/** The register's spreadsheet import (server/modules/registry/import*.ts): a job the page polls. */
export const importKind = z.enum(IMPORT_KINDS);
export const importTemplateQuery = z.object({ kind: importKind });
export const importStartQuery = z.object({
  kind: importKind,
  dryRun: z.enum(['true', 'false']).default('true'),
  orgUnit: z.string().optional(),
});
export const importStarted = z.object({ jobId: z.string() });
export const importJobParams = z.object({ id: z.uuid() });

/**
 * A problem of one row: the field (a column key or an input path such as `owners.1`), the code and its
 * parameters, which the web renders in the reader's language, and the same as a message in the caller's
 * language for API clients. `params.problem` (code `validation`, `patent_number`) is one of IMPORT_PROBLEMS.
 */
export const importMessage = z.object({
  field: z.string(),
  message: z.string(),
  code: z.enum(IMPORT_MESSAGE_CODES),
  params: z.record(z.string(), z.unknown()),
});
export type ImportMessage = z.infer<typeof importMessage>;

export const registryImportReport = z.object({
  dryRun: z.boolean(),
  committed: z.boolean(),
  rows: z.array(z.object({ row: z.number(), status: z.enum(['ok', 'error']), messages: z.array(importMessage) })),
  counts: z.object({ ok: z.number(), error: z.number(), empty: z.number() }),
});
export type RegistryImportReport = z.infer<typeof registryImportReport>;

export const importJobView = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** Rows checked so far. */
  processed: z.number(),
  /** Share of the file read so far, 0–1 (an xlsx does not say how many rows it holds). */
  fraction: z.number(),
  /** Rows in the file, once the job has ended. */
  total: z.number().optional(),
  report: registryImportReport.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ImportJobView = z.infer<typeof importJobView>;
export type { ImportKind } from '../values/registry.js';
