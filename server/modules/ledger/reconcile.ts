import type { Db } from '../../platform/db.js';
import * as repo from './ledger.repo.js';

export interface Reconciliation {
  ok: boolean;
  accounts: number;
  transfers: number;
  totals: { debitsPosted: number; creditsPosted: number; debitsPending: number; creditsPending: number };
  /** Accounts whose stored balance differs from the sum of their entries. */
  mismatches: { code: string; stored: number[]; computed: number[] }[];
  /** Flagged accounts spending more than they hold (impossible while the constraints stand). */
  overdrawn: string[];
  /** Reservations resolved more than once (impossible while the unique index stands). */
  doubleResolved: number[];
}

/**
 * Proves the ledger: debits equal credits, every stored balance equals the sum of its entries, nothing is
 * overdrawn, no reservation was resolved twice. Read in one repeatable-read snapshot on PostgreSQL.
 */
export async function verifyLedger(db: Db, canSee?: (path: string) => boolean): Promise<Reconciliation> {
  return db.transaction((tx) => reconcile(tx, canSee), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/** `canSee`: the accounts a reader may be told about by code (the totals and the verdict are the whole ledger's). */
async function reconcile(db: Db, canSee: (path: string) => boolean = () => true): Promise<Reconciliation> {
  const list = await repo.reconcileRows(db);
  const totals = { debitsPosted: 0, creditsPosted: 0, debitsPending: 0, creditsPending: 0 };
  const mismatches: Reconciliation['mismatches'] = [];
  const overdrawn: string[] = [];
  for (const r of list) {
    const stored = [r.dp, r.dpo, r.cp, r.cpo].map(Number);
    const computed = [r.xdp, r.xdpo, r.xcp, r.xcpo].map(Number);
    totals.debitsPending += stored[0]!;
    totals.debitsPosted += stored[1]!;
    totals.creditsPending += stored[2]!;
    totals.creditsPosted += stored[3]!;
    const code = canSee(r.path) ? r.code : '—';
    if (stored.some((v, i) => v !== computed[i])) mismatches.push({ code, stored, computed });
    if (r.flag && stored[0]! + stored[1]! > stored[3]!) overdrawn.push(code);
  }
  const doubleResolved = await repo.doubleResolvedIds(db);
  const transfers = await repo.transferCount(db);
  return {
    ok:
      mismatches.length === 0 &&
      overdrawn.length === 0 &&
      doubleResolved.length === 0 &&
      totals.debitsPosted === totals.creditsPosted &&
      totals.debitsPending === totals.creditsPending,
    accounts: list.length,
    transfers,
    totals,
    mismatches,
    overdrawn,
    doubleResolved,
  };
}
