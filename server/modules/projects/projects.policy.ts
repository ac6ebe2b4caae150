import type { Role } from '../../../common/enums.js';
import { hasRole, type AuthInfo } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';

/** The bureau runs calls; leaders and auditors read; applicants see only their own; experts only their assignments. */
export const CALL_EDITORS: readonly Role[] = ['bureau'];
export const CALL_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'auditor'];

export const isStaff = (auth: AuthInfo) => hasRole(auth, CALL_READERS);
export function requireStaff(auth: AuthInfo, write = false): void {
  if (!hasRole(auth, write ? CALL_EDITORS : CALL_READERS)) throw new AppError(403, 'forbidden');
}
