import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noticeInput, projectObjectionInput, resolveProjectObjection } from '../../../common/contracts/panels.js';
import {
  callNotice,
  noticeView,
  objectionReceipt,
  objectionView,
  publicNoticeSummary,
  publicProjectNotice,
  resolvedObjection,
} from '../../../common/contracts/projects.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { localeOf } from '../../platform/i18n.js';
import * as calls from './calls.service.js';
import * as notices from './notices.service.js';
import { RULES } from './projects.policy.js';

/** 公示 of a call's approval list: the bureau publishes it and resolves objections; the public reads it and objects. */
export function noticeRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['project notices'];
  const id = z.object({ id: z.uuid() });

  r.get(
    '/api/calls/:id/notice',
    {
      config: { access: RULES.callRecords },
      schema: {
        tags,
        summary: 'The approval notice of a call with its objections (staff of the call’s subtree)',
        params: id,
        response: { 200: callNotice },
      },
    },
    async (req) => ({ notice: await notices.noticeForBureau(db, req.params.id) }),
  );

  r.post(
    '/api/calls/:id/notice',
    {
      config: { access: RULES.runCall },
      schema: {
        tags,
        summary: 'Publish the approval list between two dates (after the decision)',
        params: id,
        body: noticeInput,
        response: { 201: noticeView },
      },
    },
    async (req, reply) => {
      const call = await calls.findCall(db, req.params.id);
      return reply.status(201).send(await notices.publishNotice(db, contextOf(req), call, req.body, localeOf(req)));
    },
  );

  r.post(
    '/api/project-notices/:id/objections',
    {
      config: { access: RULES.recordObjection },
      schema: {
        tags,
        summary: 'Record an objection the bureau received (any time after publication)',
        params: id,
        body: projectObjectionInput,
        response: { 201: objectionView },
      },
    },
    async (req, reply) => reply.status(201).send(await notices.addObjection(db, contextOf(req), req.params.id, req.body, 'bureau')),
  );

  r.post(
    '/api/project-objections/:id/resolve',
    {
      config: { access: RULES.resolveObjection },
      schema: {
        tags,
        summary: 'Resolve an objection: upheld withdraws the approval of the project it names (before the contract)',
        params: id,
        body: resolveProjectObjection,
        response: { 200: resolvedObjection },
      },
    },
    async (req) => notices.resolveObjection(db, contextOf(req), req.params.id, req.body),
  );

  // The public pages: no login, read-only, and objections while the notice runs (anonymous: rate-limited
  // centrally by URL, see server/app.ts). They stay `public: true`: no access rule applies.
  r.get(
    '/api/public/project-notices',
    {
      config: { public: true },
      schema: { tags: ['public'], summary: 'Approval notices of project calls', response: { 200: z.array(publicNoticeSummary) } },
    },
    async () => notices.publicNotices(db),
  );
  r.get(
    '/api/public/project-notices/:id',
    {
      config: { public: true },
      schema: { tags: ['public'], summary: 'One approval notice', params: id, response: { 200: publicProjectNotice } },
    },
    async (req) => notices.publicNotice(db, req.params.id),
  );
  r.post(
    '/api/public/project-notices/:id/objections',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Object to an approval notice while it runs',
        params: id,
        body: projectObjectionInput,
        response: { 201: objectionReceipt },
      },
    },
    async (req, reply) => {
      const o = await notices.addObjection(db, contextOf(req), req.params.id, req.body, 'public');
      return reply.status(201).send({ id: o.id, createdAt: o.createdAt });
    },
  );
}
