import { hasRole, type AuthInfo } from '../../platform/auth.js';
import type { ValueActor } from './datavalues.service.js';

/** Departments and the bureau enter figures in their scope; only the bureau approves them. */
export const valueActor = (auth: AuthInfo): ValueActor => ({
  canWrite: (path, dataElement) =>
    hasRole(auth, ['bureau'], path) ||
    auth.grants.some(
      (g) =>
        g.role === 'department' && path.startsWith(g.path) && (!dataElement || !g.dataElements || g.dataElements.includes(dataElement)),
    ),
  canApprove: (path) => hasRole(auth, ['bureau'], path),
});

export const canReadValues = (auth: AuthInfo, path: string) => hasRole(auth, ['admin', 'bureau', 'leader', 'department', 'auditor'], path);
