import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { today } from '../../platform/clock.js';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { applications, calls, orgUnits, projectPayments, projectReports, reviews } from '../../db/schema/index.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { addDays, addMonths } from '../../../common/clock.js';
import { accountSpecs, ensureAccount, transfer } from '../ledger/index.js';
import type { CallRow } from './calls.service.js';
import { contractGate } from './notices.service.js';
import { isPanelStage, panelSnapshot, panelsOf, panelView } from './panels.service.js';
import { stageParams, stateError } from './states.js';
import { decisionBlockers, describeMisses } from '../../../common/review/decision.js';
import { blockerList, thresholdMissesOf } from './readback.service.js';

/**
 * Decisions and money: the approval list within the call's budget, the payment schedule the funding mode
 * implies (first tranche ≥ 60 % after the contract; milestones released on approved reports; a post-completion
 * subsidy after acceptance), payments through the ledger with keys derived from the project and instalment,
 * payments held while a report is overdue, at most one mid-term check and one extension of at most a year.
 */
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });

export async function decideCall(
  db: Db,
  ctx: RequestContext,
  call: CallRow,
  approvals: { applicationId: string; approvedFen: number; thresholdReason?: string | undefined }[],
  note?: string,
) {
  if (call.status === 'decided') throw new AppError(409, 'project_state', { status: call.status, action: 'decide' });
  const total = approvals.reduce((s, a) => s + a.approvedFen, 0);
  if (total > call.budgetFen) throw new AppError(409, 'project_budget', { total, budget: call.budgetFen }, 'approvals');
  return db.transaction(async (tx) => {
    const apps = await tx.select().from(applications).where(eq(applications.callId, call.id)).for('update');
    // Nothing is decided while an accepted application still waits for its score or its consensus step.
    const blockers = decisionBlockers(apps);
    if (blockers.length) throw new AppError(409, 'decision_pending', { n: blockers.length, items: blockerList(blockers) }, 'approvals');
    for (const [i, ap] of approvals.entries()) {
      const a = apps.find((x) => x.id === ap.applicationId);
      if (!a || a.status !== 'scored')
        throw new AppError(409, 'project_state', { status: a?.status ?? '—', action: 'approve' }, `approvals.${i}`);
    }
    // Funding an application below the template's thresholds takes a stated reason, kept with the decision.
    const misses = await thresholdMissesOf(
      tx,
      call,
      approvals.map((x) => x.applicationId),
    );
    const overrides: { applicationId: string; misses: string; reason: string }[] = [];
    for (const [i, ap] of approvals.entries()) {
      const missed = misses.get(ap.applicationId) ?? [];
      if (!missed.length) continue;
      const words = describeMisses(missed, call.reviewTemplate.criteria);
      const reason = ap.thresholdReason?.trim();
      if (!reason)
        throw new AppError(
          409,
          'decision_threshold',
          { title: apps.find((x) => x.id === ap.applicationId)!.title, failures: words },
          `approvals.${i}.thresholdReason`,
        );
      overrides.push({ applicationId: ap.applicationId, misses: words['zh-CN'], reason });
    }
    const start = today();
    for (const a of apps) {
      const ap = approvals.find((x) => x.applicationId === a.id);
      if (!ap) {
        if (['scored', 'consensus'].includes(a.status))
          await tx
            .update(applications)
            .set({ status: 'not_funded', decisionNote: note ?? null, updatedAt: new Date() })
            .where(eq(applications.id, a.id));
        continue;
      }
      await tx
        .update(applications)
        .set({
          status: 'approved',
          approvedFen: ap.approvedFen,
          decisionNote: noteWithOverride(note, overrides, a.id),
          updatedAt: new Date(),
        })
        .where(eq(applications.id, a.id));
      const p = call.fundingParams;
      const first = Math.round((ap.approvedFen * p.firstTranchePct) / 100);
      const schedule =
        call.fundingMode === 'post_subsidy'
          ? [{ kind: 'post_subsidy', amountFen: ap.approvedFen, condition: 'acceptance' }]
          : call.fundingMode === 'milestones'
            ? [
                { kind: 'tranche', amountFen: first, condition: 'contract' },
                { kind: 'milestone', amountFen: ap.approvedFen - first, condition: 'milestone' },
              ]
            : [
                { kind: 'advance', amountFen: first, condition: 'contract' },
                { kind: 'tranche', amountFen: ap.approvedFen - first, condition: 'acceptance' },
              ];
      const rows = schedule.filter((s) => s.amountFen > 0).map((s, k) => ({ applicationId: a.id, seq: k + 1, ...s }));
      if (rows.length) await tx.insert(projectPayments).values(rows);
      await tx
        .insert(projectReports)
        .values([
          ...(call.fundingMode === 'milestones' ? [{ applicationId: a.id, kind: 'milestone', dueOn: addDays(start, 182) }] : []),
          { applicationId: a.id, kind: 'acceptance', dueOn: addDays(start, 365) },
        ]);
    }
    await audit(tx, ctx, { action: 'decide', entity: 'call', entityId: call.id, note: { approvals, total, overrides } });
    await tx.update(calls).set({ status: 'decided' }).where(eq(calls.id, call.id));
    return { approved: approvals.length, totalFen: total };
  });
}

