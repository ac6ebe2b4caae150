import type { z } from 'zod';
import type { noticeInput, projectObjectionInput, resolveProjectObjection } from '../../../common/contracts/panels.js';
import { fundingParams } from '../../../common/contracts/projects.js';
import type { Locale } from '../../../common/enums.js';
import { translate } from '../../../common/messages/format.js';
import { NOTICE_LABELS } from '../../../common/messages/review.js';
import { addDays } from '../../../common/registry/index.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { ApplicationRow, CallRow } from './calls.repo.js';
import * as repo from './notices.repo.js';
import type { NoticeRow } from './notices.repo.js';
import { stateError } from './states.js';

/**
 * 公示 of a call's approval list: after the decision the bureau publishes the approved projects (applicant,
 * amount, score and rank) between two dates on a public page; anyone may object while it runs, the bureau records
 * objections it receives otherwise and resolves each (upheld withdraws the project's approval). A contract is
 * signed only after the notice has ended, with no objection about the project (or about the whole list) open.
 */
export { noticeOfCall, type NoticeRow, type ObjectionRow } from './notices.repo.js';

export const noticeIsOpen = (n: Pick<NoticeRow, 'startsOn' | 'endsOn'>, on = today()) => on >= n.startsOn && on <= n.endsOn;

/** The approval list as published: highest score first. */
export async function noticeItems(db: Db, callId: string) {
  const rows = await repo.listedApplications(db, callId);
  return rows.map((a) => ({
    applicationId: a.id,
    title: a.title,
    applicant: a.applicantName,
    approvedFen: a.approvedFen ?? 0,
    score: a.score === null ? null : Math.round(a.score * 100) / 100,
    rank: a.rank,
  }));
}

/**
 * Publishes the call's approval list. Without a title the notice is called after the call, in the publisher's
 * language (`locale`: a dictionary entry, NOTICE_LABELS), as the web's form proposes it.
 */
export async function publishNotice(db: Db, ctx: RequestContext, call: CallRow, input: z.infer<typeof noticeInput>, locale: Locale) {
  if (call.status !== 'decided') throw stateError(call.status, 'notice');
  const now = today();
  if (input.startsOn < now) throw new AppError(400, 'notice_start_past', { today: now }, 'startsOn');
  if (input.endsOn < input.startsOn) throw new AppError(400, 'notice_dates', {}, 'endsOn');
  const days = fundingParams.shape.noticeMinDays.parse(call.fundingParams.noticeMinDays);
  const min = addDays(input.startsOn, days - 1);
  if (input.endsOn < min) throw new AppError(400, 'notice_too_short', { days, from: input.startsOn, min }, 'endsOn');
  if ((await noticeItems(db, call.id)).length === 0) throw new AppError(409, 'notice_empty');
  return db.transaction(async (tx) => {
    const row = await repo.insertNotice(tx, {
      callId: call.id,
      title: input.title ?? translate(NOTICE_LABELS, 'default_title', locale, { callTitle: call.title }),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      createdBy: ctx.userId,
    });
    if (!row) throw new AppError(409, 'notice_exists');
    await audit(tx, ctx, {
      action: 'publish',
      entity: 'project_notice',
      entityId: row.id,
      after: { callId: call.id, title: row.title, startsOn: row.startsOn, endsOn: row.endsOn },
    });
    return row;
  });
}

/** The bureau's view of a call's notice: the list, and every objection with its contact and resolution. */
export async function noticeForBureau(db: Db, callId: string) {
  const n = await repo.noticeOfCall(db, callId);
  if (!n) return null;
  const objections = await repo.objectionsOf(db, n.id);
  return { ...n, open: noticeIsOpen(n), ended: today() > n.endsOn, items: await noticeItems(db, callId), objections };
}

