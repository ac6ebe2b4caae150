export { analyticsRoutes } from './analytics.routes.js';
export { loadLayered, indicatorSummaries, type Unit } from './analytics.service.js';
export { compileIndicator, seriesOf, Cube } from './cube.js';
