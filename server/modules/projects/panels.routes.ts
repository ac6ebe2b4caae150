import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentView,
  declineBody,
  declined,
  drawAnswer,
  drawRecordView,
  drawVerification,
  panelDrawBody,
  redrawBody,
  stageQuery,
  swapAnswer,
  swapBody,
} from '../../../common/contracts/panels.js';
import { accessOf } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import * as readback from './draws.readback.js';
import * as draws from './draws.service.js';
import { expertOfUser } from './experts.service.js';
import { isPanelStage } from './panels.service.js';
import { RULES } from './projects.policy.js';
import * as swaps from './swap.service.js';

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
      config: { access: RULES.callRecords },
      schema: {
        tags,
        summary: 'A call’s draws, newest first: seed, checksum, parameters, assignments and alternates',
        params: id,
        querystring: stageQuery,
        response: { 200: z.array(drawRecordView) },
      },
    },
    async (req) => readback.drawsOfCall(db, req.params.id, req.query.stage),
  );

  r.get(
    '/api/calls/:id/assignments',
    {
      config: { access: RULES.callRecords },
      schema: {
        tags,
        summary: 'The assignments of a call as they stand, with experts, statuses and reasons',
        params: id,
        querystring: stageQuery,
        response: { 200: z.array(assignmentView) },
      },
    },
    async (req) => readback.assignmentsOfCall(db, req.params.id, req.query.stage),
  );

  r.get(
    '/api/assignment-draws/:id/verify',
    {
      config: { access: RULES.verifyDraw },
      schema: {
        tags,
        summary: 'Re-run a stored draw from its stored inputs and seed; compare the checksums',
        params: id,
        response: { 200: drawVerification },
      },
    },
    async (req) => readback.verifyDraw(db, req.params.id),
  );

  r.post(
    '/api/calls/:id/redraw',
    {
      config: { access: RULES.runCall },
      schema: {
        tags,
        summary: 'Redraw the open (unscored or declined) places of a stage with a new seed; submitted reviews stay',
        params: id,
        body: redrawBody,
        response: { 200: drawAnswer },
      },
    },
    async (req) => draws.redrawStage(db, contextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/reviews/:id/swap',
    {
      config: { access: RULES.swap },
      schema: {
        tags,
        summary: 'Put the next ranked alternate meeting every rule in the place of a declined or unavailable expert',
        params: id,
        body: swapBody,
        response: { 200: swapAnswer },
      },
    },
    async (req) => swaps.swapExpert(db, contextOf(req), req.params.id, req.body.reason),
  );

  r.post(
    '/api/my/reviews/:id/decline',
    {
      config: { access: RULES.expert },
      schema: {
        tags,
        summary: 'Decline an assignment not yet scored, with a reason (expert)',
        params: id,
        body: declineBody,
        response: { 200: declined },
      },
    },
    async (req) => {
      const e = await expertOfUser(db, accessOf(req).auth.user.id);
      return swaps.declineReview(db, contextOf(req), e.id, req.params.id, req.body.reason);
    },
  );

  r.post(
    '/api/project-reports/:id/panel',
    {
      config: { access: RULES.decideReport },
      schema: {
        tags,
        summary: 'Draw the expert panel of a submitted mid-term or acceptance report',
        params: id,
        body: panelDrawBody,
        response: { 200: drawAnswer },
      },
    },
    async (req) => {
      const rep = await draws.reportWithCall(db, req.params.id);
      if (!isPanelStage(rep.kind)) throw new AppError(409, 'panel_kind');
      return draws.drawStage(db, contextOf(req), rep.callId, { seed: req.body.seed, stage: rep.kind, reportIds: [rep.id] });
    },
  );
}
