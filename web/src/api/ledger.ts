import { queryOptions } from '@tanstack/react-query';
import type {
  AccountFilters,
  BudgetDecisionResult,
  BudgetInput,
  BudgetRequest,
  BudgetRequestResult,
  LedgerAccount,
  LedgerTransfer,
  Reconciliation,
  TransferResult,
} from '../../../common/contracts/ledger';
import type { AccountKind, BudgetDecision, BudgetRequestStatus, TransferKind } from '../../../common/values/ledger';
import type { FundSource } from '../../../common/values/projects';
import { get, post } from './http';

// The ledger (预算与台账): double-entry accounts in fen, transfers, and the reconciliation.
// Types are the server's contracts (common/contracts/ledger.ts), as the JSON arrives.

export type {
  AccountFilters,
  AccountKind,
  BudgetInput,
  BudgetRequest,
  BudgetRequestStatus,
  FundSource,
  LedgerAccount,
  LedgerTransfer,
  Reconciliation,
  TransferKind,
};

export const LEDGER_KEY = ['ledger'] as const;

export const accountsQuery = (filters: AccountFilters = {}) =>
  queryOptions({
    queryKey: [...LEDGER_KEY, 'accounts', filters],
    queryFn: () => get<LedgerAccount[]>('/api/ledger/accounts', { ...filters }),
  });

export const transfersQuery = (accountId: number) =>
  queryOptions({
    queryKey: [...LEDGER_KEY, 'transfers', accountId],
    queryFn: () => get<LedgerTransfer[]>(`/api/ledger/accounts/${accountId}/transfers`),
  });

export const verifyQuery = () =>
  queryOptions({ queryKey: [...LEDGER_KEY, 'verify'], queryFn: () => get<Reconciliation>('/api/ledger/verify'), staleTime: 0 });

/** Requests budget: pending until a colleague approves it. */
export const requestBudget = (body: BudgetInput) => post<BudgetRequestResult>('/api/ledger/budgets', body);

export const budgetRequestsQuery = (status?: BudgetRequestStatus) =>
  queryOptions({
    queryKey: [...LEDGER_KEY, 'budget-requests', status ?? 'all'],
    queryFn: () => get<BudgetRequest[]>('/api/ledger/budget-requests', status ? { status } : {}),
  });

export const decideBudgetRequest = (id: number, decision: BudgetDecision, reason?: string) =>
  post<BudgetDecisionResult>(`/api/ledger/budget-requests/${id}/${decision}`, reason ? { reason } : {});

export const reverseTransfer = (transferId: number, reason: string) =>
  post<TransferResult>(`/api/ledger/transfers/${transferId}/reverse`, { reason });
