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

export interface BudgetInput {
  year: number;
  fundSource: 'county';
  policyCode: string;
  amountFen: number;
  reason: string;
  /** Generated when the form opens: a double click or a retry funds once. */
  requestKey: string;
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

export const fundBudget = (body: BudgetInput) =>
  post<{ transfer: LedgerTransfer; replayed: boolean; budget: LedgerAccount }>('/api/ledger/budgets', body);

export const reverseTransfer = (transferId: number, reason: string) =>
  post<{ transfer: LedgerTransfer; replayed: boolean }>(`/api/ledger/transfers/${transferId}/reverse`, { reason });
