import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  claimDetailView,
  claimRecordView,
  claimView,
  noticeDetailView,
  noticeView,
  objectionReceipt,
  objectionView,
  paidClaimView,
  publicNoticeSummary,
  publicNoticeView,
} from '../../../common/contracts/claims.js';
import {
  claimFilters,
  noticeBody,
  objectionBody,
  rejectBody,
  resolveObjectionBody,
  reviewBody,
} from '../../../common/contracts/policies.js';
import { accessOf } from '../../platform/access.js';
import { contextOf, systemContext } from '../../platform/audit.js';
import { today } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { listTransfers } from '../ledger/index.js';
import { id, presentSteps, withZod, type ZodRouter } from './claims.common.routes.js';
import { portalRoutes } from './claims.portal.routes.js';
import * as claimsSvc from './claims.service.js';
import { RULES } from './policies.policy.js';

const tags = ['claims'];

export function claimRoutes(app: FastifyInstance, db: Db, config?: Pick<Config, 'claimFourEyesAboveFen'>): void {
  const r = withZod(app);
  // The installation's four-eyes threshold, where the database's rule on claims reads it.
  if (config) app.addHook('onReady', () => claimsSvc.storeFourEyesThreshold(db, config.claimFourEyesAboveFen));
  const log = app.log;
  // One matching run at a time in this process, so a read waits for a run in flight rather than skipping
  // the events it holds.
  let running: Promise<number> = Promise.resolve(0);
  const match = () => (running = running.catch(() => 0).then(() => claimsSvc.matchEvents(db, systemContext('policy-matcher'))));

  // No-application benefits: after any change, match the registry's new events (never lost: the events wait
  // in their table until matched, and every read of claims matches first).
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && reply.statusCode < 400 && req.url.startsWith('/api/') && !req.url.startsWith('/api/claims'))
      void match().catch((e: unknown) => log.error({ err: e }, 'policy matching failed; retried on the next read'));
  });

  inboxRoutes(r, db, match);
  noticeRoutes(r, db);
  publicNoticeRoutes(r, db);
  portalRoutes(r, db, match);
}

/** The claims inbox and the decisions on a claim. */
function inboxRoutes(r: ZodRouter, db: Db, match: () => Promise<number>): void {
  r.get(
    '/api/claims',
    {
      config: { access: RULES.claims },
      schema: {
        tags,
        summary: 'Claims by status (the matches inbox), with enterprise and policy, in the reader’s scope',
        querystring: claimFilters,
        response: { 200: z.array(claimView) },
      },
    },
    async (req) => {
      await match();
      const rows = await claimsSvc.listClaims(db, {
        status: req.query.status,
        policy: req.query.policy,
        noticeId: req.query.notice,
        scopes: accessOf(req).scopes,
      });
      return rows.map(({ c, ...rest }) => ({ ...c, ...rest }));
    },
  );

  r.get(
    '/api/claims/:id',
    {
      config: { access: RULES.claim },
      schema: {
        tags,
        summary: 'One claim with its decision trace, steps and ledger transfers',
        params: id,
        response: { 200: claimDetailView },
      },
    },
    async (req) => {
      const [row] = await claimsSvc.listClaims(db, { id: req.params.id });
      if (!row) throw new AppError(404, 'not_found', { what: req.params.id });
      const { c, ...rest } = row;
      return {
        ...c,
        ...rest,
        steps: presentSteps(await claimsSvc.stepsOf(db, c.id), true),
        transfers: await listTransfers(db, { claimId: c.id }),
      };
    },
  );

  r.post(
    '/api/claims/:id/review',
    {
      config: { access: RULES.decideClaim },
      schema: {
        tags,
        summary: 'Review: confirm facts from the documents; must come out eligible',
        params: id,
        body: reviewBody,
        response: { 200: claimRecordView },
      },
    },
    async (req) => {
      return claimsSvc.reviewClaim(db, contextOf(req), req.params.id, req.body);
    },
  );

  r.post(
    '/api/claims/:id/approve',
    {
      config: { access: RULES.decideClaim },
      schema: {
        tags,
        summary: 'Approve after the public notice (a second person): reserves the amount in the budget',
        params: id,
        response: { 200: claimRecordView },
      },
    },
    async (req) => {
      return claimsSvc.approveClaim(db, contextOf(req), req.params.id, today());
    },
  );

  r.post(
    '/api/claims/:id/pay',
    {
      config: { access: RULES.decideClaim },
      schema: {
        tags,
        summary: 'Pay an approved claim through the ledger; repeating the request returns the first result',
        params: id,
        response: { 200: paidClaimView },
      },
    },
    async (req) => {
      const { claim, replayed } = await claimsSvc.payClaim(db, contextOf(req), req.params.id);
      return { ...claim, replayed };
    },
  );

  r.post(
    '/api/claims/:id/reject',
    {
      config: { access: RULES.decideClaim },
      schema: {
        tags,
        summary: 'Reject with a reason (voids a reservation)',
        params: id,
        body: rejectBody,
        response: { 200: claimRecordView },
      },
    },
    async (req) => {
      return claimsSvc.rejectClaim(db, contextOf(req), req.params.id, req.body.reason);
    },
  );
}

