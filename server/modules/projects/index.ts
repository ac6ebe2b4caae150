import { defineBudgetOwner } from '../ledger/index.js';
import { callRegionByCode } from './calls.repo.js';

export { projectRoutes } from './projects.routes.js';
export { reviewRoutes } from './review.routes.js';
export { readbackRoutes } from './readback.routes.js';
export { panelRoutes } from './panels.routes.js';
export { noticeRoutes } from './notices.routes.js';
// The expert pool as the user administration (accounts) sees it: an expert user's entry, linked or created with it.
export {
  createExpertAccount,
  expertEntriesOfUsers,
  expertsWithoutAccount,
  linkExpertAccount,
  type ExpertEntryOfUser,
} from './expert-accounts.js';
// The unit owning a call's budgets (`call_<code>`), for the ledger (projects use the ledger: it cannot import this module).
defineBudgetOwner(async (db, code) => (code.startsWith('call_') ? callRegionByCode(db, code.slice('call_'.length)) : undefined));
