import { sql } from 'drizzle-orm';
import { PLAN_EDITORS, PLAN_READERS } from '../../../common/access.js';
import { defineResource, pathsFrom, type AccessRule } from '../../platform/access.js';

export { PLAN_EDITORS, PLAN_READERS };

/**
 * A plan belongs to its region and is shared down: a town clerk reads the county's plan (for the town); only
 * those whose grant covers the region edit it.
 */
defineResource('plan', {
  key: 'uuid',
  sharedDown: true,
  // A plan's region is fixed when it is loaded: the dashboard, read on every refresh, resolves it once.
  stable: true,
  resolve: (db, id) => pathsFrom(db, sql`select o.path from plans p join org_units o on o.code = p.region_code where p.id = ${id}::uuid`),
});

/** An indicator by its code: the regions of every plan that holds the code. */
defineResource('indicator', {
  key: 'code',
  sharedDown: true,
  resolve: (db, code) =>
    pathsFrom(
      db,
      sql`select o.path from indicators i join plans p on p.id = i.plan_id join org_units o on o.code = p.region_code where i.code = ${code}`,
    ),
});

export const RULES = {
  /** Plans whose region is in, or above, the caller's scope (filtered in SQL). */
  list: { roles: PLAN_READERS } satisfies AccessRule,
  read: { roles: PLAN_READERS, resource: 'plan' } satisfies AccessRule,
  /** Choosing the authoritative statement of a conflict: an editor whose grant covers the plan's region. */
  resolve: { roles: PLAN_EDITORS, resource: 'plan' } satisfies AccessRule,
  /** Loading a plan: an editor whose grant covers the plan's region (in the body: checked in the handler). */
  import: { roles: PLAN_EDITORS } satisfies AccessRule,
  /**
   * Editing an indicator: the code must exist in a plan the caller sees; the plan it is edited in (`?plan=`,
   * needed when several plans hold the code) must be in an editor's scope (checked in the handler).
   */
  editIndicator: {
    roles: PLAN_EDITORS,
    resource: 'indicator',
    key: { param: 'code' },
    action: 'read',
    narrows: 'the plan the indicator is edited in must lie in the editor’s scope',
  } satisfies AccessRule,
  /** Monitoring (indicators, dashboard) of a plan: the unit asked for is checked in the handler. */
  monitor: { roles: PLAN_READERS, resource: 'plan', narrows: 'the unit asked for (default: the plan’s region)' } satisfies AccessRule,
  /** An indicator's yearly values for a unit. */
  indicatorValues: {
    roles: PLAN_READERS,
    resource: 'indicator',
    key: { param: 'code' },
    narrows: 'the unit asked for (default: the plan’s region)',
  } satisfies AccessRule,
  /** 表1 indicators from the register for a unit (plan and unit optional: checked in the handler). */
  registerIndicators: { roles: PLAN_READERS } satisfies AccessRule,
};
