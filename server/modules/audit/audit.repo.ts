import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { AuditQuery } from '../../../common/contracts/audit.js';
import { auditEvents } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';

export type AuditRow = typeof auditEvents.$inferSelect;

function where(f: Omit<AuditQuery, 'page' | 'pageSize'>) {
  const next = (d: string) => {
    const t = new Date(`${d}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().slice(0, 10);
  };
  return and(
    f.username ? sql`lower(${auditEvents.username}) = lower(${f.username})` : undefined,
    f.entity ? eq(auditEvents.entity, f.entity) : undefined,
    // A bulk import records one event per batch, listing the records it created (registry/bulk.ts).
    f.entityId
      ? sql`(${auditEvents.entityId} = ${f.entityId} or (${auditEvents.action} = 'import' and ${auditEvents.changes} -> 'records' -> 'after' @> jsonb_build_array(${f.entityId}::text)))`
      : undefined,
    // Dates are days in China Standard Time, the bureau's calendar.
    f.from ? gte(auditEvents.at, sql`(${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
    f.to ? lt(auditEvents.at, sql`(${next(f.to)}::date)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
  );
}

export async function findEvents(db: Db, q: AuditQuery, limitOverride?: number): Promise<{ rows: AuditRow[]; total: number }> {
  const cond = where(q);
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

export async function distinctEntities(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ entity: auditEvents.entity }).from(auditEvents).orderBy(auditEvents.entity);
  return rows.map((r) => r.entity);
}
