import { defineBudgetOwner } from '../ledger/index.js';
import { policyByIdOrCode } from './policies.repo.js';

export { policyRoutes } from './policies.routes.js';
export { claimRoutes } from './claims.routes.js';
export { seedPolicies, findPolicy, activeVersion } from './policies.service.js';
export { matchEvents, payClaim, approveClaim, rejectClaim, reviewClaim, createNotice } from './claims.service.js';
// The unit owning a policy's budgets, for the ledger (policies use the ledger: it cannot import this module).
defineBudgetOwner(async (db, code) => (await policyByIdOrCode(db, code, false))[0]?.regionCode);
