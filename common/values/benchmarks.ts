/**
 * The value lists of benchmarking and the composite index, written once: the engine (common/benchmarks), the
 * contracts (common/contracts/benchmarks.ts) and the web read them from here. Zod-free.
 */

export const NORMALISATION_METHODS = ['minmax', 'zscore', 'target', 'goalposts', 'rank'] as const;
export type NormalisationMethod = (typeof NORMALISATION_METHODS)[number];

export const AGGREGATION_METHODS = ['arithmetic', 'geometric', 'harmonic'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

export const IMPUTATION_METHODS = ['mean', 'median', 'none'] as const;
export type ImputationMethod = (typeof IMPUTATION_METHODS)[number];

export const OUTLIER_TREATMENTS = ['none', 'winsorised', 'log'] as const;
export type OutlierTreatmentKind = (typeof OUTLIER_TREATMENTS)[number];

/** 1: higher is better; −1: lower is better. */
export const DIRECTIONS = [1, -1] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A custom peer group's code. */
export const PEER_GROUP_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
/** The peer group rankings use when none is named: all districts of Chongqing. */
export const DEFAULT_PEER_GROUP = 'cq_districts';

/** The verdict on one row of a statistics import. */
export const STATS_IMPORT_ROW_STATUSES = ['ok', 'error', 'warning'] as const;
export type StatsImportRowStatus = (typeof STATS_IMPORT_ROW_STATUSES)[number];
