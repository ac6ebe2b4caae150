import { eq, sql } from 'drizzle-orm';
import { dataRevision } from '../db/schema/revision.js';
import type { Db } from './db.js';

/**
 * A counter bumped in the same transaction as every change that can alter a computed figure (values,
 * statements, resolutions, indicators). Computations are cached per revision: a request always sees the
 * figures of the newest committed change, with no nightly rebuild and no stale numbers.
 */
export async function bumpRevision(tx: Db): Promise<void> {
  await tx
    .update(dataRevision)
    .set({ revision: sql`${dataRevision.revision} + 1` })
    .where(eq(dataRevision.id, 1));
}

export async function currentRevision(db: Db): Promise<number> {
  const [row] = await db.select({ r: dataRevision.revision }).from(dataRevision).where(eq(dataRevision.id, 1));
  return row?.r ?? 0;
}
