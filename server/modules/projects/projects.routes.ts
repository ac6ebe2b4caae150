import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationInput, callInput } from '../../../common/contracts/projects.js';
import { enterprises } from '../../db/schema/index.js';
import { contextOf } from '../../platform/audit.js';
import { requireAuth, type AuthInfo } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { eq } from 'drizzle-orm';
import * as calls from './calls.service.js';
import { isStaff, mayBidAsTeam, requireStaff } from './projects.policy.js';

/** Attachment types the server accepts as raw bodies (each call's form narrows them further). */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/zip',
];

/** Who may read an application: the bureau's staff and its owner (an applicant never sees another's). */
export function canReadApplication(auth: AuthInfo, a: calls.ApplicationRow): boolean {
  return isStaff(auth) || a.ownerUserId === auth.user.id;
}

export function projectRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const id = z.object({ id: z.uuid() });
  app.addContentTypeParser(ATTACHMENT_TYPES, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  const own = async (auth: AuthInfo, appId: string) => {
    const a = await calls.findApplication(db, appId);
    if (!canReadApplication(auth, a)) throw new AppError(404, 'not_found', { what: appId });
    return a;
  };

  r.get('/api/calls', { schema: { tags, summary: 'Calls: all for the bureau, published ones for everyone else' } }, async (req) => {
    const auth = requireAuth(req);
    return calls.listCalls(db, !isStaff(auth));
  });

  r.post(
    '/api/calls',
    { schema: { tags, summary: 'Create a call (draft) or a 揭榜挂帅 challenge', body: callInput } },
    async (req, reply) => {
      const auth = requireAuth(req);
      requireStaff(auth, true);
      const grant = auth.grants.find((g) => g.role === 'bureau')!;
      return reply.status(201).send(await calls.createCall(db, contextOf(req), req.body, grant.orgUnitCode));
    },
  );

  r.get('/api/calls/:id', { schema: { tags, summary: 'One call', params: id } }, async (req) => {
    const auth = requireAuth(req);
    const c = await calls.findCall(db, req.params.id);
    if (c.status === 'draft' && !isStaff(auth)) throw new AppError(404, 'not_found', { what: req.params.id });
    return c;
  });

  for (const status of ['published', 'closed'] as const)
    r.post(
      `/api/calls/:id/${status === 'published' ? 'publish' : 'close'}`,
      { schema: { tags, summary: status === 'published' ? 'Publish a call' : 'Close a call', params: id } },
      async (req) => {
        requireStaff(requireAuth(req), true);
        return calls.setCallStatus(db, contextOf(req), req.params.id, status);
      },
    );

  r.get('/api/calls/:id/applications', { schema: { tags, summary: 'Applications to a call (bureau)', params: id } }, async (req) => {
    requireStaff(requireAuth(req));
    return calls.listApplications(db, { callId: req.params.id });
  });

  r.post(
    '/api/calls/:id/applications',
    { schema: { tags, summary: 'Start an application (enterprise portal; any team for a challenge)', params: id, body: applicationInput } },
    async (req, reply) => {
      const auth = requireAuth(req);
      const call = await calls.findCall(db, req.params.id);
      const grant = auth.grants.find((g) => g.role === 'enterprise' && g.enterpriseId);
      if (!grant && call.kind !== 'challenge') throw new AppError(403, 'no_enterprise_link');
      // A team bids with its own 揭榜团队 account: those who run, oversee or review the call do not bid in it.
      if (!grant && !mayBidAsTeam(auth)) throw new AppError(403, 'challenge_bidder');
      let owner: Parameters<typeof calls.createApplication>[3] = { userId: auth.user.id, enterpriseId: null };
      if (grant) {
        const [e] = await db.select().from(enterprises).where(eq(enterprises.id, grant.enterpriseId!));
        owner = { userId: auth.user.id, enterpriseId: e!.id, enterpriseName: e!.name, creditCode: e!.creditCode };
      }
      return reply.status(201).send(await calls.createApplication(db, contextOf(req), call, owner, req.body));
    },
  );

  r.get('/api/my/project-applications', { schema: { tags: ['enterprise portal'], summary: 'My project applications' } }, async (req) => {
    const auth = requireAuth(req);
    return calls.listApplications(db, { ownerUserId: auth.user.id });
  });

  r.get(
    '/api/applications/:id',
    { schema: { tags, summary: 'One application with its attachments (owner or bureau)', params: id } },
    async (req) => {
      const a = await own(requireAuth(req), req.params.id);
      return { ...a, attachments: await calls.attachmentsOf(db, a.id) };
    },
  );

  r.put(
    '/api/applications/:id',
    { schema: { tags, summary: 'Edit a draft or returned application', params: id, body: applicationInput } },
    async (req) => {
      const auth = requireAuth(req);
      const a = await own(auth, req.params.id);
      if (a.ownerUserId !== auth.user.id) throw new AppError(403, 'forbidden');
      return calls.updateApplication(db, contextOf(req), a.id, req.body);
    },
  );

  r.post(
    '/api/applications/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a file (raw body with its content type); stored with its SHA-256',
        params: id,
        querystring: z.object({ key: z.string().max(40), fileName: z.string().min(1).max(200) }),
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req);
      const a = await own(auth, req.params.id);
      if (a.ownerUserId !== auth.user.id) throw new AppError(403, 'forbidden');
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
    { schema: { tags, summary: 'Download an attachment', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) } },
    async (req, reply) => {
      const a = await own(requireAuth(req), req.params.id);
      const f = await calls.attachmentContent(db, a.id, req.params.attachmentId);
      return reply
        .header('content-type', f.mime)
        .header('x-content-sha256', f.sha256)
        .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.content);
    },
  );

  for (const action of ['submit', 'withdraw'] as const)
    r.post(
      `/api/applications/:id/${action}`,
      { schema: { tags, summary: action === 'submit' ? 'Submit before the deadline' : 'Withdraw', params: id } },
      async (req) => {
        const auth = requireAuth(req);
        const a = await own(auth, req.params.id);
        if (a.ownerUserId !== auth.user.id) throw new AppError(403, 'forbidden');
        return action === 'submit'
          ? calls.submitApplication(db, contextOf(req), await calls.findCall(db, a.callId), a.id)
          : calls.withdrawApplication(db, contextOf(req), a.id);
      },
    );

  r.post(
    '/api/applications/:id/formal-check',
    {
      schema: {
        tags,
        summary: 'Formal check: accept for review, return with reasons (the applicant can fix and resubmit), or reject',
        params: id,
        body: z.object({ decision: z.enum(['accept', 'return', 'reject']), note: z.string().trim().max(2000).optional() }).strict(),
      },
    },
    async (req) => {
      requireStaff(requireAuth(req), true);
      return calls.formalCheck(db, contextOf(req), req.params.id, req.body.decision, req.body.note);
    },
  );
}
