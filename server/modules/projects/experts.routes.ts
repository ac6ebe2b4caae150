import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callConflictView, conflictView, expertInput, expertPatch, expertUpdated, expertView } from '../../../common/contracts/projects.js';
import { conflictDecision, conflictDetection, conflictInput, ratingInput } from '../../../common/contracts/review.js';
import { accessOf, inScope } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import * as conflicts from './conflicts.service.js';
import * as experts from './experts.service.js';
import { PROJECT_EDITORS, RULES } from './projects.policy.js';

/** The expert pool (list, add, change, rate) and conflicts of interest (detected, recorded, decided). */
export function expertRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['project review'];
  const id = z.object({ id: z.uuid() });
  conflictRoutes(app, db);

  r.get(
    '/api/experts',
    {
      config: { access: RULES.listExperts },
      schema: {
        tags,
        summary: 'The expert pool: the experts of the reader’s units and of the units above them',
        response: { 200: z.array(expertView) },
      },
    },
    async (req) => experts.listExperts(db, (path) => inScope(path, accessOf(req).scopes, { sharedDown: true })),
  );

  r.post(
    '/api/experts',
    {
      config: { access: RULES.createExpert },
      schema: {
        tags,
        summary:
          'Add an expert to the pool of the bureau’s unit or one its grant covers (optionally linked to a user with the expert role)',
        body: expertInput,
        response: { 201: expertView },
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      const code = req.body.orgUnitCode ?? access.auth.grants.find((g) => PROJECT_EDITORS.includes(g.role))!.orgUnitCode;
      const unit = await experts.poolUnit(db, code);
      access.assert('write', unit.path, unit.name);
      return reply.status(201).send(await experts.createExpert(db, contextOf(req), { ...req.body, orgUnitCode: code }));
    },
  );

  r.patch(
    '/api/experts/:id',
    {
      config: { access: RULES.editExpert },
      schema: {
        tags,
        summary:
          'Change an expert: availability for draws, organisation (credit code), fields, titles, contact or history; only what is sent changes',
        params: id,
        body: expertPatch,
        response: { 200: expertUpdated },
      },
    },
    async (req) => experts.updateExpert(db, contextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/experts/:id/rating',
    {
      config: { access: RULES.editExpert },
      schema: {
        tags,
        summary: 'Rate an expert after a review session (1–5)',
        params: id,
        body: ratingInput,
        response: { 200: expertView },
      },
    },
    async (req) => experts.rateExpert(db, contextOf(req), req.params.id, req.body.rating, req.body.note),
  );
}

/** Conflicts of interest: detected from the records (to confirm or dismiss), recorded by hand, decided. */
function conflictRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['project review'];
  const id = z.object({ id: z.uuid() });

  r.post(
    '/api/calls/:id/conflicts/detect',
    {
      config: { access: RULES.runCall },
      schema: { tags, summary: 'Detect conflicts of interest (suggestions to confirm)', params: id, response: { 200: conflictDetection } },
    },
    async (req) => ({ suggestions: await conflicts.detectForCall(db, contextOf(req), req.params.id) }),
  );

  r.get(
    '/api/calls/:id/conflicts',
    {
      config: { access: RULES.callRecords },
      schema: { tags, summary: 'Conflicts of a call with their evidence', params: id, response: { 200: z.array(callConflictView) } },
    },
    async (req) => conflicts.conflictsOfCall(db, req.params.id),
  );

  r.post(
    '/api/conflicts',
    {
      config: { access: RULES.recordConflict },
      schema: {
        tags,
        summary: 'Record a conflict: the bureau running the application’s call (admin), or an expert about itself (declared)',
        body: conflictInput,
        response: { 201: conflictView },
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      let expertId = req.body.expertId;
      let source: 'declared' | 'admin' = 'admin';
      if (!expertId || access.personal) {
        expertId = (await experts.expertOfUser(db, access.auth.user.id)).id;
        source = 'declared';
      } else {
        // The bureau names an expert of the pool it draws from (its units' and those above).
        const e = await experts.findExpert(db, expertId);
        access.assert('read', e.path, e.unitName, true);
      }
      return reply.status(201).send(await conflicts.declareConflict(db, contextOf(req), { ...req.body, expertId, source }));
    },
  );

  r.post(
    '/api/conflicts/:id/decide',
    {
      config: { access: RULES.decideConflict },
      schema: {
        tags,
        summary: 'Confirm or dismiss a suggested conflict',
        params: id,
        body: conflictDecision,
        response: { 200: conflictView },
      },
    },
    async (req) => conflicts.decideConflict(db, contextOf(req), req.params.id, req.body.status),
  );
}
