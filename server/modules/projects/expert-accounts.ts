import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './expert-accounts.repo.js';
import { insertExpert } from './experts.repo.js';

/**
 * An expert user and its entry of the expert pool, for the user administration (the accounts module): which
 * entry each user is, the entries still without an account, and linking or creating one in the same
 * transaction as the user. Each change is audited as the pool's own edits are.
 */

export interface ExpertEntryOfUser {
  userId: string;
  id: string;
  name: string;
  orgUnitCode: string;
  orgUnitName: string;
}

export async function expertEntriesOfUsers(db: Db, userIds: readonly string[]): Promise<ExpertEntryOfUser[]> {
  const rows = await repo.entriesOfUsers(db, userIds);
  return rows.flatMap((r) => (r.userId ? [{ ...r, userId: r.userId }] : []));
}

/** Entries of the unit at `unitPath` or below it that no user is linked to, by name (at most `limit`). */
export async function expertsWithoutAccount(db: Db, unitPath: string, q: string | undefined, limit = 20) {
  return repo.entriesWithoutUser(db, unitPath, q, limit);
}

/**
 * Links the user to an existing entry. The entry must lie in the unit at `unitPath` or below it and be one the
 * caller may write (`canWrite`), and no other user may be linked to it; `field` names the request's field.
 */
export async function linkExpertAccount(
  tx: Db,
  ctx: RequestContext,
  input: { expertId: string; userId: string; unitPath: string; unitName: string; canWrite: (path: string) => boolean; field: string },
): Promise<void> {
  const entry = await repo.lockedEntry(tx, input.expertId);
  if (!entry) throw new AppError(400, 'not_found', { what: input.expertId }, input.field);
  if (entry.userId === input.userId) return;
  if (entry.userId) throw new AppError(409, 'expert_entry_taken', { name: entry.name }, input.field);
  if (!entry.path.startsWith(input.unitPath))
    throw new AppError(400, 'expert_entry_outside', { name: entry.name, unit: input.unitName }, input.field);
  if (!input.canWrite(entry.path)) throw new AppError(403, 'forbidden_scope', { unit: entry.unitName });
  await repo.setEntryUser(tx, entry.id, input.userId);
  await audit(tx, ctx, {
    action: 'update',
    entity: 'expert',
    entityId: entry.id,
    before: { userId: null },
    after: { userId: input.userId },
  });
}

/** Creates the user's entry in the pool of `orgUnitCode` (the caller checked the unit); 409 when it has one. */
export async function createExpertAccount(
  tx: Db,
  ctx: RequestContext,
  input: { userId: string; name: string; orgUnitCode: string; orgName?: string | undefined; fields?: string[] | undefined; field: string },
): Promise<void> {
  const row = await insertExpert(tx, {
    userId: input.userId,
    name: input.name.slice(0, 50),
    orgName: input.orgName?.trim() ? input.orgName.trim() : null,
    fields: [...new Set(input.fields ?? [])],
    history: { employment: [], advice: [], relatives: [], shareholdings: [], disputes: [] },
    orgUnitCode: input.orgUnitCode,
  });
  if (!row) throw new AppError(409, 'user_already_expert', { name: input.name }, input.field);
  await audit(tx, ctx, {
    action: 'create',
    entity: 'expert',
    entityId: row.id,
    after: { name: row.name, org: row.orgCreditCode, fields: row.fields, orgUnitCode: row.orgUnitCode, userId: input.userId },
  });
}
