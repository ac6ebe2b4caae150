import type { PanelRule } from '../../../common/contracts/projects.js';
import { aggregateApplication, recordPolicy, type ApplicationResult, type RecordedPolicy } from '../../../common/review/index.js';
import { policyOfTemplate } from '../../../common/review/decision.js';
import { PANEL_STAGES, type PanelStage } from '../../../common/values/review.js';
import type { ReviewStatus } from '../../../common/values/projects.js';
import type { projectReports } from '../../db/schema/projects.js';
import type { Db } from '../../platform/db.js';
import type { CallRow } from './calls.service.js';
import { isLive, panelRulesOf } from './draws.problem.js';
import { panelMembers } from './panels.repo.js';

/**
 * The expert panel of a mid-term or acceptance report: who is on it (for the bureau), how far it got, and once
 * every member has scored, its aggregation under the call's recorded policy — pass or fail against the review
 * template's thresholds. The bureau decides the report with this in front of it.
 */
export type ReportRow = typeof projectReports.$inferSelect;
export type { PanelStage };

export interface PanelState {
  stage: PanelStage;
  rule: PanelRule;
  /** Any assignment ever made for this report (live or declined). */
  drawn: boolean;
  members: { reviewId: string; expertId: string; expertName: string; status: ReviewStatus; total: number | null; reason: string | null }[];
  submitted: number;
  open: number;
  finished: boolean;
  policy: RecordedPolicy;
  result: ApplicationResult | null;
}

export const isPanelStage = (kind: string): kind is PanelStage => (PANEL_STAGES as readonly string[]).includes(kind);

/** Panel states of some reports (milestone reports have none). */
export async function panelsOf(db: Db, call: CallRow, reports: readonly ReportRow[]): Promise<Map<string, PanelState>> {
  const out = new Map<string, PanelState>();
  const judged = reports.filter((r) => isPanelStage(r.kind));
  if (judged.length === 0) return out;
  const rows = await panelMembers(
    db,
    judged.map((r) => r.id),
  );
  const policy = recordPolicy(policyOfTemplate(call.reviewTemplate));
  const rules = panelRulesOf(call);
  for (const rep of judged) {
    const stage = rep.kind as PanelStage;
    const mine = rows.filter((x) => x.r.reportId === rep.id);
    const live = mine.filter((x) => isLive(x.r.status));
    const done = live.filter((x) => x.r.status === 'submitted');
    const rule = rules[stage];
    const finished = done.length >= rule.experts && live.length === done.length;
    out.set(rep.id, {
      stage,
      rule,
      drawn: mine.length > 0,
      members: mine.map((x) => ({
        reviewId: x.r.id,
        expertId: x.r.expertId,
        expertName: x.name,
        status: x.r.status,
        total: x.r.total,
        reason: x.r.reason,
      })),
      submitted: done.length,
      open: live.length - done.length,
      finished,
      policy,
      result: finished
        ? aggregateApplication(policy, {
            applicationId: rep.applicationId,
            sheets: done.map((x) => ({ expertId: x.r.expertId, scores: x.r.scores ?? {} })),
          })
        : null,
    });
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** What the panel concluded, without anyone's identity: the applicant may read this once the report is decided. */
export function panelOutcome(result: ApplicationResult) {
  return {
    total: round2(result.total.value),
    method: result.total.applied,
    experts: result.experts,
    passed: result.passed,
    failures: result.failures,
    spread: round2(result.spread.range),
    highSpread: result.highSpread,
    criteria: result.criteria.map((c) => ({ key: c.criterionId, value: round2(c.value), threshold: c.threshold, passed: c.passed })),
  };
}

/** The snapshot stored with a decided report: the policy and the outcome as the bureau saw them. */
export function panelSnapshot(p: PanelState) {
  return {
    stage: p.stage,
    rule: p.rule,
    policy: p.policy,
    submitted: p.submitted,
    outcome: p.result ? panelOutcome(p.result) : null,
    expertTotals: p.result?.expertTotals ?? [],
  };
}

/**
 * The panel as a reader may see it. The bureau: members with names and statuses, progress and the outcome. The
 * project's owner: progress only, and the outcome once the report is decided; never who sits on the panel.
 */
export function panelView(rep: ReportRow, p: PanelState | undefined, staff: boolean) {
  if (!p) return null;
  const stored = (rep.panel ?? null) as { outcome?: ReturnType<typeof panelOutcome> | null } | null;
  const base = {
    stage: p.stage,
    required: p.rule.required,
    size: p.rule.experts,
    drawn: p.drawn,
    submitted: p.submitted,
    open: p.open,
    finished: p.finished,
  };
  if (!staff) return { ...base, outcome: rep.decidedAt ? (stored?.outcome ?? null) : null };
  return {
    ...base,
    outcome: p.result ? panelOutcome(p.result) : (stored?.outcome ?? null),
    members: p.members.map((m) => ({ ...m, total: m.total === null ? null : round2(m.total) })),
  };
}
