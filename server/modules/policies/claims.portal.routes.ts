import { z } from 'zod';
import { claimReceipt, myClaimView } from '../../../common/contracts/claims.js';
import { applicationBody, documentsBody, myPolicyView } from '../../../common/contracts/policies.js';
import { contextOf } from '../../platform/audit.js';
import { requireAuth } from '../../platform/auth.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { enterprisePaths, ownEnterpriseId } from '../registry/index.js';
import { id, presentSteps, type ZodRouter } from './claims.common.routes.js';
import * as claimsSvc from './claims.service.js';
import { evaluateFor } from './evaluation.js';
import * as svc from './policies.service.js';
import { RULES } from './policies.policy.js';

/** The enterprise portal: my claims, my documents and applications, and how I stand against each policy. */
export function portalRoutes(r: ZodRouter, db: Db, match: () => Promise<number>): void {
  const q = z.object({ enterprise: z.uuid().optional() });
  r.get(
    '/api/my/claims',
    {
      config: { access: RULES.portal },
      schema: {
        tags: ['enterprise portal'],
        summary: 'My claims, each with its steps',
        querystring: q,
        response: { 200: z.array(myClaimView) },
      },
    },
    async (req) => {
      const eid = ownEnterpriseId(requireAuth(req), req.query.enterprise);
      await match();
      const rows = await claimsSvc.listClaims(db, { enterpriseId: eid });
      return Promise.all(
        rows.map(async ({ c, policyCode, policyZh, policyEn }) => ({
          id: c.id,
          policyCode,
          policyZh,
          policyEn,
          status: c.status,
          eligibility: c.eligibility,
          amountFen: c.amountFen,
          fiscalYear: c.fiscalYear,
          checklist: c.checklist,
          rejectionReason: c.rejectionReason,
          rejection: c.rejection,
          conditions: c.trace.conditions,
          createdAt: c.createdAt,
          steps: presentSteps(await claimsSvc.stepsOf(db, c.id), false),
        })),
      );
    },
  );

  r.post(
    '/api/my/claims/:id/documents',
    {
      config: { access: RULES.portal },
      schema: {
        tags: ['enterprise portal'],
        summary: 'Answer a fast-application task: the documents provided',
        params: id,
        body: documentsBody,
        querystring: q,
        response: { 200: claimReceipt },
      },
    },
    async (req) => {
      const eid = ownEnterpriseId(requireAuth(req), req.query.enterprise);
      const [row] = await claimsSvc.listClaims(db, { id: req.params.id, enterpriseId: eid });
      if (!row) throw new AppError(404, 'not_found', { what: req.params.id });
      const c = await claimsSvc.submitDocuments(db, contextOf(req), req.params.id, req.body);
      return { id: c.id, status: c.status };
    },
  );

  r.post(
    '/api/my/applications',
    {
      config: { access: RULES.portal },
      schema: {
        tags: ['enterprise portal'],
        summary: 'Apply for a policy with documents (one claim per reference)',
        body: applicationBody,
        querystring: q,
        response: { 201: claimReceipt },
      },
    },
    async (req, reply) => {
      const eid = ownEnterpriseId(requireAuth(req), req.query.enterprise);
      const c = await claimsSvc.applyFor(db, contextOf(req), eid, req.body);
      return reply.status(201).send({ id: c.id, status: c.status });
    },
  );

  r.get(
    '/api/my/policies',
    {
      config: { access: RULES.portal },
      schema: {
        tags: ['enterprise portal'],
        summary: 'Policies in force and how I stand against each, condition by condition',
        querystring: q,
        response: { 200: z.array(myPolicyView) },
      },
    },
    async (req) => {
      const eid = ownEnterpriseId(requireAuth(req), req.query.enterprise);
      const paths = await enterprisePaths(db, [eid]);
      const out = [];
      // The policies whose owner's area holds the enterprise.
      for (const p of await svc.listPolicies(db, { within: [...paths.values()] })) {
        if (!p.operative) continue;
        const v = (await svc.activeVersion(db, p.id))!;
        const trace = await evaluateFor(db, p, v, eid, today());
        out.push({
          code: p.code,
          nameZh: p.nameZh,
          nameEn: p.nameEn,
          clauseRef: p.clauseRef,
          trigger: v.rule.trigger.event,
          eligibility: trace.eligibility,
          amountFen: trace.amount.fen,
          conditions: trace.conditions,
          checklist: v.rule.checklist,
          documentsNeeded: trace.documentsNeeded,
        });
      }
      return out;
    },
  );
}
