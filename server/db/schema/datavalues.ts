import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { orgUnits } from './orgunits.js';
import { dataElements } from './plans.js';

/**
 * Values per data element × org unit × period ('2025', '2025Q3', '202509'). Every change is a new
 * version; exactly one version per key is current. Approved versions are never changed.
 */
export const dataValues = pgTable(
  'data_values',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dataElementCode: text('data_element_code')
      .notNull()
      .references(() => dataElements.code),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    version: integer('version').notNull(),
    isCurrent: boolean('is_current').notNull().default(true),
    status: text('status').notNull(),
    source: text('source').notNull(),
    sourceNote: text('source_note'),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('data_values_current_uq')
      .on(t.dataElementCode, t.orgUnitCode, t.period)
      .where(sql`${t.isCurrent}`),
    uniqueIndex('data_values_version_uq').on(t.dataElementCode, t.orgUnitCode, t.period, t.version),
    index('data_values_ou_idx').on(t.orgUnitCode, t.period),
    check('data_values_status_chk', sql`${t.status} in ('draft','submitted','approved')`),
    check('data_values_source_chk', sql`${t.source} in ('manual','import','computed','official')`),
    check('data_values_period_chk', sql`${t.period} ~ '^[0-9]{4}([Qq][1-4]|0[1-9]|1[0-2])?$'`),
  ],
);
