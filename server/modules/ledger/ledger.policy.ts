import { sql } from 'drizzle-orm';
import { POLICY_EDITORS, POLICY_READERS } from '../../../common/access.js';
import { defineResource, pathsFrom, type AccessRule } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { unitByCode } from './ledger.repo.js';
import { budgetUnit } from './owners.js';

/**
 * Ledger accounts belong to a unit (ledger_accounts.org_unit_code, migration 0014): a budget and its paid-out
 * account to their policy's (or call's) owner, a payable to its enterprise's unit, a funding account to the unit
 * it funds. Like the policies, budgets are shared down: a county reads its ancestors' budgets, acts on its own.
 */
defineResource('ledgerAccount', {
  key: 'number',
  sharedDown: true,
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select u.path from ledger_accounts a left join ${orgUnitsRead} u on u.code = a.org_unit_code where a.id = ${id}::bigint`,
    ),
});

/** A transfer belongs to the units of both its accounts (reversing it needs both). */
defineResource('ledgerTransfer', {
  key: 'number',
  sharedDown: true,
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select u.path from ledger_transfers t join ledger_accounts a on a.id in (t.debit_account_id, t.credit_account_id)
              left join ${orgUnitsRead} u on u.code = a.org_unit_code where t.id = ${id}::bigint`,
    ),
});

/** A budget request (a pending transfer from funding to a budget) belongs to its budget's unit. */
defineResource('budgetRequest', {
  key: 'number',
  sharedDown: true,
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select u.path from ledger_transfers t join ledger_accounts b on b.id = t.credit_account_id and b.kind = 'budget'
              join ledger_accounts f on f.id = t.debit_account_id and f.kind = 'funding'
              left join ${orgUnitsRead} u on u.code = b.org_unit_code where t.id = ${id}::bigint and t.kind = 'pending'`,
    ),
});

/** The owner unit of the budget of a policy code (a policy's, or `call_<code>` for a call's), if the code is known. */
export async function budgetOwner(db: Db, code: string) {
  const unit = await budgetUnit(db, code);
  const [owner] = unit ? await unitByCode(db, unit) : [];
  return owner ?? null;
}

/**
 * A new budget request names its policy (or call) by code: it belongs to that policy's unit. An unknown code is
 * refused (400, naming the field) before anything is opened.
 */
defineResource('budget', {
  key: 'code',
  sharedDown: true,
  resolve: async (db, code) => {
    const owner = await budgetOwner(db, code);
    if (!owner) throw new AppError(400, 'ledger_unknown_policy', { code }, 'policyCode');
    return [owner.path];
  },
});

export const RULES = {
  /** Accounts and their transfers, filtered in SQL to the reader's subtree and (budgets) its ancestors. */
  accounts: { roles: POLICY_READERS } satisfies AccessRule,
  account: { roles: POLICY_READERS, resource: 'ledgerAccount' } satisfies AccessRule,
  /** Budget requests and the reconciliation. */
  read: { roles: POLICY_READERS } satisfies AccessRule,
  /** Requesting budget for a policy: editors whose subtree holds the policy's owner. */
  requestBudget: { roles: POLICY_EDITORS, resource: 'budget', key: { body: 'policyCode' } } satisfies AccessRule,
  /** Approving or rejecting a budget request (a second person: four eyes). */
  decideBudget: { roles: POLICY_EDITORS, resource: 'budgetRequest' } satisfies AccessRule,
  /** Reversing a transfer: both its accounts in the editor's subtree. */
  reverse: { roles: POLICY_EDITORS, resource: 'ledgerTransfer' } satisfies AccessRule,
};
