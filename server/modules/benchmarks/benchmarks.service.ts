import { rankWithTies } from '../../../common/benchmarks/index.js';
import { evaluate as evalExpr, parseExpression, references } from '../../../common/expression.js';
import type { Direction } from '../../../common/values/benchmarks.js';
import { ROOT, type Access } from '../../platform/access.js';
import { audit, codeOfPath, commonPath, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { countedValues } from '../datavalues/index.js';
import { findUnits } from '../orgunits/index.js';
import * as repo from './benchmarks.repo.js';
import type { GroupRow, IndicatorRow } from './benchmarks.repo.js';

/**
 * Rankings among peers (reporting: reads data values and org units, writes nothing). Ties share the best rank
 * (1, 1, 3). A computed figure is always shown beside the published value and rank where they are stored, with
 * the difference, never instead of them. Only submitted and approved values count, never drafts.
 */
export type { GroupRow, IndicatorRow };

export const listIndicators = (db: Db): Promise<IndicatorRow[]> => repo.indicators(db);

/** Groups of the caller's units and of their ancestors (shared down), and the installation's own. */
export const listGroups = (db: Db, scopes: readonly string[]): Promise<GroupRow[]> => repo.groupsIn(db, scopes);

export async function findIndicator(db: Db, code: string): Promise<IndicatorRow> {
  const [row] = await repo.indicatorByCode(db, code);
  if (!row) throw new AppError(404, 'not_found', { what: code }, 'indicator');
  return row;
}

/** A group the caller may read (its own units', or an ancestor's: shared down); 404 unknown, 403 outside. */
export async function findGroup(db: Db, access: Access, code: string): Promise<GroupRow> {
  const [row] = await repo.groupByCode(db, code);
  if (!row) throw new AppError(404, 'not_found', { what: code }, 'group');
  access.assert('read', row.path ?? ROOT, row.unitName ?? row.group.nameZh, true);
  return row.group;
}

/**
 * A custom peer group: every member a known unit the caller may write; the group belongs to the narrowest
 * unit covering its members. 400 naming an unknown member, 403 for one outside, 409 for a taken code.
 */
export async function createGroup(
  db: Db,
  ctx: RequestContext,
  access: Access,
  input: { code: string; nameZh: string; nameEn: string; members: string[] },
): Promise<GroupRow> {
  const units = await findUnits(db, input.members);
  const found = new Map(units.map((u) => [u.code, u]));
  const unknown = input.members.findIndex((m) => !found.has(m));
  if (unknown >= 0) throw new AppError(400, 'not_in_scope_unit', { code: input.members[unknown]! }, `members.${unknown}`);
  const outside = input.members.findIndex((m) => !access.can('write', found.get(m)?.path ?? ROOT));
  if (outside >= 0) throw new AppError(403, 'forbidden_scope', { unit: found.get(input.members[outside]!)?.name ?? '' });
  const home = codeOfPath(commonPath(units.map((u) => u.path)) ?? ROOT);
  return db.transaction(async (tx) => {
    const g = await repo.insertGroup(tx, { ...input, members: [...new Set(input.members)], orgUnitCode: home });
    if (!g) throw new AppError(409, 'duplicate', { what: input.code }, 'code');
    await audit(tx, ctx, { action: 'create', entity: 'peer_group', entityId: g.code, orgUnit: home, after: g });
    return g;
  });
}

/** Ranks among peers, ties sharing the best rank (the composite index's own ranking); missing values unranked. */
const ranksOf = (values: (number | null)[], direction: Direction) => rankWithTies(values, direction === 1);

/** Values of indicators for units and years, computed from the stored data values. */
export async function indicatorValues(
  db: Db,
  inds: IndicatorRow[],
  units: string[],
  years: number[],
): Promise<Map<string, { value: number | null; published: number | null; publishedRank: number | null; missing: string[] }>> {
  const compiled = inds.map((i) => ({ i, expr: parseExpression(i.expression) }));
  const elements = new Set<string>();
  for (const c of compiled) {
    for (const r of references(c.expr)) elements.add(r);
    if (c.i.publishedValueElement) elements.add(c.i.publishedValueElement);
    if (c.i.publishedRankElement) elements.add(c.i.publishedRankElement);
  }
  // Drafts never count (docs/METHODS.md §2): only submitted and approved values.
  const rows = await countedValues(db, { orgUnits: units, periods: years.map(String), dataElements: [...elements] });
  const v = new Map(rows.map((r) => [`${r.dataElementCode}|${r.orgUnitCode}|${r.period}`, r.value]));
  const out = new Map<string, { value: number | null; published: number | null; publishedRank: number | null; missing: string[] }>();
  for (const { i, expr } of compiled)
    for (const u of units)
      for (const y of years) {
        const res = evalExpr(expr, (code) => v.get(`${code}|${u}|${y}`));
        out.set(`${i.code}|${u}|${y}`, {
          value: res.value,
          published: i.publishedValueElement ? (v.get(`${i.publishedValueElement}|${u}|${y}`) ?? null) : null,
          publishedRank: i.publishedRankElement ? (v.get(`${i.publishedRankElement}|${u}|${y}`) ?? null) : null,
          missing: res.missing ?? [],
        });
      }
  return out;
}

type IndicatorValue = { value: number | null; published: number | null; publishedRank: number | null; missing: string[] };
const NO_VALUE: IndicatorValue = { value: null, published: null, publishedRank: null, missing: [] };
/** indicatorValues answers every (indicator, unit, year) it was asked for; an absent key is a unit with no data. */
const valueAt = (vals: Map<string, IndicatorValue>, code: string, unit: string, year: number) =>
  vals.get(`${code}|${unit}|${year}`) ?? NO_VALUE;

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export async function rankings(db: Db, access: Access, q: { indicator: string; year: number; group: string }) {
  const ind = await findIndicator(db, q.indicator);
  const group = await findGroup(db, access, q.group);
  const units = group.members;
  const vals = await indicatorValues(db, [ind], units, [q.year, q.year - 1]);
  const names = await repo.unitNames(db, units);
  const dir = ind.direction;
  const now = units.map((u) => valueAt(vals, ind.code, u, q.year));
  const before = units.map((u) => valueAt(vals, ind.code, u, q.year - 1).value);
  const ranks = ranksOf(
    now.map((x) => x.value),
    dir,
  );
  const prevRanks = ranksOf(before, dir);
  // The published column ranked the same way, to show whether the published rank follows from it.
  const publishedRanks = ranksOf(
    now.map((x) => x.published),
    dir,
  );
  const present = now.map((x) => x.value).filter((x): x is number => x !== null);
  const average = present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
  const best = present.length ? (dir === 1 ? Math.max(...present) : Math.min(...present)) : null;
  const rows = units.map((u, k) => {
    const x = now[k]!;
    const shown = x.value === null ? null : round(x.value, ind.decimals);
    return {
      unit: u,
      name: names.get(u) ?? u,
      value: x.value,
      rank: ranks[k] ?? null,
      previousRank: prevRanks[k] ?? null,
      rankChange: ranks[k] != null && prevRanks[k] != null ? prevRanks[k] - ranks[k] : null,
      distanceToAverage: x.value !== null && average !== null ? x.value - average : null,
      distanceToBest: x.value !== null && best !== null ? x.value - best : null,
      publishedValue: x.published,
      /** The computed value, rounded as published, differs from the published one. */
      differsFromPublished: x.published !== null && shown !== null ? shown !== x.published : null,
      publishedValueRank: publishedRanks[k] ?? null,
      publishedRank: x.publishedRank,
      missing: x.missing,
    };
  });
  rows.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.name.localeCompare(b.name, 'zh-CN'));
  return { indicator: ind, year: q.year, group: { code: group.code, nameZh: group.nameZh, nameEn: group.nameEn }, average, best, rows };
}

