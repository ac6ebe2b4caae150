export {
  accountSpecs,
  ensureAccount,
  transfer,
  resolveReservation,
  listAccounts,
  listTransfers,
  budgetAvailable,
  type AccountRow,
  type TransferRow,
} from './ledger.service.js';
export { fundBudget, requestBudget, decideBudget, listBudgetRequests, reverseTransfer, type BudgetRequestRow } from './budgets.js';
export { verifyLedger, type Reconciliation } from './reconcile.js';
export { budgetOwner } from './ledger.policy.js';
export { ledgerRoutes } from './ledger.routes.js';
