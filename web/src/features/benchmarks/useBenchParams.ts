import { useSearchParams } from 'react-router';
import { thisYear } from '../../components/isoDate';

/** The year of the plan's peer tables (2020 GDP, R&D and enterprise R&D of the 38 districts). */
export const DEFAULT_YEAR = 2020;
export const DEFAULT_GROUP = 'cq_districts';
export const DEFAULT_INDICATOR = 'rd_intensity';
const FIRST_YEAR = 2015;

/** Years to choose from, latest first. */
export function benchYears(): number[] {
  const last = Math.max(thisYear(), DEFAULT_YEAR);
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

export interface BenchParams {
  indicator: string;
  year: number;
  group: string;
}

/** Indicator, year and peer group in the URL (bookmarkable, carried between the benchmarking pages). */
export function useBenchParams() {
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const current: BenchParams = {
    indicator: params.get('indicator') || DEFAULT_INDICATOR,
    year: Number.isInteger(yearParam) && yearParam >= 1990 && yearParam <= 2100 ? yearParam : DEFAULT_YEAR,
    group: params.get('group') || DEFAULT_GROUP,
  };
  const set = (next: Partial<BenchParams>) => {
    const merged = { ...current, ...next };
    const p = new URLSearchParams(params);
    p.set('indicator', merged.indicator);
    p.set('year', String(merged.year));
    p.set('group', merged.group);
    setParams(p, { replace: true });
  };
  return { ...current, set };
}

/** "?year=…&group=…" (and the indicator when given) to carry the choice to another benchmarking page. */
export function benchSearch(p: Partial<BenchParams>): string {
  const q = new URLSearchParams();
  if (p.indicator) q.set('indicator', p.indicator);
  if (p.year) q.set('year', String(p.year));
  if (p.group) q.set('group', p.group);
  const s = q.toString();
  return s ? `?${s}` : '';
}
