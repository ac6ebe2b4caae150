import { DEFAULT_NOTICE_MIN_DAYS, DEFAULT_PANEL_RULES } from '../../../../common/review/panel-rules';
import type { AssignmentRow } from '../../api/panels';
import type { Call } from '../../api/projects';

export const MAX_SEED = 2 ** 31 - 1;
export const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]! % MAX_SEED;

/** The call's panel rules (calls stored before panels existed have the defaults). */
export const panelRulesOf = (call: Call) => ({ ...DEFAULT_PANEL_RULES, ...call.fundingParams.panels });
export const noticeMinDaysOf = (call: Call) => call.fundingParams.noticeMinDays ?? DEFAULT_NOTICE_MIN_DAYS;

const LIVE = new Set(['assigned', 'submitted']);
const placeOf = (r: Pick<AssignmentRow, 'applicationId' | 'reportId'>) => `${r.applicationId}|${r.reportId ?? ''}`;

/**
 * Places short of reviewers (a declined expert nobody replaced yet), and places with open assignments a redraw
 * would fill again: what the redraw button counts.
 */
export function openPlaces(rows: readonly AssignmentRow[], size: number) {
  const live = new Map<string, number>();
  const open = new Map<string, number>();
  for (const r of rows) {
    if (LIVE.has(r.status)) live.set(placeOf(r), (live.get(placeOf(r)) ?? 0) + 1);
    if (r.status === 'assigned') open.set(placeOf(r), (open.get(placeOf(r)) ?? 0) + 1);
  }
  const places = new Set(rows.map(placeOf));
  let total = 0;
  for (const p of places) total += Math.max(0, size - (live.get(p) ?? 0)) + (open.get(p) ?? 0);
  return { total, byPlace: (r: AssignmentRow) => Math.max(0, size - (live.get(placeOf(r)) ?? 0)) };
}
