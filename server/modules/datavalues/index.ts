export {
  saveValues,
  transition,
  insertOfficialValues,
  insertApprovedValues,
  historyOf,
  presentValue,
  presentDataElement,
  rangeProblem,
  keyString,
  type ValueActor,
} from './datavalues.service.js';
export { currentValues, allDataElements, findDataElements, type DataValueRow, type DataElementRow } from './datavalues.repo.js';
export { dataValueRoutes } from './datavalues.routes.js';
export { valueActor, canReadValues } from './datavalues.policy.js';
