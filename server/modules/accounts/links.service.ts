import type { ExpertLink, UserView } from '../../../common/contracts/accounts.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { findUnit } from '../orgunits/index.js';
import { createExpertAccount, expertEntriesOfUsers, expertsWithoutAccount, linkExpertAccount } from '../projects/index.js';
import type { GrantRow } from './accounts.repo.js';
import * as repo from './links.repo.js';

/**
 * What a user acts for beyond its roles: the enterprise of an enterprise grant (accounts.service checks it lies in
 * the grant's unit), the expert pool entry of an expert user (the projects module's, linked or created here in the
 * user's transaction), the data elements of a department grant; and the options the user drawer offers for each,
 * limited to the grant's unit (which the route's rule checked the admin may write).
 */

const OPTIONS_LIMIT = 20;

/** The unit a grant names, or a 400 naming the field. */
async function unitOf(db: Db, code: string) {
  const unit = await findUnit(db, code);
  if (!unit) throw new AppError(400, 'unknown_org_unit', { code }, 'orgUnitCode');
  return unit;
}

export async function enterpriseOptions(db: Db, orgUnitCode: string, q: string | undefined) {
  const unit = await unitOf(db, orgUnitCode);
  return repo.enterprisesUnder(db, unit.path, q, OPTIONS_LIMIT);
}

export async function expertOptions(db: Db, orgUnitCode: string, q: string | undefined) {
  const unit = await unitOf(db, orgUnitCode);
  return { items: await expertsWithoutAccount(db, unit.path, q, OPTIONS_LIMIT) };
}

export async function dataElementOptions(db: Db) {
  return { items: await repo.allDataElements(db) };
}

/** The users with their expert pool entries (users with an expert grant get `expert`, null when not linked). */
export async function withExpertEntries(db: Db, views: UserView[]): Promise<UserView[]> {
  const expertUsers = views.filter((v) => v.roles.some((g) => g.role === 'expert')).map((v) => v.id);
  if (expertUsers.length === 0) return views;
  const entries = new Map((await expertEntriesOfUsers(db, expertUsers)).map((e) => [e.userId, e]));
  return views.map((v) => {
    if (!expertUsers.includes(v.id)) return v;
    const e = entries.get(v.id);
    return { ...v, expert: e ? { id: e.id, name: e.name, orgUnitCode: e.orgUnitCode, orgUnitName: e.orgUnitName } : null };
  });
}

/**
 * Links the user to its expert pool entry, or creates one, inside the user's transaction: only a user with an
 * expert grant; an existing entry of that grant's unit or below it, which the admin may write (`canWrite`).
 */
export async function applyExpertLink(
  tx: Db,
  ctx: RequestContext,
  input: { userId: string; displayName: string; grants: GrantRow[]; link: ExpertLink; canWrite: (path: string) => boolean },
): Promise<void> {
  const grant = input.grants.find((g) => g.role === 'expert');
  if (!grant) throw new AppError(400, 'expert_link_without_role', {}, 'expert');
  if (input.link.mode === 'link') {
    await linkExpertAccount(tx, ctx, {
      expertId: input.link.expertId,
      userId: input.userId,
      unitPath: grant.path,
      unitName: grant.orgUnitName,
      canWrite: input.canWrite,
      field: 'expert.expertId',
    });
    return;
  }
  await createExpertAccount(tx, ctx, {
    userId: input.userId,
    name: input.displayName,
    orgUnitCode: grant.orgUnitCode,
    orgName: input.link.orgName,
    fields: input.link.fields,
    field: 'expert',
  });
}
