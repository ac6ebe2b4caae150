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
import { requireRole } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { adminScopes } from './accounts.policy.js';
import * as service from './accounts.service.js';

export function userRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Users whose roles lie in the admin’s scope',
        querystring: listUsersQuery,
        response: { 200: listUsersResponse },
      },
    },
    async (req) => {
      const auth = requireRole(req, ['admin']);
      const items = await service.listVisibleUsers(db, adminScopes(auth), {
        q: req.query.q,
        role: req.query.role,
        disabled: req.query.disabled === undefined ? undefined : req.query.disabled === 'true',
      });
      return { items, total: items.length };
    },
  );

  r.get('/api/users/:id', { schema: { tags, summary: 'One user', params: idParam, response: { 200: userView } } }, async (req) => {
    const auth = requireRole(req, ['admin']);
    return service.getVisibleUser(db, adminScopes(auth), req.params.id);
  });

  r.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user; without a password one is generated and returned once',
        body: createUserBody,
        response: { 201: createUserResponse },
      },
    },
    async (req, reply) => {
      const auth = requireRole(req, ['admin']);
      const created = await service.createUser(db, contextOf(req), service.scopeFromPaths(adminScopes(auth)), req.body);
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit, disable (ends their sessions at once) or change roles',
        params: idParam,
        body: updateUserBody,
        response: { 200: userView },
      },
    },
    async (req) => {
      const auth = requireRole(req, ['admin']);
      const scopes = adminScopes(auth);
      return service.updateUser(
        db,
        contextOf(req),
        { userId: auth.user.id, scopes, canGrant: service.scopeFromPaths(scopes) },
        req.params.id,
        req.body,
      );
    },
  );

  r.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Reset a password; without one a password is generated and returned once',
        params: idParam,
        body: resetPasswordBody,
        response: { 200: resetPasswordResponse },
      },
    },
    async (req) => {
      const auth = requireRole(req, ['admin']);
      return service.resetPassword(db, contextOf(req), adminScopes(auth), req.params.id, req.body.password);
    },
  );
}
