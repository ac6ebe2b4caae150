import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';

/** One row: bumped in the same transaction as any change that can alter a computed figure. */
export const dataRevision = pgTable('data_revision', {
  id: integer('id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});
