import type { RankingRow } from '../../api/benchmarks';
import { DISTRICTS } from './districts';

/** Why a computed rank and a published one can differ; each is shown, none is picked. */
export type CheckReason =
  /** The computed value, rounded as published, is not the published value. */
  | 'value'
  /** The published (rounded) column ranks the unit elsewhere: rounding makes ties or reorders. */
  | 'rounding'
  /** The published rank (a table's rank column, or the plan's prose) is not the computed rank. */
  | 'published_rank'
  /** The published rank counts more units than have data here. */
  | 'coverage'
  /** The group is a part of Chongqing's districts, while the published ranks are city-wide. */
  | 'scope';

export interface RankCheck {
  /** none: nothing published to compare with; match: everything agrees; differs: see reasons. */
  status: 'none' | 'match' | 'differs';
  reasons: CheckReason[];
  /** Units sharing the unit's rank on the published column (itself included); 1 = no tie. */
  publishedTies: number;
  /** Units in the peer group. */
  groupSize: number;
}

/**
 * Compares a unit's computed figures with the published ones. `ranked` is the number of units with a
 * computed rank; `rows` all rows of the ranking, i.e. the whole peer group (for ties on the published column,
 * and its size). The published ranks stored today are all city-wide (全市排名, among the 38 districts), so in a
 * smaller group a published rank is not comparable with the rank inside the group.
 */
export function checkRow(row: RankingRow, rows: readonly RankingRow[], ranked: number): RankCheck {
  const publishedTies = row.publishedValueRank === null ? 1 : rows.filter((r) => r.publishedValueRank === row.publishedValueRank).length;
  if (row.publishedValue === null && row.publishedRank === null)
    return { status: 'none', reasons: [], publishedTies, groupSize: rows.length };
  const reasons: CheckReason[] = [];
  if (row.differsFromPublished === true) reasons.push('value');
  if (row.rank !== null && row.publishedValueRank !== null && row.publishedValueRank !== row.rank) {
    reasons.push('rounding');
  }
  if (row.publishedRank !== null && row.publishedRank !== row.rank) {
    reasons.push('published_rank');
    if (rows.length < DISTRICTS.length) reasons.push('scope');
    else if (row.publishedRank > ranked) reasons.push('coverage');
  }
  return { status: reasons.length ? 'differs' : 'match', reasons, publishedTies, groupSize: rows.length };
}
