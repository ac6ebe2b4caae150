import type { FastifyInstance } from 'fastify';
import { today } from '../../platform/clock.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evaluateBody, versionPatch, whatIfBody } from '../../../common/contracts/policies.js';
import { enterprises } from '../../db/schema/index.js';
import { contextOf } from '../../platform/audit.js';
import { requireRole } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { checkCreditCode } from '../registry/index.js';
import { eq } from 'drizzle-orm';
import * as svc from './policies.service.js';
import { POLICY_EDITORS, POLICY_READERS } from './policies.policy.js';

export function policyRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];
  const id = z.object({ id: z.string().min(1).max(60) });
  const idv = z.object({ id: z.string().min(1).max(60), version: z.coerce.number().int().min(1) });

  r.get(
    '/api/policies',
    { schema: { tags, summary: 'The policy catalogue, with each policy’s version in force and what is 待定' } },
    async (req) => {
      requireRole(req, [...POLICY_READERS, 'enterprise']);
      return svc.listPolicies(db);
    },
  );

  r.get('/api/policies/:id', { schema: { tags, summary: 'One policy (id or code) with all its versions', params: id } }, async (req) => {
    requireRole(req, [...POLICY_READERS, 'enterprise']);
    const p = await svc.findPolicy(db, req.params.id);
    return { ...p, versions: await svc.versionsOf(db, p.id) };
  });

  r.post(
    '/api/policies/:id/versions',
    { schema: { tags, summary: 'Start a new draft version from the latest one (or return the open draft)', params: id } },
    async (req, reply) => {
      requireRole(req, POLICY_EDITORS);
      const p = await svc.findPolicy(db, req.params.id);
      return reply.status(201).send(await svc.newDraft(db, contextOf(req), p.id));
    },
  );

  r.patch(
    '/api/policies/:id/versions/:version',
    {
      schema: { tags, summary: 'Edit a draft: rule, parameters (with a citation per value), test cases', params: idv, body: versionPatch },
    },
    async (req) => {
      requireRole(req, POLICY_EDITORS);
      const p = await svc.findPolicy(db, req.params.id);
      return svc.updateDraft(db, contextOf(req), p.id, req.params.version, req.body);
    },
  );

  r.post(
    '/api/policies/:id/versions/:version/submit',
    { schema: { tags, summary: 'Submit a draft for approval (every test case must pass)', params: idv } },
    async (req) => {
      requireRole(req, POLICY_EDITORS);
      const p = await svc.findPolicy(db, req.params.id);
      return svc.submitVersion(db, contextOf(req), p, req.params.version);
    },
  );

  for (const decision of ['approve', 'reject'] as const)
    r.post(
      `/api/policies/:id/versions/:version/${decision}`,
      {
        schema: {
          tags,
          summary:
            decision === 'approve'
              ? 'Approve a pending version (not its author); it replaces the one in force'
              : 'Send a pending version back',
          params: idv,
          body: z
            .object({ note: z.string().trim().max(500).optional() })
            .strict()
            .nullish(),
        },
      },
      async (req) => {
        requireRole(req, POLICY_EDITORS);
        const p = await svc.findPolicy(db, req.params.id);
        return svc.decideVersion(db, contextOf(req), p, req.params.version, decision, req.body?.note);
      },
    );

  r.post(
    '/api/policies/:id/tests/run',
    {
      schema: {
        tags,
        summary: 'Run a version’s test cases (default: the latest version)',
        params: id,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (req) => {
      requireRole(req, POLICY_READERS);
      const p = await svc.findPolicy(db, req.params.id);
      const versions = await svc.versionsOf(db, p.id);
      const v = req.query.version ? versions.find((x) => x.version === req.query.version) : versions[0];
      if (!v) throw new AppError(404, 'not_found', { what: `version ${req.query.version}` });
      const results = svc.testsOf(p, v);
      return {
        version: v.version,
        passed: results.filter((x) => x.passed).length,
        failed: results.filter((x) => !x.passed).length,
        results,
      };
    },
  );

  r.post(
    '/api/policies/:id/evaluate',
    {
      schema: {
        tags,
        summary: 'Eligibility (eligible / ineligible / undetermined), amount, reasons and full trace for one enterprise on a date',
        params: id,
        body: evaluateBody,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (req) => {
      requireRole(req, POLICY_READERS);
      const p = await svc.findPolicy(db, req.params.id);
      const versions = await svc.versionsOf(db, p.id);
      const v = req.query.version
        ? versions.find((x) => x.version === req.query.version)
        : (versions.find((x) => x.status === 'approved') ?? versions[0]);
      if (!v) throw new AppError(404, 'not_found', { what: `version ${req.query.version}` });
      const code = checkCreditCode(req.body.creditCode, 'creditCode');
      const [e] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, code));
      if (!e) throw new AppError(404, 'unknown_enterprise', { code }, 'creditCode');
      const trace = await svc.evaluateFor(db, p, v, e.id, req.body.date ?? today());
      return {
        eligibility: trace.eligibility,
        amountFen: trace.amount.fen,
        reasons: trace.conditions,
        unsetParameters: trace.unsetParameters,
        trace,
      };
    },
  );

  r.post(
    '/api/policies/:id/what-if',
    {
      schema: {
        tags,
        summary: 'Projected spend of draft parameter values over a year’s registry events, against the remaining budget',
        params: id,
        body: whatIfBody,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (req) => {
      requireRole(req, POLICY_READERS);
      const p = await svc.findPolicy(db, req.params.id);
      const versions = await svc.versionsOf(db, p.id);
      const v = req.query.version ? versions.find((x) => x.version === req.query.version) : versions[0];
      if (!v) throw new AppError(404, 'not_found', { what: `version ${req.query.version}` });
      return svc.whatIf(db, p, v, req.body.year, req.body.parameters, req.body.fundSource);
    },
  );
}
