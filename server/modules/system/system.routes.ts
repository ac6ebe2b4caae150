import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { errorBody, healthDownResponse, healthResponse } from '../../../common/contracts/common.js';
import { z } from 'zod';
import { ERROR_MESSAGES, translate } from '../../../common/messages.js';
import type { Config } from '../../platform/config.js';
import { DATABASE_RETRY_AFTER_S } from '../../platform/db-availability.js';
import type { Database } from '../../platform/db.js';
import { localeOf } from '../../platform/i18n.js';

/** How long /api/health waits for the database before reporting it down. */
export const HEALTH_TIMEOUT_MS = 3_000;

export function systemRoutes(app: FastifyInstance, database: Database, config: Config): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check: 200 when the database answers, 503 (with Retry-After) when it does not',
        // 503: the database is down — reported by the check itself, or (a request carrying a session cookie) by
        // the session lookup before it, as any route's database_unavailable error.
        response: { 200: healthResponse, 503: z.union([healthDownResponse, errorBody]) },
      },
    },
    async (req, reply) => {
      if (await answers(database)) return { status: 'ok' as const, database: database.kind, version: config.version };
      const message = translate(ERROR_MESSAGES, 'database_unavailable', localeOf(req), { seconds: DATABASE_RETRY_AFTER_S });
      return reply
        .status(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_S))
        .send({
          status: 'down' as const,
          database: database.kind,
          version: config.version,
          error: { code: 'database_unavailable' as const, message },
        });
    },
  );
}

/** Whether `select 1` comes back within HEALTH_TIMEOUT_MS (a database that does not answer is down too). */
async function answers(database: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS)));
  try {
    return await Promise.race([database.db.execute(sql`select 1`).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
