import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileDownload, noContent } from '../../../common/contracts/common.js';
import { paymentResult, reportView } from '../../../common/contracts/projects.js';
import {
  callDecision,
  callDecisionInput,
  extensionInput,
  fundingView,
  midtermInput,
  reportDecision,
  reportText,
} from '../../../common/contracts/review.js';
import { accessOf } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import * as calls from './calls.service.js';
import * as funding from './funding.service.js';
import { isStaff, RULES } from './projects.policy.js';
import { readableApplication } from './projects.routes.js';

/**
 * After the review: the approval list and its decision letters, the contract, payments through the ledger, the
 * reports (progress, mid-term, acceptance) and their decisions, the mid-term check and the extension.
 */
export function fundingRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['project review'];
  const id = z.object({ id: z.uuid() });

  r.post(
    '/api/calls/:id/decide',
    {
      config: { access: RULES.runCall },
      schema: {
        tags,
        summary: 'The approval list with amounts within the call budget; the rest not funded; payment schedules created',
        params: id,
        body: callDecisionInput,
        response: { 200: callDecision },
      },
    },
    async (req) => funding.decideCall(db, contextOf(req), await calls.findCall(db, req.params.id), req.body.approvals, req.body.note),
  );

  r.get(
    '/api/applications/:id/decision-letter',
    {
      config: { access: RULES.readApplication },
      schema: { tags, summary: 'Decision letter (docx)', params: id, response: { 200: fileDownload('docx') } },
    },
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
    {
      config: { access: RULES.readApplication },
      schema: { tags, summary: 'Payment schedule and reports of a project', params: id, response: { 200: fundingView } },
    },
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
      schema: { tags, summary: 'Record the signed contract: releases the first tranche', params: id, response: { 204: noContent } },
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
      schema: {
        tags,
        summary: 'Pay a released instalment through the ledger (held while a report is overdue)',
        params: id,
        response: { 200: paymentResult },
      },
    },
    async (req) => {
      const res = await funding.payInstalment(db, contextOf(req), req.params.id);
      if ('heldFor' in res && res.heldFor) throw new AppError(409, 'payment_held', { due: res.heldFor.join('、') });
      return res;
    },
  );

  reportRoutes(app, db);
}

/** A project's reports (progress, mid-term, acceptance) and their decisions, the mid-term check, the extension. */
function reportRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['project review'];
  const id = z.object({ id: z.uuid() });

  r.post(
    '/api/project-reports/:id/submit',
    {
      config: { access: RULES.submitReport },
      schema: {
        tags,
        summary: 'Submit a progress, mid-term or acceptance report (the project owner)',
        params: id,
        body: reportText,
        response: { 200: reportView },
      },
    },
    async (req) => funding.submitReport(db, contextOf(req), req.params.id, accessOf(req).auth.user.id, req.body.text),
  );

  r.post(
    '/api/project-reports/:id/decide',
    {
      config: { access: RULES.decideReport },
      schema: {
        tags,
        summary: 'Approve (releases what waited for it) or reject a report',
        params: id,
        body: reportDecision,
        response: { 200: reportView },
      },
    },
    async (req) => funding.decideReport(db, contextOf(req), req.params.id, req.body.approve, req.body.note),
  );

  r.post(
    '/api/applications/:id/midterm',
    {
      config: { access: RULES.manageApplication },
      schema: { tags, summary: 'Schedule the (single) mid-term check', params: id, body: midtermInput, response: { 200: reportView } },
    },
    async (req) => funding.scheduleMidterm(db, contextOf(req), req.params.id, req.body.dueOn),
  );

  r.post(
    '/api/applications/:id/extend',
    {
      config: { access: RULES.manageApplication },
      schema: {
        tags,
        summary: 'The (single) extension, at most the call’s maximum months',
        params: id,
        body: extensionInput,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await funding.extend(db, contextOf(req), req.params.id, req.body.months);
      return reply.status(204).send();
    },
  );
}
