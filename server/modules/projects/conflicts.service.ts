import { declaredWithoutSupport, detectConflicts, type ConflictApplication, type ConflictType } from '../../../common/review/index.js';
import type { ApplicationStatus, ConflictType as RecordedConflictType } from '../../../common/values/projects.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { findOr404 } from '../../platform/errors.js';
import * as repo from './conflicts.repo.js';
import type { ConflictRow } from './conflicts.repo.js';
import { applicationRows, applicationsOfCall, type ApplicationRow } from './review.repo.js';
import { conflictExpert, poolOfCall } from './experts.service.js';

/**
 * Conflicts of interest: detected from the records (suggestions a person confirms or dismisses), declared by an
 * expert or entered by the bureau (honoured at once, flagged when nothing supports them).
 */

/** Statuses from which a call's applications are checked: a mid-term or acceptance panel is drawn from the same records. */
const DETECTED_IN: ApplicationStatus[] = ['submitted', 'accepted', 'under_review', 'scored', 'consensus', 'approved', 'contracted'];

/** An application as the conflict detection reads it. */
export const conflictApplication = (
  a: Pick<ApplicationRow, 'id' | 'callId' | 'applicantCreditCode' | 'partnerCreditCodes' | 'teamMembers'>,
): ConflictApplication => ({
  id: a.id,
  callId: a.callId,
  applicantCreditCode: a.applicantCreditCode ?? '',
  partnerCreditCodes: a.partnerCreditCodes,
  teamMembers: a.teamMembers,
});

/** Automatic detection over a call's applications: new suggestions, which a person confirms or dismisses. */
export async function detectForCall(db: Db, ctx: RequestContext, callId: string): Promise<number> {
  const apps = await applicationsOfCall(db, callId, DETECTED_IN);
  const call = await findOr404(repo.callRegionRows(db, callId), callId);
  const pool = await poolOfCall(db, call);
  const found = detectConflicts(pool.map(conflictExpert), apps.map(conflictApplication), today());
  return db.transaction(async (tx) => {
    const existing = await repo.conflictsOfApplications(
      tx,
      apps.map((a) => a.id),
    );
    const have = new Set(existing.map((x) => `${x.expertId}|${x.applicationId}|${x.type}`));
    const fresh = found.filter((f) => !have.has(`${f.expertId}|${f.applicationId}|${f.type}`));
    await repo.insertConflicts(
      tx,
      fresh.map((f) => ({
        expertId: f.expertId,
        applicationId: f.applicationId,
        type: f.type,
        source: 'automatic',
        finding: f.finding,
        status: 'suggested',
        createdBy: ctx.userId,
      })),
    );
    await audit(tx, ctx, { action: 'detect', entity: 'conflict', entityId: callId, note: { suggestions: fresh.length } });
    return fresh.length;
  });
}

/** A conflict an expert declares (or the bureau enters): honoured at once; flagged if nothing supports it. */
export async function declareConflict(
  db: Db,
  ctx: RequestContext,
  input: { expertId: string; applicationId: string; type: RecordedConflictType; evidence: string; source: 'declared' | 'admin' },
): Promise<ConflictRow> {
  const a = await findOr404(applicationRows(db, input.applicationId), input.applicationId);
  const e = await findOr404(repo.expertRows(db, input.expertId), input.expertId);
  const detected = detectConflicts([conflictExpert(e)], [conflictApplication(a)], today());
  const unsupported =
    input.source === 'declared' &&
    declaredWithoutSupport([{ expertId: e.id, applicationId: a.id, type: input.type as ConflictType }], detected).length > 0;
  return db.transaction(async (tx) => {
    const [row] = await repo.insertConflicts(tx, [
      { ...input, status: 'confirmed', unsupported, createdBy: ctx.userId, decidedBy: ctx.userId },
    ]);
    await audit(tx, ctx, { action: 'declare', entity: 'conflict', entityId: row!.id, after: { ...input, unsupported } });
    return row!;
  });
}

export async function decideConflict(db: Db, ctx: RequestContext, id: string, status: 'confirmed' | 'dismissed'): Promise<ConflictRow> {
  return db.transaction(async (tx) => {
    const c = await findOr404(repo.lockedConflictRows(tx, id), id);
    const row = await findOr404(repo.setConflictStatus(tx, id, status, ctx.userId), id);
    await audit(tx, ctx, { action: status, entity: 'conflict', entityId: id, before: { status: c.status }, after: { status } });
    return row;
  });
}

/** A call's conflicts, each with its expert's and applicant's names. */
export async function conflictsOfCall(db: Db, callId: string) {
  return (await repo.conflictsOfCall(db, callId)).map(({ c, ...names }) => ({ ...c, ...names }));
}
