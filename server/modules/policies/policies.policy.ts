import type { Role } from '../../../common/enums.js';

/** Bureau staff run policies and claims; leaders and auditors read everything; enterprises see their own. */
export const POLICY_EDITORS: readonly Role[] = ['bureau'];
export const POLICY_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'auditor'];
