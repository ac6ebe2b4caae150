import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ConflictView,
  DashboardView,
  IndicatorSummary,
  MonitoringScope,
  PlanSummary,
  indicatorValuesView,
  planDetail,
  resolveConflictBody,
} from '../../../common/contracts/plans';
import { get, post } from './http';

export type PlanDetail = z.infer<typeof planDetail>;
export type IndicatorValues = z.infer<typeof indicatorValuesView>;

/** Where one monitoring view looks: an org unit in the plan's region, as of a year. */
export type Scope = MonitoringScope;

const scopeQuery = (s: Scope) => ({ orgUnit: s.orgUnit, year: s.year, approvedOnly: s.approvedOnly ? 'true' : undefined });

export const plansQuery = () =>
  queryOptions({ queryKey: ['plans', 'list'], queryFn: () => get<PlanSummary[]>('/api/plans'), staleTime: 5 * 60_000 });

export const planQuery = (id: string) =>
  queryOptions({
    queryKey: ['plans', id, 'detail'],
    queryFn: () => get<PlanDetail>(`/api/plans/${encodeURIComponent(id)}`),
    staleTime: 5 * 60_000,
  });

export const dashboardQuery = (planId: string, scope: Scope) =>
  queryOptions({
    queryKey: ['plans', planId, 'dashboard', scope],
    queryFn: () => get<DashboardView>(`/api/plans/${encodeURIComponent(planId)}/dashboard`, scopeQuery(scope)),
    placeholderData: (previous) => previous,
  });

export const indicatorsQuery = (planId: string, scope: Scope) =>
  queryOptions({
    queryKey: ['plans', planId, 'indicators', scope],
    queryFn: () => get<IndicatorSummary[]>(`/api/plans/${encodeURIComponent(planId)}/indicators`, scopeQuery(scope)),
    placeholderData: (previous) => previous,
  });

/** Yearly values from `from` to `to`; the progress in the answer is as of `to`. */
export const indicatorValuesQuery = (code: string, planId: string, orgUnit: string, from: number, to: number) =>
  queryOptions({
    queryKey: ['indicators', code, 'values', { planId, orgUnit, from, to }],
    queryFn: () => get<IndicatorValues>(`/api/indicators/${encodeURIComponent(code)}/values`, { plan: planId, orgUnit, from, to }),
    placeholderData: (previous) => previous,
  });

export const conflictsQuery = (planId: string) =>
  queryOptions({
    queryKey: ['plans', planId, 'conflicts'],
    queryFn: () => get<ConflictView[]>(`/api/plans/${encodeURIComponent(planId)}/conflicts`),
  });

export type ResolveConflictInput = z.input<typeof resolveConflictBody>;

export const resolveConflict = (planId: string, body: ResolveConflictInput) =>
  post<ConflictView[]>(`/api/plans/${encodeURIComponent(planId)}/conflicts/resolve`, body);
