import { sql } from 'drizzle-orm';
import { ADMINS, ANY_ROLE } from '../../../common/access.js';
import { defineResource, pathsFrom, type Access, type AccessRule } from '../../platform/access.js';

/** An org unit, by its code: the unit itself. Reference data every signed-in user may read. */
defineResource('orgUnit', {
  key: 'code',
  sharedDown: true,
  resolve: (db, code) => pathsFrom(db, sql`select path from org_units where code = ${code}`),
});

export const RULES = {
  /** Any signed-in user may read the hierarchy: it is public reference data. */
  read: { roles: ANY_ROLE } satisfies AccessRule,
  /** Admins create units under a parent inside their subtree (a top-level unit needs a grant at the root). */
  create: { roles: ADMINS, resource: 'orgUnit', key: { body: 'parentCode' } } satisfies AccessRule,
  /** Admins edit units inside their subtree. */
  edit: { roles: ADMINS, resource: 'orgUnit', key: { param: 'code' } } satisfies AccessRule,
};

/** Admins edit units inside the subtree their admin grant covers (a moved unit's new parent too). */
export const editScope = (access: Access) => (path: string) => access.can('write', path);
