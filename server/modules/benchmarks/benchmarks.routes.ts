import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORG_CODE_PATTERN } from '../../../common/limits.js';
import { peerGroups } from '../../db/schema/index.js';
import { accessOf, ROOT } from '../../platform/access.js';
import { audit, codeOfPath, commonPath, contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { findUnits } from '../orgunits/index.js';
import { RULES } from './benchmarks.policy.js';
import * as svc from './benchmarks.service.js';
import * as composite from './composite.service.js';

export function benchmarkRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benchmarks'];
  const year = z.coerce.number().int().min(1990).max(2100);

  r.get(
    '/api/benchmarks/indicators',
    {
      config: { access: RULES.indicators },
      schema: { tags, summary: 'What can be ranked (expressions over data elements, with their published columns)' },
    },
    async () => {
      return svc.listIndicators(db);
    },
  );

  r.get(
    '/api/benchmarks/groups',
    { config: { access: RULES.groups }, schema: { tags, summary: 'Peer groups of the caller’s units and of their ancestors' } },
    async (req) => {
      return svc.listGroups(db, accessOf(req).scopes);
    },
  );

  r.post(
    '/api/benchmarks/groups',
    {
      config: { access: RULES.defineGroup },
      schema: {
        tags,
        summary: 'Define a custom peer group (its members within the caller’s subtree)',
        body: z
          .object({
            code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
            nameZh: z.string().trim().min(1).max(100),
            nameEn: z.string().trim().min(1).max(100),
            members: z.array(z.string().regex(ORG_CODE_PATTERN)).min(2).max(500),
          })
          .strict(),
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      const units = await findUnits(db, req.body.members);
      const found = new Map(units.map((u) => [u.code, u]));
      const unknown = req.body.members.findIndex((m) => !found.has(m));
      if (unknown >= 0) throw new AppError(400, 'not_in_scope_unit', { code: req.body.members[unknown]! }, `members.${unknown}`);
      // The group belongs to the narrowest unit covering its members, which the caller must be able to write.
      const outside = req.body.members.findIndex((m) => !access.can('write', found.get(m)!.path));
      if (outside >= 0) throw new AppError(403, 'forbidden_scope', { unit: found.get(req.body.members[outside]!)!.name });
      const home = codeOfPath(commonPath(units.map((u) => u.path)) ?? ROOT);
      const row = await db.transaction(async (tx) => {
        const [g] = await tx
          .insert(peerGroups)
          .values({ ...req.body, members: [...new Set(req.body.members)], orgUnitCode: home })
          .onConflictDoNothing()
          .returning();
        if (!g) throw new AppError(409, 'duplicate', { what: req.body.code }, 'code');
        await audit(tx, contextOf(req), { action: 'create', entity: 'peer_group', entityId: g.code, orgUnit: home, after: g });
        return g;
      });
      return reply.status(201).send(row);
    },
  );

  r.get(
    '/api/benchmarks/rankings',
    {
      config: { access: RULES.rankings },
      schema: {
        tags,
        summary:
          'Rank of each unit among its peers (ties share the best rank), change since last year, distance to the average and to the best; published value and rank beside',
        querystring: z.object({ indicator: z.string().max(60), year, group: z.string().max(40).default('cq_districts') }),
      },
    },
    async (req) => {
      return svc.rankings(db, accessOf(req), req.query);
    },
  );

  r.post(
    '/api/composite-index/run',
    {
      config: { access: RULES.runIndex },
      schema: {
        tags,
        summary:
          'Run a composite index (method spec as data) over a peer group for a year: scores, ranks, rank intervals from the uncertainty analysis, strengths and weaknesses, and the spec used',
        body: z
          .object({
            spec: z.record(z.string(), z.unknown()),
            year,
            group: z.string().max(40).default('cq_districts'),
            name: z.string().trim().max(100).optional(),
            save: z.boolean().optional(),
          })
          .strict(),
      },
    },
    async (req) => {
      return composite.runComposite(db, contextOf(req), accessOf(req), req.body);
    },
  );

  r.get(
    '/api/composite-index/runs',
    { config: { access: RULES.runs }, schema: { tags, summary: 'Stored index runs of the caller’s subtree' } },
    async (req) => {
      return composite.listRuns(db, accessOf(req).scopes);
    },
  );

  r.get(
    '/api/composite-index/runs/:id',
    {
      config: { access: RULES.run },
      schema: { tags, summary: 'One stored run: the spec and the result', params: z.object({ id: z.uuid() }) },
    },
    async (req) => {
      return composite.getRun(db, req.params.id);
    },
  );

  r.get(
    '/api/benchmarks/profile',
    {
      config: { access: RULES.rankings },
      schema: {
        tags,
        summary: 'One unit against its peers: every indicator with value, rank and the group average; strengths and weaknesses',
        querystring: z.object({ unit: z.string().regex(ORG_CODE_PATTERN), year, group: z.string().max(40).default('cq_districts') }),
      },
    },
    async (req) => {
      return svc.profile(db, accessOf(req), req.query);
    },
  );
}
