import { ExpressionError, validateExpression } from '../../../common/expression.js';
import type { ConflictView, PlanDocument, PlanSummary, StatementView } from '../../../common/contracts/plans.js';
import type { Comparator } from '../../../common/progress.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { bumpRevision } from '../../platform/revision.js';
import { insertOfficialValues } from '../datavalues/index.js';
import { findUnits } from '../orgunits/index.js';
import * as repo from './plans.repo.js';
import type { IndicatorRow, PlanWithRegion, ResolutionRow, StatementRow } from './plans.repo.js';

// ---------------------------------------------------------------- statements and conflicts

const keyOf = (s: Pick<StatementRow, 'indicatorId' | 'kind' | 'orgUnitCode' | 'year'>) =>
  `${s.indicatorId}|${s.kind}|${s.orgUnitCode}|${s.year}`;

export interface StatementGroup {
  key: string;
  statements: StatementRow[];
  authoritative: StatementRow;
  resolution: ResolutionRow | undefined;
}

/** Groups statements by what they are about; the authoritative one is the bureau's choice, else the first (表1 first). */
export function groupStatements(statements: StatementRow[], resolutions: ResolutionRow[]): Map<string, StatementGroup> {
  const resByKey = new Map(resolutions.map((r) => [keyOf(r), r]));
  const groups = new Map<string, StatementGroup>();
  for (const s of statements) {
    const k = keyOf(s);
    const g = groups.get(k);
    if (g) g.statements.push(s);
    else groups.set(k, { key: k, statements: [s], authoritative: s, resolution: resByKey.get(k) });
  }
  for (const g of groups.values()) {
    g.statements.sort((a, b) => a.sortOrder - b.sortOrder);
    const chosen = g.resolution && g.statements.find((s) => s.id === g.resolution!.statementId);
    g.authoritative = chosen ?? g.statements[0]!;
  }
  return groups;
}

export function presentStatement(s: StatementRow, authoritative: boolean): StatementView {
  return {
    id: s.id,
    kind: s.kind as 'baseline' | 'target',
    orgUnitCode: s.orgUnitCode,
    year: s.year,
    value: s.value,
    comparator: s.comparator as Comparator,
    section: s.section,
    clause: s.clause,
    authoritative,
  };
}

export const isConflict = (g: StatementGroup) => new Set(g.statements.map((s) => s.value)).size > 1;

export async function conflicts(db: Db, planId: string): Promise<ConflictView[]> {
  const inds = await repo.indicatorsOf(db, [planId]);
  const ids = inds.map((i) => i.id);
  const [statements, resolutions] = await Promise.all([repo.statementsOf(db, ids), repo.resolutionsOf(db, ids)]);
  const byId = new Map(inds.map((i) => [i.id, i]));
  const out: ConflictView[] = [];
  for (const g of groupStatements(statements, resolutions).values()) {
    if (!isConflict(g)) continue;
    const first = g.statements[0]!;
    const ind = byId.get(first.indicatorId)!;
    out.push({
      indicatorId: ind.id,
      indicatorCode: ind.code,
      indicatorName: ind.nameZh,
      unit: ind.unit,
      kind: first.kind as 'baseline' | 'target',
      orgUnitCode: first.orgUnitCode,
      year: first.year,
      statements: g.statements.map((s) => presentStatement(s, s.id === g.authoritative.id)),
      resolution: g.resolution
        ? {
            statementId: g.resolution.statementId,
            reason: g.resolution.reason,
            username: g.resolution.username,
            at: g.resolution.at.toISOString(),
          }
        : null,
    });
  }
  const order = new Map(inds.map((i, n) => [i.id, n]));
  return out.sort((a, b) => order.get(a.indicatorId)! - order.get(b.indicatorId)! || a.kind.localeCompare(b.kind) || a.year - b.year);
}

export async function resolveConflict(
  db: Db,
  ctx: RequestContext,
  plan: PlanWithRegion,
  body: { indicatorId: string; kind: 'baseline' | 'target'; orgUnitCode: string; year: number; statementId: string; reason: string },
): Promise<ConflictView[]> {
  const planId = plan.plan.id;
  await db.transaction(async (tx) => {
    const ind = await repo.findIndicator(tx, body.indicatorId);
    if (!ind || ind.planId !== planId) throw new AppError(400, 'plan_unknown_indicator', { code: body.indicatorId }, 'indicatorId');
    const st = await repo.findStatement(tx, body.statementId);
    if (!st || keyOf(st) !== keyOf(body)) throw new AppError(400, 'plan_statement_mismatch', {}, 'statementId');
    await repo.insertResolution(tx, { ...body, userId: ctx.userId });
    await bumpRevision(tx);
    await audit(tx, ctx, {
      action: 'resolve_conflict',
      entity: 'indicator',
      entityId: ind.code,
      orgUnit: plan.plan.regionCode,
      after: { kind: body.kind, orgUnitCode: body.orgUnitCode, year: body.year, value: st.value, clause: st.clause, reason: body.reason },
    });
  });
  return conflicts(db, planId);
}

