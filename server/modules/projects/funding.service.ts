import { addDays, addMonths } from '../../../common/clock.js';
import { decisionBlockers, missItems, type ThresholdMiss } from '../../../common/review/decision.js';
import type { FundingMode, PaymentCondition, PaymentKind } from '../../../common/values/projects.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { accountSpecs, ensureAccount, transfer } from '../ledger/index.js';
import type { ApplicationRow, CallRow } from './calls.repo.js';
import * as repo from './funding.repo.js';
import { contractGate } from './notices.service.js';
import { isPanelStage, panelSnapshot, panelsOf, panelView } from './panels.service.js';
import { blockerItems, thresholdMissesOf } from './readback.service.js';
import { stageParams, stateError } from './states.js';

export { decisionLetter } from './letters.js';

/**
 * Decisions and money: the approval list within the call's budget, the payment schedule the funding mode
 * implies (first tranche ≥ 60 % after the contract; milestones released on approved reports; a post-completion
 * subsidy after acceptance), payments through the ledger with keys derived from the project and instalment,
 * payments held while a report is overdue, at most one mid-term check and one extension of at most a year.
 * The queries are in funding.repo.ts, the decision letter in letters.ts.
 */
type Approval = { applicationId: string; approvedFen: number; thresholdReason?: string | undefined };
/** An approval below the thresholds: what it missed and the reason stated, stored as data (decision_override). */
type Override = { applicationId: string; misses: ThresholdMiss[]; reason: string };

/** The instalments an approval implies under the call's funding mode (those of no amount left out). */
export function paymentSchedule(
  mode: FundingMode,
  approvedFen: number,
  firstTranchePct: number,
): { kind: PaymentKind; amountFen: number; condition: PaymentCondition }[] {
  const first = Math.round((approvedFen * firstTranchePct) / 100);
  const schedule: { kind: PaymentKind; amountFen: number; condition: PaymentCondition }[] =
    mode === 'post_subsidy'
      ? [{ kind: 'post_subsidy', amountFen: approvedFen, condition: 'acceptance' }]
      : mode === 'milestones'
        ? [
            { kind: 'tranche', amountFen: first, condition: 'contract' },
            { kind: 'milestone', amountFen: approvedFen - first, condition: 'milestone' },
          ]
        : [
            { kind: 'advance', amountFen: first, condition: 'contract' },
            { kind: 'tranche', amountFen: approvedFen - first, condition: 'acceptance' },
          ];
  return schedule.filter((s) => s.amountFen > 0);
}

/** Every approval names a scored application; nothing is decided while one still waits for its score or consensus. */
function checkApprovals(apps: ApplicationRow[], approvals: Approval[]): void {
  const blockers = decisionBlockers(apps);
  if (blockers.length) throw new AppError(409, 'decision_pending', { n: blockers.length, items: blockerItems(blockers) }, 'approvals');
  for (const [i, ap] of approvals.entries()) {
    const a = apps.find((x) => x.id === ap.applicationId);
    if (!a || a.status !== 'scored')
      throw new AppError(409, 'project_state', { status: a?.status ?? '—', action: 'approve' }, `approvals.${i}`);
  }
}

/** Funding an application below the template's thresholds takes a stated reason, kept with the decision. */
async function thresholdOverrides(tx: Db, call: CallRow, apps: ApplicationRow[], approvals: Approval[]): Promise<Override[]> {
  const misses = await thresholdMissesOf(
    tx,
    call,
    approvals.map((x) => x.applicationId),
  );
  const overrides: Override[] = [];
  for (const [i, ap] of approvals.entries()) {
    const missed = misses.get(ap.applicationId) ?? [];
    if (!missed.length) continue;
    const reason = ap.thresholdReason?.trim();
    const title = apps.find((x) => x.id === ap.applicationId)?.title ?? ap.applicationId;
    const failures = missItems(missed, call.reviewTemplate.criteria);
    if (!reason) throw new AppError(409, 'decision_threshold', { title, failures }, `approvals.${i}.thresholdReason`);
    overrides.push({ applicationId: ap.applicationId, misses: missed, reason });
  }
  return overrides;
}

