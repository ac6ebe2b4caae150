import type { Aggregation } from '../../../common/aggregation.js';
import { dashboardView, type DashboardView, type IndicatorSummary, type ProgressView } from '../../../common/contracts/plans.js';
import { progress, type Comparator, type Point, type ProgressInput } from '../../../common/progress.js';
import { shareOfWay, verdict } from '../../../common/progress-outcome.js';
import type { Db } from '../../platform/db.js';
import { thisYear } from '../../platform/clock.js';
import {
  findDataElements,
  groupStatements,
  indicatorsOf,
  presentStatement,
  resolutionsOf,
  statementsOf,
  summaries,
  type IndicatorRow,
  type PlanWithRegion,
  type StatementGroup,
} from '../plans/index.js';
import * as repo from './analytics.repo.js';
import { compileIndicator, Cube, LayeredCube, seriesOf, type ValueSource } from './cube.js';
import { REGISTER_COUNTS, registerFacts } from '../registry/index.js';
import { taskTitles } from './titles.js';

export interface Unit {
  code: string;
  name: string;
  path: string;
}

/** Reported values layered over the register's computed figures, for the years from `fromYear` to now. */
export async function loadLayered(
  db: Db,
  root: Unit,
  approvedOnly: boolean,
  fromYear: number,
  dataElements?: string[],
): Promise<LayeredCube> {
  const [units, rows, aggs, facts] = await Promise.all([
    repo.unitsUnder(db, root.path),
    repo.valuesUnder(db, root.path, { approvedOnly, ...(dataElements ? { dataElements } : {}) }),
    repo.aggregations(db),
    registerFacts(db, root.path, fromYear, thisYear()),
  ]);
  const aggOf = (de: string) => (aggs.get(de) ?? 'sum') as Aggregation;
  const computed = new Cube(
    units,
    facts.rows.map((f) => ({ ...f, approved: true })),
    aggOf,
  );
  if (facts.inUse) computed.zeroFill = { des: REGISTER_COUNTS, from: fromYear, to: thisYear() };
  return new LayeredCube(new Cube(units, rows, aggOf), computed);
}

const sourceOf = (s: { section: string }) => s.section;

/** Baseline, targets, series and progress of one indicator at one unit, as of a year. */
export function summarise(
  ind: IndicatorRow,
  groups: StatementGroup[],
  cube: ValueSource,
  unit: Unit,
  year: number,
  baselineYear: number,
): IndicatorSummary {
  const here = groups.filter((g) => g.authoritative.indicatorId === ind.id && g.authoritative.orgUnitCode === unit.code);
  const baselineGroup = here
    .filter((g) => g.authoritative.kind === 'baseline')
    .sort((a, b) => b.authoritative.year - a.authoritative.year)[0];
  const targetGroups = here.filter((g) => g.authoritative.kind === 'target').sort((a, b) => a.authoritative.year - b.authoritative.year);
  const mainTarget = targetGroups.at(-1)?.authoritative;

  const computed = seriesOf(compileIndicator(ind.expression), cube, unit.code, { to: year });
  const known = computed.filter((c) => c.result.value !== null);
  const series: Point[] = known.map((c) => ({ year: c.year, value: c.result.value! }));
  let baseline: IndicatorSummary['baseline'] = null;
  if (baselineGroup) {
    const b = baselineGroup.authoritative;
    baseline = { year: b.year, value: b.value, source: sourceOf(b) };
    if (!series.some((p) => p.year === b.year) && b.year <= year) series.unshift({ year: b.year, value: b.value });
  } else {
    const atBase = series.find((p) => p.year === baselineYear);
    if (atBase) baseline = { ...atBase, source: 'data' };
  }
  series.sort((a, b) => a.year - b.year);
  const last = series.at(-1);
  const lastComputed = known.at(-1);
  const input: ProgressInput = {
    direction: ind.direction as 'increase' | 'decrease',
    rank: ind.unit === '位',
    baseline: baseline ? { year: baseline.year, value: baseline.value } : null,
    target: mainTarget ? { year: mainTarget.year, value: mainTarget.value, comparator: mainTarget.comparator as Comparator } : null,
    series,
    asOf: year,
  };
  const p = progress(input);
  const progressView: ProgressView = {
    status: p.status,
    ...(p.reason ? { reason: p.reason } : {}),
    method: p.method,
    shareOfWay: p.shareOfWay,
    cagrActual: p.cagrActual,
    cagrRequired: p.cagrRequired,
    ratio: p.ratio,
    expectedOnTrajectory: p.expectedOnTrajectory,
    projection: p.projection,
    share: shareOfWay(input),
    verdict: verdict({ ...input, decimals: ind.decimals, currentYear: thisYear() }),
  };
  return {
    id: ind.id,
    code: ind.code,
    table1No: ind.table1No,
    nameZh: ind.nameZh,
    nameEn: ind.nameEn,
    unit: ind.unit,
    decimals: ind.decimals,
    direction: ind.direction as 'increase' | 'decrease',
    expression: ind.expression,
    goalNo: ind.goalNo,
    taskNo: ind.taskNo,
    baseline,
    targets: targetGroups.flatMap((g) =>
      g.statements.map((s) => ({
        year: s.year,
        value: s.value,
        comparator: s.comparator as Comparator,
        source: s.section,
        clause: s.clause,
        authoritative: s.id === g.authoritative.id,
      })),
    ),
    latest: last ? { ...last, unapproved: lastComputed?.year === last.year ? lastComputed.unapproved : false } : null,
    series,
    progress: progressView,
  };
}

