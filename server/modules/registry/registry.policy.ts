import { sql } from 'drizzle-orm';
import { ANY_ROLE, ENTERPRISE_USERS, REGISTRY_EDITORS, REGISTRY_READERS } from '../../../common/access.js';
import { defineResource, pathsFrom, type Access, type AccessRule } from '../../platform/access.js';
import type { AuthInfo } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { checkCreditCode } from './enterprises.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An enterprise belongs to the unit it is registered in. The URL names it by id or by its credit code (a
 * malformed code is answered 400 by the checker, naming the position that is wrong).
 */
defineResource('enterprise', {
  key: 'code',
  resolve: (db, ref) =>
    pathsFrom(
      db,
      UUID.test(ref)
        ? sql`select o.path from enterprises e join org_units o on o.code = e.org_unit_code where e.id = ${ref}`
        : sql`select o.path from enterprises e join org_units o on o.code = e.org_unit_code where e.credit_code = ${checkCreditCode(ref, 'id')}`,
    ),
});

/** A qualification belongs to its enterprise's unit. */
defineResource('qualification', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select o.path from qualifications q join enterprises e on e.id = q.enterprise_id
          join org_units o on o.code = e.org_unit_code where q.id = ${id}`,
    ),
});

/** A platform or institution, and a talent, belong to the unit they are recorded in. */
defineResource('platform', {
  key: 'uuid',
  resolve: (db, id) => pathsFrom(db, sql`select o.path from platforms p join org_units o on o.code = p.org_unit_code where p.id = ${id}`),
});
defineResource('talent', {
  key: 'uuid',
  resolve: (db, id) => pathsFrom(db, sql`select o.path from talents t join org_units o on o.code = t.org_unit_code where t.id = ${id}`),
});

/** A patent belongs to the units of its registered owners (writing it needs all of them; no owner: the root). */
defineResource('patent', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select o.path from patents p left join patent_owners po on po.patent_id = p.id
          left join enterprises e on e.id = po.enterprise_id left join org_units o on o.code = e.org_unit_code where p.id = ${id}`,
    ),
});

export const RULES = {
  /** Industry tags, qualification and platform types: reference data for every signed-in user. */
  types: { roles: ANY_ROLE } satisfies AccessRule,
  /** Lists of the register, filtered to the reader's subtree in SQL. */
  list: { roles: REGISTRY_READERS } satisfies AccessRule,
  /**
   * One enterprise (its profile, figures, prechecks): readers whose subtree holds it, and an enterprise user its
   * own (the handler checks ownership: someone else's enterprise does not exist for an enterprise user).
   */
  readEnterprise: { roles: REGISTRY_READERS, personal: ENTERPRISE_USERS, resource: 'enterprise' } satisfies AccessRule,
  /** Editing an enterprise, its qualifications and figures: editors whose subtree holds it. */
  editEnterprise: { roles: REGISTRY_EDITORS, resource: 'enterprise' } satisfies AccessRule,
  /**
   * Recording something new (an enterprise, platform, talent, patent) or importing: editors; the unit named in
   * the body (or each row) is checked with `access.can('write', …)` by the handler.
   */
  record: { roles: REGISTRY_EDITORS } satisfies AccessRule,
  /** The enterprise portal: enterprise users, each on its own enterprise (ownership checked by ownEnterpriseId). */
  portal: { roles: ENTERPRISE_USERS, personal: ENTERPRISE_USERS } satisfies AccessRule,
};

/** Whether the caller may write a unit (the editors' scope of the route's rule). */
export const editScope = (access: Access) => (path: string) => access.can('write', path);

/** The enterprises this user acts for through enterprise grants. */
export const ownEnterprises = (auth: AuthInfo) =>
  auth.grants.filter((g) => g.role === 'enterprise' && g.enterpriseId).map((g) => g.enterpriseId!);

/** The enterprise an enterprise user acts for (the one asked for, if it is theirs): 403 without a link, 404 for another's. */
export function ownEnterpriseId(auth: AuthInfo, requested?: string): string {
  const own = ownEnterprises(auth);
  if (own.length === 0) throw new AppError(403, 'no_enterprise_link');
  if (requested && !own.includes(requested)) throw new AppError(404, 'not_found', { what: requested });
  return requested ?? own[0]!;
}
