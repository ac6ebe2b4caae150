import { registryEvents } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';

/**
 * The registry's outbox: a change that can earn an enterprise a benefit (免申即享) writes an event in its own
 * transaction; the policies module matches events afterwards. A committed change always has its event, and
 * an event is never written for a change that rolled back.
 */
export type RegistryEventKind = 'qualification.granted' | 'platform.recognized' | 'patent.granted' | 'stats.approved';

export async function recordEvent(
  tx: Db,
  e: { kind: RegistryEventKind; enterpriseId: string; recordId: string; occurredOn: string; payload: Record<string, unknown> },
): Promise<void> {
  await tx.insert(registryEvents).values(e);
}
