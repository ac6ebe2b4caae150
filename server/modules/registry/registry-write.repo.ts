/** The register's writes record by record (the services decide, these run the statements). */
import { and, eq, sql } from 'drizzle-orm';
import {
  enterpriseStats,
  enterprises,
  parkMemberships,
  patentOwners,
  patents,
  platforms,
  qualifications,
  talents,
} from '../../db/schema/registry.js';
import type { Db } from '../../platform/db.js';
import { returningOne } from '../../platform/errors.js';

type Park = { parkCode: string; fromDate: string; toDate?: string | null | undefined };

export const insertEnterprise = (db: Db, values: typeof enterprises.$inferInsert) =>
  returningOne(db.insert(enterprises).values(values).returning(), 'enterprise');

/** Changes an enterprise the caller has just read (its updated_at moves). */
export const updateEnterpriseRow = (db: Db, id: string, values: Partial<typeof enterprises.$inferInsert>) =>
  returningOne(
    db
      .update(enterprises)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(enterprises.id, id))
      .returning(),
    'enterprise',
  );

export async function insertParks(db: Db, enterpriseId: string, parks: Park[]): Promise<void> {
  if (parks.length) await db.insert(parkMemberships).values(parks.map((p) => ({ enterpriseId, ...p })));
}

/** An enterprise's park memberships become these. */
export async function replaceParks(db: Db, enterpriseId: string, parks: Park[]): Promise<void> {
  await db.delete(parkMemberships).where(eq(parkMemberships.enterpriseId, enterpriseId));
  await insertParks(db, enterpriseId, parks);
}

export const insertQualification = (db: Db, values: typeof qualifications.$inferInsert) =>
  returningOne(db.insert(qualifications).values(values).returning(), 'qualification');

/** One qualification of one enterprise (undefined when the id is not that enterprise's). */
export async function findQualificationOf(db: Db, enterpriseId: string, id: string) {
  const [row] = await db
    .select()
    .from(qualifications)
    .where(and(eq(qualifications.id, id), eq(qualifications.enterpriseId, enterpriseId)));
  return row;
}

export async function setQualificationRevoked(db: Db, id: string, revokedOn: string): Promise<void> {
  await db.update(qualifications).set({ revokedOn }).where(eq(qualifications.id, id));
}

export const insertPlatform = (db: Db, values: typeof platforms.$inferInsert) =>
  returningOne(db.insert(platforms).values(values).returning(), 'platform');

export const insertTalent = (db: Db, values: typeof talents.$inferInsert) =>
  returningOne(db.insert(talents).values(values).returning(), 'talent');

export const insertPatent = (db: Db, values: typeof patents.$inferInsert) =>
  returningOne(db.insert(patents).values(values).returning(), 'patent');

export async function insertPatentOwners(db: Db, rows: (typeof patentOwners.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(patentOwners).values(rows);
}

/** One year's figures of one enterprise, locked until the transaction ends (undefined when there are none yet). */
export async function statsForUpdate(db: Db, enterpriseId: string, year: number) {
  const [row] = await db
    .select()
    .from(enterpriseStats)
    .where(and(eq(enterpriseStats.enterpriseId, enterpriseId), eq(enterpriseStats.year, year)))
    .for('update');
  return row;
}

type StatsValues = Omit<typeof enterpriseStats.$inferInsert, 'id' | 'enterpriseId' | 'year' | 'updatedAt'>;

/** Writes one year's figures: over the row read by statsForUpdate, or as a new row. */
export async function writeStats(
  db: Db,
  existingId: string | undefined,
  key: { enterpriseId: string; year: number },
  values: StatsValues,
): Promise<void> {
  const row = { ...values, updatedAt: sql`now()` };
  if (existingId) await db.update(enterpriseStats).set(row).where(eq(enterpriseStats.id, existingId));
  else await db.insert(enterpriseStats).values({ ...key, ...row });
}

export async function markStatsApproved(db: Db, id: string, approvedBy: string | null): Promise<void> {
  await db.update(enterpriseStats).set({ status: 'approved', approvedBy, approvedAt: new Date() }).where(eq(enterpriseStats.id, id));
}
