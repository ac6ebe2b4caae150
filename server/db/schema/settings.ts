import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Installation settings the database's rules read (written by the server at start from its configuration). */
export const kcSettings = pgTable('kc_settings', {
  key: text('key').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