/** One unit against a group: for every indicator, its value, rank and distance; strengths and weaknesses. */
export async function profile(db: Db, access: Access, q: { unit: string; year: number; group: string }) {
  const group = await findGroup(db, access, q.group);
  if (!group.members.includes(q.unit)) throw new AppError(400, 'not_found', { what: q.unit }, 'unit');
  const inds = await listIndicators(db);
  const vals = await indicatorValues(db, inds, group.members, [q.year]);
  const items = inds.map((ind) => {
    const values = group.members.map((u) => valueAt(vals, ind.code, u, q.year).value);
    const ranks = ranksOf(values, ind.direction);
    const k = group.members.indexOf(q.unit);
    const present = values.filter((x): x is number => x !== null);
    return {
      indicator: ind.code,
      nameZh: ind.nameZh,
      nameEn: ind.nameEn,
      unit: ind.unit,
      value: values[k] ?? null,
      rank: ranks[k] ?? null,
      of: present.length,
      average: present.length ? present.reduce((a, b) => a + b, 0) / present.length : null,
    };
  });
  const ranked = items.filter((x) => x.rank !== null && x.of > 1);
  const share = (x: (typeof ranked)[number]) => (x.rank! - 1) / (x.of - 1);
  return {
    unit: q.unit,
    year: q.year,
    group: group.code,
    items,
    strengths: [...ranked].sort((a, b) => share(a) - share(b)).slice(0, 3),
    weaknesses: [...ranked].sort((a, b) => share(b) - share(a)).slice(0, 3),
  };
}
