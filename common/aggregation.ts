/**
 * Aggregation of stored values over time and over the org-unit hierarchy (docs/METHODS.md).
 * Components are aggregated, ratios computed last: never an average of percentages.
 *
 * aggregation | over sub-periods (quarters, months) | over sub-units
 * sum         | sum                                  | sum
 * last        | the latest sub-period (stocks)       | sum
 * max / min   | max / min                            | max / min
 * none        | not combined (annual values only)    | not combined (own values only; ranks)
 *
 * A value stored for a unit itself (an official figure) wins over the combination of its sub-units,
 * and an annual value wins over the combination of its quarters or months.
 */

export type Aggregation = 'sum' | 'last' | 'max' | 'min' | 'none';

export interface ParsedPeriod {
  year: number;
  kind: 'year' | 'quarter' | 'month';
  /** Position inside the year: 0 for a year, 1–4 for quarters, 1–12 for months. */
  index: number;
}

export const PERIOD_PATTERN = /^(\d{4})(?:[Qq]([1-4])|(0[1-9]|1[0-2]))?$/;

export function parsePeriod(p: string): ParsedPeriod | null {
  const m = PERIOD_PATTERN.exec(p);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { year, kind: 'quarter', index: Number(m[2]) };
  if (m[3]) return { year, kind: 'month', index: Number(m[3]) };
  return { year, kind: 'year', index: 0 };
}

function combine(agg: Aggregation, values: number[], overTime: boolean): number | undefined {
  if (values.length === 0 || agg === 'none') return undefined;
  switch (agg) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'last':
      // Over time the caller passes values in period order; over units stocks add up.
      return overTime ? values[values.length - 1] : values.reduce((a, b) => a + b, 0);
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
  }
}

/** Yearly values of one data element at one unit from whatever periods were stored. */
export function annualize(entries: { period: string; value: number }[], agg: Aggregation): Map<number, number> {
  const annual = new Map<number, number>();
  const sub = new Map<number, { kind: string; index: number; value: number }[]>();
  for (const e of entries) {
    const p = parsePeriod(e.period);
    if (!p) continue;
    if (p.kind === 'year') annual.set(p.year, e.value);
    else sub.set(p.year, [...(sub.get(p.year) ?? []), { kind: p.kind, index: p.index, value: e.value }]);
  }
  for (const [year, parts] of sub) {
    if (annual.has(year)) continue;
    // Quarters and months are not mixed: quarters win when both exist.
    const kind = parts.some((x) => x.kind === 'quarter') ? 'quarter' : 'month';
    const chosen = parts.filter((x) => x.kind === kind).sort((a, b) => a.index - b.index);
    const v = combine(
      agg,
      chosen.map((x) => x.value),
      true,
    );
    if (v !== undefined) annual.set(year, v);
  }
  return annual;
}

export interface UnitLink {
  code: string;
  parentCode: string | null;
}

/**
 * Yearly values of one data element for every unit of a tree: own value if stored, else the
 * combination of its children's (recursively). Units are given in any order.
 */
export function rollup(units: UnitLink[], own: Map<string, Map<number, number>>, agg: Aggregation): Map<string, Map<number, number>> {
  const result = new Map<string, Map<number, number>>();
  if (agg === 'none') {
    for (const [ou, years] of own) result.set(ou, new Map(years));
    return result;
  }
  const children = new Map<string, string[]>();
  const known = new Set(units.map((u) => u.code));
  for (const u of units) {
    if (u.parentCode && known.has(u.parentCode)) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u.code]);
  }
  const visit = (code: string): Map<number, number> => {
    const cached = result.get(code);
    if (cached) return cached;
    const mine = new Map(own.get(code) ?? []);
    const kids = (children.get(code) ?? []).map(visit);
    const years = new Set<number>();
    for (const k of kids) for (const y of k.keys()) years.add(y);
    for (const y of years) {
      if (mine.has(y)) continue;
      const vals: number[] = [];
      for (const k of kids) {
        const v = k.get(y);
        if (v !== undefined) vals.push(v);
      }
      const v = combine(agg, vals, false);
      if (v !== undefined) mine.set(y, v);
    }
    result.set(code, mine);
    return mine;
  };
  for (const u of units) visit(u.code);
  return result;
}
