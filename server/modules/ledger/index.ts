export {
  accountSpecs,
  ensureAccount,
  transfer,
  resolveReservation,
  fundBudget,
  requestBudget,
  decideBudget,
  listBudgetRequests,
  reverseTransfer,
  verifyLedger,
  listAccounts,
  listTransfers,
  type AccountRow,
  type TransferRow,
  type Reconciliation,
  type BudgetRequestRow,
} from './ledger.service.js';
export { budgetOwner } from './ledger.policy.js';
export { ledgerRoutes } from './ledger.routes.js';
