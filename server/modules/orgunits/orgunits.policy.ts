import { hasRole, type AuthInfo } from '../../platform/auth.js';

/** Any signed-in user may read the hierarchy: it is public reference data. */
export const canRead = (_auth: AuthInfo) => true;

/** Admins edit units inside the subtree their admin grant covers. */
export const editScope = (auth: AuthInfo) => (path: string) => hasRole(auth, ['admin'], path);
