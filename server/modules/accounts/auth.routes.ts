import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBody, loginBody, meResponse, updateMeBody } from '../../../common/contracts/accounts.js';
import { noContent } from '../../../common/contracts/common.js';
import { contextOf } from '../../platform/audit.js';
import { SELF } from './accounts.policy.js';
import { clearSessionCookies, loadGrants, requireAuth, setSessionCookies } from '../../platform/auth.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import * as service from './accounts.service.js';
import { findUserById } from './accounts.repo.js';

export function authRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in; sets the HttpOnly session cookie and the CSRF cookie',
        body: loginBody,
        response: { 200: z.object({ user: meResponse, csrfToken: z.string() }) },
      },
    },
    async (req, reply) => {
      const result = await service.login(db, contextOf(req), {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookies(reply, req, config, result.token, result.csrfToken);
      const user = (await findUserById(db, result.userId))!;
      const grants = await loadGrants(db, user.id);
      const me = service.presentMe({
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          locale: user.locale,
          mustChangePassword: user.mustChangePassword,
        },
        grants,
        sessionId: '',
        csrfToken: result.csrfToken,
      });
      return { user: me, csrfToken: result.csrfToken };
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: SELF }, schema: { tags, summary: 'Sign out (ends this session)', response: { 204: noContent } } },
    async (req, reply) => {
      const auth = requireAuth(req);
      await service.logout(db, contextOf(req), auth);
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/auth/me',
    { config: { access: SELF }, schema: { tags, summary: 'The signed-in user with roles and scopes', response: { 200: meResponse } } },
    async (req) => {
      return service.presentMe(requireAuth(req));
    },
  );

  r.patch(
    '/api/auth/me',
    {
      config: { access: SELF },
      schema: { tags, summary: 'Change own language or display name', body: updateMeBody, response: { 200: meResponse } },
    },
    async (req) => {
      const auth = requireAuth(req);
      await service.updateMe(db, contextOf(req), auth, req.body);
      const user = (await findUserById(db, auth.user.id))!;
      return service.presentMe({ ...auth, user: { ...auth.user, locale: user.locale, displayName: user.displayName } });
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: SELF },
      schema: { tags, summary: 'Change own password (ends the other sessions)', body: changePasswordBody, response: { 204: noContent } },
    },
    async (req, reply) => {
      const auth = requireAuth(req);
      await service.changeOwnPassword(db, contextOf(req), auth, {
        current: req.body.currentPassword,
        next: req.body.newPassword,
        ip: req.ip,
      });
      return reply.status(204).send();
    },
  );
}
