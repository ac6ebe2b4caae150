export { policyRoutes } from './policies.routes.js';
export { claimRoutes } from './claims.routes.js';
export { seedPolicies, findPolicy, activeVersion } from './policies.service.js';
export { matchEvents, payClaim, approveClaim, rejectClaim, reviewClaim, createNotice } from './claims.service.js';
