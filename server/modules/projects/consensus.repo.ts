import { eq, inArray } from 'drizzle-orm';
import { reviewConsensus } from '../../db/schema/projects.js';
import type { Db } from '../../platform/db.js';

/**
 * The consensus in force for high-spread applications (table review_consensus, migration 0020): the score the
 * panel agreed, its reason, and the fingerprint of the sheets it was agreed on. The audit log keeps the trail of
 * each consensus and reset; what holds is read from here.
 */
export interface ConsensusInForce {
  /** The fingerprint of the submitted sheets it was agreed on; null for one recorded before fingerprints. */
  reviews: string | null;
  at: Date;
  note: string | null;
}

export async function consensusInForce(db: Db, ids: readonly string[]): Promise<Map<string, ConsensusInForce>> {
  const out = new Map<string, ConsensusInForce>();
  if (!ids.length) return out;
  const rows = await db
    .select()
    .from(reviewConsensus)
    .where(inArray(reviewConsensus.applicationId, [...ids]));
  for (const r of rows) out.set(r.applicationId, { reviews: r.reviewsFingerprint, at: r.recordedAt, note: r.note });
  return out;
}

/** Records (or replaces) the consensus of an application. */
export async function saveConsensus(
  tx: Db,
  row: { applicationId: string; score: number; note: string; reviewsFingerprint: string; recordedBy: string | null },
): Promise<void> {
  const at = new Date();
  await tx
    .insert(reviewConsensus)
    .values({ ...row, recordedAt: at })
    .onConflictDoUpdate({
      target: reviewConsensus.applicationId,
      set: { score: row.score, note: row.note, reviewsFingerprint: row.reviewsFingerprint, recordedBy: row.recordedBy, recordedAt: at },
    });
}

/** The reviews changed since the consensus: it no longer holds. */
export async function dropConsensus(tx: Db, applicationId: string): Promise<void> {
  await tx.delete(reviewConsensus).where(eq(reviewConsensus.applicationId, applicationId));
}
