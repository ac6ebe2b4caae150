import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent } from '../../../common/contracts/common.js';
import { scoreInput } from '../../../common/contracts/projects.js';
import { drawAnswer, drawBody } from '../../../common/contracts/panels.js';
import { aggregationView, consensusInput, myReviewView, reviewDetail, reviewView } from '../../../common/contracts/review.js';
import { accessOf } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import * as aggregation from './aggregate.service.js';
import * as calls from './calls.service.js';
import * as draws from './draws.service.js';
import { expertOfUser } from './experts.service.js';
import { expertRoutes } from './experts.routes.js';
import { fundingRoutes } from './funding.routes.js';
import { RULES } from './projects.policy.js';
import * as review from './review.service.js';

/**
 * Expert review: the draw, the expert's assignments and scores, the aggregation and its consensus step; with the
 * expert pool and conflicts (experts.routes.ts) and the decisions and money that follow (funding.routes.ts).
 */
export function reviewRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['project review'];
  const id = z.object({ id: z.uuid() });
  expertRoutes(app, db);

  r.post(
    '/api/applications/:id/consensus',
    {
      config: { access: RULES.manageApplication },
      schema: {
        tags,
        summary: 'Record the consensus score of a high-spread application, with the reason',
        params: id,
        body: consensusInput,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await aggregation.recordConsensus(db, contextOf(req), req.params.id, req.body.score, req.body.note);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/calls/:id/draw',
    {
      config: { access: RULES.runCall },
      schema: {
        tags,
        summary:
          'Draw reviewers (min-cost flow; conflicts excluded; seeded and logged): the accepted applications, or a mid-term / acceptance panel for submitted reports',
        params: id,
        body: drawBody,
        response: { 200: drawAnswer },
      },
    },
    async (req) => draws.drawStage(db, contextOf(req), req.params.id, { ...req.body, stage: req.body.stage ?? 'review' }),
  );

  r.get(
    '/api/my/reviews',
    {
      config: { access: RULES.expert },
      schema: { tags, summary: 'My review assignments (expert)', response: { 200: z.array(myReviewView) } },
    },
    async (req) => review.myReviews(db, (await expertOfUser(db, accessOf(req).auth.user.id)).id),
  );

  r.get(
    '/api/my/reviews/:id',
    {
      config: { access: RULES.expert },
      schema: {
        tags,
        summary: 'One assignment; other experts’ scores only after mine is submitted',
        params: id,
        response: { 200: reviewDetail },
      },
    },
    async (req) => review.reviewForExpert(db, (await expertOfUser(db, accessOf(req).auth.user.id)).id, req.params.id),
  );

  r.post(
    '/api/my/reviews/:id/score',
    {
      config: { access: RULES.expert },
      schema: { tags, summary: 'Submit my scores (every criterion, 0–100)', params: id, body: scoreInput, response: { 200: reviewView } },
    },
    async (req) => {
      const e = await expertOfUser(db, accessOf(req).auth.user.id);
      return review.submitScores(db, contextOf(req), e.id, req.params.id, req.body);
    },
  );

  r.post(
    '/api/calls/:id/aggregate',
    {
      config: { access: RULES.runCall },
      schema: {
        tags,
        summary: 'Aggregate the scores (recorded policy), flag high spread, rank',
        params: id,
        response: { 200: aggregationView },
      },
    },
    async (req) => aggregation.aggregateCall(db, contextOf(req), await calls.findCall(db, req.params.id)),
  );

  fundingRoutes(app, db);
}
