export { registryRoutes } from './registry.routes.js';
export { portalRoutes } from './portal.routes.js';
export { createEnterprise, addQualification, checkCreditCode } from './enterprises.service.js';
export { addPlatform, addTalent, addPatent, saveStats } from './records.service.js';
export { registerFacts, REGISTER_COUNTS, type RegisterFact } from './live.js';
export { importRoutes } from './import.routes.js';
export { IMPORT_KINDS, openRows, runImport, type ImportKind } from './import.js';
export { ownEnterpriseId } from './registry.policy.js';
