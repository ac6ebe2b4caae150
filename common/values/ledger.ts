/**
 * The value lists of the ledger, written once: the database checks (server/db/schema/ledger.ts), the
 * contracts (common/contracts/ledger.ts) and the web's filters and labels read them from here. Zod-free.
 * The fund sources are the projects' FUND_SOURCES (common/values/projects.ts).
 */

export const ACCOUNT_KINDS = ['funding', 'budget', 'payable', 'paid'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** posted: moves money now; pending: reserves it; post_pending / void_pending resolve a reservation. */
export const TRANSFER_KINDS = ['posted', 'pending', 'post_pending', 'void_pending'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** A budget request is a pending transfer funding → budget: approved (posted) or rejected (voided) by a second person. */
export const BUDGET_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type BudgetRequestStatus = (typeof BUDGET_REQUEST_STATUSES)[number];

/** A budget request: at least 1 fen, at most 10 亿元 (a plausible year's budget of one policy). */
export const BUDGET_MAX_FEN = 100_000_000_000;

/** What a second person does with a budget request (the requester may only reject, i.e. withdraw, their own). */
export const BUDGET_DECISIONS = ['approve', 'reject'] as const;
export type BudgetDecision = (typeof BUDGET_DECISIONS)[number];
