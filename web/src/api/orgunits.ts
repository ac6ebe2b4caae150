import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateOrgUnitBody,
  ListOrgUnitsResponse,
  OrgUnitView,
  UpdateOrgUnitBody,
  orgUnitDetail,
} from '../../../common/contracts/orgunits';
import { get, patch, post } from './http';

export type OrgUnitDetail = z.infer<typeof orgUnitDetail>;

export const orgUnitsQuery = (includeInactive = false) =>
  queryOptions({
    queryKey: ['org-units', 'list', { includeInactive }],
    queryFn: () => get<ListOrgUnitsResponse>('/api/org-units', includeInactive ? { includeInactive: 'true' } : {}),
    // Reference data: changes rarely, and many forms use it.
    staleTime: 5 * 60_000,
  });

export const orgUnitQuery = (code: string) =>
  queryOptions({
    queryKey: ['org-units', 'detail', code],
    queryFn: () => get<OrgUnitDetail>(`/api/org-units/${encodeURIComponent(code)}`),
  });

export const resolveQuery = (text: string, within?: string) =>
  queryOptions({
    queryKey: ['org-units', 'resolve', text, within ?? null],
    queryFn: () => get<ListOrgUnitsResponse>('/api/org-units', { q: text.trim(), within }),
    enabled: text.trim().length > 0,
  });

export const createOrgUnit = (body: CreateOrgUnitBody) => post<OrgUnitView>('/api/org-units', body);
export const updateOrgUnit = (code: string, body: UpdateOrgUnitBody) =>
  patch<OrgUnitView>(`/api/org-units/${encodeURIComponent(code)}`, body);
