import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileDownload } from '../../../common/contracts/common.js';
import { MIME } from '../../../common/values/files.js';
import {
  importJobParams,
  importJobView,
  importStarted,
  importStartQuery,
  importTemplateQuery,
} from '../../../common/contracts/registry-import.js';
import { ERROR_MESSAGES, translate } from '../../../common/messages.js';
import { contextOf } from '../../platform/audit.js';
import { accessOf } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { AppError, returningOne } from '../../platform/errors.js';
import { localeOf } from '../../platform/i18n.js';
import { getUnitOr404 } from '../orgunits/index.js';
import { importTemplate, openRows, runImport } from './import.js';
import { findJob, startJob } from './jobs.js';
import { RULES, editScope } from './registry.policy.js';

export function importRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry import'];
  app.addContentTypeParser(['text/csv'], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  r.get(
    '/api/registry/import/template',
    {
      config: { access: RULES.record },
      schema: {
        tags,
        summary: 'Import template (xlsx) for one kind of record',
        querystring: importTemplateQuery,
        response: { 200: fileDownload('xlsx') },
      },
    },
    async (req, reply) => {
      return reply
        .header('content-type', MIME.xlsx)
        .header('content-disposition', `attachment; filename="import-${req.query.kind}.xlsx"`)
        .send(await importTemplate(req.query.kind, localeOf(req)));
    },
  );

  r.post(
    '/api/registry/imports',
    {
      bodyLimit: 20 * 1024 * 1024,
      config: { access: RULES.record },
      schema: {
        tags,
        summary:
          'Start an import (raw xlsx or csv body). dryRun=true checks every row and saves nothing; dryRun=false saves all rows or none',
        querystring: importStartQuery,
        response: { 202: importStarted },
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      if (!Buffer.isBuffer(req.body)) throw new AppError(400, 'import_bad_file', { detail: 'expected an xlsx or csv body' });
      // The region names are resolved in: the one asked for, or the editor's first unit. Each row's unit is then
      // checked against the editor's scope (a row outside it is reported, and a real run saves nothing).
      // The access rule has let the caller in, so one of its grants carries one of the rule's roles.
      const importGrants = access.auth.grants.filter((g) => access.roles.includes(g.role));
      const regionCode = req.query.orgUnit ?? (await returningOne(importGrants, 'grant of an import role')).orgUnitCode;
      const region = await getUnitOr404(db, regionCode);
      access.assert('read', region.path, region.name, true);
      const source = await openRows(req.query.kind, req.body, req.headers['content-type']);
      const locale = localeOf(req);
      const ctx = contextOf(req);
      const job = startJob(
        access.auth.user.id,
        (progress) =>
          runImport(req.query.kind, { db, ctx, canWrite: editScope(access), region }, source, {
            dryRun: req.query.dryRun === 'true',
            locale,
            onProgress: progress,
          }),
        (e) =>
          e instanceof AppError
            ? { code: e.code, message: translate(ERROR_MESSAGES, e.code, locale, e.params) }
            : { code: 'internal', message: translate(ERROR_MESSAGES, 'internal', locale, { requestId: req.id }) },
      );
      return reply.status(202).send({ jobId: job.id });
    },
  );

  r.get(
    '/api/registry/imports/:id',
    {
      config: { access: RULES.record },
      schema: {
        tags,
        summary: 'Progress and, when done, the row-by-row report of an import',
        params: importJobParams,
        response: { 200: importJobView },
      },
    },
    async (req) => {
      // A job belongs to the user who started it.
      const job = findJob(req.params.id, accessOf(req).auth.user.id);
      if (!job) throw new AppError(404, 'import_job_not_found');
      const { userId: _u, startedAt: _s, ...view } = job;
      return view;
    },
  );
}
