import type { DecisionTrace, Facts } from '../../../common/policies/index.js';
import { ALIVE_CLAIM_STATUSES } from '../../../common/values/policies.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import * as repo from './claims.repo.js';
import type { VersionRow } from './policies.repo.js';

/** Stacking and caps count what is committed: everything still alive. */
const ALIVE = ALIVE_CLAIM_STATUSES;

export interface Adjustment {
  kind: 'stacking' | 'yearly_cap';
  fen: number;
  zh: string;
  en: string;
}
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
      adjustments.push({
        kind: 'stacking',
        fen: 0,
        zh: `就高不重复：同组已有不低于此金额的申领（${best} 分）`,
        en: `Not stacked: a claim in the same group is at least as high (${best} fen)`,
      });
      return { fen: 0, adjustments, stacked: true };
    }
    for (const o of open) {
      await repo.updateClaim(tx, o.id, { status: 'stacked', updatedAt: new Date() });
      await repo.recordStep(tx, ctx, o.id, 'stacked', `就高不重复：改按更高的“${trace.policyCode}”兑现 / superseded by a higher claim`);
    }
    if (committed > 0) {
      amount -= committed;
      adjustments.push({
        kind: 'stacking',
        fen: amount,
        zh: `就高不重复：已兑现 ${committed} 分，补足差额`,
        en: `Not stacked: ${committed} fen already committed, the difference is paid`,
      });
    }
  }
  const capName = v.rule.yearlyCapParam;
  const cap = capName ? trace.parameters[capName]?.value : null;
  if (capName && typeof cap === 'number') {
    const used = await repo.usedThisYear(tx, c, ALIVE);
    const left = Math.max(0, cap - used);
    if (amount > left) {
      adjustments.push({
        kind: 'yearly_cap',
        fen: left,
        zh: `年度上限 ${cap} 分，本年已用 ${used} 分`,
        en: `Yearly cap ${cap} fen, ${used} fen used this year`,
      });
      amount = left;
    }
  }
  return { fen: amount, adjustments, stacked: false };
}
