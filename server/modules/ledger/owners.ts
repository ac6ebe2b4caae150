import type { Db } from '../../platform/db.js';

/**
 * Who owns the budgets of a policy code: a policy (the policies module) or, for `call_<code>`, a call (projects).
 * Both modules use the ledger, so the ledger cannot import them (an import cycle): each registers, from its
 * index.ts, how to find the unit of the codes it owns, as resources register with platform/access. The ledger
 * then reads no table of theirs (issue #13).
 */
export type BudgetUnitOf = (db: Db, policyCode: string) => Promise<string | null | undefined>;

const owners: BudgetUnitOf[] = [];

/** Called once per owning module, when its index.ts is loaded. */
export function defineBudgetOwner(unitOf: BudgetUnitOf): void {
  owners.push(unitOf);
}

/** The unit owning the budgets of a policy code (a policy's region, or a call's for `call_<code>`), if the code is known. */
export async function budgetUnit(db: Db, policyCode: string): Promise<string | undefined> {
  if (owners.length === 0) throw new Error('ledger: no budget owner is registered (import the policies and projects modules)');
  for (const unitOf of owners) {
    const unit = await unitOf(db, policyCode);
    if (unit) return unit;
  }
  return undefined;
}