export async function decideCall(db: Db, ctx: RequestContext, call: CallRow, approvals: Approval[], note?: string) {
  if (call.status === 'decided') throw new AppError(409, 'project_state', { status: call.status, action: 'decide' });
  const total = approvals.reduce((s, a) => s + a.approvedFen, 0);
  if (total > call.budgetFen) throw new AppError(409, 'project_budget', { total, budget: call.budgetFen }, 'approvals');
  return db.transaction(async (tx) => {
    const apps = await repo.lockApplicationsOfCall(tx, call.id);
    checkApprovals(apps, approvals);
    const overrides = await thresholdOverrides(tx, call, apps, approvals);
    const start = today();
    for (const a of apps) {
      const ap = approvals.find((x) => x.applicationId === a.id);
      if (!ap) {
        if (a.status === 'scored' || a.status === 'consensus')
          await repo.setApplication(tx, a.id, { status: 'not_funded', decisionNote: note ?? null, updatedAt: new Date() });
        continue;
      }
      const override = overrides.find((x) => x.applicationId === a.id);
      await repo.setApplication(tx, a.id, {
        status: 'approved',
        approvedFen: ap.approvedFen,
        decisionNote: note ?? null,
        decisionOverride: override ? { misses: override.misses, reason: override.reason } : null,
        updatedAt: new Date(),
      });
      const schedule = paymentSchedule(call.fundingMode, ap.approvedFen, call.fundingParams.firstTranchePct);
      await repo.insertPayments(
        tx,
        schedule.map((s, k) => ({ applicationId: a.id, seq: k + 1, ...s })),
      );
      await repo.insertReports(tx, [
        ...(call.fundingMode === 'milestones' ? [{ applicationId: a.id, kind: 'milestone' as const, dueOn: addDays(start, 182) }] : []),
        { applicationId: a.id, kind: 'acceptance', dueOn: addDays(start, 365) },
      ]);
    }
    await audit(tx, ctx, { action: 'decide', entity: 'call', entityId: call.id, note: { approvals, total, overrides } });
    await repo.markCallDecided(tx, call.id);
    return { approved: approvals.length, totalFen: total };
  });
}

/**
 * The contract is signed — once the approval list's public notice has ended with no objection about this
 * project left open — and instalments due on the contract are released for payment.
 */
export async function signContract(db: Db, ctx: RequestContext, id: string) {
  return db.transaction(async (tx) => {
    const a = await repo.lockApplication(tx, id);
    if (a.status !== 'approved') throw stateError(a.status, 'contract', 'application');
    await contractGate(tx, a);
    await repo.setApplication(tx, id, { status: 'contracted', updatedAt: new Date() });
    await repo.releasePayments(tx, id, { condition: 'contract' });
    await audit(tx, ctx, {
      action: 'contract',
      entity: 'application',
      entityId: id,
      before: { status: a.status },
      after: { status: 'contracted' },
    });
  });
}

export const paymentsOf = (db: Db, id: string) => repo.paymentsOf(db, id);

/** A project's reports, each with its expert panel as the reader may see it (the owner never sees who). */
export async function reportsOf(db: Db, id: string, staff = false) {
  const rows = await repo.reportsOf(db, id);
  const call = await repo.callOfApplication(db, id);
  const panels = await panelsOf(db, call, rows);
  return rows.map(({ panel: _stored, ...r }) => ({ ...r, panel: panelView({ ...r, panel: _stored }, panels.get(r.id), staff) }));
}

