import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { declineBody, panelDrawBody, redrawBody, stageQuery, swapBody } from '../../../common/contracts/panels.js';
import { contextOf } from '../../platform/audit.js';
import { requireAuth } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import * as calls from './calls.service.js';
import * as draws from './draws.service.js';
import { isPanelStage } from './panels.service.js';
import { requireStaff } from './projects.policy.js';
import * as review from './review.service.js';

/**
 * After a draw: the bureau reads every draw back (seed, checksum, parameters, assignments with expert names,
 * alternates) and checks it by re-running it; an expert declines; the bureau swaps in the next alternate or
 * redraws; and the expert panels of mid-term and acceptance reports are drawn. Expert names: the bureau only.
 */
export function panelRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['project review'];
  const id = z.object({ id: z.uuid() });

  r.get(
    '/api/calls/:id/draws',
    {
      schema: {
        tags,
        summary: 'A call’s draws, newest first: seed, checksum, parameters, assignments and alternates',
        params: id,
        querystring: stageQuery,
      },
    },
    async (req) => {
      requireStaff(requireAuth(req));
      await calls.findCall(db, req.params.id);
      return draws.drawsOfCall(db, req.params.id, req.query.stage);
    },
  );

  r.get(
    '/api/calls/:id/assignments',
    {
      schema: {
        tags,
        summary: 'The assignments of a call as they stand, with experts, statuses and reasons',
        params: id,
        querystring: stageQuery,
      },
    },
    async (req) => {
      requireStaff(requireAuth(req));
      await calls.findCall(db, req.params.id);
      return draws.assignmentsOfCall(db, req.params.id, req.query.stage);
    },
  );

  r.get(
    '/api/assignment-draws/:id/verify',
    { schema: { tags, summary: 'Re-run a stored draw from its stored inputs and seed; compare the checksums', params: id } },
    async (req) => {
      requireStaff(requireAuth(req));
      return draws.verifyDraw(db, req.params.id);
    },
  );

  r.post(
    '/api/calls/:id/redraw',
    {
      schema: {
        tags,
        summary: 'Redraw the open (unscored or declined) places of a stage with a new seed; submitted reviews stay',
        params: id,
        body: redrawBody,
      },
    },
    async (req) => {
      requireStaff(requireAuth(req), true);
      await calls.findCall(db, req.params.id);
      return draws.redrawStage(db, contextOf(req), req.params.id, req.body);
    },
  );

  r.post(
    '/api/reviews/:id/swap',
    {
      schema: {
        tags,
        summary: 'Put the next ranked alternate meeting every rule in the place of a declined or unavailable expert',
        params: id,
        body: swapBody,
      },
    },
    async (req) => {
      requireStaff(requireAuth(req), true);
      return draws.swapExpert(db, contextOf(req), req.params.id, req.body.reason);
    },
  );

  r.post(
    '/api/my/reviews/:id/decline',
    { schema: { tags, summary: 'Decline an assignment not yet scored, with a reason (expert)', params: id, body: declineBody } },
    async (req) => {
      const auth = requireAuth(req);
      const e = await review.expertOfUser(db, auth.user.id);
      const {
        id: reviewId,
        status,
        reason,
        closedAt,
      } = await draws.declineReview(db, contextOf(req), e.id, req.params.id, req.body.reason);
      return { id: reviewId, status, reason, closedAt };
    },
  );

  r.post(
    '/api/project-reports/:id/panel',
    { schema: { tags, summary: 'Draw the expert panel of a submitted mid-term or acceptance report', params: id, body: panelDrawBody } },
    async (req) => {
      requireStaff(requireAuth(req), true);
      const rep = await draws.reportWithCall(db, req.params.id);
      if (!isPanelStage(rep.kind)) throw new AppError(409, 'panel_kind');
      return draws.drawStage(db, contextOf(req), rep.callId, { seed: req.body.seed, stage: rep.kind, reportIds: [rep.id] });
    },
  );
}
