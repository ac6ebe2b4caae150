import { queryOptions } from '@tanstack/react-query';
import { get, post } from './http';

// The ledger (预算与台账): double-entry accounts in fen, transfers, and the reconciliation.

export type AccountKind = 'funding' | 'budget' | 'payable' | 'paid';
export type TransferKind = 'posted' | 'pending' | 'post_pending' | 'void_pending';

export interface LedgerAccount {
  id: number;
  code: string;
  kind: AccountKind;
  nameZh: string;
  nameEn: string;
  fiscalYear: number | null;
  fundSource: string | null;
  policyCode: string | null;
  enterpriseId: string | null;
  debitsPending: number;
  debitsPosted: number;
  creditsPending: number;
  creditsPosted: number;
  createdAt: string;
  /** Credits posted − debits posted. */
  balanceFen: number;
  /** What is left to reserve: the balance less pending debits. */
  availableFen: number;
  /** A budget's requests not yet approved (they add nothing to spend until a second person approves them). */
  requestedFen: number;
  /** The org unit the account belongs to (its policy's or call's, its enterprise's); null: the installation. */
  orgUnitCode: string | null;
}

export interface LedgerTransfer {
  id: number;
  idempotencyKey: string;
  debitAccountId: number;
  creditAccountId: number;
  amount: number;
  kind: TransferKind;
  pendingId: number | null;
  reversesId: number | null;
  claimId: string | null;
  reason: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface Reconciliation {
  ok: boolean;
  accounts: number;
  transfers: number;
  totals: { debitsPosted: number; creditsPosted: number; debitsPending: number; creditsPending: number };
  mismatches: { code: string; stored: number[]; computed: number[] }[];
  overdrawn: string[];
  doubleResolved: number[];
}

export interface AccountFilters {
  kind?: AccountKind;
  year?: number;
  policy?: string;
  enterprise?: string;
}

export type FundSource = 'county' | 'municipal' | 'national';

export interface BudgetInput {
  year: number;
  fundSource: FundSource;
  policyCode: string;
  amountFen: number;
  reason: string;
  /** Generated when the form opens: a double click or a retry requests once. */
  requestKey: string;
}

export type BudgetRequestStatus = 'pending' | 'approved' | 'rejected';

/** A request for budget: a pending transfer funding → budget that a second person approves (four eyes). */
export interface BudgetRequest {
  id: number;
  amount: number;
  reason: string | null;
  createdAt: string;
  requestedBy: string | null;
  requestedByName: string | null;
  budgetId: number;
  budgetCode: string;
  fiscalYear: number | null;
  fundSource: string | null;
  policyCode: string | null;
  status: BudgetRequestStatus;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

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
export const requestBudget = (body: BudgetInput) =>
  post<{ transfer: LedgerTransfer; replayed: boolean; status: 'pending'; budget: LedgerAccount }>('/api/ledger/budgets', body);

export const budgetRequestsQuery = (status?: BudgetRequestStatus) =>
  queryOptions({
    queryKey: [...LEDGER_KEY, 'budget-requests', status ?? 'all'],
    queryFn: () => get<BudgetRequest[]>('/api/ledger/budget-requests', status ? { status } : {}),
  });

export const decideBudgetRequest = (id: number, decision: 'approve' | 'reject', reason?: string) =>
  post<{ transfer: LedgerTransfer; replayed: boolean; status: BudgetRequestStatus; budget: LedgerAccount | null }>(
    `/api/ledger/budget-requests/${id}/${decision}`,
    reason ? { reason } : {},
  );

export const reverseTransfer = (transferId: number, reason: string) =>
  post<{ transfer: LedgerTransfer; replayed: boolean }>(`/api/ledger/transfers/${transferId}/reverse`, { reason });
