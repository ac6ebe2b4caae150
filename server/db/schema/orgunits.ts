import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, pgView, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** Administrative hierarchy: province → prefecture → county → township, plus parks. */
export const orgUnits = pgTable(
  'org_units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => orgUnits.code),
    /** Materialised path of codes, '/500000/500241/', for subtree checks with one LIKE. */
    path: text('path').notNull(),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_parent_idx').on(t.parentCode),
    index('org_units_path_idx').on(t.path),
    check('org_units_level_chk', sql`${t.level} in ('province','prefecture','county','township','park')`),
    check('org_units_validity_chk', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validFrom} <= ${t.validTo}`),
  ],
);

/** The org units other modules join on (scope paths, names). Read-only (migration 0019: SELECT only, writes refused by a trigger); other modules import it from modules/orgunits/index.ts. */
export const orgUnitsRead = pgView('kc_org_units_read', {
  code: text('code').notNull(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
  path: text('path').notNull(),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
}).existing();
