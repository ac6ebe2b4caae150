export { planRoutes } from './plans.routes.js';
export {
  groupStatements,
  presentStatement,
  getPlanOr404,
  summaries,
  indicatorByCode,
  importPlan,
  type StatementGroup,
} from './plans.service.js';
export {
  indicatorsOf,
  statementsOf,
  resolutionsOf,
  findPlanByCode,
  listPlans,
  findDataElements,
  type IndicatorRow,
  type PlanWithRegion,
  type StatementRow,
} from './plans.repo.js';
export { RULES as PLAN_RULES, PLAN_READERS, PLAN_EDITORS } from './plans.policy.js';
// Read view (migration 0019): what other modules may join on; they never import this domain's tables.
export { dataElementsRead } from '../../db/schema/plans.js';