/** The decision note of an approved application, with the reason it was funded below the thresholds, if it was. */
function noteWithOverride(note: string | undefined, overrides: { applicationId: string; misses: string; reason: string }[], id: string) {
  const o = overrides.find((x) => x.applicationId === id);
  const parts = [note, o ? `低于评审门槛（${o.misses}）仍予立项，理由：${o.reason}` : undefined].filter(Boolean);
  return parts.length ? parts.join('\n') : null;
}

async function lockApp(tx: Db, id: string) {
  const [a] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!a) throw new AppError(404, 'not_found', { what: id });
  return a;
}

/**
 * The contract is signed — once the approval list's public notice has ended with no objection about this
 * project left open — and instalments due on the contract are released for payment.
 */
export async function signContract(db: Db, ctx: RequestContext, id: string) {
  return db.transaction(async (tx) => {
    const a = await lockApp(tx, id);
    if (a.status !== 'approved') throw stateError(a.status, 'contract', 'application');
    await contractGate(tx, a);
    await tx.update(applications).set({ status: 'contracted', updatedAt: new Date() }).where(eq(applications.id, id));
    await tx
      .update(projectPayments)
      .set({ status: 'released' })
      .where(and(eq(projectPayments.applicationId, id), eq(projectPayments.condition, 'contract')));
    await audit(tx, ctx, {
      action: 'contract',
      entity: 'application',
      entityId: id,
      before: { status: a.status },
      after: { status: 'contracted' },
    });
  });
}

export async function paymentsOf(db: Db, id: string) {
  return db.select().from(projectPayments).where(eq(projectPayments.applicationId, id)).orderBy(asc(projectPayments.seq));
}

/** A project's reports, each with its expert panel as the reader may see it (the owner never sees who). */
export async function reportsOf(db: Db, id: string, staff = false) {
  const rows = await db.select().from(projectReports).where(eq(projectReports.applicationId, id)).orderBy(asc(projectReports.dueOn));
  const [call] = await db
    .select({ c: calls })
    .from(calls)
    .innerJoin(applications, eq(applications.callId, calls.id))
    .where(eq(applications.id, id));
  const panels = call ? await panelsOf(db, call.c, rows) : new Map();
  return rows.map(({ panel: _stored, ...r }) => ({ ...r, panel: panelView({ ...r, panel: _stored }, panels.get(r.id), staff) }));
}

/**
 * Pays a released instalment from the call's budget to the project owner, through the ledger, in one
 * transaction. A repeat returns the first result; an overdue report holds the payment.
 */
export async function payInstalment(db: Db, ctx: RequestContext, paymentId: string) {
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(projectPayments).where(eq(projectPayments.id, paymentId)).for('update');
    if (!p) throw new AppError(404, 'not_found', { what: paymentId });
    if (p.status === 'paid') return { payment: p, replayed: true };
    if (p.status !== 'released' && p.status !== 'held') throw new AppError(409, 'project_state', { status: p.status, action: 'pay' });
    const overdue = await tx
      .select()
      .from(projectReports)
      .where(and(eq(projectReports.applicationId, p.applicationId), eq(projectReports.status, 'due'), lt(projectReports.dueOn, today())));
    if (overdue.length) {
      // Recorded (not rolled back with an error): the hold and its reason stay visible until the report is in.
      const [held] = await tx.update(projectPayments).set({ status: 'held' }).where(eq(projectPayments.id, p.id)).returning();
      await audit(tx, ctx, { action: 'hold', entity: 'project_payment', entityId: p.id, note: { overdue: overdue.map((r) => r.dueOn) } });
      return { payment: held!, replayed: false, heldFor: overdue.map((r) => r.dueOn) };
    }
    const a = await lockApp(tx, p.applicationId);
    const [call] = await tx.select().from(calls).where(eq(calls.id, a.callId));
    const fp = call!.fundingParams;
    const budgetCode = `call_${call!.code}`;
    const budget = await ensureAccount(tx, accountSpecs.budget(fp.fiscalYear, fp.fundSource, budgetCode));
    const payable = await ensureAccount(tx, {
      ...accountSpecs.payable(a.enterpriseId ?? a.ownerUserId, a.applicantName),
      enterpriseId: a.enterpriseId ?? undefined,
    });
    const paid = await ensureAccount(tx, accountSpecs.paid(fp.fiscalYear, fp.fundSource, budgetCode));
    const key = `project:${a.id}:${p.seq}`;
    await transfer(tx, ctx, {
      key: `${key}:grant`,
      debitAccountId: budget.id,
      creditAccountId: payable.id,
      amount: p.amountFen,
      kind: 'posted',
      reason: `${call!.code} ${a.title} #${p.seq}`,
    });
    await transfer(tx, ctx, {
      key: `${key}:payout`,
      debitAccountId: payable.id,
      creditAccountId: paid.id,
      amount: p.amountFen,
      kind: 'posted',
      reason: `${call!.code} ${a.title} #${p.seq}`,
    });
    const [row] = await tx
      .update(projectPayments)
      .set({ status: 'paid', paidAt: new Date() })
      .where(eq(projectPayments.id, p.id))
      .returning();
    await audit(tx, ctx, { action: 'pay', entity: 'project_payment', entityId: p.id, note: { amountFen: p.amountFen, application: a.id } });
    return { payment: row!, replayed: false };
  });
}