async function groupsFor(db: Db, inds: IndicatorRow[]): Promise<StatementGroup[]> {
  const ids = inds.map((i) => i.id);
  const [statements, resolutions] = await Promise.all([statementsOf(db, ids), resolutionsOf(db, ids)]);
  return [...groupStatements(statements, resolutions).values()];
}

export async function indicatorSummaries(
  db: Db,
  plan: PlanWithRegion,
  unit: Unit,
  year: number,
  approvedOnly: boolean,
): Promise<IndicatorSummary[]> {
  const inds = await indicatorsOf(db, [plan.plan.id]);
  const [groups, cube] = await Promise.all([groupsFor(db, inds), loadLayered(db, unit, approvedOnly, plan.plan.baselineYear - 5)]);
  return inds.map((ind) => summarise(ind, groups, cube, unit, year, plan.plan.baselineYear));
}

// Results per database, valid while the data revision is unchanged (every write that can alter a
// computed figure bumps it in its own transaction, so a hit is never stale) — and, for the dashboard, within
// the calendar year (a target's verdict appears when its year is over).
const cache = new WeakMap<Db, Map<string, { revision: number; value: unknown }>>();
const CACHE_ENTRIES = 500;

export async function memo<T>(db: Db, revision: number, key: string, compute: () => Promise<T>): Promise<T> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit && hit.revision === revision) return hit.value as T;
  const value = await compute();
  perDb.delete(key);
  perDb.set(key, { revision, value });
  if (perDb.size > CACHE_ENTRIES) perDb.delete(perDb.keys().next().value!);
  return value;
}

/** The dashboard as JSON text: checked against its contract when computed, then served as is. */
export function dashboardJson(
  db: Db,
  revision: number,
  plan: PlanWithRegion,
  unit: Unit,
  year: number,
  approvedOnly: boolean,
): Promise<string> {
  return memo(db, revision, `dashboard|${plan.plan.id}|${unit.code}|${year}|${approvedOnly}|${thisYear()}`, async () =>
    JSON.stringify(dashboardView.parse(await dashboard(db, plan, unit, year, approvedOnly, revision, await taskTitles(db, plan.plan.id)))),
  );
}

/**
 * A key task's progress: the plan gives none for the task itself, so it is the mean shown share of the way
 * (0..1) of the task's indicators that have one, with how many do.
 */
export function groupProgress(indicators: IndicatorSummary[]): DashboardView['keyTasks'][number]['progress'] {
  const shares = indicators.flatMap((i) => (i.progress.share ? [i.progress.share.value] : []));
  return {
    share: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null,
    measured: shares.length,
    total: indicators.length,
  };
}

