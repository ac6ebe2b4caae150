import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expertInput, expertPatch, scoreInput } from '../../../common/contracts/projects.js';
import { drawBody } from '../../../common/contracts/panels.js';
import { CONFLICT_TYPES, type ConflictType } from '../../../common/review/index.js';
import { isoDate } from '../../../common/contracts/common.js';
import { eq } from 'drizzle-orm';
import { orgUnits } from '../../db/schema/index.js';
import { accessOf, inScope } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import * as calls from './calls.service.js';
import * as draws from './draws.service.js';
import * as funding from './funding.service.js';
import { isStaff, PROJECT_EDITORS, RULES } from './projects.policy.js';
import { readableApplication } from './projects.routes.js';
import * as review from './review.service.js';

/** What can be recorded: the detected kinds, and any other reason a person gives. */
const DECLARABLE: [ConflictType | 'other', ...(ConflictType | 'other')[]] = ['other', ...CONFLICT_TYPES];

export function reviewRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['project review'];
  const id = z.object({ id: z.uuid() });

  r.get(
    '/api/experts',
    {
      config: { access: RULES.listExperts },
      schema: { tags, summary: 'The expert pool: the experts of the reader’s units and of the units above them' },
    },
    async (req) => review.listExperts(db, (path) => inScope(path, accessOf(req).scopes, { sharedDown: true })),
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
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      const code = req.body.orgUnitCode ?? access.auth.grants.find((g) => PROJECT_EDITORS.includes(g.role))!.orgUnitCode;
      const [unit] = await db.select({ path: orgUnits.path, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, code));
      if (!unit) throw new AppError(400, 'not_found', { what: code }, 'orgUnitCode');
      access.assert('write', unit.path, unit.name);
      return reply.status(201).send(await review.createExpert(db, contextOf(req), { ...req.body, orgUnitCode: code }));
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
      },
    },
    async (req) => {
      return review.updateExpert(db, contextOf(req), req.params.id, req.body);
    },
  );

  r.post(
    '/api/experts/:id/rating',
    {
      config: { access: RULES.editExpert },
      schema: {
        tags,
        summary: 'Rate an expert after a review session (1–5)',
        params: id,
        body: z.object({ rating: z.number().int().min(1).max(5), note: z.string().trim().max(500).optional() }).strict(),
      },
    },
    async (req) => {
      return review.rateExpert(db, contextOf(req), req.params.id, req.body.rating, req.body.note);
    },
  );

  r.post(
    '/api/applications/:id/consensus',
    {
      config: { access: RULES.manageApplication },
      schema: {
        tags,
        summary: 'Record the consensus score of a high-spread application, with the reason',
        params: id,
        body: z.object({ score: z.number().min(0).max(100), note: z.string().trim().min(2).max(1000) }).strict(),
      },
    },
    async (req, reply) => {
      await review.recordConsensus(db, contextOf(req), req.params.id, req.body.score, req.body.note);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/calls/:id/conflicts/detect',
    { config: { access: RULES.runCall }, schema: { tags, summary: 'Detect conflicts of interest (suggestions to confirm)', params: id } },
    async (req) => {
      return { suggestions: await review.detectForCall(db, contextOf(req), req.params.id) };
    },
  );

  r.get(
    '/api/calls/:id/conflicts',
    { config: { access: RULES.callRecords }, schema: { tags, summary: 'Conflicts of a call with their evidence', params: id } },
    async (req) => (await review.conflictsOfCall(db, req.params.id)).map(({ c, ...rest }) => ({ ...c, ...rest })),
  );

  r.post(
    '/api/conflicts',
    {
      config: { access: RULES.recordConflict },
      schema: {
        tags,
        summary: 'Record a conflict: the bureau running the application’s call (admin), or an expert about itself (declared)',
        body: z
          .object({
            expertId: z.uuid().optional(),
            applicationId: z.uuid(),
            type: z.enum(DECLARABLE),
            evidence: z.string().trim().min(2).max(2000),
          })
          .strict(),
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      let expertId = req.body.expertId;
      let source: 'declared' | 'admin' = 'admin';
      if (!expertId || access.personal) {
        expertId = (await review.expertOfUser(db, access.auth.user.id)).id;
        source = 'declared';
      } else {
        // The bureau names an expert of the pool it draws from (its units' and those above).
        const e = await review.findExpert(db, expertId);
        access.assert('read', e.path, e.unitName, true);
      }
      return reply.status(201).send(await review.declareConflict(db, contextOf(req), { ...req.body, expertId, source }));
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
        body: z.object({ status: z.enum(['confirmed', 'dismissed']) }).strict(),
      },
    },
    async (req) => {
      return review.decideConflict(db, contextOf(req), req.params.id, req.body.status);
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
      },
    },
    async (req) => {
      return draws.drawStage(db, contextOf(req), req.params.id, { ...req.body, stage: req.body.stage ?? 'review' });
    },
  );

  r.get(
    '/api/my/reviews',
    { config: { access: RULES.expert }, schema: { tags, summary: 'My review assignments (expert)' } },
    async (req) => {
      const e = await review.expertOfUser(db, accessOf(req).auth.user.id);
      return (await review.myReviews(db, e.id)).map(({ r: x, ...rest }) => ({ ...x, ...rest }));
    },
  );

  r.get(
    '/api/my/reviews/:id',
    {
      config: { access: RULES.expert },
      schema: { tags, summary: 'One assignment; other experts’ scores only after mine is submitted', params: id },
    },
    async (req) => {
      const e = await review.expertOfUser(db, accessOf(req).auth.user.id);
      return review.reviewForExpert(db, e.id, req.params.id);
    },
  );

  r.post(
    '/api/my/reviews/:id/score',
    {
      config: { access: RULES.expert },
      schema: { tags, summary: 'Submit my scores (every criterion, 0–100)', params: id, body: scoreInput },
    },
    async (req) => {
      const e = await review.expertOfUser(db, accessOf(req).auth.user.id);
      return review.submitScores(db, contextOf(req), e.id, req.params.id, req.body);
    },
  );

  r.post(
    '/api/calls/:id/aggregate',
    {
      config: { access: RULES.runCall },
      schema: { tags, summary: 'Aggregate the scores (recorded policy), flag high spread, rank', params: id },
    },
    async (req) => {
      return review.aggregateCall(db, contextOf(req), await calls.findCall(db, req.params.id));
    },
  );

  r.post(
    '/api/calls/:id/decide',
    {
      config: { access: RULES.runCall },
      schema: {
        tags,
        summary: 'The approval list with amounts within the call budget; the rest not funded; payment schedules created',
        params: id,
        body: z
          .object({
            approvals: z
              .array(
                z
                  .object({
                    applicationId: z.uuid(),
                    approvedFen: z.number().int().positive().max(1e13),
                    /** Required to fund an application that missed a threshold of the review template. */
                    thresholdReason: z.string().trim().min(2).max(1000).optional(),
                  })
                  .strict(),
              )
              .max(500),
            note: z.string().trim().max(1000).optional(),
          })
          .strict(),
      },
    },
    async (req) => {
      return funding.decideCall(db, contextOf(req), await calls.findCall(db, req.params.id), req.body.approvals, req.body.note);
    },
  );

  r.get(
    '/api/applications/:id/decision-letter',
    { config: { access: RULES.readApplication }, schema: { tags, summary: 'Decision letter (docx)', params: id } },
    async (req, reply) => {
      const a = await readableApplication(db, accessOf(req), req.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="decision.docx"; filename*=UTF-8''${encodeURIComponent(`${a.title}-通知书.docx`)}`,
        )
        .send(await funding.decisionLetter(db, a.id));
    },
  );

  r.get(
    '/api/applications/:id/funding',
    { config: { access: RULES.readApplication }, schema: { tags, summary: 'Payment schedule and reports of a project', params: id } },
    async (req) => {
      const access = accessOf(req);
      const a = await readableApplication(db, access, req.params.id);
      // Panel members are shown to staff, never to the project's owner.
      const staff = isStaff(access.auth) && a.ownerUserId !== access.auth.user.id;
      return { payments: await funding.paymentsOf(db, a.id), reports: await funding.reportsOf(db, a.id, staff) };
    },
  );

  r.post(
    '/api/applications/:id/contract',
    {
      config: { access: RULES.manageApplication },
      schema: { tags, summary: 'Record the signed contract: releases the first tranche', params: id },
    },
    async (req, reply) => {
      await funding.signContract(db, contextOf(req), req.params.id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/project-payments/:id/pay',
    {
      config: { access: RULES.pay },
      schema: { tags, summary: 'Pay a released instalment through the ledger (held while a report is overdue)', params: id },
    },
    async (req) => {
      const res = await funding.payInstalment(db, contextOf(req), req.params.id);
      if ('heldFor' in res && res.heldFor) throw new AppError(409, 'payment_held', { due: res.heldFor.join('、') });
      return res;
    },
  );

  r.post(
    '/api/project-reports/:id/submit',
    {
      config: { access: RULES.submitReport },
      schema: {
        tags,
        summary: 'Submit a progress, mid-term or acceptance report (the project owner)',
        params: id,
        body: z.object({ text: z.string().trim().min(5).max(20_000) }).strict(),
      },
    },
    async (req) => {
      return funding.submitReport(db, contextOf(req), req.params.id, accessOf(req).auth.user.id, req.body.text);
    },
  );

  r.post(
    '/api/project-reports/:id/decide',
    {
      config: { access: RULES.decideReport },
      schema: {
        tags,
        summary: 'Approve (releases what waited for it) or reject a report',
        params: id,
        body: z.object({ approve: z.boolean(), note: z.string().trim().max(1000).optional() }).strict(),
      },
    },
    async (req) => {
      return funding.decideReport(db, contextOf(req), req.params.id, req.body.approve, req.body.note);
    },
  );

  r.post(
    '/api/applications/:id/midterm',
    {
      config: { access: RULES.manageApplication },
      schema: { tags, summary: 'Schedule the (single) mid-term check', params: id, body: z.object({ dueOn: isoDate }).strict() },
    },
    async (req) => {
      return funding.scheduleMidterm(db, contextOf(req), req.params.id, req.body.dueOn);
    },
  );

  r.post(
    '/api/applications/:id/extend',
    {
      config: { access: RULES.manageApplication },
      schema: {
        tags,
        summary: 'The (single) extension, at most the call’s maximum months',
        params: id,
        body: z.object({ months: z.number().int().min(1).max(24) }).strict(),
      },
    },
    async (req, reply) => {
      await funding.extend(db, contextOf(req), req.params.id, req.body.months);
      return reply.status(204).send();
    },
  );
}
