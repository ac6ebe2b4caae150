import { PLAN_READERS, VALUE_WRITERS } from '../../../common/access.js';
import type { AccessRule } from '../../platform/access.js';

export const RULES = {
  /** The entry grid of one unit (`orgUnit`): those who work with the plan, in the unit's subtree. */
  grid: { roles: PLAN_READERS, resource: 'dataValue', key: { query: 'orgUnit' } } satisfies AccessRule,
  /**
   * The template, and the upload (its dry run parses the xlsx): only those who write figures, never leaders or
   * auditors. The unit (optional: default the caller's first writing grant) is checked in the handler.
   */
  write: { roles: VALUE_WRITERS } satisfies AccessRule,
};
