import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createUserBody,
  createUserResponse,
  idParam,
  listUsersQuery,
  listUsersResponse,
  resetPasswordBody,
  resetPasswordResponse,
  updateUserBody,
  userView,
} from '../../../common/contracts/accounts.js';
import { contextOf } from '../../platform/audit.js';
import { accessOf } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { RULES } from './accounts.policy.js';
import * as service from './accounts.service.js';

export function userRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/users',
    {
      config: { access: RULES.manage },
      schema: {
        tags,
        summary: 'Users whose roles lie in the admin’s scope',
        querystring: listUsersQuery,
        response: { 200: listUsersResponse },
      },
    },
    async (req) => {
      const items = await service.listVisibleUsers(db, accessOf(req).scopes, {
        q: req.query.q,
        role: req.query.role,
        disabled: req.query.disabled === undefined ? undefined : req.query.disabled === 'true',
      });
      return { items, total: items.length };
    },
  );

  r.get(
    '/api/users/:id',
    { config: { access: RULES.user }, schema: { tags, summary: 'One user', params: idParam, response: { 200: userView } } },
    async (req) => service.getVisibleUser(db, accessOf(req).scopes, req.params.id),
  );

  r.post(
    '/api/users',
    {
      config: { access: RULES.manage },
      schema: {
        tags,
        summary: 'Create a user; without a password one is generated and returned once',
        body: createUserBody,
        response: { 201: createUserResponse },
      },
    },
    async (req, reply) => {
      const access = accessOf(req);
      const created = await service.createUser(db, contextOf(req), (path) => access.can('write', path), req.body);
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/api/users/:id',
    {
      config: { access: RULES.user },
      schema: {
        tags,
        summary: 'Edit, disable (ends their sessions at once) or change roles',
        params: idParam,
        body: updateUserBody,
        response: { 200: userView },
      },
    },
    async (req) => {
      const access = accessOf(req);
      return service.updateUser(
        db,
        contextOf(req),
        { userId: access.auth.user.id, scopes: access.scopes, canGrant: (path) => access.can('write', path) },
        req.params.id,
        req.body,
      );
    },
  );

  r.post(
    '/api/users/:id/reset-password',
    {
      config: { access: RULES.user },
      schema: {
        tags,
        summary: 'Reset a password; without one a password is generated and returned once',
        params: idParam,
        body: resetPasswordBody,
        response: { 200: resetPasswordResponse },
      },
    },
    async (req) => {
      return service.resetPassword(db, contextOf(req), accessOf(req).scopes, req.params.id, req.body.password);
    },
  );
}