/** Books an instalment through the ledger: the call's budget to the owner's payable, then paid out. */
async function bookPayment(tx: Db, ctx: RequestContext, a: ApplicationRow, p: repo.PaymentRow): Promise<void> {
  const call = await repo.findCall(tx, a.callId);
  const fp = call.fundingParams;
  const budgetCode = `call_${call.code}`;
  const budget = await ensureAccount(tx, accountSpecs.budget(fp.fiscalYear, fp.fundSource, budgetCode));
  const payable = await ensureAccount(tx, {
    ...accountSpecs.payable(a.enterpriseId ?? a.ownerUserId, a.applicantName),
    enterpriseId: a.enterpriseId ?? undefined,
  });
  const paid = await ensureAccount(tx, accountSpecs.paid(fp.fiscalYear, fp.fundSource, budgetCode));
  const key = `project:${a.id}:${p.seq}`;
  const reason = `${call.code} ${a.title} #${p.seq}`;
  await transfer(tx, ctx, {
    key: `${key}:grant`,
    debitAccountId: budget.id,
    creditAccountId: payable.id,
    amount: p.amountFen,
    kind: 'posted',
    reason,
  });
  await transfer(tx, ctx, {
    key: `${key}:payout`,
    debitAccountId: payable.id,
    creditAccountId: paid.id,
    amount: p.amountFen,
    kind: 'posted',
    reason,
  });
}

/**
 * Pays a released instalment from the call's budget to the project owner, through the ledger, in one
 * transaction. A repeat returns the first result; an overdue report holds the payment.
 */
export async function payInstalment(db: Db, ctx: RequestContext, paymentId: string) {
  return db.transaction(async (tx) => {
    const p = await repo.lockPayment(tx, paymentId);
    if (p.status === 'paid') return { payment: p, replayed: true };
    if (p.status !== 'released' && p.status !== 'held') throw new AppError(409, 'project_state', { status: p.status, action: 'pay' });
    const overdue = await repo.overdueReports(tx, p.applicationId, today());
    if (overdue.length) {
      // Recorded (not rolled back with an error): the hold and its reason stay visible until the report is in.
      const held = await repo.setPayment(tx, p.id, { status: 'held' });
      await audit(tx, ctx, { action: 'hold', entity: 'project_payment', entityId: p.id, note: { overdue: overdue.map((r) => r.dueOn) } });
      return { payment: held, replayed: false, heldFor: overdue.map((r) => r.dueOn) };
    }
    const a = await repo.lockApplication(tx, p.applicationId);
    await bookPayment(tx, ctx, a, p);
    const row = await repo.setPayment(tx, p.id, { status: 'paid', paidAt: new Date() });
    await audit(tx, ctx, { action: 'pay', entity: 'project_payment', entityId: p.id, note: { amountFen: p.amountFen, application: a.id } });
    return { payment: row, replayed: false };
  });
}

export async function submitReport(db: Db, ctx: RequestContext, reportId: string, ownerUserId: string, text: string) {
  return db.transaction(async (tx) => {
    const r = await repo.lockReport(tx, reportId);
    const a = await repo.lockApplication(tx, r.applicationId);
    if (a.ownerUserId !== ownerUserId) throw new AppError(404, 'not_found', { what: reportId });
    if (r.status !== 'due' && r.status !== 'rejected') throw new AppError(409, 'project_state', { status: r.status, action: 'submit' });
    const row = await repo.setReport(tx, reportId, { status: 'submitted', text, submittedAt: new Date(), decidedAt: null, panel: null });
    // A report handed in again is judged afresh: the earlier panel's assignments are kept as history only.
    if (r.status === 'rejected') await repo.supersedeReviewsOfReport(tx, reportId);
    await audit(tx, ctx, { action: 'submit', entity: 'project_report', entityId: reportId });
    return row;
  });
}

