import type { DecisionTrace, Facts } from '../../../common/policies/index.js';
import { ALIVE_CLAIM_STATUSES, type AdjustmentKind, type PolicyMessage } from '../../../common/values/policies.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import * as repo from './claims.repo.js';
import type { VersionRow } from './policies.repo.js';

/** Stacking and caps count what is committed: everything still alive. */
const ALIVE = ALIVE_CLAIM_STATUSES;

/** A limit applied: the amount left and what the web says about it (codes and figures in fen, no sentences). */
export type Adjustment = PolicyMessage & { kind: AdjustmentKind; fen: number };
export type StoredTrace = DecisionTrace & { adjustments?: Adjustment[]; confirmedFacts?: Facts };

/**
 * 就高不重复 and the yearly cap, against the enterprise's other live claims of the same fiscal year: the amount
 * is cut to what is not already committed; a lower claim not yet approved is set aside for a higher one.
 */
export async function applyLimits(
  tx: Db,
  ctx: RequestContext,
  v: VersionRow,
  c: { id?: string; enterpriseId: string; fiscalYear: number; policyId: string },
  fen: number,
  trace: DecisionTrace,
): Promise<{ fen: number; adjustments: Adjustment[]; stacked: boolean }> {
  const adjustments: Adjustment[] = [];
  let amount = fen;
  const group = v.rule.stackingGroup;
  if (group) {
    const others = await repo.stackingRivals(tx, c, group, ALIVE);
    const committed = others.filter((o) => o.status === 'approved' || o.status === 'paid').reduce((m, o) => Math.max(m, o.amountFen), 0);
    const open = others.filter((o) => o.status !== 'approved' && o.status !== 'paid');
    const best = Math.max(committed, ...open.map((o) => o.amountFen));
    if (amount <= best) {
      adjustments.push({ kind: 'stacking', fen: 0, code: 'stacking_not_higher', params: { bestFen: best } });
      return { fen: 0, adjustments, stacked: true };
    }
    for (const o of open) {
      await repo.updateClaim(tx, o.id, { status: 'stacked', updatedAt: new Date() });
      await repo.recordStep(tx, ctx, o.id, 'stacked', { code: 'stacking_superseded', params: { policyCode: trace.policyCode } });
    }
    if (committed > 0) {
      amount -= committed;
      adjustments.push({ kind: 'stacking', fen: amount, code: 'stacking_difference', params: { committedFen: committed } });
    }
  }
  const capName = v.rule.yearlyCapParam;
  const cap = capName ? trace.parameters[capName]?.value : null;
  if (capName && typeof cap === 'number') {
    const used = await repo.usedThisYear(tx, c, ALIVE);
    const left = Math.max(0, cap - used);
    if (amount > left) {
      adjustments.push({ kind: 'yearly_cap', fen: left, code: 'yearly_cap', params: { capFen: cap, usedFen: used } });
      amount = left;
    }
  }
  return { fen: amount, adjustments, stacked: false };
}
