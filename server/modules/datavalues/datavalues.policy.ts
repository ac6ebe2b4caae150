import { sql } from 'drizzle-orm';
import { ANY_ROLE, PLAN_READERS, VALUE_APPROVERS, VALUE_WRITERS } from '../../../common/access.js';
import { accessFor, allowed, defineResource, pathsFrom, type Access, type AccessRule } from '../../platform/access.js';
import type { AuthInfo } from '../../platform/auth.js';
import type { ValueActor } from './datavalues.service.js';

/**
 * The figures of one org unit (data values, their history, its entry grid), by the unit's code. Not shared
 * down: a town reads its own figures and those below it, never its county's aggregate of its siblings.
 */
defineResource('dataValue', {
  key: 'code',
  resolve: (db, code) => pathsFrom(db, sql`select path from org_units where code = ${code}`),
});

export const RULES = {
  /** Data elements (codes, units, ranges) are reference data. */
  elements: { roles: ANY_ROLE } satisfies AccessRule,
  /** Entering and submitting figures: each row's unit is checked in the service (a batch spans units). */
  write: { roles: VALUE_WRITERS } satisfies AccessRule,
  /** Approving figures of units in the approver's subtree (never their own: four eyes, in the service and the database). */
  approve: { roles: VALUE_APPROVERS } satisfies AccessRule,
  /** The versions of one value: the unit named by `orgUnit`. */
  history: { roles: PLAN_READERS, resource: 'dataValue', key: { query: 'orgUnit' } } satisfies AccessRule,
};

/**
 * Who may write or approve values of a unit, from the caller's grants: the bureau and departments write in
 * their subtree (a department only the data elements its grant lists), the bureau approves. Every decision
 * goes through `allowed()` of the access layer.
 */
export function valueActor(auth: AuthInfo): ValueActor {
  const approvers = accessFor(auth, VALUE_APPROVERS);
  const bureau = auth.grants.filter((g) => g.role === 'bureau').map((g) => g.path);
  const departments = auth.grants.filter((g) => g.role === 'department');
  return {
    canWrite: (path, dataElement) =>
      allowed(bureau, 'write', [path]) ||
      departments.some(
        (g) => allowed([g.path], 'write', [path]) && (!dataElement || !g.dataElements || g.dataElements.includes(dataElement)),
      ),
    canApprove: (path) => approvers.can('write', path),
  };
}

/** Whether the caller (under the rule that admitted the request) may read the figures of a unit. */
export const canReadValues = (access: Access, path: string) => access.can('read', path);
