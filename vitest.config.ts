import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * unit: pure code. api-*: endpoint and database tests, once on PGlite and, when TEST_DATABASE_URL is
 * set, once more on PostgreSQL, each file on its own clone of a migrated template. e2e: real Chromium.
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on a 2-core machine that is one, and every file ran in turn
    // while a core idled. Files are independent (each has its own database clone), so use every core. `npm test`
    // (scripts/test.mjs) runs the e2e files in a lane of their own beside the rest and sets the API lane's workers.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts', 'test/lint/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'api-pglite',
          include: ['server/**/*.api.test.ts'],
          env: { KC_TEST_DB: 'pglite' },
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: 'api-postgres',
                include: ['server/**/*.api.test.ts'],
                env: { KC_TEST_DB: 'postgres' },
                globalSetup: ['./test/global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          env: { KC_TEST_DB: 'pglite' },
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
