import { evaluate, type DecisionTrace } from '../../../common/policies/index.js';
import type { RequestContext } from '../../platform/audit.js';
import { today as todayInZone } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import { enterprisePaths, markEventMatched, pendingEvents } from '../registry/index.js';
import { applyLimits, type StoredTrace } from './claims.limits.js';
import * as repo from './claims.repo.js';
import type { ClaimRow } from './claims.repo.js';
import { factsForEnterprise, factsForEvent } from './facts.js';
import { enterpriseUnits, unitByCode, type PolicyRow, type VersionRow } from './policies.repo.js';
import { activeVersion, findPolicy } from './policies.service.js';

/**
 * Matches registry events not yet matched against every operative policy (approved, parameters set) and
 * creates the claims. Safe to run concurrently: events are taken with SKIP LOCKED, claims are unique per
 * business event.
 */
export async function matchEvents(db: Db, ctx: RequestContext, limit = 200): Promise<number> {
  let created = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const events = await pendingEvents(tx, limit);
      if (events.length === 0) return -1;
      const kinds = [...new Set(events.map((e) => e.kind))];
      const candidates = await repo.candidateVersions(tx, kinds);
      // Where each event's enterprise is registered: a policy matches only enterprises in its owner's area.
      const entPaths = await enterprisePaths(
        tx,
        events.map((e) => e.enterpriseId),
      );
      let made = 0;
      for (const e of events) {
        const entPath = entPaths.get(e.enterpriseId);
        for (const { p, v, path } of candidates.filter((x) => x.v.rule.trigger.event === e.kind)) {
          if (!entPath?.startsWith(path)) continue;
          const facts = await factsForEvent(tx, e, path);
          const trace = evaluate({
            policyCode: p.code,
            version: v.version,
            versionId: v.id,
            rule: v.rule,
            parameters: v.parameters,
            facts,
            date: e.occurredOn,
          });
          // Not this policy's event, or not eligible, or amounts still 待定: no claim.
          if (trace.eligibility === 'ineligible' || trace.unsetParameters.length > 0) continue;
          if (
            await createClaim(
              tx,
              ctx,
              p,
              v,
              e.enterpriseId,
              `${p.code}|${e.enterpriseId}|${e.kind}:${e.recordId}`,
              Number(e.occurredOn.slice(0, 4)),
              trace,
              e.id,
            )
          )
            made += 1;
        }
        await markEventMatched(tx, e.id);
      }
      return made;
    });
    if (n < 0) return created;
    created += n;
  }
}

async function createClaim(
  tx: Db,
  ctx: RequestContext,
  p: PolicyRow,
  v: VersionRow,
  enterpriseId: string,
  eventKey: string,
  fiscalYear: number,
  trace: DecisionTrace,
  eventId: number | null,
  application?: { note?: string | undefined; checklist?: { key: string; provided: boolean; note?: string | undefined }[] | undefined },
): Promise<ClaimRow | undefined> {
  const limits =
    trace.eligibility === 'eligible' && trace.amount.fen !== null
      ? await applyLimits(tx, ctx, v, { enterpriseId, fiscalYear, policyId: p.id }, trace.amount.fen, trace)
      : { fen: trace.amount.fen ?? 0, adjustments: [], stacked: false };
  const needed = new Set(trace.documentsNeeded);
  const checklist = v.rule.checklist
    .filter((d) => application || needed.size === 0 || needed.has(d.key))
    .map((d) => {
      const given = application?.checklist?.find((x) => x.key === d.key);
      return { ...d, provided: given?.provided ?? false, ...(given?.note ? { note: given.note } : {}) };
    });
  const status = limits.stacked ? 'stacked' : application ? 'applied' : trace.eligibility === 'eligible' ? 'matched' : 'needs_data';
  const row = await repo.insertClaim(tx, {
    policyId: p.id,
    versionId: v.id,
    enterpriseId,
    eventId,
    eventKey,
    fiscalYear,
    status,
    eligibility: trace.eligibility,
    amountFen: limits.fen,
    trace: { ...trace, adjustments: limits.adjustments } as StoredTrace,
    checklist: status === 'needs_data' || application ? checklist : null,
    applicationNote: application?.note ?? null,
  });
  if (!row) return undefined;
  await repo.recordStep(tx, ctx, row.id, status, trace.amount.message, {
    policy: p.code,
    amountFen: limits.fen,
    eligibility: trace.eligibility,
  });
  return row;
}

/** An enterprise applies for an application-type policy (or any policy the register cannot settle). */
export async function applyFor(
  db: Db,
  ctx: RequestContext,
  enterpriseId: string,
  input: {
    policy: string;
    reference: string;
    note?: string | undefined;
    checklist?: { key: string; provided: boolean; note?: string | undefined }[] | undefined;
  },
): Promise<ClaimRow> {
  const p = await findPolicy(db, input.policy);
  const v = await activeVersion(db, p.id);
  const today = todayInZone();
  if (!v) throw new AppError(409, 'policy_not_active', { code: p.code, params: '—' });
  return db.transaction(async (tx) => {
    const u = await findOr404(unitByCode(tx, p.regionCode), `org unit ${p.regionCode}`);
    const [ent] = await enterpriseUnits(tx, [enterpriseId]);
    // A policy pays only enterprises in its owner's area.
    if (!ent || !ent.path.startsWith(u.path)) throw new AppError(409, 'claim_outside_policy', { code: p.code, unit: u.name }, 'policy');
    const trace = evaluate({
      policyCode: p.code,
      version: v.version,
      versionId: v.id,
      rule: v.rule,
      parameters: v.parameters,
      facts: await factsForEnterprise(tx, enterpriseId, u.path, today),
      date: today,
    });
    if (trace.unsetParameters.length)
      throw new AppError(409, 'policy_not_active', { code: p.code, params: trace.unsetParameters.join('、') });
    const key = `${p.code}|${enterpriseId}|application:${input.reference.trim()}`;
    const row = await createClaim(tx, ctx, p, v, enterpriseId, key, Number(today.slice(0, 4)), trace, null, {
      note: input.note,
      checklist: input.checklist,
    });
    if (!row) throw new AppError(409, 'claim_duplicate', { key: input.reference.trim() }, 'reference');
    return row;
  });
}
