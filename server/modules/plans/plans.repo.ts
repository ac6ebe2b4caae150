import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { dataElements, indicatorStatements, indicators, planGoals, planTasks, plans, statementResolutions } from '../../db/schema/plans.js';
import { usersRead } from '../accounts/index.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';

export type PlanRow = typeof plans.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type StatementRow = typeof indicatorStatements.$inferSelect;
export type DataElementRow = typeof dataElements.$inferSelect;
export type PlanWithRegion = { plan: PlanRow; regionName: string; regionPath: string };

/** Every plan; with `scopes`, those whose region is in or above one of them (plans are shared down). */
export function listPlans(db: Db, scopes?: readonly string[]): Promise<PlanWithRegion[]> {
  return db
    .select({ plan: plans, regionName: orgUnitsRead.name, regionPath: orgUnitsRead.path })
    .from(plans)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, plans.regionCode))
    .where(scopes ? inScope(orgUnitsRead.path, scopes, { sharedDown: true }) : undefined)
    .orderBy(asc(plans.periodStart), asc(plans.code));
}

export async function findPlan(db: Db, id: string): Promise<PlanWithRegion | undefined> {
  const [row] = await db
    .select({ plan: plans, regionName: orgUnitsRead.name, regionPath: orgUnitsRead.path })
    .from(plans)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, plans.regionCode))
    .where(eq(plans.id, id));
  return row;
}

export async function findPlanByCode(db: Db, code: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.code, code));
  return row;
}

export const goalsOf = (db: Db, planId: string) =>
  db.select().from(planGoals).where(eq(planGoals.planId, planId)).orderBy(asc(planGoals.no));
export const tasksOf = (db: Db, planId: string) =>
  db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.sortOrder));

export function indicatorsOf(db: Db, planIds: string[]): Promise<IndicatorRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db.select().from(indicators).where(inArray(indicators.planId, planIds)).orderBy(asc(indicators.sortOrder));
}

export async function findIndicator(db: Db, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

export const indicatorsByCode = (db: Db, code: string) => db.select().from(indicators).where(eq(indicators.code, code));

export function statementsOf(db: Db, indicatorIds: string[]): Promise<StatementRow[]> {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(indicatorStatements)
    .where(inArray(indicatorStatements.indicatorId, indicatorIds))
    .orderBy(asc(indicatorStatements.sortOrder));
}

export interface ResolutionRow {
  indicatorId: string;
  kind: string;
  orgUnitCode: string;
  year: number;
  statementId: string;
  reason: string;
  at: Date;
  username: string | null;
}

/** The newest resolution per (indicator, kind, unit, year). */
export function resolutionsOf(db: Db, indicatorIds: string[]): Promise<ResolutionRow[]> {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  const r = statementResolutions;
  return db
    .selectDistinctOn([r.indicatorId, r.kind, r.orgUnitCode, r.year], {
      indicatorId: r.indicatorId,
      kind: r.kind,
      orgUnitCode: r.orgUnitCode,
      year: r.year,
      statementId: r.statementId,
      reason: r.reason,
      at: r.at,
      username: usersRead.username,
    })
    .from(r)
    .leftJoin(usersRead, eq(usersRead.id, r.userId))
    .where(inArray(r.indicatorId, indicatorIds))
    .orderBy(r.indicatorId, r.kind, r.orgUnitCode, r.year, desc(r.id));
}

export async function insertResolution(db: Db, row: typeof statementResolutions.$inferInsert): Promise<void> {
  await db.insert(statementResolutions).values(row);
}

export async function findStatement(db: Db, id: string): Promise<StatementRow | undefined> {
  const [row] = await db.select().from(indicatorStatements).where(eq(indicatorStatements.id, id));
  return row;
}

export const allDataElements = (db: Db) => db.select().from(dataElements).orderBy(asc(dataElements.code));

export function findDataElements(db: Db, codes: string[]): Promise<DataElementRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select().from(dataElements).where(inArray(dataElements.code, codes));
}

export interface PlanGraph {
  plan: typeof plans.$inferInsert;
  goals: (typeof planGoals.$inferInsert)[];
  tasks: (typeof planTasks.$inferInsert)[];
  dataElements: (typeof dataElements.$inferInsert)[];
  indicators: (typeof indicators.$inferInsert)[];
  statements: (typeof indicatorStatements.$inferInsert)[];
}

export async function insertPlanGraph(db: Db, g: PlanGraph): Promise<void> {
  await db.insert(plans).values(g.plan);
  if (g.goals.length) await db.insert(planGoals).values(g.goals);
  if (g.tasks.length) await db.insert(planTasks).values(g.tasks);
  if (g.dataElements.length) await db.insert(dataElements).values(g.dataElements).onConflictDoNothing();
  for (let i = 0; i < g.indicators.length; i += 200) await db.insert(indicators).values(g.indicators.slice(i, i + 200));
  for (let i = 0; i < g.statements.length; i += 200) await db.insert(indicatorStatements).values(g.statements.slice(i, i + 200));
}

export async function updateIndicator(db: Db, id: string, patch: Partial<typeof indicators.$inferInsert>): Promise<IndicatorRow> {
  const [row] = await db.update(indicators).set(patch).where(eq(indicators.id, id)).returning();
  return row!;
}

export async function countPlans(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(plans);
  return row?.n ?? 0;
}
