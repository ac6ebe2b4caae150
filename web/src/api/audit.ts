import { queryOptions } from '@tanstack/react-query';
import type { AuditEventView } from '../../../common/contracts/audit';
import { get, withQuery } from './http';

export interface AuditFilters {
  username?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

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