export async function submitReport(db: Db, ctx: RequestContext, reportId: string, ownerUserId: string, text: string) {
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(projectReports).where(eq(projectReports.id, reportId)).for('update');
    if (!r) throw new AppError(404, 'not_found', { what: reportId });
    const a = await lockApp(tx, r.applicationId);
    if (a.ownerUserId !== ownerUserId) throw new AppError(404, 'not_found', { what: reportId });
    if (r.status !== 'due' && r.status !== 'rejected') throw new AppError(409, 'project_state', { status: r.status, action: 'submit' });
    const [row] = await tx
      .update(projectReports)
      .set({ status: 'submitted', text, submittedAt: new Date(), decidedAt: null, panel: null })
      .where(eq(projectReports.id, reportId))
      .returning();
    // A report handed in again is judged afresh: the earlier panel's assignments are kept as history only.
    if (r.status === 'rejected')
      await tx
        .update(reviews)
        .set({ status: 'superseded', closedAt: new Date() })
        .where(and(eq(reviews.reportId, reportId), inArray(reviews.status, ['assigned', 'submitted', 'declined'])));
    await audit(tx, ctx, { action: 'submit', entity: 'project_report', entityId: reportId });
    return row!;
  });
}

/**
 * Approving a report releases what waited for it (a milestone; on acceptance, the final instalment). A mid-term
 * or acceptance report is decided with its expert panel's result: not while a drawn panel is still scoring;
 * not approved without a finished panel when the call requires one for that stage; and approved against a
 * failing panel only with a reason. The panel's outcome is stored with the decision.
 */
export async function decideReport(db: Db, ctx: RequestContext, reportId: string, approve: boolean, note?: string) {
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(projectReports).where(eq(projectReports.id, reportId)).for('update');
    if (!r) throw new AppError(404, 'not_found', { what: reportId });
    if (r.status !== 'submitted') throw stateError(r.status, approve ? 'approve' : 'reject');
    let snapshot: ReturnType<typeof panelSnapshot> | null = null;
    if (isPanelStage(r.kind)) {
      const [call] = await tx
        .select({ c: calls })
        .from(calls)
        .innerJoin(applications, eq(applications.callId, calls.id))
        .where(eq(applications.id, r.applicationId));
      const p = (await panelsOf(tx, call!.c, [r])).get(r.id)!;
      if (p.drawn && !p.finished) throw new AppError(409, 'panel_unfinished', { done: p.submitted, size: p.rule.experts });
      if (!p.drawn && approve && p.rule.required) throw new AppError(409, 'panel_required', stageParams(p.stage));
      if (approve && p.result && !p.result.passed && !note?.trim())
        throw new AppError(400, 'panel_override_note', { total: Math.round(p.result.total.value * 100) / 100 }, 'note');
      if (p.drawn) snapshot = panelSnapshot(p);
    }
    const [row] = await tx
      .update(projectReports)
      .set({ status: approve ? 'approved' : 'rejected', decidedAt: new Date(), decisionNote: note ?? null, panel: snapshot })
      .where(eq(projectReports.id, reportId))
      .returning();
    if (approve) {
      // An approved report ends a hold: what was held is payable again (if no other report is overdue).
      await tx
        .update(projectPayments)
        .set({ status: 'released' })
        .where(and(eq(projectPayments.applicationId, r.applicationId), eq(projectPayments.status, 'held')));
      const condition = r.kind === 'acceptance' ? 'acceptance' : r.kind === 'milestone' ? 'milestone' : null;
      if (condition)
        await tx
          .update(projectPayments)
          .set({ status: 'released' })
          .where(
            and(
              eq(projectPayments.applicationId, r.applicationId),
              eq(projectPayments.condition, condition),
              inArray(projectPayments.status, ['scheduled', 'held']),
            ),
          );
      if (r.kind === 'acceptance')
        await tx.update(applications).set({ status: 'completed', updatedAt: new Date() }).where(eq(applications.id, r.applicationId));
    }
    await audit(tx, ctx, {
      action: approve ? 'approve' : 'reject',
      entity: 'project_report',
      entityId: reportId,
      note: { note, ...(snapshot?.outcome ? { panel: { total: snapshot.outcome.total, passed: snapshot.outcome.passed } } : {}) },
    });
    const { panel: _panel, ...presented } = row!;
    return presented;
  });
}

