import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AccountKind } from '../../../common/values/ledger.js';
import { ledgerAccounts, ledgerTransfers } from '../../db/schema/ledger.js';
import { inScope } from '../../platform/access.js';
import { rowsOf, type Db } from '../../platform/db.js';
import { usersRead } from '../accounts/index.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { enterprisesRead } from '../registry/index.js';

/**
 * The ledger's queries. The statements keep the shapes the payment path was measured with (bench:ledger):
 * one insert a transfer (the database's trigger applies it), one select by key for a replay.
 */
export type AccountRow = typeof ledgerAccounts.$inferSelect;
export type TransferRow = typeof ledgerTransfers.$inferSelect;
export type NewAccount = typeof ledgerAccounts.$inferInsert;
export type NewTransfer = typeof ledgerTransfers.$inferInsert;

/** Opens an account (at zero) unless its code exists; returns it when created. */
export async function insertAccount(
  tx: Db,
  values: Omit<NewAccount, 'orgUnitCode'> & { orgUnitCode: SQL | string | null },
): Promise<AccountRow | undefined> {
  const [created] = await tx.insert(ledgerAccounts).values(values).onConflictDoNothing({ target: ledgerAccounts.code }).returning();
  return created;
}

export const accountByCode = (tx: Db, code: string) => tx.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, code));

/**
 * The unit of an account not given one: its budget's (a budget gets its policy's or call's unit when it is funded;
 * looked up by its code, the unique index), else its enterprise's (the registry's read view).
 */
export function ownerUnitSql(p: { budgetCode?: string | undefined; enterpriseId?: string | undefined }): SQL | null {
  const parts: SQL[] = [];
  if (p.budgetCode)
    parts.push(sql`(select ${ledgerAccounts.orgUnitCode} from ${ledgerAccounts} where ${ledgerAccounts.code} = ${p.budgetCode})`);
  if (p.enterpriseId)
    parts.push(sql`(select ${enterprisesRead.orgUnitCode} from ${enterprisesRead} where ${enterprisesRead.id} = ${p.enterpriseId}::uuid)`);
  return parts.length ? sql`coalesce(${sql.join(parts, sql`, `)})` : null;
}

/** Inserts a transfer unless its key exists (then nothing is returned and the caller reads the first). */
export async function insertTransfer(sp: Db, values: NewTransfer): Promise<TransferRow | undefined> {
  const [row] = await sp.insert(ledgerTransfers).values(values).onConflictDoNothing({ target: ledgerTransfers.idempotencyKey }).returning();
  return row;
}

export const transferByKey = (tx: Db, key: string) => tx.select().from(ledgerTransfers).where(eq(ledgerTransfers.idempotencyKey, key));
export const transferById = (tx: Db, id: number) => tx.select().from(ledgerTransfers).where(eq(ledgerTransfers.id, id));
/** The transfer that resolved a reservation (posted or voided it), if any. */
export const resolutionOf = (tx: Db, pendingId: number) =>
  tx.select().from(ledgerTransfers).where(eq(ledgerTransfers.pendingId, pendingId));

/** An org unit's path and name by its code. */
export const unitByCode = (db: Db, code: string) =>
  db
    .select({ code: orgUnitsRead.code, path: orgUnitsRead.path, name: orgUnitsRead.name })
    .from(orgUnitsRead)
    .where(eq(orgUnitsRead.code, code));

/** A budget request by its id: the pending transfer from a funding account to a budget. */
export async function budgetRequestRows(tx: Db, id: number) {
  return tx
    .select({ t: ledgerTransfers })
    .from(ledgerTransfers)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerTransfers.creditAccountId))
    .where(and(eq(ledgerTransfers.id, id), eq(ledgerTransfers.kind, 'pending'), eq(ledgerAccounts.kind, 'budget')))
    .then((rows) => rows.map((r) => r.t));
}

export interface BudgetRequestSqlRow {
  id: string;
  amount: string;
  reason: string | null;
  created_at: string | Date;
  requested_by: string | null;
  requested_by_name: string | null;
  budget_id: string;
  budget_code: string;
  fiscal_year: number | null;
  fund_source: string | null;
  policy_code: string | null;
  resolution: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | Date | null;
}

/** Budget requests (newest first) in the reader's scope, with who asked and who decided. */
export async function selectBudgetRequests(db: Db, f: { scopes: readonly string[]; status?: string | undefined; limit?: number }) {
  return rowsOf<BudgetRequestSqlRow>(
    await db.execute(sql`
      select t.id::text, t.amount::text, t.reason, t.created_at, t.created_by as requested_by, ru.display_name as requested_by_name,
        b.id::text as budget_id, b.code as budget_code, b.fiscal_year, b.fund_source, b.policy_code,
        r.kind as resolution, r.created_by as decided_by, du.display_name as decided_by_name, r.created_at as decided_at
      from ledger_transfers t
      join ledger_accounts b on b.id = t.credit_account_id and b.kind = 'budget'
      join ledger_accounts fa on fa.id = t.debit_account_id and fa.kind = 'funding'
      left join ${orgUnitsRead} u on u.code = b.org_unit_code
      left join ledger_transfers r on r.pending_id = t.id
      left join ${usersRead} ru on ru.id = t.created_by
      left join ${usersRead} du on du.id = r.created_by
      where t.kind = 'pending' and ${inScope(sql`coalesce(u.path, '/')`, f.scopes, { sharedDown: true })}
        ${f.status === 'pending' ? sql`and r.id is null` : f.status === 'approved' ? sql`and r.kind = 'post_pending'` : f.status === 'rejected' ? sql`and r.kind = 'void_pending'` : sql``}
      order by t.id desc
      limit ${f.limit ?? 500}`),
  );
}

