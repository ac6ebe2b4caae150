import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dataElementView,
  historyQuery,
  historyResponse,
  keysBody,
  keysResponse,
  saveValuesBody,
  saveValuesResponse,
} from '../../../common/contracts/datavalues.js';
import { contextOf } from '../../platform/audit.js';
import { requireAuth } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { getUnitOr404 } from '../orgunits/index.js';
import { canReadValues, valueActor } from './datavalues.policy.js';
import * as repo from './datavalues.repo.js';
import * as service from './datavalues.service.js';

export function dataValueRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['data values'];

  r.get(
    '/api/data-elements',
    {
      schema: {
        tags,
        summary: 'All data elements with unit, aggregation and plausible range',
        response: { 200: z.array(dataElementView) },
      },
    },
    async (req) => {
      requireAuth(req);
      return (await repo.allDataElements(db)).map(service.presentDataElement);
    },
  );

  r.post(
    '/api/data-values',
    {
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Save values in bulk (draft, or submitted for approval): validated, all-or-nothing; corrections of approved values need a reason',
        body: saveValuesBody,
        response: { 200: saveValuesResponse },
      },
    },
    async (req) => {
      const auth = requireAuth(req);
      return service.saveValues(db, contextOf(req), valueActor(auth), req.body.values, { action: req.body.action, source: 'manual' });
    },
  );

  r.post(
    '/api/data-values/submit',
    { schema: { tags, summary: 'Submit draft values for approval', body: keysBody, response: { 200: keysResponse } } },
    async (req) => {
      const auth = requireAuth(req);
      return { changed: await service.transition(db, contextOf(req), valueActor(auth), req.body.keys, 'submit') };
    },
  );

  r.post(
    '/api/data-values/approve',
    { schema: { tags, summary: 'Approve values (bureau): they become locked', body: keysBody, response: { 200: keysResponse } } },
    async (req) => {
      const auth = requireAuth(req);
      return { changed: await service.transition(db, contextOf(req), valueActor(auth), req.body.keys, 'approve') };
    },
  );

  r.get(
    '/api/data-values/history',
    {
      schema: { tags, summary: 'Every version of one value, newest first', querystring: historyQuery, response: { 200: historyResponse } },
    },
    async (req) => {
      const auth = requireAuth(req);
      const unit = await getUnitOr404(db, req.query.orgUnit);
      if (!canReadValues(auth, unit.path)) throw new AppError(403, 'forbidden_scope', { unit: unit.name });
      return service.historyOf(db, req.query);
    },
  );
}