/** At most one mid-term check and one extension of at most a year (the call's parameters). */
export async function scheduleMidterm(db: Db, ctx: RequestContext, id: string, dueOn: string) {
  return db.transaction(async (tx) => {
    const a = await lockApp(tx, id);
    const [call] = await tx.select().from(calls).where(eq(calls.id, a.callId));
    if (a.midtermChecks >= call!.fundingParams.maxMidtermChecks)
      throw new AppError(409, 'project_state', { status: a.status, action: 'midterm' });
    await tx
      .update(applications)
      .set({ midtermChecks: a.midtermChecks + 1 })
      .where(eq(applications.id, id));
    const [row] = await tx.insert(projectReports).values({ applicationId: id, kind: 'midterm', dueOn }).returning();
    await audit(tx, ctx, { action: 'midterm', entity: 'application', entityId: id, note: { dueOn } });
    return row!;
  });
}

export async function extend(db: Db, ctx: RequestContext, id: string, months: number) {
  return db.transaction(async (tx) => {
    const a = await lockApp(tx, id);
    const [call] = await tx.select().from(calls).where(eq(calls.id, a.callId));
    const max = call!.fundingParams.maxExtensionMonths;
    if (a.extensionMonths > 0 || months < 1 || months > max) throw new AppError(409, 'extension_limit', { max });
    const open = await tx
      .select()
      .from(projectReports)
      .where(and(eq(projectReports.applicationId, id), inArray(projectReports.status, ['due', 'rejected'])));
    for (const r of open)
      await tx
        .update(projectReports)
        .set({ dueOn: addMonths(r.dueOn, months) })
        .where(eq(projectReports.id, r.id));
    await tx.update(applications).set({ extensionMonths: months }).where(eq(applications.id, id));
    await audit(tx, ctx, { action: 'extend', entity: 'application', entityId: id, note: { months } });
  });
}

/** The decision letter (立项通知书 or 未立项通知) as a Word document. */
export async function decisionLetter(db: Db, id: string): Promise<Buffer> {
  const [a] = await db.select().from(applications).where(eq(applications.id, id));
  if (!a) throw new AppError(404, 'not_found', { what: id });
  const [call] = await db.select().from(calls).where(eq(calls.id, a.callId));
  const approved = a.status !== 'not_funded' && a.approvedFen !== null;
  if (!approved && a.status !== 'not_funded') throw new AppError(409, 'project_state', { status: a.status, action: 'letter' });
  const p = (text: string, bold = false) =>
    new Paragraph({ children: [new TextRun({ text, bold, size: 28, font: 'SimSun' })], spacing: { after: 200 } });
  const pays = approved ? await paymentsOf(db, id) : [];
  const [region] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, call!.regionCode));
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun({ text: approved ? '项目立项通知书' : '项目评审结果通知', bold: true, size: 36, font: 'SimHei' })],
          }),
          p(`${a.applicantName}：`),
          p(
            `你单位申报的“${a.title}”（${call!.title}，${call!.code}）经形式审查、专家评审${a.score !== null ? `（综合得分 ${a.score.toFixed(2)}，排名第 ${a.rank ?? '—'} 位）` : ''}，`,
          ),
          approved
            ? p(
                `现予立项，资助经费 ${yuan(a.approvedFen!)} 元。拨付安排：${pays.map((x) => `第 ${x.seq} 笔 ${yuan(x.amountFen)} 元（${x.condition === 'contract' ? '合同签订后' : x.condition === 'milestone' ? '里程碑报告审核通过后' : '验收通过后'}）`).join('；')}。`,
              )
            : p('经研究，本次未予立项。感谢你单位的参与。'),
          ...(a.decisionNote ? [p(`说明：${a.decisionNote}`)] : []),
          p(`${region?.name ?? ''}科学技术局`),
          p(today()),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
