export { benchmarkRoutes } from './benchmarks.routes.js';
export { rankings, profile, indicatorValues, listIndicators, findGroup } from './benchmarks.service.js';
