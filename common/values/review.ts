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

/** Where an application stands with its consensus step: none needed, waiting for it, the panel agreed a score. */
export const CONSENSUS_STATES = ['none', 'pending', 'resolved'] as const;
export type ConsensusState = (typeof CONSENSUS_STATES)[number];

/**
 * Why a swap passed over a ranked alternate (draw records store the code; records from before #13 hold a
 * sentence in both languages instead).
 */
export const SWAP_SKIP_REASONS = ['unavailable', 'on_place', 'conflict', 'same_org', 'load_cap', 'quota'] as const;
export type SwapSkipReason = (typeof SWAP_SKIP_REASONS)[number];
