import { panelRules } from '../../../common/contracts/projects.js';
import {
  assignExperts,
  conflictKey,
  detectConflicts,
  type AssignmentApplication,
  type AssignmentExpert,
  type AssignmentResult,
} from '../../../common/review/index.js';
import { LIVE_REVIEW_STATUSES, type ReviewStage } from '../../../common/values/review.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { CallRow } from './calls.service.js';
import { conflictsOfApplications } from './conflicts.repo.js';
import { conflictApplication } from './conflicts.service.js';
import type { ReviewRow } from './draws.repo.js';
import { conflictExpert, poolOfCall } from './experts.service.js';
import type { ApplicationRow } from './review.repo.js';

/**
 * The assignment problem of a draw or redraw, as stored with the draw so it can be re-run: the pool with what is
 * left of each expert's load cap, the exclusions (conflicts, experts already on a place or who declined it, their
 * organisations' colleagues) and the places with their quotas.
 */

/** Whether an assignment still counts (a place taken). */
export const isLive = (status: string): boolean => (LIVE_REVIEW_STATUSES as readonly string[]).includes(status);

/** The call's panel rules; calls stored before panels existed get the contract's defaults. */
export const panelRulesOf = (call: CallRow) => panelRules.parse(call.fundingParams.panels);

/** Reviewers per application (review stage) or per report (a panel). */
export const stageSize = (call: CallRow, stage: ReviewStage) =>
  stage === 'review' ? call.reviewTemplate.reviewsPerApplication : panelRulesOf(call)[stage].experts;

/** A place to fill: an application in the review stage, or a report's panel. */
export interface Target {
  app: ApplicationRow;
  reportId: string | null;
  /** Live reviews that stay (submitted). */
  kept: ReviewRow[];
  /** Open reviews a redraw ends (assigned, not scored). */
  ending: ReviewRow[];
  required: number;
}

/** The inputs of a draw as stored with it: enough to re-run it exactly. */
export interface DrawInput {
  applications: AssignmentApplication[];
  experts: AssignmentExpert[];
  conflicts: string[];
}

/** Reviews of the same place: the application (review stage, no report) or the same report (a panel). */
export const samePlace = (r: ReviewRow, applicationId: string, reportId: string | null) =>
  r.applicationId === applicationId && r.reportId === reportId;

/** Each expert's live assignments in the stage, leaving out those in `except`. */
export function loadOf(all: readonly ReviewRow[], except: (r: ReviewRow) => boolean): Map<string, number> {
  const load = new Map<string, number>();
  for (const r of all) if (isLive(r.status) && !except(r)) load.set(r.expertId, (load.get(r.expertId) ?? 0) + 1);
  return load;
}

/**
 * Conflicts that exclude an expert from an application: recorded (suggested or confirmed), or detected now from
 * the records and not dismissed. Keys `expertId|applicationId`.
 */
async function conflictExclusions(tx: Db, call: CallRow, pool: Parameters<typeof conflictExpert>[0][], apps: ApplicationRow[]) {
  const excluded = new Set<string>();
  const recorded = await conflictsOfApplications(
    tx,
    apps.map((a) => a.id),
  );
  const dismissed = new Set(recorded.filter((c) => c.status === 'dismissed').map((c) => `${c.expertId}|${c.applicationId}|${c.type}`));
  for (const c of recorded) if (c.status !== 'dismissed') excluded.add(conflictKey(c.expertId, c.applicationId!));
  const detected = detectConflicts(
    pool.map(conflictExpert),
    apps.map((a) => conflictApplication({ ...a, callId: call.id })),
    today(),
  );
  for (const d of detected)
    if (!dismissed.has(`${d.expertId}|${d.applicationId}|${d.type}`)) excluded.add(conflictKey(d.expertId, d.applicationId));
  return excluded;
}

/**
 * The assignment problem of some places: the available pool with what is left of each expert's load cap in
 * this call and stage, conflicts (recorded suggestions and confirmations, plus any the records detect now that
 * no one dismissed), and per place the experts already on it, those who declined it and their organisations'
 * colleagues excluded; quotas count the experts who stay.
 */
export async function problemOf(tx: Db, call: CallRow, targets: Target[], all: ReviewRow[]): Promise<DrawInput> {
  const t = call.reviewTemplate;
  const ending = new Set(targets.flatMap((x) => x.ending.map((r) => r.id)));
  const load = loadOf(all, (r) => ending.has(r.id));
  // The call's pool (its unit's subtree and the units above), available, with room under the load cap.
  const pool = (await poolOfCall(tx, call, true)).filter((e) => t.expertLoadCap - (load.get(e.id) ?? 0) > 0);
  const byId = new Map(pool.map((e) => [e.id, e]));
  const excluded = await conflictExclusions(
    tx,
    call,
    pool,
    targets.map((x) => x.app),
  );
  const apps: AssignmentApplication[] = [];
  for (const x of targets) {
    const keptIds = new Set(x.kept.map((r) => r.expertId));
    const keptOrgs = new Set(x.kept.map((r) => byId.get(r.expertId)?.orgCreditCode).filter((o): o is string => Boolean(o)));
    const declined = all.filter((r) => r.status === 'declined' && samePlace(r, x.app.id, x.reportId)).map((r) => r.expertId);
    for (const e of pool)
      if (keptIds.has(e.id) || declined.includes(e.id) || (e.orgCreditCode && keptOrgs.has(e.orgCreditCode)))
        excluded.add(conflictKey(e.id, x.app.id));
    const quotas = t.quotas
      .map((q) => ({
        field: q.field,
        min: Math.min(x.required, q.min - x.kept.filter((r) => byId.get(r.expertId)?.fields.includes(q.field)).length),
      }))
      .filter((q) => q.min > 0);
    apps.push({ id: x.app.id, requiredReviews: x.required, fields: call.categories, ...(quotas.length ? { quotas } : {}) });
  }
  return {
    applications: apps.sort((a, b) => a.id.localeCompare(b.id)),
    experts: pool
      .map((e) => ({
        id: e.id,
        ...(e.orgCreditCode ? { org: e.orgCreditCode } : {}),
        fields: e.fields,
        cap: t.expertLoadCap - (load.get(e.id) ?? 0),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    conflicts: [...excluded].sort(),
  };
}

export const solve = (input: DrawInput, seed: number): AssignmentResult =>
  assignExperts({ ...input, conflicts: new Set(input.conflicts), seed });
