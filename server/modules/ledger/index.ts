// First: the owners' registry has no dependency, so it is ready when a module that imports the ledger (and that
// the ledger reaches back, e.g. through accounts) registers as a budget owner.
export { defineBudgetOwner, type BudgetUnitOf } from './owners.js';
export {
  accountSpecs,
  ensureAccount,
  transfer,
  resolveReservation,
  listAccounts,
  listTransfers,
  budgetAvailable,
  accountName,
  type AccountRow,
  type TransferRow,
} from './ledger.service.js';
export { fundBudget, requestBudget, decideBudget, listBudgetRequests, reverseTransfer, type BudgetRequestRow } from './budgets.js';
export { verifyLedger, type Reconciliation } from './reconcile.js';
export { budgetOwner } from './ledger.policy.js';
export { ledgerRoutes } from './ledger.routes.js';
