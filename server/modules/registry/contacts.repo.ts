import { inArray } from 'drizzle-orm';
import { enterprises } from '../../db/schema/registry.js';
import type { Db } from '../../platform/db.js';

export interface EnterpriseContact {
  contactName: string | null;
  contactPhone: string | null;
}

/** The contact person and phone the register holds for each enterprise (the accounts module's bulk invitation). */
export async function enterpriseContacts(db: Db, ids: readonly string[]): Promise<Map<string, EnterpriseContact>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: enterprises.id, contactName: enterprises.contactName, contactPhone: enterprises.contactPhone })
    .from(enterprises)
    .where(inArray(enterprises.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { contactName: r.contactName, contactPhone: r.contactPhone }]));
}
