import type { Role } from '../../../common/enums.js';
import { hasRole, type AuthInfo } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';

/** The bureau runs calls; leaders and auditors read; applicants see only their own; experts only their assignments. */
export const CALL_EDITORS: readonly Role[] = ['bureau'];
export const CALL_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'auditor'];

/**
 * 揭榜挂帅 teams without a registered enterprise bid with an account of their own (揭榜团队); enterprises bid from
 * their portal. Those who run, oversee or review calls never bid, whatever other role they hold.
 */
export const CHALLENGE_TEAMS: readonly Role[] = ['team'];

export const isStaff = (auth: AuthInfo) => hasRole(auth, CALL_READERS);

/** May this account bid for a challenge as a team (not as an enterprise)? */
export const mayBidAsTeam = (auth: AuthInfo) => hasRole(auth, CHALLENGE_TEAMS) && !isStaff(auth) && !hasRole(auth, ['expert']);
export function requireStaff(auth: AuthInfo, write = false): void {
  if (!hasRole(auth, write ? CALL_EDITORS : CALL_READERS)) throw new AppError(403, 'forbidden');
}
