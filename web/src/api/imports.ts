import { queryOptions } from '@tanstack/react-query';
import type { ImportJobView, ImportMessage, RegistryImportReport } from '../../../common/contracts/registry-import';
import { MIME } from '../../../common/values/files';
import { IMPORT_KINDS, type ImportKind } from '../../../common/values/registry';
import { get, upload, withQuery } from './http';

export { IMPORT_KINDS };
export type { ImportKind, ImportMessage, RegistryImportReport };
export type ImportJob = ImportJobView;

/** The server reads the upload by its content type: a workbook, or CSV text. */
export const contentTypeOf = (file: File) => (/\.csv$/i.test(file.name) || file.type === 'text/csv' ? MIME.csv : MIME.xlsx);

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
