import type { ObjectionResolution } from '../../../common/values/policies.js';
import type { Access } from '../../platform/access.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404, notFound } from '../../platform/errors.js';
import * as repo from './claims.repo.js';
import type { ClaimRow } from './claims.repo.js';
import { listClaims, lockClaim, refuse, rejectIn, withEditor } from './claims.service.js';
import { enterpriseUnits } from './policies.repo.js';

/**
 * 公示 and 异议: reviewed claims go on a public notice between two dates; anyone may object while it runs; an
 * upheld objection rejects the claim it names.
 */

/** The units a claim belongs to (its enterprise's and its policy owner's), with the policy owner's code. */
async function claimUnits(tx: Db, c: ClaimRow) {
  const policy = await findOr404(repo.policyUnit(tx, c.policyId), `policy ${c.policyId}`);
  const [e] = await enterpriseUnits(tx, [c.enterpriseId]);
  if (!e) throw notFound(`enterprise ${c.enterpriseId}`);
  return { policy, enterprise: { path: e.path, name: e.unitName } };
}

/**
 * 公示: reviewed claims go on a public notice between two dates. The notice belongs to the claims' policy owner
 * (one unit a notice); the caller must be able to act on every claim it lists (`access`), and whoever puts a
 * claim on notice is one of those who changed it (four eyes above the threshold).
 */
export async function createNotice(
  db: Db,
  ctx: RequestContext,
  input: { title: string; startsOn: string; endsOn: string; claimIds: string[] },
  access?: Access,
) {
  if (input.endsOn < input.startsOn) throw new AppError(400, 'notice_dates', {}, 'endsOn');
  return db.transaction(async (tx) => {
    const locked: ClaimRow[] = [];
    const owners = new Map<string, string>();
    for (const id of [...new Set(input.claimIds)].sort()) {
      const c = await lockClaim(tx, id);
      const units = await claimUnits(tx, c);
      if (access) {
        access.assert('write', units.enterprise.path, units.enterprise.name);
        access.assert('write', units.policy.path, units.policy.name);
      }
      if (c.status !== 'reviewed') throw refuse(c, 'notice');
      owners.set(units.policy.code, units.policy.name);
      locked.push(c);
    }
    if (owners.size > 1) throw new AppError(400, 'notice_mixed_units', { units: [...owners.values()].join('、') }, 'claimIds');
    const n = await findOr404(
      repo.insertNotice(tx, {
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        orgUnitCode: [...owners.keys()][0] ?? null,
        createdBy: ctx.userId,
      }),
      'notice',
    );
    for (const c of locked) {
      await repo.updateClaim(tx, c.id, {
        status: 'in_notice',
        noticeId: n.id,
        editors: withEditor(c.editors, ctx.userId),
        updatedAt: new Date(),
      });
      await repo.recordStep(tx, ctx, c.id, 'in_notice', `${input.startsOn} – ${input.endsOn}`);
    }
    await audit(tx, ctx, { action: 'create', entity: 'notice', entityId: n.id, after: { ...input } });
    return n;
  });
}

export async function addObjection(
  db: Db,
  ctx: RequestContext,
  noticeId: string,
  input: { claimId?: string | undefined; text: string; contact?: string | undefined },
  today: string,
) {
  return db.transaction(async (tx) => {
    const n = await findOr404(repo.noticeById(tx, noticeId), noticeId);
    if (today < n.startsOn || today > n.endsOn) throw new AppError(409, 'claim_notice_open', { endsOn: n.endsOn });
    if (input.claimId) {
      const [c] = await repo.claimNotice(tx, input.claimId);
      if (!c || c.noticeId !== noticeId) throw new AppError(400, 'not_found', { what: input.claimId }, 'claimId');
    }
    const o = await findOr404(
      repo.insertObjection(tx, { noticeId, claimId: input.claimId ?? null, text: input.text, contact: input.contact ?? null }),
      'objection',
    );
    await audit(tx, ctx, { action: 'create', entity: 'objection', entityId: o.id, after: { noticeId, claimId: input.claimId } });
    return o;
  });
}

/** An upheld objection rejects the claim it names; a dismissed one lets it go on. */
export async function resolveObjection(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { status: ObjectionResolution; resolution: string },
) {
  return db.transaction(async (tx) => {
    const o = await findOr404(repo.objectionForUpdate(tx, id), id);
    if (o.status !== 'open') throw new AppError(409, 'claim_state', { status: o.status, action: 'resolve' });
    const row = await findOr404(
      repo.updateObjection(tx, id, { status: input.status, resolution: input.resolution, resolvedBy: ctx.userId, resolvedAt: new Date() }),
      id,
    );
    await audit(tx, ctx, { action: 'resolve', entity: 'objection', entityId: id, after: input });
    if (input.status === 'upheld' && o.claimId)
      await rejectIn(tx, ctx, o.claimId, input.resolution, { code: 'objection_upheld', params: { resolution: input.resolution } });
    else if (o.claimId) {
      // Dismissing an objection about a claim is a decision on it: the resolver is one of its editors.
      const c = await lockClaim(tx, o.claimId);
      if (ctx.userId && !c.editors.includes(ctx.userId)) await repo.updateClaim(tx, c.id, { editors: withEditor(c.editors, ctx.userId) });
    }
    return row;
  });
}

export async function noticeWithClaims(db: Db, id: string) {
  const n = await findOr404(repo.noticeById(db, id), id);
  const items = await listClaims(db, { noticeId: id });
  const objs = await repo.objectionsOf(db, id);
  return { notice: n, items, objections: objs };
}

/** Notices, newest first; `scopes`: only those of the reader's subtree (none given: all, as the public list). */
export const listNotices = (db: Db, scopes?: readonly string[]) => repo.selectNotices(db, scopes);
