import { sql } from 'drizzle-orm';
import { ADMINS, ANY_ROLE, covers as grantCovers } from '../../../common/access.js';
import { defineResource, pathsFrom, type AccessRule } from '../../platform/access.js';
import type { GrantRow } from './accounts.repo.js';

/**
 * A user account belongs to the units of its grants: an admin READS a user with some grant in the admin's
 * subtree and MANAGES (edits, disables, resets) only a user all of whose grants lie there. A user without
 * any grant belongs to no unit (the root), which no unit's admin reaches.
 */
defineResource('user', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select o.path from users u left join user_roles r on r.user_id = u.id
          left join org_units o on o.code = r.org_unit_code where u.id = ${id}`,
    ),
});

export const RULES = {
  /** The list of users (filtered in SQL to those with a grant in the admin's subtree) and creating one. */
  manage: { roles: ADMINS } satisfies AccessRule,
  /** One user: seen by an admin whose subtree holds one of its grants, changed only when it holds all of them. */
  user: { roles: ADMINS, resource: 'user' } satisfies AccessRule,
  /**
   * What a grant at the unit `orgUnitCode` may link to (its enterprises, its expert pool entries without an
   * account): only for a unit the admin may hand grants out in.
   */
  grantOptions: { roles: ADMINS, resource: 'orgUnit', key: { query: 'orgUnitCode' }, action: 'write' } satisfies AccessRule,
  /** Bulk invitation of the enterprise contacts of a unit the admin may hand grants out in. */
  invite: { roles: ADMINS, resource: 'orgUnit', key: { body: 'orgUnitCode' } } satisfies AccessRule,
};

export const covers = (scopes: readonly string[], path: string) => scopes.some((s) => grantCovers(s, path));

/** An admin sees a user when any of the user's grants lies in the admin's subtrees. */
export const canSee = (scopes: readonly string[], grants: GrantRow[]) => grants.some((g) => covers(scopes, g.path));

/** An admin manages a user only when all of the user's grants lie in the admin's subtrees. */
export const canManage = (scopes: readonly string[], grants: GrantRow[]) => grants.every((g) => covers(scopes, g.path));

/** One's own account: any signed-in user, also while the initial password must still be changed. */
export const SELF: AccessRule = { roles: ANY_ROLE, duringPasswordChange: true };