// ---------------------------------------------------------------- plans

export async function summaries(db: Db, rows: PlanWithRegion[]): Promise<PlanSummary[]> {
  const inds = await repo.indicatorsOf(
    db,
    rows.map((r) => r.plan.id),
  );
  const ids = inds.map((i) => i.id);
  const [statements, resolutions] = await Promise.all([repo.statementsOf(db, ids), repo.resolutionsOf(db, ids)]);
  const planOf = new Map(inds.map((i) => [i.id, i.planId]));
  const conflictCount = new Map<string, number>();
  for (const g of groupStatements(statements, resolutions).values()) {
    if (!isConflict(g)) continue;
    const pid = planOf.get(g.statements[0]!.indicatorId)!;
    conflictCount.set(pid, (conflictCount.get(pid) ?? 0) + 1);
  }
  return rows.map(({ plan, regionName }) => ({
    id: plan.id,
    code: plan.code,
    titleZh: plan.titleZh,
    titleEn: plan.titleEn,
    regionCode: plan.regionCode,
    regionName,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    baselineYear: plan.baselineYear,
    documentNo: plan.documentNo,
    issuedOn: plan.issuedOn,
    indicatorCount: inds.filter((i) => i.planId === plan.id).length,
    conflictCount: conflictCount.get(plan.id) ?? 0,
  }));
}

export async function getPlanOr404(db: Db, id: string): Promise<PlanWithRegion> {
  const row = await repo.findPlan(db, id);
  if (!row) throw notFound(id);
  return row;
}

export async function detail(db: Db, row: PlanWithRegion) {
  const [summary] = await summaries(db, [row]);
  const [goals, tasks] = await Promise.all([repo.goalsOf(db, row.plan.id), repo.tasksOf(db, row.plan.id)]);
  return {
    ...summary!,
    goals: goals.map((g) => ({ no: g.no, titleZh: g.titleZh, titleEn: g.titleEn, textZh: g.textZh })),
    tasks: tasks.map((t) => ({ no: t.no, parentNo: t.parentNo, titleZh: t.titleZh, titleEn: t.titleEn })),
  };
}

// ---------------------------------------------------------------- import (seed and API)

interface Problem {
  field: string;
  code: string;
  params: Record<string, unknown>;
}

/** Default plausible ranges: amounts and counts are not negative; shares lie in 0–100 %. Growth rates are free. */
function defaultRange(code: string, unit: string): { minValue: number | null; maxValue: number | null } {
  if (/growth|change|rate_of/.test(code)) return { minValue: null, maxValue: null };
  return { minValue: 0, maxValue: unit === '%' ? 100 : null };
}

