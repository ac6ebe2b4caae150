import { ANY_ROLE } from '../../../common/access.js';
import type { AccessRule } from '../../platform/access.js';

export const RULES = {
  /**
   * Any signed-in user may turn a table their page shows into xlsx: the rows come from the page (already
   * filtered by the API's rules), nothing is read from the database. Rate-limited as an export.
   */
  export: { roles: ANY_ROLE } satisfies AccessRule,
};
