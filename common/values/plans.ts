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
