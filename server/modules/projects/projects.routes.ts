import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileDownload } from '../../../common/contracts/common.js';
import {
  applicationDetail,
  applicationInput,
  applicationView,
  attachmentQuery,
  attachmentReceipt,
  callInput,
  callView,
  formalCheckInput,
} from '../../../common/contracts/projects.js';
import { ATTACHMENT_TYPES } from '../../../common/values/projects.js';
import { accessOf, type Access } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './calls.repo.js';
import * as calls from './calls.service.js';
import { callUnit, mayBidAsTeam, mayReadApplication, PROJECT_EDITORS, RULES } from './projects.policy.js';

/**
 * An application the caller may read (its owner, or staff in scope of its call or its enterprise); any other
 * is not found, so an applicant never learns of another's.
 */
export async function readableApplication(db: Db, access: Access, id: string): Promise<calls.ApplicationRow> {
  const a = await calls.findApplication(db, id);
  if (!(await mayReadApplication(db, access, a))) throw new AppError(404, 'not_found', { what: id });
  return a;
}

/** An application the caller owns (its edits, files, submission): another's is not found. */
async function ownApplication(db: Db, access: Access, id: string): Promise<calls.ApplicationRow> {
  const a = await calls.findApplication(db, id);
  if (a.ownerUserId !== access.auth.user.id) throw new AppError(404, 'not_found', { what: id });
  return a;
}

/**
 * A call as this reader may see it: staff whose scope covers it (a draft only within its own subtree, a
 * published one also from the units below), an applicant a published one; any other is not found.
 */
async function visibleCall(db: Db, access: Access, id: string): Promise<calls.CallRow> {
  const c = await calls.findCall(db, id);
  const path = await callUnit(db, id);
  const published = calls.PUBLISHED_CALL.includes(c.status);
  const staff = path !== null && access.can('read', path, published);
  if (!staff && !(published && access.personal)) throw new AppError(404, 'not_found', { what: id });
  return c;
}

const withZod = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
type ZodRouter = ReturnType<typeof withZod>;

