import { AUDIT_READERS } from '../../../common/access.js';
import type { AccessRule } from '../../platform/access.js';

/**
 * Audit events belong to the org unit they concern (audit_events.org_unit_code, migration 0016): auditors and
 * admins read the events of their subtree (lists and exports are filtered in SQL); events of no unit (the
 * installation's own: seeding, an unknown user's sign-in) are read by grants at a top-level unit.
 */
export const RULES = {
  read: { roles: AUDIT_READERS } satisfies AccessRule,
};
