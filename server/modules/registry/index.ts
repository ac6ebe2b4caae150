export { registryRoutes } from './registry.routes.js';
export { portalRoutes } from './portal.routes.js';
export { createEnterprise, addQualification, checkCreditCode } from './enterprises.service.js';
export { addPlatform, addTalent, addPatent, saveStats } from './records.service.js';
export { registerFacts, REGISTER_COUNTS, type RegisterFact } from './live.js';
export { importRoutes } from './import.routes.js';
export { IMPORT_KINDS, openRows, runImport, type ImportKind } from './import.js';
export { ownEnterpriseId } from './registry.policy.js';
// The contact person of each enterprise, for the accounts module's bulk invitation of enterprise users.
export { enterpriseContacts, type EnterpriseContact } from './contacts.repo.js';
// The one definition of "a qualification is valid on date D" (validity.ts), for policies, projects, indicators.
export { isValidOn, type QualificationDates } from './validity.js';
export { validQualifications, validQualificationsOf, type ValidQualification } from './registry.repo.js';
// The events outbox (免申即享): the policies module reads and marks events only through these.
export {
  enterprisePaths,
  eventsInPeriod,
  eventsOfEnterprise,
  markEventMatched,
  pendingEvents,
  type RegistryEvent,
  type RegistryEventKind,
} from './events.js';
// Read view (migration 0019): what other modules may join on; they never import this domain's tables.
export { enterprisesRead, enterpriseStatsRead, platformsRead, qualificationsRead } from '../../db/schema/registry.js';
