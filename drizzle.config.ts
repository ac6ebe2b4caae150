import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // The barrel: each table (and read view) once; views are declared .existing() and created by migration 0019.
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
});
