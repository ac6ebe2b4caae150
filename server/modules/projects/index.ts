export { projectRoutes } from './projects.routes.js';
export { reviewRoutes } from './review.routes.js';
