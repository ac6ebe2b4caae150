import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileDownload } from '../../../common/contracts/common.js';
import { gridQuery, gridResponse, importQuery, importReport, templateQuery } from '../../../common/contracts/datavalues.js';
import { accessOf, type Access } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { localeOf } from '../../platform/i18n.js';
import { valueActor } from '../datavalues/index.js';
import { getUnitOr404, type OrgUnitRow } from '../orgunits/index.js';
import { getPlanOr404, listPlans, type PlanWithRegion } from '../plans/index.js';
import { grid } from './dataentry.grid.js';
import { RULES } from './dataentry.policy.js';
import * as service from './dataentry.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The plan named, or the plan whose region contains the unit. */
async function planFor(db: Db, access: Access, planId: string | undefined, unit: OrgUnitRow): Promise<PlanWithRegion> {
  const plan = planId ? await getPlanOr404(db, planId) : (await listPlans(db)).find((p) => unit.path.startsWith(p.regionPath));
  if (!plan) throw notFound(unit.name);
  access.assert('read', plan.regionPath, plan.regionName, true);
  if (!unit.path.startsWith(plan.regionPath)) throw new AppError(400, 'analytics_unit_outside_plan', { unit: unit.name }, 'orgUnit');
  return plan;
}

export function dataEntryRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['data entry'];
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  r.get(
    '/api/data-entry/grid',
    {
      config: { access: RULES.grid },
      schema: {
        tags,
        summary:
          'The entry grid for one unit and year: every data element of the plan with its previous value (the latest earlier year), ' +
          'whether the caller may edit or approve it (never their own under four eyes), and who may approve the unit’s figures',
        querystring: gridQuery,
        response: { 200: gridResponse },
      },
    },
    async (req) => {
      const access = accessOf(req);
      const unit = await getUnitOr404(db, req.query.orgUnit);
      const plan = await planFor(db, access, req.query.plan, unit);
      return grid(db, valueActor(access.auth), contextOf(req).userId, plan.plan.id, unit, req.query.year);
    },
  );

  r.get(
    '/api/data-entry/template',
    {
      config: { access: RULES.write },
      schema: {
        tags,
        summary: 'Download the entry template (xlsx): every data element × unit in scope, with units and last year’s value',
        querystring: templateQuery,
        response: { 200: fileDownload('xlsx') },
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      const actor = valueActor(access.auth);
      const unit = await getUnitOr404(db, req.query.orgUnit ?? firstWritableRoot(access));
      const plan = await planFor(db, access, req.query.plan, unit);
      if (!actor.canWrite(unit.path)) throw new AppError(403, 'forbidden_scope', { unit: unit.name });
      const buffer = await service.template(db, actor, plan.plan.id, unit, req.query.year, localeOf(req));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="data-entry-${unit.code}-${req.query.year}.xlsx"`)
        .send(buffer);
    },
  );

  r.post(
    '/api/data-entry/import',
    {
      config: { access: RULES.write },
      schema: {
        tags,
        summary: 'Upload a filled template (raw xlsx body). dryRun=true previews every problem by row; dryRun=false saves all-or-nothing',
        querystring: importQuery.extend({ plan: z.uuid().optional(), orgUnit: z.string().optional() }),
        response: { 200: importReport },
      },
    },
    async (req) => {
      const access = accessOf(req);
      if (!Buffer.isBuffer(req.body)) throw new AppError(400, 'import_bad_file', { detail: 'expected an xlsx body' });
      const unit = await getUnitOr404(db, req.query.orgUnit ?? firstWritableRoot(access));
      const actor = valueActor(access.auth);
      if (!actor.canWrite(unit.path)) throw new AppError(403, 'forbidden_scope', { unit: unit.name });
      const plan = await planFor(db, access, req.query.plan, unit);
      const region = await getUnitOr404(db, plan.plan.regionCode);
      return service.importUpload(db, contextOf(req), actor, region, req.body, {
        dryRun: req.query.dryRun === 'true',
        action: req.query.action,
        locale: localeOf(req),
      });
    },
  );
}

/** The unit of the caller's first grant that writes figures (the rule's roles). */
function firstWritableRoot(access: Access): string {
  const grant = access.auth.grants.find((g) => access.roles.includes(g.role));
  if (!grant) throw forbidden();
  return grant.orgUnitCode;
}
