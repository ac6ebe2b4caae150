import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createdView,
  patentInput,
  patentList,
  platformInput,
  platformList,
  talentInput,
  talentList,
} from '../../../common/contracts/registry.js';
import { contextOf } from '../../platform/audit.js';
import { accessOf } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import * as rec from './records.service.js';
import { RULES, editScope } from './registry.policy.js';
import * as repo from './registry.repo.js';
import { presentPatents, presentPlatform, presentTalent } from './presenters.js';

/** Platforms, talents and patents. */
export function registerRecordRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  r.get(
    '/api/platforms',
    { config: { access: RULES.list }, schema: { tags, summary: 'Platforms and institutions in scope', response: { 200: platformList } } },
    async (req) => {
      const scopes = accessOf(req).scopes;
      return (await repo.platformsIn(db, scopes)).map(presentPlatform);
    },
  );
  r.post(
    '/api/platforms',
    {
      config: { access: RULES.record },
      schema: { tags, summary: 'Record a platform or institution', body: platformInput, response: { 201: createdView } },
    },
    async (req, reply) => {
      return reply.status(201).send({ id: await rec.addPlatform(db, contextOf(req), editScope(accessOf(req)), req.body) });
    },
  );

  r.get(
    '/api/talents',
    {
      config: { access: RULES.list },
      schema: { tags, summary: 'Talents in scope (no national ID numbers are stored)', response: { 200: talentList } },
    },
    async (req) => {
      const scopes = accessOf(req).scopes;
      return (await repo.talentsIn(db, scopes)).map(presentTalent);
    },
  );
  r.post(
    '/api/talents',
    {
      config: { access: RULES.record },
      schema: { tags, summary: 'Record a talent', body: talentInput, response: { 201: createdView } },
    },
    async (req, reply) => {
      return reply.status(201).send({ id: await rec.addTalent(db, contextOf(req), editScope(accessOf(req)), req.body) });
    },
  );

  r.get(
    '/api/patents',
    {
      config: { access: RULES.list },
      schema: { tags, summary: 'Patents with an owner in scope; expiry computed from type and filing date', response: { 200: patentList } },
    },
    async (req) => {
      const scopes = accessOf(req).scopes;
      return presentPatents(
        db,
        (await repo.patentsOf(db, { scopePaths: scopes })).map((x) => x.p),
      );
    },
  );
  r.post(
    '/api/patents',
    {
      config: { access: RULES.record },
      schema: {
        tags,
        summary: 'Record a patent (number format and check digit verified)',
        body: patentInput,
        response: { 201: createdView },
      },
    },
    async (req, reply) => {
      return reply.status(201).send({ id: await rec.addPatent(db, contextOf(req), editScope(accessOf(req)), req.body) });
    },
  );
}