/** The public page: the list and how many objections came in; never contacts or objection texts. */
export async function publicNotice(db: Db, id: string) {
  const n = await repo.findNotice(db, id);
  const call = await repo.callTitleOf(db, n.callId);
  return {
    id: n.id,
    title: n.title,
    callTitle: call.title,
    callCode: call.code,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    open: noticeIsOpen(n),
    items: await noticeItems(db, n.callId),
    objections: await repo.objectionCount(db, n.id),
  };
}

export async function publicNotices(db: Db) {
  const rows = await repo.allNotices(db);
  return rows.map((n) => ({ id: n.id, title: n.title, startsOn: n.startsOn, endsOn: n.endsOn, open: noticeIsOpen(n) }));
}

/**
 * An objection: from the public while the notice runs; the bureau may record one it received (by letter or
 * phone) at any time after publication. It may name a project of the list, or none (the whole list).
 */
export async function addObjection(
  db: Db,
  ctx: RequestContext,
  noticeId: string,
  input: z.infer<typeof projectObjectionInput>,
  source: 'public' | 'bureau',
) {
  const n = await repo.findNotice(db, noticeId);
  if (source === 'public' && !noticeIsOpen(n)) throw new AppError(409, 'notice_not_open', { from: n.startsOn, to: n.endsOn });
  if (input.applicationId && !(await noticeItems(db, n.callId)).some((x) => x.applicationId === input.applicationId))
    throw new AppError(400, 'notice_not_listed', {}, 'applicationId');
  return db.transaction(async (tx) => {
    const row = await repo.insertObjection(tx, {
      noticeId: n.id,
      applicationId: input.applicationId ?? null,
      text: input.text,
      contact: input.contact ?? null,
      source,
      createdBy: source === 'bureau' ? ctx.userId : null,
    });
    await audit(tx, ctx, {
      action: 'object',
      entity: 'project_notice',
      entityId: n.id,
      note: { objectionId: row.id, applicationId: input.applicationId ?? null, source },
    });
    return row;
  });
}

/**
 * Resolves an objection. Upheld about a project not yet under contract withdraws its approval: the project is
 * not funded after all, and its unpaid schedule and reports go (nothing was released before the contract).
 */
export async function resolveObjection(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof resolveProjectObjection>) {
  return db.transaction(async (tx) => {
    const o = await repo.lockObjection(tx, id);
    if (o.status !== 'open') throw stateError(o.status, 'resolve', 'objection');
    const row = await repo.updateObjection(tx, id, {
      status: input.status,
      resolution: input.resolution,
      resolvedBy: ctx.userId,
      resolvedAt: new Date(),
    });
    let withdrawn = false;
    if (input.status === 'upheld' && o.applicationId) {
      const a = await repo.lockApplicationIfAny(tx, o.applicationId);
      if (a?.status === 'approved') {
        await repo.withdrawApproval(tx, a.id, input.resolution);
        withdrawn = true;
        await audit(tx, ctx, {
          action: 'withdraw_approval',
          entity: 'application',
          entityId: a.id,
          before: { status: a.status, approvedFen: a.approvedFen },
          after: { status: 'not_funded', approvedFen: null },
          note: { objectionId: id },
        });
      }
    }
    await audit(tx, ctx, {
      action: 'resolve',
      entity: 'project_objection',
      entityId: id,
      before: { status: o.status },
      after: { status: input.status, resolution: input.resolution },
    });
    return { ...row, withdrawn };
  });
}

/** The contract waits for the notice's end, and for every objection about the project or the whole list. */
export async function contractGate(tx: Db, a: ApplicationRow): Promise<void> {
  const n = await repo.noticeOfCall(tx, a.callId);
  if (!n) throw new AppError(409, 'notice_missing');
  if (today() <= n.endsOn) throw new AppError(409, 'notice_running', { endsOn: n.endsOn });
  const open = await repo.openObjectionsAbout(tx, n.id, a.id);
  if (open) throw new AppError(409, 'notice_objection_open', { n: open });
}
