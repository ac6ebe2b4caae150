import type { DrawKind, ReviewStage } from '../../../common/values/review.js';
import type { z } from 'zod';
import type { drawRecordView } from '../../../common/contracts/panels.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import * as repo from './draws.repo.js';
import { solve, type DrawInput } from './draws.problem.js';

/** The bureau reads draws back (expert names appear here), and checks a draw by re-running it. */

type StoredAssignment = { applicationId: string; expertId: string; cost?: number; reportId?: string | null };
type StoredResult = {
  assignments?: StoredAssignment[];
  alternates?: { applicationId: string; experts: string[] }[];
  totalCost?: number;
  ended?: { reviewId: string; applicationId: string; expertId: string }[];
  replaced?: { reviewId: string; expertId: string; status: string };
  /** A code with its parameters; records from before #13 hold a bilingual sentence as the reason. */
  skipped?: { expertId: string; reason: string; params?: { cap?: number; fields?: string[] } }[];
};
/** A draw record as the service returns it (moments as Dates, encoded by the view). */
type DrawRecord = z.output<typeof drawRecordView>;
type StoredParams = Record<string, unknown> & { input?: DrawInput };

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** A draw's parameters as the read-back lists them (older records may lack some). */
function paramsOf(p: StoredParams): DrawRecord['params'] {
  return {
    base: num(p.base),
    jitter: num(p.jitter),
    fieldMismatch: num(p.fieldMismatch),
    loadStep: num(p.loadStep),
    alternates: num(p.alternates),
    size: num(p.size),
    loadCap: num(p.loadCap),
    quotas: (p.quotas ?? []) as { field: string; min: number }[],
    exact: typeof p.exact === 'boolean' ? p.exact : null,
    reason: typeof p.reason === 'string' ? p.reason : null,
    pool: p.input?.experts.length ?? null,
    exclusions: p.input?.conflicts.length ?? null,
  };
}

/** A call's draws, newest first: seed, checksum, parameters, assignments and alternates with names. */
export async function drawsOfCall(db: Db, callId: string, stage?: ReviewStage): Promise<DrawRecord[]> {
  const rows = await repo.drawsOfCall(db, callId, stage);
  const names = await repo.expertNames(db);
  const titles = await repo.applicationTitles(db, callId);
  const expert = (id: string) => ({ id, name: names.get(id) ?? '—' });
  return rows.map(({ d, by }) => {
    const p = d.params as StoredParams;
    const res = d.result as StoredResult;
    return {
      id: d.id,
      stage: d.stage as ReviewStage,
      kind: d.kind as DrawKind,
      parentId: d.parentId,
      seed: d.seed,
      checksum: d.checksum,
      createdAt: d.createdAt,
      createdBy: by,
      rerunnable: d.kind !== 'swap' && Boolean(p.input),
      params: paramsOf(p),
      totalCost: res.totalCost ?? null,
      assignments: (res.assignments ?? []).map((a) => ({
        applicationId: a.applicationId,
        applicationTitle: titles.get(a.applicationId) ?? '—',
        reportId: a.reportId ?? null,
        expert: expert(a.expertId),
        cost: a.cost ?? null,
      })),
      alternates: (res.alternates ?? []).map((a) => ({
        applicationId: a.applicationId,
        applicationTitle: titles.get(a.applicationId) ?? '—',
        experts: a.experts.map(expert),
      })),
      ended: [
        ...(res.ended ?? []),
        ...(res.replaced ? [{ ...res.replaced, applicationId: res.assignments?.[0]?.applicationId ?? '' }] : []),
      ].map((x) => ({ reviewId: x.reviewId, applicationId: x.applicationId, expert: expert(x.expertId) })),
      skipped: (res.skipped ?? []).map((s) => ({ expert: expert(s.expertId), reason: s.reason, params: s.params ?? {} })),
    };
  });
}

/** The assignments of a call as they stand, each with its expert, status and what ended it. */
export async function assignmentsOfCall(db: Db, callId: string, stage?: ReviewStage) {
  const rows = await repo.assignmentsOfCall(db, callId, stage);
  return rows.map(({ r, ...x }) => ({
    id: r.id,
    applicationId: r.applicationId,
    applicationTitle: x.title,
    applicantName: x.applicantName,
    stage: r.stage as ReviewStage,
    reportId: r.reportId,
    drawId: r.drawId,
    expertId: r.expertId,
    expertName: x.expertName,
    expertOrg: x.expertOrg,
    expertFields: x.expertFields,
    status: r.status,
    total: r.total,
    submittedAt: r.submittedAt,
    reason: r.reason,
    closedAt: r.closedAt,
    replacedBy: r.replacedBy,
  }));
}

/** Re-runs a stored draw from its stored inputs and seed: the same checksum means the same draw. */
export async function verifyDraw(db: Db, drawId: string) {
  const d = await findOr404(repo.drawRows(db, drawId), drawId);
  const input = (d.params as { input?: DrawInput }).input;
  if (d.kind === 'swap' || !input) throw new AppError(409, 'draw_not_rerunnable');
  const again = solve(input, d.seed);
  const stored = ((d.result as StoredResult).assignments ?? []).map((a) => `${a.applicationId}|${a.expertId}`).sort();
  const now = again.assignments.map((a) => `${a.applicationId}|${a.expertId}`).sort();
  return {
    drawId: d.id,
    callId: d.callId,
    checksum: d.checksum,
    recomputed: again.log.checksum,
    reproduced: again.log.checksum === d.checksum && JSON.stringify(stored) === JSON.stringify(now),
  };
}
