import { annualize, rollup, type Aggregation } from '../../../common/aggregation.js';
import { evaluate, parseExpression, references, type EvalResult, type Expr } from '../../../common/expression.js';
import type { RawRow } from './analytics.repo.js';

/** What indicator evaluation reads: yearly values per data element and unit. */
export interface ValueSource {
  value(de: string, ou: string, year: number): number | undefined;
  years(de: string, ou: string): number[];
  hasUnapproved(de: string, year: number): boolean;
}

/**
 * Yearly values of data elements for every unit of a subtree, aggregated over time and over the
 * hierarchy (common/aggregation.ts), with a note of which inputs are not yet approved.
 */
export class Cube implements ValueSource {
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

  /**
   * Counts from a register are complete: where it holds no record the figure is 0, not unknown. Only for
   * the listed data elements and years, and only when the register is in use at all.
   */
  zeroFill: { des: ReadonlySet<string>; from: number; to: number } | undefined;

  value(de: string, ou: string, year: number): number | undefined {
    const v = this.byDe.get(de)?.get(ou)?.get(year);
    if (v !== undefined || !this.zeroFill) return v;
    const z = this.zeroFill;
    return z.des.has(de) && year >= z.from && year <= z.to ? 0 : undefined;
  }

  years(de: string, ou: string): number[] {
    const own = [...(this.byDe.get(de)?.get(ou)?.keys() ?? [])];
    const z = this.zeroFill;
    if (!z || !z.des.has(de)) return own;
    return [...new Set([...own, ...Array.from({ length: z.to - z.from + 1 }, (_, i) => z.from + i)])];
  }

  hasUnapproved(de: string, year: number): boolean {
    return this.unapproved.get(de)?.has(year) ?? false;
  }
}

/**
 * Reported figures first, figures computed from the register where nothing was reported: the register
 * feeds the plan's indicators without ever hiding an official statistic.
 */
export class LayeredCube implements ValueSource {
  constructor(
    readonly reported: Cube,
    readonly computed: Cube,
  ) {}

  value(de: string, ou: string, year: number): number | undefined {
    return this.reported.value(de, ou, year) ?? this.computed.value(de, ou, year);
  }

  years(de: string, ou: string): number[] {
    return [...new Set([...this.reported.years(de, ou), ...this.computed.years(de, ou)])];
  }

  hasUnapproved(de: string, year: number): boolean {
    return this.reported.hasUnapproved(de, year);
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
  cube: ValueSource,
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
