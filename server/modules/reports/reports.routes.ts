import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from '../../platform/exceljs.js';
import { fileDownload } from '../../../common/contracts/common.js';
import { exportTableBody } from '../../../common/contracts/datavalues.js';
import { RULES } from './reports.policy.js';

/**
 * Any table a page shows can be exported: the page posts its columns and rows (what the user sees,
 * already filtered by the API's permissions) and gets the same table as xlsx.
 */
export function reportRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/export/xlsx',
    {
      bodyLimit: 20 * 1024 * 1024,
      config: { access: RULES.export },
      schema: {
        tags: ['reports'],
        summary: 'Turn a table shown on a page into an xlsx file',
        body: exportTableBody,
        response: { 200: fileDownload('xlsx') },
      },
    },
    async (req, reply) => {
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Kechuang';
      const ws = wb.addWorksheet(req.body.title.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31));
      ws.addRow(req.body.columns.map((c) => c.title)).font = { bold: true };
      for (const row of req.body.rows) ws.addRow(req.body.columns.map((c) => row[c.key] ?? null));
      ws.columns.forEach((c) => (c.width = 18));
      ws.views = [{ state: 'frozen', ySplit: 1 }];
      const name = encodeURIComponent(`${req.body.title}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${name}`)
        .send(Buffer.from(await wb.xlsx.writeBuffer()));
    },
  );
}