/** Loads a plan document all-or-nothing: every reference is checked before anything is written. */
export async function importPlan(
  db: Db,
  ctx: RequestContext,
  doc: PlanDocument,
): Promise<{ planId: string; indicators: number; statements: number; facts: number }> {
  return db.transaction(async (tx) => {
    const problems: Problem[] = [];
    if (await repo.findPlanByCode(tx, doc.plan.code)) throw new AppError(409, 'plan_code_taken', { code: doc.plan.code }, 'plan.code');
    const unitCodes = new Set([doc.plan.regionCode, ...doc.statements.map((s) => s.orgUnitCode), ...doc.facts.map((f) => f.orgUnitCode)]);
    const known = new Set((await findUnits(tx, [...unitCodes])).map((u) => u.code));
    if (!known.has(doc.plan.regionCode))
      problems.push({ field: 'plan.regionCode', code: 'unknown_org_unit', params: { code: doc.plan.regionCode } });

    const existing = new Map(
      (
        await repo.findDataElements(
          tx,
          doc.dataElements.map((d) => d.code),
        )
      ).map((d) => [d.code, d]),
    );
    doc.dataElements.forEach((d, i) => {
      const e = existing.get(d.code);
      if (e && (e.unit !== d.unit || e.aggregation !== d.aggregation)) {
        problems.push({ field: `dataElements.${i}.unit`, code: 'plan_data_element_clash', params: { code: d.code, unit: e.unit } });
      }
    });
    const deCodes = new Set([...doc.dataElements.map((d) => d.code), ...existing.keys()]);
    const extra = await repo.allDataElements(tx);
    for (const d of extra) deCodes.add(d.code);

    const indCodes = new Set<string>();
    doc.indicators.forEach((ind, i) => {
      if (indCodes.has(ind.code))
        problems.push({ field: `indicators.${i}.code`, code: 'plan_duplicate_indicator', params: { code: ind.code } });
      indCodes.add(ind.code);
      try {
        validateExpression(ind.expression, (c) => deCodes.has(c));
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        problems.push({ field: `indicators.${i}.expression`, code: 'plan_expression', params: { detail: e.message } });
      }
    });
    doc.statements.forEach((s, i) => {
      if (!indCodes.has(s.indicator))
        problems.push({ field: `statements.${i}.indicator`, code: 'plan_unknown_indicator', params: { code: s.indicator } });
      if (!known.has(s.orgUnitCode))
        problems.push({ field: `statements.${i}.orgUnitCode`, code: 'unknown_org_unit', params: { code: s.orgUnitCode } });
    });
    doc.facts.forEach((f, i) => {
      if (!deCodes.has(f.dataElement))
        problems.push({ field: `facts.${i}.dataElement`, code: 'plan_unknown_data_element', params: { code: f.dataElement } });
      if (!known.has(f.orgUnitCode))
        problems.push({ field: `facts.${i}.orgUnitCode`, code: 'unknown_org_unit', params: { code: f.orgUnitCode } });
    });
    if (problems.length) throw new AppError(400, problems[0]!.code, problems[0]!.params, problems[0]!.field, problems);

    const planId = crypto.randomUUID();
    const indicatorIds = new Map(doc.indicators.map((i) => [i.code, crypto.randomUUID()]));
    let order = 0;
    await repo.insertPlanGraph(tx, {
      plan: { id: planId, ...doc.plan, documentNo: doc.plan.documentNo ?? null, issuedOn: doc.plan.issuedOn ?? null },
      goals: doc.goals.map((g) => ({ planId, ...g })),
      tasks: doc.tasks.flatMap((t) => [
        { planId, no: t.no, parentNo: null, titleZh: t.titleZh, titleEn: t.titleEn, sortOrder: order++ },
        ...t.items.map((it) => ({ planId, no: it.no, parentNo: t.no, titleZh: it.titleZh, titleEn: it.titleEn, sortOrder: order++ })),
      ]),
      dataElements: doc.dataElements
        .filter((d) => !existing.has(d.code))
        .map((d) => {
          const range = defaultRange(d.code, d.unit);
          return {
            ...d,
            minValue: d.minValue === undefined ? range.minValue : d.minValue,
            maxValue: d.maxValue === undefined ? range.maxValue : d.maxValue,
          };
        }),
      indicators: doc.indicators.map((ind, n) => ({ id: indicatorIds.get(ind.code)!, planId, ...ind, sortOrder: n })),
      statements: doc.statements.map((s, n) => ({
        indicatorId: indicatorIds.get(s.indicator)!,
        kind: s.kind,
        orgUnitCode: s.orgUnitCode,
        year: s.year,
        value: s.value,
        comparator: s.comparator,
        section: s.section,
        clause: s.clause,
        sortOrder: n,
      })),
    });
    await insertOfficialValues(
      tx,
      ctx,
      doc.facts.map((f) => ({
        dataElement: f.dataElement,
        orgUnit: f.orgUnitCode,
        period: f.period,
        value: f.value,
        sourceNote: `${f.section}：${f.clause}`,
      })),
    );
    await bumpRevision(tx);
    await audit(tx, ctx, {
      action: 'import',
      entity: 'plan',
      entityId: doc.plan.code,
      orgUnit: doc.plan.regionCode,
      after: { title: doc.plan.titleZh, indicators: doc.indicators.length, statements: doc.statements.length, facts: doc.facts.length },
    });
    return { planId, indicators: doc.indicators.length, statements: doc.statements.length, facts: doc.facts.length };
  });
}

// ---------------------------------------------------------------- indicator definitions

export async function updateIndicator(
  db: Db,
  ctx: RequestContext,
  ind: IndicatorRow,
  regionCode: string,
  patch: Partial<Pick<IndicatorRow, 'nameZh' | 'nameEn' | 'unit' | 'decimals' | 'direction' | 'expression' | 'definitionZh'>>,
): Promise<IndicatorRow> {
  if (patch.expression !== undefined) {
    const codes = new Set((await repo.allDataElements(db)).map((d) => d.code));
    try {
      validateExpression(patch.expression, (c) => codes.has(c));
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      throw new AppError(400, 'plan_expression', { detail: e.message }, 'expression');
    }
  }
  return db.transaction(async (tx) => {
    const after = await repo.updateIndicator(tx, ind.id, patch);
    await bumpRevision(tx);
    const pick = (r: IndicatorRow) => ({
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      unit: r.unit,
      decimals: r.decimals,
      direction: r.direction,
      expression: r.expression,
      definitionZh: r.definitionZh,
    });
    await audit(tx, ctx, {
      action: 'update',
      entity: 'indicator',
      entityId: ind.code,
      orgUnit: regionCode,
      before: pick(ind),
      after: pick(after),
    });
    return after;
  });
}

/** Finds an indicator by code; with several plans holding the code, the plan must be named. */
export async function indicatorByCode(db: Db, code: string, planId: string | undefined): Promise<IndicatorRow> {
  const rows = (await repo.indicatorsByCode(db, code)).filter((r) => !planId || r.planId === planId);
  if (rows.length === 0) throw notFound(code);
  if (rows.length > 1) throw new AppError(400, 'plan_ambiguous_indicator', { code }, 'plan');
  return rows[0]!;
}
