import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { RegistryEventKind } from '../../../common/values/registry.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { enterprises, registryEvents } from '../../db/schema/registry.js';
import { inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';

/**
 * The registry's outbox: a change that can earn an enterprise a benefit (免申即享) writes an event in its own
 * transaction; the policies module matches events afterwards. A committed change always has its event, and
 * an event is never written for a change that rolled back. The table is the registry's: other modules read
 * and mark events only through the functions below (exported from the module's index).
 */
export type { RegistryEventKind };
export type RegistryEvent = typeof registryEvents.$inferSelect;

export async function recordEvent(
  tx: Db,
  e: { kind: RegistryEventKind; enterpriseId: string; recordId: string; occurredOn: string; payload: Record<string, unknown> },
): Promise<void> {
  await tx.insert(registryEvents).values(e);
}

/**
 * Events not matched yet, oldest first, locked for the caller's transaction (FOR UPDATE SKIP LOCKED): two
 * matchers running at once take different events. Call inside a transaction and mark each one matched.
 */
export function pendingEvents(tx: Db, limit: number): Promise<RegistryEvent[]> {
  return tx
    .select()
    .from(registryEvents)
    .where(isNull(registryEvents.matchedAt))
    .orderBy(asc(registryEvents.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Marks an event matched (in the transaction that took it with `pendingEvents`). */
export async function markEventMatched(tx: Db, eventId: number): Promise<void> {
  await tx.update(registryEvents).set({ matchedAt: new Date() }).where(eq(registryEvents.id, eventId));
}

/** One enterprise's events of a kind that occurred on or before `upTo`, latest first. */
export function eventsOfEnterprise(db: Db, enterpriseId: string, kind: string, upTo: string): Promise<RegistryEvent[]> {
  return db
    .select()
    .from(registryEvents)
    .where(
      and(
        eq(registryEvents.enterpriseId, enterpriseId),
        eq(registryEvents.kind, kind as RegistryEventKind),
        lte(registryEvents.occurredOn, upTo),
      ),
    )
    .orderBy(desc(registryEvents.occurredOn), desc(registryEvents.id));
}

/**
 * Events of a kind that occurred between `from` and `to` (inclusive) for enterprises registered under every
 * one of `within` (each a list of org-unit path scopes: e.g. a policy's region and the reader's scopes).
 */
export async function eventsInPeriod(
  db: Db,
  f: { kind: string; from: string; to: string; within: readonly (readonly string[])[] },
): Promise<RegistryEvent[]> {
  const rows = await db
    .select({ e: registryEvents })
    .from(registryEvents)
    .innerJoin(enterprises, eq(enterprises.id, registryEvents.enterpriseId))
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprises.orgUnitCode))
    .where(
      and(
        eq(registryEvents.kind, f.kind as RegistryEventKind),
        gte(registryEvents.occurredOn, f.from),
        lte(registryEvents.occurredOn, f.to),
        ...f.within.map((paths) => inScope(orgUnitsRead.path, paths)),
      ),
    );
  return rows.map((x) => x.e);
}

/** Where each enterprise is registered (its org unit's path), for matching events against policy regions. */
export async function enterprisePaths(db: Db, enterpriseIds: readonly string[]): Promise<Map<string, string>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await db
    .select({ id: enterprises.id, path: orgUnitsRead.path })
    .from(enterprises)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprises.orgUnitCode))
    .where(inArray(enterprises.id, [...new Set(enterpriseIds)]));
  return new Map(rows.map((x) => [x.id, x.path]));
}
