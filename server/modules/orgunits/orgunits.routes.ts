import type { FastifyInstance } from 'fastify';
import { today } from '../../platform/clock.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createOrgUnitBody,
  listOrgUnitsQuery,
  listOrgUnitsResponse,
  orgCodeParam,
  orgUnitDetail,
  orgUnitView,
  updateOrgUnitBody,
} from '../../../common/contracts/orgunits.js';
import { contextOf } from '../../platform/audit.js';
import { accessOf } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { editScope, RULES } from './orgunits.policy.js';
import * as repo from './orgunits.repo.js';
import * as service from './orgunits.service.js';

export function orgUnitRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org-units'];

  r.get(
    '/api/org-units',
    {
      config: { access: RULES.read },
      schema: {
        tags,
        summary: 'List org units, or resolve a name (q) to units, reporting how each matched',
        querystring: listOrgUnitsQuery,
        response: { 200: listOrgUnitsResponse },
      },
    },
    async (req) => {
      const includeInactive = req.query.includeInactive === 'true';
      const within = req.query.within ? await service.getUnitOr404(db, req.query.within) : undefined;
      if (req.query.q) {
        const res = await service.resolve(db, req.query.q, { withinPath: within?.path, includeInactive });
        return { items: res.matches.map(({ matchedBy: _m, pathNames: _p, ...u }) => u), query: res };
      }
      const rows = await repo.listUnits(db, { withinPath: within?.path, activeOn: includeInactive ? undefined : today() });
      return { items: rows.map(service.present) };
    },
  );

  r.get(
    '/api/org-units/:code',
    {
      config: { access: RULES.read },
      schema: { tags, summary: 'One org unit with its parent and children', params: orgCodeParam, response: { 200: orgUnitDetail } },
    },
    async (req) => {
      return service.detail(db, req.params.code);
    },
  );

  r.post(
    '/api/org-units',
    {
      config: { access: RULES.create },
      schema: {
        tags,
        summary: 'Create an org unit (admin of the parent subtree)',
        body: createOrgUnitBody,
        response: { 201: orgUnitView },
      },
    },
    async (req, reply) => {
      const unit = await service.createUnit(db, contextOf(req), editScope(accessOf(req)), req.body);
      return reply.status(201).send(unit);
    },
  );

  r.patch(
    '/api/org-units/:code',
    {
      config: { access: RULES.edit },
      schema: {
        tags,
        summary: 'Edit name, aliases, level, parent or validity (admin of the subtree)',
        params: orgCodeParam,
        body: updateOrgUnitBody,
        response: { 200: orgUnitView },
      },
    },
    async (req) => {
      return service.updateUnit(db, contextOf(req), editScope(accessOf(req)), req.params.code, req.body);
    },
  );
}
