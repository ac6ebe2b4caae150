import type { Role } from '../../../common/enums.js';
import { hasRole, scopePaths, type AuthInfo } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';

export const REGISTRY_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];
export const REGISTRY_EDITORS: readonly Role[] = ['bureau'];

export const readScopes = (auth: AuthInfo) => scopePaths(auth, REGISTRY_READERS);
export const canEdit = (auth: AuthInfo) => (path: string) => hasRole(auth, REGISTRY_EDITORS, path);
export const canRead = (auth: AuthInfo, path: string) => hasRole(auth, REGISTRY_READERS, path);

/** The enterprises this user acts for through enterprise grants. */
export const ownEnterprises = (auth: AuthInfo) =>
  auth.grants.filter((g) => g.role === 'enterprise' && g.enterpriseId).map((g) => g.enterpriseId!);

/** The enterprise an enterprise user acts for (the one asked for, if it is theirs): 403 without a link, 404 for another's. */
export function ownEnterpriseId(auth: AuthInfo, requested?: string): string {
  const own = ownEnterprises(auth);
  if (own.length === 0) throw new AppError(403, 'no_enterprise_link');
  if (requested && !own.includes(requested)) throw new AppError(404, 'not_found', { what: requested });
  return requested ?? own[0]!;
}
