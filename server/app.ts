import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { LIMITS } from '../common/limits.js';
import { authRoutes, userLinkRoutes, userRoutes } from './modules/accounts/index.js';
import { analyticsRoutes } from './modules/analytics/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { dataEntryRoutes } from './modules/dataentry/index.js';
import { dataValueRoutes } from './modules/datavalues/index.js';
import { orgUnitRoutes } from './modules/orgunits/index.js';
import { planRoutes } from './modules/plans/index.js';
import { importRoutes, portalRoutes, registryRoutes } from './modules/registry/index.js';
import { reportRoutes } from './modules/reports/index.js';
import { ledgerRoutes } from './modules/ledger/index.js';
import { benchmarkRoutes, statsImportRoutes } from './modules/benchmarks/index.js';
import { claimRoutes, policyRoutes } from './modules/policies/index.js';
import { noticeRoutes, panelRoutes, projectRoutes, readbackRoutes, reviewRoutes } from './modules/projects/index.js';
import { systemRoutes } from './modules/system/index.js';
import { registerAccess } from './platform/access.js';
import { registerAuth } from './platform/auth.js';
import type { Config } from './platform/config.js';
import { configureClock } from './platform/clock.js';
import type { Database } from './platform/db.js';
import { frameworkErrors, registerErrorHandling } from './platform/errors.js';
import { registerRateLimits } from './platform/rate-limit.js';
import { registerInputGuard } from './platform/input.js';
import { registerOpenApi } from './platform/openapi.js';
import { registerRouteRegistry } from './platform/routes.js';

export interface AppOptions {
  database: Database;
  config: Config;
  /** A pino logger; absent = silent (tests). */
  logger?: FastifyBaseLogger;
}

/** Platform plugins, then each module's routes. No business rules here. */
export async function buildApp({ database, config, logger }: AppOptions): Promise<FastifyInstance> {
  configureClock(config.timeZone);
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    bodyLimit: LIMITS.bodyLimitBytes,
    frameworkErrors,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID().slice(0, 8),
    requestIdHeader: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies === 'always' ? { maxAge: 15_552_000 } : false,
  });
  await app.register(fastifyCookie);
  registerRouteRegistry(app);
  await registerOpenApi(app, config);

  registerErrorHandling(app, { spaIndex: existsSync(path.join(config.webDir, 'index.html')) });
  await registerRateLimits(app, config.rateLimits);
  registerAuth(app, database.db, config);
  registerInputGuard(app);
  registerAccess(app, database.db);

  systemRoutes(app, database, config);
  authRoutes(app, database.db, config);
  userRoutes(app, database.db);
  userLinkRoutes(app, database.db);
  orgUnitRoutes(app, database.db);
  auditRoutes(app, database.db);
  planRoutes(app, database.db);
  analyticsRoutes(app, database.db);
  dataValueRoutes(app, database.db, config);
  dataEntryRoutes(app, database.db);
  reportRoutes(app);
  registryRoutes(app, database.db);
  portalRoutes(app, database.db);
  importRoutes(app, database.db);
  policyRoutes(app, database.db);
  claimRoutes(app, database.db, config);
  ledgerRoutes(app, database.db);
  benchmarkRoutes(app, database.db);
  projectRoutes(app, database.db);
  reviewRoutes(app, database.db);
  panelRoutes(app, database.db);
  noticeRoutes(app, database.db);
  readbackRoutes(app, database.db);
  statsImportRoutes(app, database.db);

  if (existsSync(path.join(config.webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: true,
      index: ['index.html'],
      setHeaders: (res, filePath) => {
        // Hashed assets never change; index.html must always be fresh.
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