/** The panel's verdict on a mid-term or acceptance report, checked against the decision; its snapshot if drawn. */
async function panelOfDecision(tx: Db, r: repo.ReportRow, approve: boolean, note?: string) {
  if (!isPanelStage(r.kind)) return null;
  const call = await repo.callOfApplication(tx, r.applicationId);
  const p = (await panelsOf(tx, call, [r])).get(r.id);
  if (!p) return null;
  if (p.drawn && !p.finished) throw new AppError(409, 'panel_unfinished', { done: p.submitted, size: p.rule.experts });
  if (!p.drawn && approve && p.rule.required) throw new AppError(409, 'panel_required', stageParams(p.stage));
  if (approve && p.result && !p.result.passed && !note?.trim())
    throw new AppError(400, 'panel_override_note', { total: Math.round(p.result.total.value * 100) / 100 }, 'note');
  return p.drawn ? panelSnapshot(p) : null;
}

/**
 * Approving a report releases what waited for it (a milestone; on acceptance, the final instalment). A mid-term
 * or acceptance report is decided with its expert panel's result: not while a drawn panel is still scoring;
 * not approved without a finished panel when the call requires one for that stage; and approved against a
 * failing panel only with a reason. The panel's outcome is stored with the decision.
 */
export async function decideReport(db: Db, ctx: RequestContext, reportId: string, approve: boolean, note?: string) {
  return db.transaction(async (tx) => {
    const r = await repo.lockReport(tx, reportId);
    if (r.status !== 'submitted') throw stateError(r.status, approve ? 'approve' : 'reject');
    const snapshot = await panelOfDecision(tx, r, approve, note);
    const row = await repo.setReport(tx, reportId, {
      status: approve ? 'approved' : 'rejected',
      decidedAt: new Date(),
      decisionNote: note ?? null,
      panel: snapshot,
    });
    if (approve) {
      // An approved report ends a hold: what was held is payable again (if no other report is overdue).
      await repo.releasePayments(tx, r.applicationId, { from: ['held'] });
      const condition = r.kind === 'acceptance' ? 'acceptance' : r.kind === 'milestone' ? 'milestone' : null;
      if (condition) await repo.releasePayments(tx, r.applicationId, { condition, from: ['scheduled', 'held'] });
      if (r.kind === 'acceptance') await repo.setApplication(tx, r.applicationId, { status: 'completed', updatedAt: new Date() });
    }
    await audit(tx, ctx, {
      action: approve ? 'approve' : 'reject',
      entity: 'project_report',
      entityId: reportId,
      note: { note, ...(snapshot?.outcome ? { panel: { total: snapshot.outcome.total, passed: snapshot.outcome.passed } } : {}) },
    });
    const { panel: _panel, ...presented } = row;
    return presented;
  });
}

/** At most one mid-term check and one extension of at most a year (the call's parameters). */
export async function scheduleMidterm(db: Db, ctx: RequestContext, id: string, dueOn: string) {
  return db.transaction(async (tx) => {
    const a = await repo.lockApplication(tx, id);
    const call = await repo.findCall(tx, a.callId);
    if (a.midtermChecks >= call.fundingParams.maxMidtermChecks)
      throw new AppError(409, 'project_state', { status: a.status, action: 'midterm' });
    await repo.setApplication(tx, id, { midtermChecks: a.midtermChecks + 1 });
    const row = await repo.insertReport(tx, { applicationId: id, kind: 'midterm', dueOn });
    await audit(tx, ctx, { action: 'midterm', entity: 'application', entityId: id, note: { dueOn } });
    return row;
  });
}

export async function extend(db: Db, ctx: RequestContext, id: string, months: number) {
  return db.transaction(async (tx) => {
    const a = await repo.lockApplication(tx, id);
    const call = await repo.findCall(tx, a.callId);
    const max = call.fundingParams.maxExtensionMonths;
    if (a.extensionMonths > 0 || months < 1 || months > max) throw new AppError(409, 'extension_limit', { max });
    for (const r of await repo.openReports(tx, id)) await repo.setReport(tx, r.id, { dueOn: addMonths(r.dueOn, months) });
    await repo.setApplication(tx, id, { extensionMonths: months });
    await audit(tx, ctx, { action: 'extend', entity: 'application', entityId: id, note: { months } });
  });
}
