import { ANY_ROLE } from '../../../common/access.js';
import type { AccessRule } from '../../platform/access.js';
import { scopePaths, type AuthInfo } from '../../platform/auth.js';
import type { GrantRow } from './accounts.repo.js';

/** Paths of the subtrees where this user administers accounts. */
export const adminScopes = (auth: AuthInfo) => scopePaths(auth, ['admin']);

export const covers = (scopes: string[], path: string) => scopes.some((s) => path.startsWith(s));

/** An admin sees a user when any of the user's grants lies in the admin's subtrees. */
export const canSee = (scopes: string[], grants: GrantRow[]) => grants.some((g) => covers(scopes, g.path));

/** An admin manages a user only when all of the user's grants lie in the admin's subtrees. */
export const canManage = (scopes: string[], grants: GrantRow[]) => grants.every((g) => covers(scopes, g.path));

/** One's own account: any signed-in user, also while the initial password must still be changed. */
export const SELF: AccessRule = { roles: ANY_ROLE, duringPasswordChange: true };
