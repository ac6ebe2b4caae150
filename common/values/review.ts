/**
 * The value lists of expert review: stages, draws, assignments, aggregation and consensus, written once — the
 * database checks, the contracts (common/contracts/panels.ts, project-readback.ts), the services and the web's
 * labels read them from here. Zod-free, so the web imports it directly. Review (assignment) statuses are listed
 * with the other project statuses (common/values/projects.ts REVIEW_STATUSES).
 */
import type { ReviewStatus } from './projects.js';

/** The stages an expert is drawn for: the application review, the mid-term check, acceptance. */
export const REVIEW_STAGES = ['review', 'midterm', 'acceptance'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
/** The stages judged by a panel (of a report). */
export const PANEL_STAGES = ['midterm', 'acceptance'] as const;
export type PanelStage = (typeof PANEL_STAGES)[number];

/** A draw record: a draw, a swap of one place, a redraw of the open places. */
export const DRAW_KINDS = ['draw', 'swap', 'redraw'] as const;
export type DrawKind = (typeof DRAW_KINDS)[number];

/** An assignment that still counts — a place taken: to be scored, or scored (an expert keeps what it judged). */
export const LIVE_REVIEW_STATUSES = ['assigned', 'submitted'] as const satisfies readonly ReviewStatus[];
export type LiveReviewStatus = (typeof LIVE_REVIEW_STATUSES)[number];

/** How a recorded policy takes the central value of the experts' scores. */
export const AGGREGATION_METHODS = ['mean', 'median', 'trimmed-mean'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

/**
 * Why a central value is not what was asked for, as a code the web words: a trimmed mean with too few experts
 * fell back to the mean (`trim_too_few`), or the highest and lowest values were dropped (`trim_dropped`).
 */
export const CENTRAL_VALUE_NOTES = ['trim_too_few', 'trim_dropped'] as const;
export type CentralValueNote = (typeof CENTRAL_VALUE_NOTES)[number];

/**
 * A threshold an application missed, as a code the web words with its parameters: a criterion's
 * (`miss_criterion`: its key, the aggregated value, the threshold) or the total's (`miss_total`). Report
 * snapshots stored before #13 hold a sentence 「中文 / English」 instead, shown as it was.
 */
export const THRESHOLD_FAILURES = ['miss_criterion', 'miss_total'] as const;
export type ThresholdFailureCode = (typeof THRESHOLD_FAILURES)[number];

/**
 * Why a review policy or a set of score sheets cannot be aggregated (common/review/aggregate.ts
 * ReviewPolicyError), as error codes worded by common/messages/errors/review.ts.
 */
export const REVIEW_POLICY_ERRORS = [
  'review_policy_method',
  'review_policy_empty',
  'review_criterion_id',
  'review_criterion_twice',
  'review_criterion_weight',
  'review_criterion_threshold',
  'review_weights_sum',
  'review_total_threshold',
  'review_spread_threshold',
  'review_score_missing',
  'review_score_range',
  'review_no_sheets',
  'review_scored_twice',
] as const;
export type ReviewPolicyErrorCode = (typeof REVIEW_POLICY_ERRORS)[number];

/**
 * What an automatic conflict suggestion found (common/review/conflicts.ts), as a code the web words with its
 * parameters: the expert's name, which party of the application (CONFLICT_PARTIES) and its credit code, and the
 * period, date or window the rule looked at. Rows detected before #13 hold a sentence 「中文 / English」 instead.
 */
export const CONFLICT_FINDINGS = [
  'same_org',
  'employment',
  'advice',
  'relative_org',
  'relative_name',
  'shareholding',
  'dispute',
  'drafted_call',
] as const;
export type ConflictFindingCode = (typeof CONFLICT_FINDINGS)[number];
/** The party of an application a finding names: the applicant or one of its partners. */
export const CONFLICT_PARTIES = ['applicant', 'partner'] as const;
export type ConflictParty = (typeof CONFLICT_PARTIES)[number];

/** Where an application stands with its consensus step: none needed, waiting for it, the panel agreed a score. */
export const CONSENSUS_STATES = ['none', 'pending', 'resolved'] as const;
export type ConsensusState = (typeof CONSENSUS_STATES)[number];

/**
 * Why a swap passed over a ranked alternate (draw records store the code; records from before #13 hold a
 * sentence in both languages instead).
 */
export const SWAP_SKIP_REASONS = ['unavailable', 'on_place', 'conflict', 'same_org', 'load_cap', 'quota'] as const;
export type SwapSkipReason = (typeof SWAP_SKIP_REASONS)[number];
