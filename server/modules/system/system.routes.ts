import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { healthResponse } from '../../../common/contracts/common.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db.js';

export function systemRoutes(app: FastifyInstance, database: Database, config: Config): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/health',
      { config: { public: true }, schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: healthResponse } } },
      async () => {
        await database.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: database.kind, version: config.version };
      },
    );
}
