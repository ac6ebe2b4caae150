import type { Role } from '../../../common/enums.js';
import { hasRole, type AuthInfo } from '../../platform/auth.js';

/** Who reads plan monitoring: everyone who works with the plan, not enterprises, experts, banks or providers. */
export const PLAN_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];
export const PLAN_EDITORS: readonly Role[] = ['bureau', 'admin'];

/** A plan is visible to users whose scope overlaps its region: a town clerk sees the county's plan for the town. */
export const canReadPlan = (auth: AuthInfo, regionPath: string) =>
  auth.grants.some((g) => PLAN_READERS.includes(g.role) && (g.path.startsWith(regionPath) || regionPath.startsWith(g.path)));

/** Plan definitions (indicators, authoritative statements) are edited by the bureau or an admin of the region. */
export const canEditPlan = (auth: AuthInfo, regionPath: string) => hasRole(auth, PLAN_EDITORS, regionPath);

export const canReadUnit = (auth: AuthInfo, unitPath: string) => hasRole(auth, PLAN_READERS, unitPath);
