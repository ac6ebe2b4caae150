import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  dataElementOptionsResponse,
  enterpriseOptionsResponse,
  expertOptionsResponse,
  grantOptionsQuery,
  invitationBody,
} from '../../../common/contracts/accounts.js';
import { fileDownload } from '../../../common/contracts/common.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { localeOf } from '../../platform/i18n.js';
import { RULES } from './accounts.policy.js';
import { inviteEnterprises } from './invitations.service.js';
import * as links from './links.service.js';

/** What the user drawer offers for a grant, and the bulk invitation of enterprise contacts. */
export function userLinkRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/users/options/enterprises',
    {
      config: { access: RULES.grantOptions },
      schema: {
        tags,
        summary: 'Enterprises registered in a unit (or below) that an enterprise grant there may act for',
        querystring: grantOptionsQuery,
        response: { 200: enterpriseOptionsResponse },
      },
    },
    async (req) => links.enterpriseOptions(db, req.query.orgUnitCode, req.query.q),
  );

  r.get(
    '/api/users/options/experts',
    {
      config: { access: RULES.grantOptions },
      schema: {
        tags,
        summary: 'Expert pool entries of a unit (or below) that no user is linked to yet',
        querystring: grantOptionsQuery,
        response: { 200: expertOptionsResponse },
      },
    },
    async (req) => links.expertOptions(db, req.query.orgUnitCode, req.query.q),
  );

  r.get(
    '/api/users/options/data-elements',
    {
      config: { access: RULES.manage },
      schema: { tags, summary: 'The data elements a department grant may be limited to', response: { 200: dataElementOptionsResponse } },
    },
    async () => links.dataElementOptions(db),
  );

  r.post(
    '/api/users/invitations',
    {
      config: { access: RULES.invite },
      schema: {
        tags,
        summary: 'Create an enterprise user for every enterprise of the unit (or those named) without one; the xlsx of one-time passwords',
        body: invitationBody,
        response: { 200: fileDownload('xlsx') },
      },
    },
    async (req, reply) => {
      const { file, fileName, created } = await inviteEnterprises(db, contextOf(req), req.body, localeOf(req));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="invitations.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('x-kechuang-created', String(created))
        .send(file);
    },
  );
}
