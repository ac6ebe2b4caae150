import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DataValueView, ImportReport, ValueInput, ValueKey, gridResponse } from '../../../common/contracts/datavalues';
import { get, post, upload, withQuery } from './http';

export type EntryGrid = z.infer<typeof gridResponse>;
export type EntryRow = EntryGrid['rows'][number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const gridQuery = (orgUnit: string, year: number, planId?: string) =>
  queryOptions({
    queryKey: ['data-entry', 'grid', { orgUnit, year, planId }],
    queryFn: () => get<EntryGrid>('/api/data-entry/grid', { orgUnit, year, plan: planId }),
  });

export const historyQuery = (key: ValueKey) =>
  queryOptions({
    queryKey: ['data-values', 'history', key],
    queryFn: () => get<DataValueView[]>('/api/data-values/history', { ...key }),
  });

/** Refused with 409 dv_implausible (error.details.warnings) when a value looks implausible, unless confirmWarnings. */
export const saveValues = (values: ValueInput[], action: 'save' | 'submit', confirmWarnings = false) =>
  post<{ saved: number; unchanged: number; values: DataValueView[] }>('/api/data-values', { values, action, confirmWarnings });

export const submitValues = (keys: ValueKey[]) => post<{ changed: number }>('/api/data-values/submit', { keys });
export const approveValues = (keys: ValueKey[]) => post<{ changed: number }>('/api/data-values/approve', { keys });

/** A plain URL, so the browser downloads the workbook with the session cookie. */
export const templateUrl = (orgUnit: string, year: number, planId?: string) =>
  withQuery('/api/data-entry/template', { year, orgUnit, plan: planId });

/** dryRun: every problem by row and nothing saved; otherwise all-or-nothing (400 import_errors with the report). */
export const importWorkbook = (file: File, orgUnit: string, dryRun: boolean, planId?: string) =>
  upload<ImportReport>(withQuery('/api/data-entry/import', { dryRun, action: 'submit', orgUnit, plan: planId }), file, XLSX_TYPE);

/** Queries that show data values, to refresh after any change. */
export const VALUE_QUERY_ROOTS = [['data-entry'], ['data-values'], ['plans'], ['indicators']] as const;
