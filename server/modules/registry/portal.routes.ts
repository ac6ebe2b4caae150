import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '../../../common/contracts/common.js';
import { prechecksView } from '../../../common/contracts/registry-checks.js';
import {
  enterpriseView,
  myEnterpriseQuery,
  ownProfileInput,
  patentList,
  statsInput,
  statsList,
  yearParam,
} from '../../../common/contracts/registry.js';
import { contextOf } from '../../platform/audit.js';
import { accessOf } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import * as ent from './enterprises.service.js';
import { prechecksFor } from './prechecks.js';
import { presentPatents, presentStats } from './presenters.js';
import * as rec from './records.service.js';
import { RULES, ownEnterpriseId } from './registry.policy.js';
import * as repo from './registry.repo.js';

/** The enterprise portal: an enterprise user reaches only its own enterprise, through /api/my/…. */

export function portalRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprise portal'];
  const q = myEnterpriseQuery;

  r.get(
    '/api/my/enterprise',
    {
      config: { access: RULES.portal },
      schema: { tags, summary: 'My enterprise: profile, parks, qualifications', querystring: q, response: { 200: enterpriseView } },
    },
    async (req) => {
      const id = ownEnterpriseId(accessOf(req).auth, req.query.enterprise);
      const { orgPath: _p, ...view } = await ent.enterpriseDetail(db, id);
      return view;
    },
  );

  r.patch(
    '/api/my/enterprise',
    {
      config: { access: RULES.portal },
      schema: { tags, summary: 'Change my contacts and address', querystring: q, body: ownProfileInput, response: { 200: enterpriseView } },
    },
    async (req) => {
      const id = ownEnterpriseId(accessOf(req).auth, req.query.enterprise);
      await ent.updateOwnProfile(db, contextOf(req), id, req.body);
      const { orgPath: _p, ...view } = await ent.enterpriseDetail(db, id);
      return view;
    },
  );

  r.get(
    '/api/my/stats',
    { config: { access: RULES.portal }, schema: { tags, summary: 'My annual figures', querystring: q, response: { 200: statsList } } },
    async (req) => {
      const id = ownEnterpriseId(accessOf(req).auth, req.query.enterprise);
      return (await repo.statsOf(db, id)).map(presentStats);
    },
  );

  r.put(
    '/api/my/stats/:year',
    {
      config: { access: RULES.portal },
      schema: {
        tags,
        summary: 'Enter my annual figures (draft, or submitted to the bureau)',
        params: yearParam,
        querystring: q,
        body: statsInput,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      const id = ownEnterpriseId(accessOf(req).auth, req.query.enterprise);
      await rec.saveStats(db, contextOf(req), id, req.params.year, req.body);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/my/patents',
    { config: { access: RULES.portal }, schema: { tags, summary: 'Patents I own', querystring: q, response: { 200: patentList } } },
    async (req) => {
      const id = ownEnterpriseId(accessOf(req).auth, req.query.enterprise);
      return presentPatents(
        db,
        (await repo.patentsOf(db, { enterpriseIds: [id] })).map((x) => x.p),
      );
    },
  );

  r.get(
    '/api/my/prechecks',
    {
      config: { access: RULES.portal },
      schema: {
        tags,
        summary: 'How close I am to the high-tech and tech-SME qualifications, condition by condition',
        querystring: q,
        response: { 200: prechecksView },
      },
    },
    async (req) => {
      const id = ownEnterpriseId(accessOf(req).auth, req.query.enterprise);
      return prechecksFor(db, id, ent.today());
    },
  );
}
