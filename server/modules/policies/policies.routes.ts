import type { FastifyInstance } from 'fastify';
import { today } from '../../platform/clock.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  evaluateBody,
  evaluationView,
  policyDetail,
  policySummary,
  testRunView,
  versionPatch,
  versionView,
  whatIfBody,
  whatIfView,
} from '../../../common/contracts/policies.js';
import { accessOf } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { checkCreditCode, enterprisePaths } from '../registry/index.js';
import { enterpriseByCreditCode, evaluateFor, whatIf } from './evaluation.js';
import * as svc from './policies.service.js';
import { VERSION_DECISIONS } from '../../../common/values/policies.js';
import { RULES } from './policies.policy.js';

const withZod = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
type ZodRouter = ReturnType<typeof withZod>;
const tags = ['policies'];
const id = z.object({ id: z.string().min(1).max(60) });
const idv = z.object({ id: z.string().min(1).max(60), version: z.coerce.number().int().min(1) });
const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export function policyRoutes(app: FastifyInstance, db: Db): void {
  const r = withZod(app);
  catalogueRoutes(r, db);
  versionRoutes(r, db);
  trialRoutes(r, db);
}

/** The catalogue and one policy with its versions. */
function catalogueRoutes(r: ZodRouter, db: Db): void {
  r.get(
    '/api/policies',
    {
      config: { access: RULES.list },
      schema: {
        tags,
        summary: 'The policy catalogue (own and ancestors’ policies), with each policy’s version in force and what is 待定',
        response: { 200: z.array(policySummary) },
      },
    },
    async (req) => {
      const access = accessOf(req);
      if (access.scopes.length > 0) return svc.listPolicies(db, { scopes: access.scopes });
      const ids = access.auth.grants.filter((g) => g.role === 'enterprise' && g.enterpriseId).map((g) => g.enterpriseId!);
      // Where the user's enterprises are registered: the policies whose area holds them apply.
      return svc.listPolicies(db, { within: [...(await enterprisePaths(db, ids)).values()] });
    },
  );

  r.get(
    '/api/policies/:id',
    {
      config: { access: RULES.read },
      schema: { tags, summary: 'One policy (id or code) with all its versions', params: id, response: { 200: policyDetail } },
    },
    async (req) => {
      const p = await svc.findPolicy(db, req.params.id);
      return { ...p, versions: await svc.versionsOf(db, p.id) };
    },
  );
}

/** Drafts, submission and the second person's decision. */
function versionRoutes(r: ZodRouter, db: Db): void {
  r.post(
    '/api/policies/:id/versions',
    {
      config: { access: RULES.edit },
      schema: {
        tags,
        summary: 'Start a new draft version from the latest one (or return the open draft)',
        params: id,
        response: { 201: versionView },
      },
    },
    async (req, reply) => {
      const p = await svc.findPolicy(db, req.params.id);
      return reply.status(201).send(await svc.newDraft(db, contextOf(req), p.id));
    },
  );

  r.patch(
    '/api/policies/:id/versions/:version',
    {
      config: { access: RULES.edit },
      schema: {
        tags,
        summary: 'Edit a draft: rule, parameters (with a citation per value), test cases',
        params: idv,
        body: versionPatch,
        response: { 200: versionView },
      },
    },
    async (req) => {
      const p = await svc.findPolicy(db, req.params.id);
      return svc.updateDraft(db, contextOf(req), p.id, req.params.version, req.body);
    },
  );

  r.post(
    '/api/policies/:id/versions/:version/submit',
    {
      config: { access: RULES.edit },
      schema: { tags, summary: 'Submit a draft for approval (every test case must pass)', params: idv, response: { 200: versionView } },
    },
    async (req) => {
      const p = await svc.findPolicy(db, req.params.id);
      return svc.submitVersion(db, contextOf(req), p, req.params.version);
    },
  );

  for (const decision of VERSION_DECISIONS)
    r.post(
      `/api/policies/:id/versions/:version/${decision}`,
      {
        config: { access: RULES.edit },
        schema: {
          tags,
          summary:
            decision === 'approve'
              ? 'Approve a pending version (none of its editors); it replaces the one in force'
              : 'Send a pending version back',
          params: idv,
          body: z
            .object({ note: z.string().trim().max(500).optional() })
            .strict()
            .nullish(),
          response: { 200: versionView },
        },
      },
      async (req) => {
        const p = await svc.findPolicy(db, req.params.id);
        return svc.decideVersion(db, contextOf(req), p, req.params.version, decision, req.body?.note);
      },
    );
}

/** Trying a version: its test cases, one enterprise's decision, a year's projected spend. */
function trialRoutes(r: ZodRouter, db: Db): void {
  r.post(
    '/api/policies/:id/tests/run',
    {
      config: { access: RULES.try },
      schema: {
        tags,
        summary: 'Run a version’s test cases (default: the latest version)',
        params: id,
        querystring: versionQuery,
        response: { 200: testRunView },
      },
    },
    async (req) => {
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
      config: { access: RULES.try },
      schema: {
        tags,
        summary: 'Eligibility (eligible / ineligible / undetermined), amount, reasons and full trace for one enterprise on a date',
        params: id,
        body: evaluateBody,
        querystring: versionQuery,
        response: { 200: evaluationView },
      },
    },
    async (req) => {
      const p = await svc.findPolicy(db, req.params.id);
      const versions = await svc.versionsOf(db, p.id);
      const v = req.query.version
        ? versions.find((x) => x.version === req.query.version)
        : (versions.find((x) => x.status === 'approved') ?? versions[0]);
      if (!v) throw new AppError(404, 'not_found', { what: `version ${req.query.version}` });
      const code = checkCreditCode(req.body.creditCode, 'creditCode');
      const [e] = await enterpriseByCreditCode(db, code);
      if (!e) throw new AppError(404, 'unknown_enterprise', { code }, 'creditCode');
      // The enterprise's facts are read only by those whose subtree holds it.
      accessOf(req).assert('read', e.path, e.name);
      const trace = await evaluateFor(db, p, v, e.id, req.body.date ?? today());
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
      config: { access: RULES.try },
      schema: {
        tags,
        summary: 'Projected spend of draft parameter values over a year’s registry events, against the remaining budget',
        params: id,
        body: whatIfBody,
        querystring: versionQuery,
        response: { 200: whatIfView },
      },
    },
    async (req) => {
      const p = await svc.findPolicy(db, req.params.id);
      const versions = await svc.versionsOf(db, p.id);
      const v = req.query.version ? versions.find((x) => x.version === req.query.version) : versions[0];
      if (!v) throw new AppError(404, 'not_found', { what: `version ${req.query.version}` });
      return whatIf(db, p, v, req.body.year, req.body.parameters, req.body.fundSource, accessOf(req).scopes);
    },
  );
}
