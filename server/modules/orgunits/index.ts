export { orgUnitRoutes } from './orgunits.routes.js';
export { resolve, resolveAmong, present as presentOrgUnit, getUnitOr404, isActive } from './orgunits.service.js';
export { findUnit, findUnits, insertUnits, countUnits, listUnits } from './orgunits.repo.js';
export type { OrgUnitRow } from './orgunits.repo.js';
// Read view (migration 0019): what other modules may join on; they never import this domain's tables.
export { orgUnitsRead } from '../../db/schema/orgunits.js';
