export { authRoutes } from './auth.routes.js';
export { userRoutes } from './users.routes.js';
export { userLinkRoutes } from './links.routes.js';
export { createUser, resetPassword } from './accounts.service.js';
export { ensureInitialAdmin, type InitialAdmin } from './initial-admin.js';
export { findUserByUsername, usersWithRoleOver } from './accounts.repo.js';
export { enterpriseByCreditCode } from './links.repo.js';
// Read view (migration 0019): what other modules may join on; they never import this domain's tables.
export { usersRead } from '../../db/schema/accounts.js';