export interface ReconcileRow {
  code: string;
  dp: string;
  dpo: string;
  cp: string;
  cpo: string;
  xdp: string;
  xdpo: string;
  xcp: string;
  xcpo: string;
  flag: boolean;
  path: string;
}

/** Every account's stored balances beside the sums of its entries, with its unit's path. */
export async function reconcileRows(db: Db): Promise<ReconcileRow[]> {
  const res = await db.execute(sql`
    with resolved as (select pending_id, kind from ledger_transfers where pending_id is not null),
    entries as (
      select t.debit_account_id as acc, t.amount, t.kind, 'd' as side, r.kind as resolution
        from ledger_transfers t left join resolved r on r.pending_id = t.id
      union all
      select t.credit_account_id, t.amount, t.kind, 'c', r.kind
        from ledger_transfers t left join resolved r on r.pending_id = t.id
    ),
    sums as (
      select acc,
        sum(amount) filter (where side = 'd' and kind = 'pending' and resolution is null) as dp,
        sum(amount) filter (where side = 'd' and (kind = 'posted' or kind = 'post_pending')) as dpo,
        sum(amount) filter (where side = 'c' and kind = 'pending' and resolution is null) as cp,
        sum(amount) filter (where side = 'c' and (kind = 'posted' or kind = 'post_pending')) as cpo
      from entries group by acc
    )
    select a.code, a.debits_pending::text as dp, a.debits_posted::text as dpo, a.credits_pending::text as cp, a.credits_posted::text as cpo,
      coalesce(s.dp, 0)::text as xdp, coalesce(s.dpo, 0)::text as xdpo, coalesce(s.cp, 0)::text as xcp, coalesce(s.cpo, 0)::text as xcpo,
      a.debits_must_not_exceed_credits as flag, coalesce(u.path, '/') as path
    from ledger_accounts a left join sums s on s.acc = a.id left join ${orgUnitsRead} u on u.code = a.org_unit_code order by a.id`);
  return rowsOf<ReconcileRow>(res);
}

/** Reservations resolved more than once (impossible while the unique index stands). */
export async function doubleResolvedIds(db: Db): Promise<number[]> {
  return rowsOf<{ id: string }>(
    await db.execute(
      sql`select pending_id::text as id from ledger_transfers where pending_id is not null group by pending_id having count(*) > 1`,
    ),
  ).map((r) => Number(r.id));
}

export async function transferCount(db: Db): Promise<number> {
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerTransfers);
  return count?.n ?? 0;
}

/** The path of an account's unit (the root for an account of no unit), for scope filters. */
const accountPath = (id: SQL | AnyPgColumn) =>
  sql`(select coalesce(u.path, '/') from ledger_accounts a left join ${orgUnitsRead} u on u.code = a.org_unit_code where a.id = ${id})`;

export interface AccountFilter {
  id?: number;
  code?: string;
  kind?: AccountKind | undefined;
  enterpriseId?: string | undefined;
  fiscalYear?: number | undefined;
  policyCode?: string | undefined;
  scopes?: readonly string[];
}

/** `scopes`: only accounts of the reader's subtree and its ancestors (budgets are shared down); none given: all. */
export async function selectAccounts(db: Db, f: AccountFilter = {}): Promise<AccountRow[]> {
  return db
    .select({ a: ledgerAccounts, path: sql<string>`coalesce(${orgUnitsRead.path}, '/')` })
    .from(ledgerAccounts)
    .leftJoin(orgUnitsRead, eq(orgUnitsRead.code, ledgerAccounts.orgUnitCode))
    .where(
      and(
        f.scopes ? inScope(sql`coalesce(${orgUnitsRead.path}, '/')`, f.scopes, { sharedDown: true }) : undefined,
        f.id ? eq(ledgerAccounts.id, f.id) : undefined,
        f.code ? eq(ledgerAccounts.code, f.code) : undefined,
        f.kind ? eq(ledgerAccounts.kind, f.kind) : undefined,
        f.enterpriseId ? eq(ledgerAccounts.enterpriseId, f.enterpriseId) : undefined,
        f.fiscalYear ? eq(ledgerAccounts.fiscalYear, f.fiscalYear) : undefined,
        f.policyCode ? eq(ledgerAccounts.policyCode, f.policyCode) : undefined,
      ),
    )
    .orderBy(asc(ledgerAccounts.id))
    .then((rows) => rows.map((r) => r.a));
}

/** `scopes`: only transfers both of whose accounts the reader may see (shared down); none given: all. */
export async function selectTransfers(
  db: Db,
  f: { accountId?: number; claimId?: string; limit?: number; scopes?: readonly string[] } = {},
): Promise<TransferRow[]> {
  return db
    .select()
    .from(ledgerTransfers)
    .where(
      and(
        f.accountId
          ? sql`(${ledgerTransfers.debitAccountId} = ${f.accountId} or ${ledgerTransfers.creditAccountId} = ${f.accountId})`
          : undefined,
        f.claimId ? eq(ledgerTransfers.claimId, f.claimId) : undefined,
        f.scopes ? inScope(accountPath(ledgerTransfers.debitAccountId), f.scopes, { sharedDown: true }) : undefined,
        f.scopes ? inScope(accountPath(ledgerTransfers.creditAccountId), f.scopes, { sharedDown: true }) : undefined,
      ),
    )
    .orderBy(asc(ledgerTransfers.id))
    .limit(f.limit ?? 1000);
}

/** What an account can still spend (credits posted − debits posted − debits pending); 0 when it does not exist. */
export async function availableOf(db: Db, code: string): Promise<number> {
  const [budget] = await db
    .select({ available: sql<string>`(credits_posted - debits_posted - debits_pending)::text` })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.code, code));
  return budget ? Number(budget.available) : 0;
}
