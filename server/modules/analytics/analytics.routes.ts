import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dashboardView,
  type DashboardView,
  indicatorCodeParam,
  indicatorSummary,
  indicatorValuesQuery,
  indicatorValuesView,
  indicatorsQuery,
  planIdParam,
  registerIndicatorsQuery,
  registerIndicatorsView,
} from '../../../common/contracts/plans.js';
import { accessOf, type Access } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { thisYear } from '../../platform/clock.js';
import { currentRevision } from '../../platform/revision.js';
import { AppError, forbidden } from '../../platform/errors.js';
import { getUnitOr404 } from '../orgunits/index.js';
import { getPlanOr404, indicatorByCode, listPlans, PLAN_RULES, type PlanWithRegion } from '../plans/index.js';
import * as service from './analytics.service.js';

/** The unit asked for (default: the plan's region), which must lie in the plan's region and the user's scope. */
async function unitFor(db: Db, access: Access, plan: PlanWithRegion, code: string | undefined, revision?: number): Promise<service.Unit> {
  const unitCode = code ?? plan.plan.regionCode;
  const unit =
    revision === undefined
      ? await getUnitOr404(db, unitCode)
      : await service.memo(db, revision, `unit|${unitCode}`, () => getUnitOr404(db, unitCode));
  if (!unit.path.startsWith(plan.regionPath)) throw new AppError(400, 'analytics_unit_outside_plan', { unit: unit.name }, 'orgUnit');
  // The figures of a unit are read in its subtree only (a town does not read its county's aggregate).
  access.assert('read', unit.path, unit.name);
  return { code: unit.code, name: unit.name, path: unit.path };
}

export function analyticsRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];

  /** The plan, which the caller reads when its region is in or above their scope (plans are shared down). */
  async function planFor(access: Access, id: string, revision?: number) {
    const plan =
      revision === undefined ? await getPlanOr404(db, id) : await service.memo(db, revision, `plan|${id}`, () => getPlanOr404(db, id));
    access.assert('read', plan.regionPath, plan.regionName, true);
    return plan;
  }

  r.get(
    '/api/plans/:id/indicators',
    {
      config: { access: PLAN_RULES.monitor },
      schema: {
        tags,
        summary: 'Every indicator with baseline, targets, latest value and progress (UNSD method) for a unit and year',
        params: planIdParam,
        querystring: indicatorsQuery,
        response: { 200: z.array(indicatorSummary) },
      },
    },
    async (req) => {
      const access = accessOf(req);
      const plan = await planFor(access, req.params.id);
      const unit = await unitFor(db, access, plan, req.query.orgUnit);
      return service.indicatorSummaries(
        db,
        plan,
        unit,
        req.query.year ?? Math.min(thisYear(), plan.plan.periodEnd),
        req.query.approvedOnly === 'true',
      );
    },
  );

  r.get(
    '/api/plans/:id/dashboard',
    {
      config: { access: PLAN_RULES.monitor },
      schema: {
        tags,
        summary: 'The leader’s dashboard: 表1 cards, status summary and key-task targets',
        params: planIdParam,
        querystring: indicatorsQuery,
        response: { 200: dashboardView },
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      // The leader's home page costs one query (the revision) while nothing has changed.
      const revision = await currentRevision(db);
      const plan = await planFor(access, req.params.id, revision);
      const unit = await unitFor(db, access, plan, req.query.orgUnit, revision);
      const year = req.query.year ?? Math.min(thisYear(), plan.plan.periodEnd);
      // Served as the cached JSON text: checked against the contract once, when it was computed.
      const json = await service.dashboardJson(db, revision, plan, unit, year, req.query.approvedOnly === 'true');
      // A string payload skips the serializer; the type provider only knows the object form.
      return reply.type('application/json; charset=utf-8').send(json as unknown as DashboardView);
    },
  );

  r.get(
    '/api/registry/indicators',
    {
      config: { access: PLAN_RULES.registerIndicators },
      schema: {
        tags,
        summary: '表1 indicators 3–10 computed from the innovation register for a unit and year, beside the reported figure',
        querystring: registerIndicatorsQuery,
        response: { 200: registerIndicatorsView },
      },
    },
    async (req) => {
      const access = accessOf(req);
      const unitCode = req.query.orgUnit;
      const unitRow = unitCode ? await getUnitOr404(db, unitCode) : undefined;
      const plan = req.query.plan
        ? await planFor(access, req.query.plan)
        : (await listPlans(db, access.scopes)).find((p) => !unitRow || unitRow.path.startsWith(p.regionPath));
      if (!plan) throw forbidden();
      const unit = await unitFor(db, access, plan, unitCode);
      const year = req.query.year ?? Math.min(thisYear(), plan.plan.periodEnd);
      return service.registerIndicators(db, plan, unit, year);
    },
  );

  r.get(
    '/api/indicators/:code/values',
    {
      config: { access: PLAN_RULES.indicatorValues },
      schema: {
        tags,
        summary: 'Yearly values of an indicator for a unit, with inputs, statements and the reason for any gap',
        params: indicatorCodeParam,
        querystring: indicatorValuesQuery,
        response: { 200: indicatorValuesView },
      },
    },
    async (req) => {
      const access = accessOf(req);
      const ind = await indicatorByCode(db, req.params.code, req.query.plan);
      const plan = await planFor(access, ind.planId);
      const unit = await unitFor(db, access, plan, req.query.orgUnit);
      return service.indicatorValues(db, ind, plan, unit, { from: req.query.from, to: req.query.to });
    },
  );
}
