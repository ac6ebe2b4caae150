import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  conflictView,
  indicatorCodeParam,
  planDetail,
  planDocument,
  planIdParam,
  planSummary,
  resolveConflictBody,
  updateIndicatorBody,
} from '../../../common/contracts/plans.js';
import { accessOf } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { findUnit } from '../orgunits/index.js';
import { RULES } from './plans.policy.js';
import * as repo from './plans.repo.js';
import * as service from './plans.service.js';

export function planRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];

  r.get(
    '/api/plans',
    {
      config: { access: RULES.list },
      schema: { tags, summary: 'Plans of the user’s region and of the regions above it', response: { 200: z.array(planSummary) } },
    },
    async (req) => {
      return service.summaries(db, await repo.listPlans(db, accessOf(req).scopes));
    },
  );

  r.get(
    '/api/plans/:id',
    {
      config: { access: RULES.read },
      schema: { tags, summary: 'A plan with its goals and key tasks', params: planIdParam, response: { 200: planDetail } },
    },
    async (req) => {
      const plan = await service.getPlanOr404(db, req.params.id);
      return service.detail(db, plan);
    },
  );

  r.get(
    '/api/plans/:id/conflicts',
    {
      config: { access: RULES.read },
      schema: {
        tags,
        summary: 'Indicators whose stated baselines or targets disagree, with both clauses',
        params: planIdParam,
        response: { 200: z.array(conflictView) },
      },
    },
    async (req) => {
      const plan = await service.getPlanOr404(db, req.params.id);
      return service.conflicts(db, plan.plan.id);
    },
  );

  r.post(
    '/api/plans/:id/conflicts/resolve',
    {
      config: { access: RULES.resolve },
      schema: {
        tags,
        summary: 'Mark one of disagreeing statements as authoritative (with reason; recorded with the user)',
        params: planIdParam,
        body: resolveConflictBody,
        response: { 200: z.array(conflictView) },
      },
    },
    async (req) => {
      const plan = await service.getPlanOr404(db, req.params.id);
      return service.resolveConflict(db, contextOf(req), plan, req.body);
    },
  );

  r.post(
    '/api/plans/import',
    {
      bodyLimit: 10 * 1024 * 1024,
      config: { access: RULES.import },
      schema: {
        tags,
        summary: 'Load a whole plan (goals, tasks, data elements, indicators, statements, facts) all-or-nothing',
        body: planDocument,
        response: { 201: z.object({ planId: z.string(), indicators: z.number(), statements: z.number(), facts: z.number() }) },
      },
    },
    async (req, reply) => {
      const region = await findUnit(db, req.body.plan.regionCode);
      if (!region) throw new AppError(400, 'unknown_org_unit', { code: req.body.plan.regionCode }, 'plan.regionCode');
      accessOf(req).assert('write', region.path, region.name);
      return reply.status(201).send(await service.importPlan(db, contextOf(req), req.body));
    },
  );

  r.patch(
    '/api/indicators/:code',
    {
      config: { access: RULES.editIndicator },
      schema: {
        tags,
        summary: 'Edit an indicator; its formula is parsed and checked against the data elements',
        params: indicatorCodeParam,
        querystring: z.object({ plan: z.uuid().optional() }),
        body: updateIndicatorBody,
        response: { 200: z.object({ code: z.string(), expression: z.string(), nameZh: z.string(), direction: z.string() }) },
      },
    },
    async (req) => {
      const ind = await service.indicatorByCode(db, req.params.code, req.query.plan);
      const plan = await service.getPlanOr404(db, ind.planId);
      accessOf(req).assert('write', plan.regionPath, plan.regionName);
      const after = await service.updateIndicator(db, contextOf(req), ind, plan.plan.regionCode, req.body);
      return { code: after.code, expression: after.expression, nameZh: after.nameZh, direction: after.direction };
    },
  );
}
