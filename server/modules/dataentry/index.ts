export { dataEntryRoutes } from './dataentry.routes.js';
