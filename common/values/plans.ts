/** Value lists of plans, their indicators, values and progress (zod-free: contracts and the web import them). */

/** How a data element's values combine over units and periods. */
export const AGGREGATIONS = ['sum', 'last', 'max', 'min', 'none'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** Which way an indicator should move. */
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How a target is stated: exactly, at least, at most. */
export const COMPARATORS = ['=', '>=', '<='] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** What a plan statement gives: the starting value or a target. */
export const STATEMENT_KINDS = ['baseline', 'target'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const VALUE_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export const VALUE_SOURCES = ['manual', 'import', 'computed', 'official'] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];

/** Progress toward a target (common/progress.ts), in display order. */
export const PROGRESS_STATUSES = ['achieved', 'on_track', 'needs_acceleration', 'limited', 'deteriorating', 'no_data'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const PROGRESS_METHODS = ['cagr', 'linear'] as const;
export type ProgressMethod = (typeof PROGRESS_METHODS)[number];

/**
 * Plausibility warnings on a figure (common/plausibility.ts): a change beyond the installation's factor of
 * the previous value, a ratio to it typical of a figure given in another unit, or a magnitude no county
 * reaches. A save with warnings needs an explicit confirmation.
 */
export const PLAUSIBILITY_CODES = ['dv_jump', 'dv_wrong_unit', 'dv_magnitude'] as const;
export type PlausibilityCode = (typeof PLAUSIBILITY_CODES)[number];

/** How the share of the way to a target is measured (common/progress-outcome.ts). */
export const SHARE_BASES = ['baseline', 'from_zero', 'target_over_actual'] as const;
export type ShareBasis = (typeof SHARE_BASES)[number];

/** Why a shown share of the way was clipped to 0–100 %. */
export const SHARE_CLIPS = ['overshoot', 'backwards'] as const;
export type ShareClip = (typeof SHARE_CLIPS)[number];

/** The final verdict on a target once its year is over. */
export const VERDICT_OUTCOMES = ['achieved', 'not_achieved', 'awaiting_value'] as const;
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];
