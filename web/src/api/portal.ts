import { queryOptions } from '@tanstack/react-query';
import type { OwnProfileInput } from '../../../common/contracts/registry';
import type { EnterpriseView, PatentView, Prechecks, StatsInput, StatsView } from './registry';
import { get, patch, request } from './http';

export type { OwnProfileInput };

/** The enterprise portal: an enterprise user's own records, through /api/my/…. */
export const MY_KEY = ['my'] as const;

export const myEnterpriseQuery = () =>
  queryOptions({ queryKey: [...MY_KEY, 'enterprise'], queryFn: () => get<EnterpriseView>('/api/my/enterprise') });
export const updateMyEnterprise = (body: OwnProfileInput) => patch<EnterpriseView>('/api/my/enterprise', body);

export const myStatsQuery = () => queryOptions({ queryKey: [...MY_KEY, 'stats'], queryFn: () => get<StatsView[]>('/api/my/stats') });
export const saveMyStats = (year: number, body: StatsInput) => request<void>('PUT', `/api/my/stats/${year}`, body);

export const myPatentsQuery = () => queryOptions({ queryKey: [...MY_KEY, 'patents'], queryFn: () => get<PatentView[]>('/api/my/patents') });
export const myPrechecksQuery = () =>
  queryOptions({ queryKey: [...MY_KEY, 'prechecks'], queryFn: () => get<Prechecks>('/api/my/prechecks') });
