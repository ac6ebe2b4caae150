import { sql } from 'drizzle-orm';
import { ENTERPRISE_USERS, POLICY_EDITORS, POLICY_READERS } from '../../../common/access.js';
import { defineResource, pathsFrom, type AccessRule } from '../../platform/access.js';

export { POLICY_EDITORS, POLICY_READERS } from '../../../common/access.js';

/**
 * Policies belong to the unit that owns them (their region): a county policy to the county, a city-wide one to
 * the city. Units below read their ancestors' policies (shared down) but act only on their own. The URL names a
 * policy by id or by code.
 */
const policyPaths = (ref: string) => sql`select u.path from policies p join org_units u on u.code = p.region_code
  where p.code = ${ref} or p.id::text = ${ref}`;
defineResource('policy', { key: 'code', sharedDown: true, resolve: (db, ref) => pathsFrom(db, policyPaths(ref)) });
/** A policy's versions belong to the policy's unit: drafting, submitting and approving need a grant over it. */
defineResource('policyVersion', { key: 'code', sharedDown: true, resolve: (db, ref) => pathsFrom(db, policyPaths(ref)) });

/**
 * A claim belongs to two units: its enterprise's and its policy owner's. Acting on it needs both covered;
 * reading it, either (a town's leader reads the claims of the town's enterprises).
 */
defineResource('claim', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select u.path from claims c join enterprises e on e.id = c.enterprise_id join org_units u on u.code = e.org_unit_code where c.id = ${id}
          union
          select u.path from claims c join policies p on p.id = c.policy_id join org_units u on u.code = p.region_code where c.id = ${id}`,
    ),
});

/** A notice belongs to its unit (its claims' policy owner); every claim on it lies in that unit. */
defineResource('notice', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(db, sql`select u.path from notices n left join org_units u on u.code = n.org_unit_code where n.id = ${id}`),
});

/** An objection belongs to its notice's unit (and to the units of the claim it names, which lie in it). */
defineResource('objection', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select u.path from objections o join notices n on n.id = o.notice_id left join org_units u on u.code = n.org_unit_code where o.id = ${id}
          union
          select u.path from objections o join claims c on c.id = o.claim_id join enterprises e on e.id = c.enterprise_id
            join org_units u on u.code = e.org_unit_code where o.id = ${id}`,
    ),
});

export const RULES = {
  /** The catalogue, filtered in SQL to the reader's own and ancestors' policies; enterprises see those that apply to them. */
  list: { roles: POLICY_READERS, personal: ENTERPRISE_USERS } satisfies AccessRule,
  /** One policy with its versions. */
  read: { roles: POLICY_READERS, personal: ENTERPRISE_USERS, resource: 'policy' } satisfies AccessRule,
  /** Running tests, evaluating, what-if: reads (POST only for their bodies). */
  try: { roles: POLICY_READERS, action: 'read', resource: 'policy' } satisfies AccessRule,
  /** Drafting, editing, submitting and deciding a version: editors whose subtree holds the policy's owner. */
  edit: { roles: POLICY_EDITORS, resource: 'policyVersion' } satisfies AccessRule,
  /** The claims inbox, filtered in SQL to claims whose enterprise or policy lies in the reader's subtree. */
  claims: { roles: POLICY_READERS } satisfies AccessRule,
  claim: { roles: POLICY_READERS, resource: 'claim' } satisfies AccessRule,
  /** Review, approval, payment, rejection: both the enterprise's and the policy owner's unit in the editor's subtree. */
  decideClaim: { roles: POLICY_EDITORS, resource: 'claim' } satisfies AccessRule,
  notices: { roles: POLICY_READERS } satisfies AccessRule,
  notice: { roles: POLICY_READERS, resource: 'notice' } satisfies AccessRule,
  /** A new notice: each claim it lists is checked (write) by the handler. */
  createNotice: { roles: POLICY_EDITORS } satisfies AccessRule,
  resolveObjection: { roles: POLICY_EDITORS, resource: 'objection' } satisfies AccessRule,
  /** The enterprise portal: enterprise users, on their own enterprise (ownEnterpriseId). */
  portal: { roles: ENTERPRISE_USERS, personal: ENTERPRISE_USERS } satisfies AccessRule,
};
