import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AccountKind, TransferKind } from '../../../common/values/ledger.js';
import { users } from './accounts.js';
import { orgUnits } from './orgunits.js';
import { enterprises } from './registry.js';

/**
 * Double-entry ledger with TigerBeetle's guarantees, enforced by PostgreSQL (migration 0006): amounts in
 * integer fen; balances change only through transfers (a trigger applies each transfer under row locks taken
 * in id order); a flagged account can never be overdrawn (CHECK constraints below); transfers are
 * append-only; a pending transfer is posted or voided exactly once (unique index on pending_id).
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** e.g. budget:2026:county:high_tech_new, payable:<enterprise id>, paid:2026:county:high_tech_new, funding:2026:county */
    code: text('code').notNull(),
    kind: text('kind').$type<AccountKind>().notNull(),
    /**
     * A payable's holder as it was when the account opened: the enterprise's (or applicant's) name (migration
     * 0022). The web names an account from its kind, year, fund source, policy, unit and holder; nothing stores
     * display text (names in both languages were stored until then).
     */
    holderName: text('holder_name'),
    fiscalYear: integer('fiscal_year'),
    fundSource: text('fund_source'),
    policyCode: text('policy_code'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    /**
     * The unit the account belongs to (migration 0014): its policy's or call's (budget, paid out), its
     * enterprise's (payable), its budgets' (funding). Null: the whole installation.
     */
    orgUnitCode: text('org_unit_code').references(() => orgUnits.code),
    debitsPending: bigint('debits_pending', { mode: 'number' }).notNull().default(0),
    debitsPosted: bigint('debits_posted', { mode: 'number' }).notNull().default(0),
    creditsPending: bigint('credits_pending', { mode: 'number' }).notNull().default(0),
    creditsPosted: bigint('credits_posted', { mode: 'number' }).notNull().default(0),
    /** Budget and payable accounts: what is reserved or spent may never exceed what was credited. */
    debitsMustNotExceedCredits: boolean('debits_must_not_exceed_credits').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_code_uq').on(t.code),
    index('ledger_accounts_org_unit_idx').on(t.orgUnitCode),
    check('ledger_accounts_kind_chk', sql`${t.kind} in ('funding','budget','payable','paid')`),
    check(
      'ledger_accounts_nonnegative_chk',
      sql`${t.debitsPending} >= 0 and ${t.debitsPosted} >= 0 and ${t.creditsPending} >= 0 and ${t.creditsPosted} >= 0`,
    ),
    check(
      'ledger_accounts_no_overdraft_chk',
      sql`not ${t.debitsMustNotExceedCredits} or ${t.debitsPending} + ${t.debitsPosted} <= ${t.creditsPosted}`,
    ),
  ],
);

export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Derived from the business event; a retry with the same key returns the first result. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** Hash of what the transfer does, so the same key with different content is refused. */
    contentHash: text('content_hash').notNull(),
    /**
     * The accounts: no foreign keys, on purpose (migration 0012). The apply trigger locks both accounts and
     * refuses a transfer naming one that does not exist, and accounts are never deleted; a foreign-key check
     * would take a second lock on the busiest rows of the ledger (the budgets) for every transfer.
     */
    debitAccountId: bigint('debit_account_id', { mode: 'number' }).notNull(),
    creditAccountId: bigint('credit_account_id', { mode: 'number' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** posted: moves money now; pending: reserves it; post_pending / void_pending resolve a reservation. */
    kind: text('kind').$type<TransferKind>().notNull(),
    pendingId: bigint('pending_id', { mode: 'number' }).references((): AnyPgColumn => ledgerTransfers.id),
    reversesId: bigint('reverses_id', { mode: 'number' }).references((): AnyPgColumn => ledgerTransfers.id),
    claimId: uuid('claim_id'),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_transfers_key_uq').on(t.idempotencyKey),
    uniqueIndex('ledger_transfers_resolution_uq').on(t.pendingId),
    uniqueIndex('ledger_transfers_reverses_uq')
      .on(t.reversesId)
      .where(sql`${t.reversesId} is not null`),
    index('ledger_transfers_debit_idx').on(t.debitAccountId),
    index('ledger_transfers_credit_idx').on(t.creditAccountId),
    index('ledger_transfers_claim_idx').on(t.claimId),
    check('ledger_transfers_amount_chk', sql`${t.amount} > 0`),
    check('ledger_transfers_accounts_chk', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    check('ledger_transfers_kind_chk', sql`${t.kind} in ('posted','pending','post_pending','void_pending')`),
    check('ledger_transfers_pending_chk', sql`(${t.kind} in ('post_pending','void_pending')) = (${t.pendingId} is not null)`),
  ],
);
