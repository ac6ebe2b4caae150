export { benchmarkRoutes } from './benchmarks.routes.js';
export { statsImportRoutes } from './stats-import.routes.js';
export { rankings, profile, indicatorValues, listIndicators, findGroup } from './benchmarks.service.js';
