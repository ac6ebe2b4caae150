import { and, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '../../../common/contracts/audit.js';
import { auditEvents } from '../../db/schema/audit.js';
import { inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { startOfDay } from '../../platform/clock.js';
import { addDays } from '../../../common/clock.js';

export type AuditRow = typeof auditEvents.$inferSelect;

/**
 * The events a reader with grants at `scopes` may see: those of units in their subtrees, and (for a grant at a
 * top-level unit) those of no unit.
 */
export function scopeCondition(scopes: readonly string[]): SQL {
  const inUnits = sql`${auditEvents.orgUnitCode} in (select code from org_units where ${inScope(sql`path`, scopes)})`;
  const topLevel = scopes.some((s) => s.split('/').filter(Boolean).length === 1);
  return topLevel ? or(inUnits, isNull(auditEvents.orgUnitCode))! : inUnits;
}

function where(f: Omit<AuditQuery, 'page' | 'pageSize'>, scopes: readonly string[]) {
  return and(
    scopeCondition(scopes),
    f.username ? sql`lower(${auditEvents.username}) = lower(${f.username})` : undefined,
    f.entity ? eq(auditEvents.entity, f.entity) : undefined,
    // A bulk import records one event per batch, listing the records it created (registry/bulk.ts).
    f.entityId
      ? sql`(${auditEvents.entityId} = ${f.entityId} or (${auditEvents.action} = 'import' and ${auditEvents.changes} -> 'records' -> 'after' @> jsonb_build_array(${f.entityId}::text)))`
      : undefined,
    // Dates are days of the bureau's calendar (its zone, platform/clock.ts): from its first instant, to the next day's.
    f.from ? gte(auditEvents.at, startOfDay(f.from)) : undefined,
    f.to ? lt(auditEvents.at, startOfDay(addDays(f.to, 1))) : undefined,
  );
}

export async function findEvents(
  db: Db,
  q: AuditQuery,
  scopes: readonly string[],
  limitOverride?: number,
): Promise<{ rows: AuditRow[]; total: number }> {
  const cond = where(q, scopes);
  const limit = limitOverride ?? q.pageSize;
  const offset = limitOverride ? 0 : (q.page - 1) * q.pageSize;
  const [rows, [count]] = await Promise.all([
    db.select().from(auditEvents).where(cond).orderBy(desc(auditEvents.id)).limit(limit).offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(cond),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function distinctEntities(db: Db, scopes: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ entity: auditEvents.entity })
    .from(auditEvents)
    .where(scopeCondition(scopes))
    .orderBy(auditEvents.entity);
  return rows.map((r) => r.entity);
}