export function projectRoutes(app: FastifyInstance, db: Db): void {
  const r = withZod(app);
  app.addContentTypeParser([...ATTACHMENT_TYPES], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  callRoutes(r, db);
  applicationRoutes(r, db);
  lifecycleRoutes(r, db);
  attachmentRoutes(r, db);
}

const tags = ['projects'];
const id = z.object({ id: z.uuid() });

/** Calls: list, create, read, publish, close. */
function callRoutes(r: ZodRouter, db: Db): void {
  r.get(
    '/api/calls',
    {
      config: { access: RULES.listCalls },
      schema: {
        tags,
        summary: 'Calls of the reader’s scope (drafts too) and the published ones above it; applicants: published calls',
        response: { 200: z.array(callView) },
      },
    },
    async (req) => {
      const access = accessOf(req);
      return calls.listCalls(db, { scopes: access.scopes, published: access.personal });
    },
  );

  r.post(
    '/api/calls',
    {
      config: { access: RULES.createCall },
      schema: {
        tags,
        summary: 'Create a call (draft) or a 揭榜挂帅 challenge, in the bureau’s unit or one its grant covers',
        body: callInput,
        response: { 201: callView },
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      // The call belongs to the unit named, or to the unit of the caller's (first) bureau grant.
      const code = req.body.regionCode ?? access.auth.grants.find((g) => PROJECT_EDITORS.includes(g.role))!.orgUnitCode;
      const unit = await repo.unitByCode(db, code);
      if (!unit) throw new AppError(400, 'not_found', { what: code }, 'regionCode');
      access.assert('write', unit.path, unit.name);
      return reply.status(201).send(await calls.createCall(db, contextOf(req), req.body, code));
    },
  );

  r.get(
    '/api/calls/:id',
    { config: { access: RULES.readCall }, schema: { tags, summary: 'One call', params: id, response: { 200: callView } } },
    async (req) => visibleCall(db, accessOf(req), req.params.id),
  );

  for (const status of ['published', 'closed'] as const)
    r.post(
      `/api/calls/:id/${status === 'published' ? 'publish' : 'close'}`,
      {
        config: { access: RULES.runCall },
        schema: { tags, summary: status === 'published' ? 'Publish a call' : 'Close a call', params: id, response: { 200: callView } },
      },
      async (req) => calls.setCallStatus(db, contextOf(req), req.params.id, status),
    );
}

/** Applications: start, read, edit, submit, withdraw, the formal check; an applicant's own list. */
function applicationRoutes(r: ZodRouter, db: Db): void {
  r.get(
    '/api/calls/:id/applications',
    {
      config: { access: RULES.callApplications },
      schema: {
        tags,
        summary: 'Applications to a call whose call or applicant enterprise lies in the reader’s scope',
        params: id,
        response: { 200: z.array(applicationView) },
      },
    },
    async (req) => calls.listApplications(db, { callId: req.params.id, scopes: accessOf(req).scopes }),
  );

  r.post(
    '/api/calls/:id/applications',
    {
      config: { access: RULES.apply },
      schema: {
        tags,
        summary: 'Start an application (enterprise portal; any team for a challenge)',
        params: id,
        body: applicationInput,
        response: { 201: applicationView },
      },
    },
    async (req, reply) => {
      const auth = accessOf(req).auth;
      const call = await calls.findCall(db, req.params.id);
      const grant = auth.grants.find((g) => g.role === 'enterprise' && g.enterpriseId);
      if (!grant && call.kind !== 'challenge') throw new AppError(403, 'no_enterprise_link');
      // A team bids with its own 揭榜团队 account: those who run, oversee or review the call do not bid in it.
      if (!grant && !mayBidAsTeam(auth)) throw new AppError(403, 'challenge_bidder');
      let owner: Parameters<typeof calls.createApplication>[3] = { userId: auth.user.id, enterpriseId: null };
      if (grant) {
        const e = await repo.enterpriseOf(db, grant.enterpriseId!);
        owner = { userId: auth.user.id, enterpriseId: e.id, enterpriseName: e.name, creditCode: e.creditCode };
      }
      return reply.status(201).send(await calls.createApplication(db, contextOf(req), call, owner, req.body));
    },
  );

  r.get(
    '/api/my/project-applications',
    {
      config: { access: RULES.applicant },
      schema: { tags: ['enterprise portal'], summary: 'My project applications', response: { 200: z.array(applicationView) } },
    },
    async (req) => calls.listApplications(db, { ownerUserId: accessOf(req).auth.user.id }),
  );

  r.get(
    '/api/applications/:id',
    {
      config: { access: RULES.readApplication },
      schema: {
        tags,
        summary: 'One application with its attachments (its owner, or staff of its call’s or enterprise’s scope)',
        params: id,
        response: { 200: applicationDetail },
      },
    },
    async (req) => {
      const a = await readableApplication(db, accessOf(req), req.params.id);
      return { ...a, attachments: await calls.attachmentsOf(db, a.id) };
    },
  );

  r.put(
    '/api/applications/:id',
    {
      config: { access: RULES.applicant },
      schema: {
        tags,
        summary: 'Edit a draft or returned application (its owner)',
        params: id,
        body: applicationInput,
        response: { 200: applicationView },
      },
    },
    async (req) => {
      const a = await ownApplication(db, accessOf(req), req.params.id);
      return calls.updateApplication(db, contextOf(req), a.id, req.body);
    },
  );
}

/** An application's course: submitted or withdrawn by its owner, checked by the bureau. */
function lifecycleRoutes(r: ZodRouter, db: Db): void {
  for (const action of ['submit', 'withdraw'] as const)
    r.post(
      `/api/applications/:id/${action}`,
      {
        config: { access: RULES.applicant },
        schema: {
          tags,
          summary: action === 'submit' ? 'Submit before the deadline' : 'Withdraw',
          params: id,
          response: { 200: applicationView },
        },
      },
      async (req) => {
        const a = await ownApplication(db, accessOf(req), req.params.id);
        return action === 'submit'
          ? calls.submitApplication(db, contextOf(req), await calls.findCall(db, a.callId), a.id)
          : calls.withdrawApplication(db, contextOf(req), a.id);
      },
    );

  r.post(
    '/api/applications/:id/formal-check',
    {
      config: { access: RULES.manageApplication },
      schema: {
        tags,
        summary: 'Formal check: accept for review, return with reasons (the applicant can fix and resubmit), or reject',
        params: id,
        body: formalCheckInput,
        response: { 200: applicationView },
      },
    },
    async (req) => calls.formalCheck(db, contextOf(req), req.params.id, req.body.decision, req.body.note),
  );
}

/** Attachments: stored with their checksum (the owner), downloaded by whoever may read the application. */
function attachmentRoutes(r: ZodRouter, db: Db): void {
  r.post(
    '/api/applications/:id/attachments',
    {
      config: { access: RULES.applicant },
      schema: {
        tags,
        summary: 'Attach a file (raw body with its content type, which the content’s magic bytes must match); stored with its SHA-256',
        params: id,
        querystring: attachmentQuery,
        response: { 201: attachmentReceipt },
      },
    },
    async (req, reply) => {
      const a = await ownApplication(db, accessOf(req), req.params.id);
      if (!Buffer.isBuffer(req.body)) throw new AppError(415, 'attachment_type', { types: ATTACHMENT_TYPES.join(', ') }, 'file');
      const call = await calls.findCall(db, a.callId);
      const mime = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim();
      return reply.status(201).send(
        await calls.addAttachment(db, contextOf(req), call, a.id, {
          key: req.query.key,
          fileName: req.query.fileName,
          mime,
          content: req.body,
        }),
      );
    },
  );

  r.get(
    '/api/applications/:id/attachments/:attachmentId',
    {
      config: { access: RULES.readAttachment },
      schema: {
        tags,
        summary: 'Download an attachment',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        response: { 200: fileDownload('pdf', 'png', 'jpeg', 'docx', 'doc', 'zip') },
      },
    },
    async (req, reply) => {
      const a = await readableApplication(db, accessOf(req), req.params.id);
      const f = await calls.attachmentContent(db, a.id, req.params.attachmentId);
      return reply
        .header('content-type', f.mime)
        .header('x-content-sha256', f.sha256)
        .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.content);
    },
  );
}
