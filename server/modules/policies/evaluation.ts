import { evaluate, type DecisionTrace, type Eligibility, type Facts } from '../../../common/policies/index.js';
import type { Db } from '../../platform/db.js';
import { budgetAvailable } from '../ledger/index.js';
import { eventsInPeriod, eventsOfEnterprise } from '../registry/index.js';
import { factsForEnterprise, factsForEvent } from './facts.js';
import * as repo from './policies.repo.js';
import type { PolicyRow, VersionRow } from './policies.repo.js';

/** Where a policy's region lies (the root when the unit is unknown). */
export async function regionPath(db: Db, code: string): Promise<string> {
  const [u] = await repo.unitByCode(db, code);
  return u?.path ?? '/';
}

/** An enterprise by its credit code, with where it is registered (for the evaluation's access check). */
export const enterpriseByCreditCode = (db: Db, creditCode: string) => repo.enterpriseByCreditCode(db, creditCode);

/** The condition a decision without a triggering record fails, and its amount's message (codes the web words). */
export const NO_TRIGGER = 'no_trigger' as const;

/**
 * One enterprise against one policy on a date: the latest registry event that triggers the policy up to that
 * date supplies the event facts; with none, the decision says so.
 */
export async function evaluateFor(
  db: Db,
  p: PolicyRow,
  v: VersionRow,
  enterpriseId: string,
  date: string,
  overrides?: Record<string, number>,
): Promise<DecisionTrace> {
  const region = await regionPath(db, p.regionCode);
  const kind = v.rule.trigger.event;
  const events = kind === 'application' ? [] : await eventsOfEnterprise(db, enterpriseId, kind, date);
  // Prefer an event the trigger accepts (e.g. the high-tech certificate, not another qualification).
  let facts: Facts | undefined;
  for (const e of events) {
    const f = await factsForEvent(db, e, region);
    const ok = Object.entries(v.rule.trigger.match ?? {}).every(([fact, accepted]) => accepted.includes(f[fact] as string | number));
    if (ok) {
      facts = f;
      break;
    }
  }
  const base = {
    policyCode: p.code,
    version: v.version,
    versionId: v.id,
    rule: v.rule,
    parameters: v.parameters,
    date,
    ...(overrides ? { overrides } : {}),
  };
  if (facts) return evaluate({ ...base, facts });
  const trace = evaluate({ ...base, facts: await factsForEnterprise(db, enterpriseId, region, date) });
  if (kind === 'application') return trace;
  // Nothing in the register triggers this policy for the enterprise: not eligible, and the trace says why.
  return {
    ...trace,
    eligibility: 'ineligible',
    amount: { fen: 0, capped: false, message: { code: NO_TRIGGER, params: { event: kind } } },
    conditions: [
      {
        id: 'event',
        code: NO_TRIGGER,
        outcome: 'fail',
        fact: kind,
        actual: null,
        requirement: { op: 'event', values: [kind] },
      },
      ...trace.conditions,
    ],
  };
}

interface WhatIfRow {
  enterpriseId: string;
  name: string;
  date: string;
  eligibility: Eligibility;
  amountFen: number | null;
}

/**
 * Projected spend of a draft parameter change over a year's registry events, against the remaining budget.
 * Only enterprises in the policy's area count, and only those the reader may see are listed (`scopes`).
 */
export async function whatIf(
  db: Db,
  p: PolicyRow,
  v: VersionRow,
  year: number,
  overrides: Record<string, number>,
  fundSource: string,
  scopes?: readonly string[],
) {
  const region = await regionPath(db, p.regionCode);
  const kind = v.rule.trigger.event;
  const events =
    kind === 'application'
      ? []
      : await eventsInPeriod(db, { kind, from: `${year}-01-01`, to: `${year}-12-31`, within: [[region], ...(scopes ? [scopes] : [])] });
  let eligible = 0;
  let undetermined = 0;
  let spendFen = 0;
  let undeterminedFen = 0;
  const rows: WhatIfRow[] = [];
  const names = new Map((await repo.enterpriseUnits(db, [...new Set(events.map((e) => e.enterpriseId))])).map((e) => [e.id, e.name]));
  // Claims already approved or paid are out of the remaining budget: counting them again would double them.
  const committed = await repo.committedEventIds(db, p.id);
  for (const e of events) {
    if (committed.has(e.id)) continue;
    const trace = evaluate({
      policyCode: p.code,
      version: v.version,
      rule: v.rule,
      parameters: v.parameters,
      facts: await factsForEvent(db, e, region),
      date: e.occurredOn,
      overrides,
    });
    if (trace.eligibility === 'ineligible') continue;
    const fen = trace.amount.fen ?? 0;
    if (trace.eligibility === 'eligible') {
      eligible += 1;
      spendFen += fen;
    } else {
      undetermined += 1;
      undeterminedFen += fen;
    }
    rows.push({
      enterpriseId: e.enterpriseId,
      name: names.get(e.enterpriseId) ?? '',
      date: e.occurredOn,
      eligibility: trace.eligibility,
      amountFen: trace.amount.fen,
    });
  }
  const remainingFen = await budgetAvailable(db, year, fundSource, p.code);
  return {
    year,
    fundSource,
    events: events.length,
    alreadyCommitted: committed.size,
    eligible,
    undetermined,
    projectedSpendFen: spendFen,
    undeterminedSpendFen: undeterminedFen,
    remainingBudgetFen: remainingFen,
    shortfallFen: Math.max(0, spendFen - remainingFen),
    rows,
  };
}