/** Notices (公示) and objections, for staff. */
function noticeRoutes(r: ZodRouter, db: Db): void {
  r.get(
    '/api/notices',
    {
      config: { access: RULES.notices },
      schema: { tags, summary: 'Public notices (公示) of the reader’s scope', response: { 200: z.array(noticeView) } },
    },
    async (req) => claimsSvc.listNotices(db, accessOf(req).scopes),
  );

  r.post(
    '/api/notices',
    {
      config: { access: RULES.createNotice },
      schema: {
        tags,
        summary: 'Put reviewed claims (of one policy owner, all in scope) on a public notice between two dates',
        body: noticeBody,
        response: { 201: noticeView },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await claimsSvc.createNotice(db, contextOf(req), req.body, accessOf(req)));
    },
  );

  r.get(
    '/api/notices/:id',
    {
      config: { access: RULES.notice },
      schema: { tags, summary: 'A notice with its claims and objections', params: id, response: { 200: noticeDetailView } },
    },
    async (req) => claimsSvc.noticeWithClaims(db, req.params.id),
  );

  r.post(
    '/api/objections/:id/resolve',
    {
      config: { access: RULES.resolveObjection },
      schema: {
        tags,
        summary: 'Resolve an objection: upheld rejects the claim it names',
        params: id,
        body: resolveObjectionBody,
        response: { 200: objectionView },
      },
    },
    async (req) => {
      return claimsSvc.resolveObjection(db, contextOf(req), req.params.id, req.body);
    },
  );
}

/** The public notice page: no login, read-only, and objections while the notice runs. */
function publicNoticeRoutes(r: ZodRouter, db: Db): void {
  const publicView = async (noticeId: string) => {
    const { notice, items, objections } = await claimsSvc.noticeWithClaims(db, noticeId);
    return {
      id: notice.id,
      title: notice.title,
      startsOn: notice.startsOn,
      endsOn: notice.endsOn,
      open: today() >= notice.startsOn && today() <= notice.endsOn,
      items: items
        .filter((x) => x.c.status !== 'rejected')
        .map((x) => ({
          claimId: x.c.id,
          enterprise: x.enterpriseName,
          policyZh: x.policyZh,
          policyEn: x.policyEn,
          amountFen: x.c.amountFen,
        })),
      objections: objections.length,
    };
  };
  r.get(
    '/api/public/notices',
    { config: { public: true }, schema: { tags: ['public'], summary: 'Public notices', response: { 200: z.array(publicNoticeSummary) } } },
    async () => (await claimsSvc.listNotices(db)).map((n) => ({ id: n.id, title: n.title, startsOn: n.startsOn, endsOn: n.endsOn })),
  );
  r.get(
    '/api/public/notices/:id',
    {
      config: { public: true },
      schema: { tags: ['public'], summary: 'One public notice', params: id, response: { 200: publicNoticeView } },
    },
    async (req) => publicView(req.params.id),
  );
  r.post(
    '/api/public/notices/:id/objections',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Raise an objection while the notice runs',
        params: id,
        body: objectionBody,
        response: { 201: objectionReceipt },
      },
    },
    async (req, reply) => {
      const o = await claimsSvc.addObjection(db, contextOf(req), req.params.id, req.body, today());
      return reply.status(201).send({ id: o.id, createdAt: o.createdAt });
    },
  );
}
