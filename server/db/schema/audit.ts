import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only: a trigger (migration 0001) rejects UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    changes: jsonb('changes').notNull().$type<Record<string, { before: unknown; after: unknown }>>(),
    requestId: text('request_id'),
    ip: text('ip'),
    /**
     * The org unit the event concerns (migration 0016): who may read it. Filled by the writer, or by the
     * trigger kc_audit_unit from the entity; null = installation-wide (read by grants at a top-level unit).
     */
    orgUnitCode: text('org_unit_code'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_entity_idx').on(t.entity, t.entityId),
    index('audit_events_user_idx').on(t.userId),
    index('audit_events_unit_idx').on(t.orgUnitCode, t.id),
  ],
);
