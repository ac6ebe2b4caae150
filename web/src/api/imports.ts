import { queryOptions } from '@tanstack/react-query';
import { get, upload, withQuery } from './http';

export const IMPORT_KINDS = ['enterprises', 'qualifications', 'platforms', 'patents', 'stats'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface RegistryImportReport {
  dryRun: boolean;
  committed: boolean;
  rows: { row: number; status: 'ok' | 'error' | 'empty'; messages: { field: string; message: string }[] }[];
  counts: { ok: number; error: number; empty: number };
}

export interface ImportJob {
  state: 'running' | 'done' | 'failed';
  /** Rows checked so far. */
  processed: number;
  /** Share of the file read so far, 0–1 (an xlsx does not say how many rows it holds). */
  fraction: number;
  /** Rows in the file, once the job has ended. */
  total?: number;
  report?: RegistryImportReport;
  error?: { code: string; message: string };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The server reads the upload by its content type: a workbook, or CSV text. */
export const contentTypeOf = (file: File) => (/\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'text/csv' : XLSX_TYPE);

/** A plain URL, so the browser downloads the workbook with the session cookie. */
export const importTemplateUrl = (kind: ImportKind) => withQuery('/api/registry/import/template', { kind });

/** Starts a check (dryRun) or an all-or-nothing import; the work runs as a job polled with importJobQuery. */
export const startImport = (kind: ImportKind, file: File, dryRun: boolean) =>
  upload<{ jobId: string }>(withQuery('/api/registry/imports', { kind, dryRun }), file, contentTypeOf(file));

export const importJobQuery = (jobId: string | null) =>
  queryOptions({
    queryKey: ['registry-import', jobId],
    queryFn: () => get<ImportJob>(`/api/registry/imports/${encodeURIComponent(jobId ?? '')}`),
    enabled: jobId !== null,
    // Poll while the job runs; stop once it has an outcome.
    refetchInterval: (query) => (query.state.data && query.state.data.state !== 'running' ? false : 400),
    staleTime: 0,
    gcTime: 60_000,
  });
