export {
  accountSpecs,
  ensureAccount,
  transfer,
  resolveReservation,
  fundBudget,
  reverseTransfer,
  verifyLedger,
  listAccounts,
  listTransfers,
  type AccountRow,
  type TransferRow,
  type Reconciliation,
} from './ledger.service.js';
export { ledgerRoutes } from './ledger.routes.js';
