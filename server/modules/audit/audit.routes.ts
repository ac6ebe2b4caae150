import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditListResponse, auditQuery } from '../../../common/contracts/audit.js';
import { requireRole } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { localeOf } from '../../platform/i18n.js';
import { distinctEntities } from './audit.repo.js';
import * as service from './audit.service.js';

/** The audit log is installation-wide; admins and auditors read it. */
const READERS = ['admin', 'auditor'] as const;

export function auditRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  r.get(
    '/api/audit',
    { schema: { tags, summary: 'Filter the audit log', querystring: auditQuery, response: { 200: auditListResponse } } },
    async (req) => {
      requireRole(req, READERS);
      return service.list(db, req.query);
    },
  );

  r.get(
    '/api/audit/entities',
    { schema: { tags, summary: 'Entity types present in the log', response: { 200: z.array(z.string()) } } },
    async (req) => {
      requireRole(req, READERS);
      return distinctEntities(db);
    },
  );

  r.get(
    '/api/audit/export',
    { schema: { tags, summary: 'The filtered audit log as xlsx', querystring: auditQuery } },
    async (req, reply) => {
      requireRole(req, READERS);
      const { buffer, truncated } = await service.exportXlsx(db, req.query, localeOf(req));
      const name = `audit-${new Date().toISOString().slice(0, 10)}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('x-kechuang-truncated', truncated ? '1' : '0')
        .send(buffer);
    },
  );
}
