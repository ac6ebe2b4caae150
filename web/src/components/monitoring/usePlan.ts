import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PlanSummary } from '../../../../common/contracts/plans';
import type { Role } from '../../../../common/enums';
import { orgUnitsQuery } from '../../api/orgunits';
import { plansQuery } from '../../api/plans';
import { useMe } from '../../app/session';
import { defaultUnit } from '../scope';
import { thisYear } from '../isoDate';

/** The plan the pages show: ?plan=<id>, or the first plan the user may read. */
export function useCurrentPlan() {
  const query = useQuery(plansQuery());
  const [params] = useSearchParams();
  const id = params.get('plan');
  const plan = query.data?.find((p) => p.id === id) ?? query.data?.[0] ?? null;
  return { ...query, plan };
}

/** Baseline year … end of the plan period. */
export function planYears(plan: PlanSummary): number[] {
  const out: number[] = [];
  for (let y = plan.baselineYear; y <= plan.periodEnd; y++) out.push(y);
  return out;
}

export interface ScopeParams {
  orgUnit: string;
  year: number;
  approvedOnly: boolean;
}

/**
 * Org unit, year and "approved only" in the URL (bookmarkable, kept when moving between the dashboard
 * and an indicator). Missing ones take defaults: the region, or the user's own unit inside it; the
 * given default year. `scope` is null until the org units needed for the default are loaded.
 */
export function useScopeParams(plan: PlanSummary | null, roles: readonly Role[], fallbackYear: (plan: PlanSummary) => number) {
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const units = useQuery(orgUnitsQuery()).data?.items;
  const fromUrl = params.get('orgUnit');
  const fallbackUnit = useMemo(() => (plan && units ? defaultUnit(me, roles, plan.regionCode, units) : null), [plan, units, me, roles]);
  const orgUnit = fromUrl ?? fallbackUnit;
  const yearParam = Number(params.get('year'));
  const years = plan ? planYears(plan) : [];
  const year = years.includes(yearParam) ? yearParam : plan ? fallbackYear(plan) : 0;
  const scope: ScopeParams | null = plan && orgUnit ? { orgUnit, year, approvedOnly: params.get('approved') === 'true' } : null;

  const setScope = (next: Partial<ScopeParams>) => {
    const merged = { ...scope, ...next };
    const p = new URLSearchParams(params);
    if (merged.orgUnit) p.set('orgUnit', merged.orgUnit);
    if (merged.year) p.set('year', String(merged.year));
    if (merged.approvedOnly) p.set('approved', 'true');
    else p.delete('approved');
    setParams(p, { replace: true });
  };
  return { scope, setScope, years, noUnit: plan !== null && units !== undefined && fallbackUnit === null && !fromUrl };
}

/** The dashboard's year: this year, or the plan's last year once the plan is over. */
export const monitoringYear = (plan: PlanSummary) => Math.min(thisYear(), plan.periodEnd);

/** Figures for a year are reported the year after: last year, within the plan's years. */
export const entryYear = (plan: PlanSummary) => Math.max(plan.baselineYear, Math.min(thisYear() - 1, plan.periodEnd));

/** "?orgUnit=…&year=…" to carry the scope to another page. */
export function scopeSearch(scope: ScopeParams | null): string {
  if (!scope) return '';
  const p = new URLSearchParams({ orgUnit: scope.orgUnit, year: String(scope.year) });
  if (scope.approvedOnly) p.set('approved', 'true');
  return `?${p.toString()}`;
}
