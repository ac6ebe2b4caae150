export { projectRoutes } from './projects.routes.js';
export { reviewRoutes } from './review.routes.js';
export { readbackRoutes } from './readback.routes.js';
export { panelRoutes } from './panels.routes.js';
export { noticeRoutes } from './notices.routes.js';
