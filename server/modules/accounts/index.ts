export { authRoutes } from './auth.routes.js';
export { userRoutes } from './users.routes.js';
export { createUser, ensureInitialAdmin, resetPassword, type InitialAdmin } from './accounts.service.js';
export { findUserByUsername } from './accounts.repo.js';
