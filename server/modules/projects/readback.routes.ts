import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileDownload } from '../../../common/contracts/common.js';
import { attachmentMeta, callResults } from '../../../common/contracts/project-readback.js';
import { accessOf } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import * as calls from './calls.service.js';
import { RULES } from './projects.policy.js';
import * as readback from './readback.service.js';
import { expertOfUser } from './experts.service.js';

/**
 * GET /api/calls/:id/results: the bureau reads a call's aggregated results back (spread, consensus, thresholds,
 * ranking) whenever it opens the page. GET /api/my/reviews/:id/attachments[/:attachmentId]: an expert opens the
 * files of an application assigned to it, and of no other.
 */
export function readbackRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const id = z.object({ id: z.uuid() });

  r.get(
    '/api/calls/:id/results',
    {
      config: { access: RULES.callRecords },
      schema: {
        tags: ['project review'],
        summary: 'Aggregated results recomputed from the stored reviews: policy, totals, spread, consensus, thresholds, ranking',
        params: id,
        response: { 200: callResults },
      },
    },
    async (req) => readback.callResults(db, await calls.findCall(db, req.params.id)),
  );

  r.get(
    '/api/my/reviews/:id/attachments',
    {
      config: { access: RULES.expert },
      schema: {
        tags: ['project review'],
        summary: 'The files of the application of one of my assignments (expert; not once I stood aside)',
        params: id,
        response: { 200: z.array(attachmentMeta) },
      },
    },
    async (req) => {
      const e = await expertOfUser(db, accessOf(req).auth.user.id);
      return readback.reviewAttachments(db, e.id, req.params.id);
    },
  );

  r.get(
    '/api/my/reviews/:id/attachments/:attachmentId',
    {
      config: { access: RULES.expert },
      schema: {
        tags: ['project review'],
        summary: 'Download a file of the application of one of my assignments (expert)',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        response: { 200: fileDownload('pdf', 'png', 'jpeg', 'docx', 'doc', 'zip') },
      },
    },
    async (req, reply) => {
      const e = await expertOfUser(db, accessOf(req).auth.user.id);
      const f = await readback.reviewAttachment(db, e.id, req.params.id, req.params.attachmentId);
      return reply
        .header('content-type', f.mime)
        .header('x-content-sha256', f.sha256)
        .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.content);
    },
  );
}
