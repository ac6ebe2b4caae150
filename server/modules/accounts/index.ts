export { authRoutes } from './auth.routes.js';
export { userRoutes } from './users.routes.js';
export { createUser, ensureInitialAdmin, resetPassword, type InitialAdmin } from './accounts.service.js';
export { findUserByUsername } from './accounts.repo.js';
// Read view (migration 0019): what other modules may join on; they never import this domain's tables.
export { usersRead } from '../../db/schema/accounts.js';
