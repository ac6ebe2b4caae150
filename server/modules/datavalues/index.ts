export {
  saveValues,
  transition,
  insertOfficialValues,
  insertSourcedValues,
  historyOf,
  presentValue,
  presentDataElement,
  rangeProblem,
  effectiveRange,
  keyString,
  type ValueActor,
} from './datavalues.service.js';
export { earlierValuesOf, plausibilityFactor, plausibilityWarnings, warningParams } from './datavalues.plausibility.js';
export {
  currentValues,
  editorsSinceApproval,
  countedValues,
  allDataElements,
  findDataElements,
  type DataValueRow,
  type DataElementRow,
} from './datavalues.repo.js';
export { dataValueRoutes } from './datavalues.routes.js';
export { valueActor, canReadValues, RULES as VALUE_RULES } from './datavalues.policy.js';
