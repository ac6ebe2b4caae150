import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditListResponse, auditQuery } from '../../../common/contracts/audit.js';
import { fileDownload } from '../../../common/contracts/common.js';
import { accessOf } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { today } from '../../platform/clock.js';
import { localeOf } from '../../platform/i18n.js';
import { RULES } from './audit.policy.js';
import { distinctEntities } from './audit.repo.js';
import * as service from './audit.service.js';

export function auditRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  r.get(
    '/api/audit',
    {
      config: { access: RULES.read },
      schema: {
        tags,
        summary: 'Filter the audit log of the caller’s subtree',
        querystring: auditQuery,
        response: { 200: auditListResponse },
      },
    },
    async (req) => {
      return service.list(db, req.query, accessOf(req).scopes);
    },
  );

  r.get(
    '/api/audit/entities',
    {
      config: { access: RULES.read },
      schema: { tags, summary: 'Entity types present in the log of the caller’s subtree', response: { 200: z.array(z.string()) } },
    },
    async (req) => {
      return distinctEntities(db, accessOf(req).scopes);
    },
  );

  r.get(
    '/api/audit/export',
    {
      config: { access: RULES.read },
      schema: {
        tags,
        summary: 'The filtered audit log of the caller’s subtree as xlsx',
        querystring: auditQuery,
        response: { 200: fileDownload('xlsx') },
      },
    },
    async (req, reply) => {
      const { buffer, truncated } = await service.exportXlsx(db, req.query, accessOf(req).scopes, localeOf(req));
      const name = `audit-${today()}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('x-kechuang-truncated', truncated ? '1' : '0')
        .send(buffer);
    },
  );
}
