import { annualize, rollup, type Aggregation } from '../../../common/aggregation.js';
import { evaluate, parseExpression, references, type EvalResult, type Expr } from '../../../common/expression.js';
import type { RawRow } from './analytics.repo.js';

/**
 * Yearly values of data elements for every unit of a subtree, aggregated over time and over the
 * hierarchy (common/aggregation.ts), with a note of which inputs are not yet approved.
 */
export class Cube {
  private readonly byDe = new Map<string, Map<string, Map<number, number>>>();
  private readonly unapproved = new Map<string, Set<number>>();

  constructor(units: { code: string; parentCode: string | null }[], rows: RawRow[], aggregationOf: (de: string) => Aggregation) {
    const own = new Map<string, Map<string, { period: string; value: number }[]>>();
    for (const r of rows) {
      let perOu = own.get(r.de);
      if (!perOu) own.set(r.de, (perOu = new Map()));
      let list = perOu.get(r.ou);
      if (!list) perOu.set(r.ou, (list = []));
      list.push({ period: r.period, value: r.value });
      if (!r.approved) {
        let years = this.unapproved.get(r.de);
        if (!years) this.unapproved.set(r.de, (years = new Set()));
        years.add(Number(r.period.slice(0, 4)));
      }
    }
    for (const [de, perOu] of own) {
      const agg = aggregationOf(de);
      const annual = new Map<string, Map<number, number>>();
      for (const [ou, list] of perOu) annual.set(ou, annualize(list, agg));
      this.byDe.set(de, rollup(units, annual, agg));
    }
  }

  value(de: string, ou: string, year: number): number | undefined {
    return this.byDe.get(de)?.get(ou)?.get(year);
  }

  years(de: string, ou: string): number[] {
    return [...(this.byDe.get(de)?.get(ou)?.keys() ?? [])];
  }

  hasUnapproved(de: string, year: number): boolean {
    return this.unapproved.get(de)?.has(year) ?? false;
  }
}

export interface CompiledIndicator {
  expr: Expr;
  refs: string[];
}

const compiled = new Map<string, CompiledIndicator>();

/** Parsed once per distinct expression text. */
export function compileIndicator(expression: string): CompiledIndicator {
  let c = compiled.get(expression);
  if (!c) {
    const expr = parseExpression(expression);
    c = { expr, refs: [...references(expr)] };
    compiled.set(expression, c);
  }
  return c;
}

export interface YearValue {
  year: number;
  result: EvalResult;
  inputs: Record<string, number>;
  unapproved: boolean;
}

/** Every year in which any input has a value, evaluated; ratios are computed from aggregated components. */
export function seriesOf(
  ind: CompiledIndicator,
  cube: Cube,
  ou: string,
  range?: { from?: number | undefined; to?: number | undefined },
): YearValue[] {
  const years = new Set<number>();
  for (const de of ind.refs) for (const y of cube.years(de, ou)) years.add(y);
  const out: YearValue[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    if ((range?.from !== undefined && year < range.from) || (range?.to !== undefined && year > range.to)) continue;
    const inputs: Record<string, number> = {};
    for (const de of ind.refs) {
      const v = cube.value(de, ou, year);
      if (v !== undefined) inputs[de] = v;
    }
    out.push({
      year,
      result: evaluate(ind.expr, (c) => inputs[c]),
      inputs,
      unapproved: ind.refs.some((de) => cube.hasUnapproved(de, year)),
    });
  }
  return out;
}
