import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEventView, auditQuery as auditQuerySchema } from '../../../common/contracts/audit';
import { get, withQuery } from './http';

/** The filters of the audit log (its query without the paging). */
export type AuditFilters = Omit<z.input<typeof auditQuerySchema>, 'page' | 'pageSize'>;

export const auditQuery = (filters: AuditFilters, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['audit', 'list', filters, page, pageSize],
    queryFn: () => get<{ items: AuditEventView[]; total: number }>('/api/audit', { ...filters, page, pageSize }),
    placeholderData: (previous) => previous,
  });

export const auditEntitiesQuery = () =>
  queryOptions({ queryKey: ['audit', 'entities'], queryFn: () => get<string[]>('/api/audit/entities') });

/** A plain URL, so the browser downloads the workbook with the session cookie. */
export const auditExportUrl = (filters: AuditFilters) => withQuery('/api/audit/export', { ...filters });