export async function dashboard(
  db: Db,
  plan: PlanWithRegion,
  unit: Unit,
  year: number,
  approvedOnly: boolean,
  revision: number,
  titles: Map<string, string>,
): Promise<DashboardView> {
  const [summary] = await summaries(db, [plan]);
  const all = await indicatorSummaries(db, plan, unit, year, approvedOnly);
  const cards = all.filter((i) => i.table1No !== null).sort((a, b) => a.table1No! - b.table1No!);
  const counts = { achieved: 0, on_track: 0, needs_acceleration: 0, limited: 0, deteriorating: 0, no_data: 0 };
  const verdicts = { achieved: 0, not_achieved: 0, awaiting_value: 0 };
  for (const c of cards) {
    if (c.progress.verdict) verdicts[c.progress.verdict.outcome] += 1;
    else counts[c.progress.status] += 1;
  }
  const byTask = new Map<string | null, IndicatorSummary[]>();
  for (const i of all.filter((x) => x.table1No === null)) {
    const k = i.taskNo ?? (i.goalNo !== null ? `G${i.goalNo}` : null);
    byTask.set(k, [...(byTask.get(k) ?? []), i]);
  }
  const view: DashboardView = {
    plan: summary!,
    orgUnit: { code: unit.code, name: unit.name },
    year,
    revision,
    summary: counts,
    verdicts,
    cards,
    keyTasks: [...byTask.entries()].map(([taskNo, indicators]) => ({
      taskNo,
      title: (taskNo && titles.get(taskNo)) ?? taskNo ?? '',
      indicators,
      progress: groupProgress(indicators),
    })),
  };
  return view;
}

export async function indicatorValues(
  db: Db,
  ind: IndicatorRow,
  plan: PlanWithRegion,
  unit: Unit,
  range: { from?: number | undefined; to?: number | undefined },
) {
  const c = compileIndicator(ind.expression);
  const [groups, cube, des] = await Promise.all([
    groupsFor(db, [ind]),
    loadLayered(db, unit, false, plan.plan.baselineYear - 5, c.refs),
    findDataElements(db, c.refs),
  ]);
  const to = range.to ?? thisYear();
  const summary = summarise(ind, groups, cube, unit, to, plan.plan.baselineYear);
  const statements = groups.flatMap((g) => g.statements.map((s) => presentStatement(s, s.id === g.authoritative.id)));
  return {
    indicator: {
      ...summary,
      definitionZh: ind.definitionZh,
      planId: ind.planId,
      dataElements: des.map((d) => ({
        code: d.code,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        unit: d.unit,
        aggregation: d.aggregation as Aggregation,
      })),
    },
    orgUnit: { code: unit.code, name: unit.name },
    statements,
    values: (() => {
      // The reported and the register-computed figure side by side, and how far apart they are.
      const reported = new Map(seriesOf(c, cube.reported, unit.code).map((y) => [y.year, y.result.value]));
      const computed = new Map(seriesOf(c, cube.computed, unit.code).map((y) => [y.year, y.result.value]));
      return seriesOf(c, cube, unit.code, { from: range.from, to }).map((y) => {
        const r = reported.get(y.year) ?? null;
        const k = computed.get(y.year) ?? null;
        return {
          year: y.year,
          value: y.result.value,
          ...(y.result.reason ? { reason: y.result.reason } : {}),
          ...(y.result.missing ? { missing: y.result.missing } : {}),
          inputs: y.inputs,
          reported: r,
          computed: k,
          difference: r !== null && k !== null ? k - r : null,
        };
      });
    })(),
  };
}

/** 表1 indicators 3–10 from the register alone, with the reported figure and the difference. */
export async function registerIndicators(db: Db, plan: PlanWithRegion, unit: Unit, year: number) {
  const inds = (await indicatorsOf(db, [plan.plan.id])).filter((i) => i.table1No !== null && i.table1No >= 3 && i.table1No <= 10);
  const cube = await loadLayered(db, unit, false, year - 1);
  const at = (src: ValueSource, ind: IndicatorRow) =>
    seriesOf(compileIndicator(ind.expression), src, unit.code, { from: year, to: year })[0]?.result;
  return {
    orgUnit: { code: unit.code, name: unit.name },
    year,
    indicators: inds.map((ind) => {
      const computed = at(cube.computed, ind);
      const reported = at(cube.reported, ind)?.value ?? null;
      const value = computed?.value ?? null;
      return {
        code: ind.code,
        table1No: ind.table1No,
        nameZh: ind.nameZh,
        nameEn: ind.nameEn,
        unit: ind.unit,
        computed: value,
        ...(computed?.reason ? { reason: computed.reason, missing: computed.missing ?? [] } : {}),
        reported,
        difference: value !== null && reported !== null ? value - reported : null,
      };
    }),
  };
}
