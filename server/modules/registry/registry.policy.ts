import type { Role } from '../../../common/enums.js';
import { hasRole, scopePaths, type AuthInfo } from '../../platform/auth.js';

export const REGISTRY_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];
export const REGISTRY_EDITORS: readonly Role[] = ['bureau'];

export const readScopes = (auth: AuthInfo) => scopePaths(auth, REGISTRY_READERS);
export const canEdit = (auth: AuthInfo) => (path: string) => hasRole(auth, REGISTRY_EDITORS, path);
export const canRead = (auth: AuthInfo, path: string) => hasRole(auth, REGISTRY_READERS, path);

/** The enterprises this user acts for through enterprise grants. */
export const ownEnterprises = (auth: AuthInfo) =>
  auth.grants.filter((g) => g.role === 'enterprise' && g.enterpriseId).map((g) => g.enterpriseId!);
