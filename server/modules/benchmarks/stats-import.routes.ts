import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ADMINS } from '../../../common/access.js';
import { statsImportQuery, statsImportReport } from '../../../common/contracts/benchmarks.js';
import { fileDownload } from '../../../common/contracts/common.js';
import { MIME } from '../../../common/values/files.js';
import { accessFor, accessOf, ROOT } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { localeOf } from '../../platform/i18n.js';
import { RULES } from './benchmarks.policy.js';
import { readStatsFile, runStatsImport, STATS_IMPORT_LIMITS, statsTemplate } from './stats-import.js';

export function statsImportRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benchmarks'];
  // Raw uploads: other modules may already have taught the app these types (one parser per type per app).
  for (const type of [MIME.csv, MIME.xlsx, MIME.any])
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: STATS_IMPORT_LIMITS.bytes }, (_req, body, done) => done(null, body));

  r.get(
    '/api/benchmarks/imports/template',
    {
      config: { access: RULES.statsImport },
      schema: {
        tags,
        summary: 'Template (xlsx) for a region × indicator × year statistics import: header, instructions with an example, units',
        response: { 200: fileDownload('xlsx') },
      },
    },
    async (req, reply) => {
      return reply
        .header('content-type', MIME.xlsx)
        .header('content-disposition', 'attachment; filename="statistics-import.xlsx"')
        .send(await statsTemplate(localeOf(req)));
    },
  );

  r.post(
    '/api/benchmarks/imports',
    {
      bodyLimit: STATS_IMPORT_LIMITS.bytes,
      config: { access: RULES.statsImport },
      schema: {
        tags,
        summary:
          'Import a region × indicator × year table (raw xlsx or csv body; columns 地区 指标 年份 数值 单位 [来源]). Values are converted to each data element’s unit; dryRun=true reports every row and saves nothing, dryRun=false saves every row or none, as submitted values for another person to approve. Every row’s region must lie in the caller’s scope; an approved value is never replaced; a new province needs an administrator of all units',
        querystring: statsImportQuery,
        response: { 200: statsImportReport },
      },
    },
    async (req) => {
      const access = accessOf(req);
      const body = typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
      if (!Buffer.isBuffer(body)) throw new AppError(400, 'import_bad_file', { detail: 'expected an xlsx or csv body' });
      const contentType = req.headers['content-type'];
      const rows = await readStatsFile(body, contentType);
      const isCsv = (contentType ?? '').includes('csv') || body.subarray(0, 2).toString() !== 'PK';
      return runStatsImport(db, contextOf(req), rows, {
        dryRun: req.query.dryRun === 'true',
        locale: localeOf(req),
        fileName: req.query.file ?? (isCsv ? 'upload.csv' : 'upload.xlsx'),
        canWrite: (path) => access.can('write', path),
        // The rule of POST /api/org-units: an admin's write on the parent; a top-level unit's parent is the root.
        canAddTopLevel: accessFor(access.auth, ADMINS).can('write', ROOT),
      });
    },
  );
}
