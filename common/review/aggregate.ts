/**
 * Review aggregation as a recorded policy (domain rules §6): weighted criteria summing to 100 %, per-criterion
 * and total thresholds, a central-value method, the spread of the experts' scores, a consensus step for
 * high-spread applications and a ranking in which ties share the best rank.
 *
 * Scale: every criterion is scored 0–100; an expert's total is Σ weight% × score / 100, so it is 0–100 too.
 * The application total is the chosen method applied to the experts' totals; each criterion's value is the
 * same method applied to that criterion's scores (with a trimmed mean the two need not add up, by design).
 *
 * Methods: mean; median (mean of the two middle values for an even count); trimmed mean, which drops the single
 * highest and the single lowest value once at least 5 experts scored and falls back to the mean, saying so,
 * below that. Spread: max − min and the population standard deviation of the experts' totals; a range above
 * `spreadThreshold` points (default 20) flags the application for a consensus step.
 */

import { AGGREGATION_METHODS, type AggregationMethod, type CentralValueNote, type ReviewPolicyErrorCode } from '../values/review.js';

export { AGGREGATION_METHODS, type AggregationMethod };

/** The trimmed mean drops the highest and the lowest value only from this many experts on. */
export const TRIM_MIN_EXPERTS = 5;
/** Default: a range of the experts' totals above this many points sends the application to consensus. */
export const DEFAULT_SPREAD_THRESHOLD = 20;
/** Scores and totals closer than this are equal (ties, thresholds). */
export const SCORE_TOLERANCE = 1e-9;

export interface ReviewCriterion {
  id: string;
  nameZh?: string;
  nameEn?: string;
  /** Percent; the weights of a policy sum to 100. */
  weight: number;
  /** Minimum aggregated score (0–100) of this criterion for the application to pass. */
  threshold?: number;
}

export interface ReviewPolicy {
  method: AggregationMethod;
  criteria: ReviewCriterion[];
  /** Minimum aggregated total (0–100) to pass. */
  totalThreshold?: number;
  /** Range (max − min) of the experts' totals above which the application goes to consensus; default 20. */
  spreadThreshold?: number;
}

/** The policy as applied, with defaults filled in: stored next to the results so they can be reproduced. */
export interface RecordedPolicy {
  method: AggregationMethod;
  criteria: ReviewCriterion[];
  totalThreshold: number | null;
  spreadThreshold: number;
  trimMinExperts: number;
  scale: '0-100';
}

export interface ScoreSheet {
  expertId: string;
  /** Criterion id → score 0–100. */
  scores: Record<string, number>;
}

/**
 * Why a policy or a set of sheets cannot be aggregated: a code (REVIEW_POLICY_ERRORS) and its parameters, worded
 * by common/messages/errors/review.ts in the reader's language; the server answers it as a 400 naming the field.
 */
export class ReviewPolicyError extends Error {
  constructor(
    readonly code: ReviewPolicyErrorCode,
    readonly params: Record<string, string | number> = {},
    /** The criterion the error is about, when there is one. */
    readonly criterionId?: string,
  ) {
    super(code);
    this.name = 'ReviewPolicyError';
  }
}

const inScale = (x: number) => Number.isFinite(x) && x >= 0 && x <= 100;

/** Validates a policy and fills in the defaults; throws ReviewPolicyError naming the criterion at fault. */
export function recordPolicy(policy: ReviewPolicy): RecordedPolicy {
  if (!AGGREGATION_METHODS.includes(policy.method)) throw new ReviewPolicyError('review_policy_method', { method: String(policy.method) });
  if (policy.criteria.length === 0) throw new ReviewPolicyError('review_policy_empty');
  const ids = new Set<string>();
  for (const c of policy.criteria) {
    if (!c.id) throw new ReviewPolicyError('review_criterion_id');
    if (ids.has(c.id)) throw new ReviewPolicyError('review_criterion_twice', { criterion: c.id }, c.id);
    ids.add(c.id);
    if (!Number.isFinite(c.weight) || c.weight <= 0)
      throw new ReviewPolicyError('review_criterion_weight', { criterion: c.id, weight: c.weight }, c.id);
    if (c.threshold !== undefined && !inScale(c.threshold))
      throw new ReviewPolicyError('review_criterion_threshold', { criterion: c.id, threshold: c.threshold }, c.id);
  }
  const sum = policy.criteria.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(sum - 100) > 1e-6) {
    const fix = policy.criteria.length === 1 ? policy.criteria[0]!.id : undefined;
    throw new ReviewPolicyError('review_weights_sum', { sum: +sum.toFixed(6) }, fix);
  }
  if (policy.totalThreshold !== undefined && !inScale(policy.totalThreshold))
    throw new ReviewPolicyError('review_total_threshold', { threshold: policy.totalThreshold });
  const spreadThreshold = policy.spreadThreshold ?? DEFAULT_SPREAD_THRESHOLD;
  if (!Number.isFinite(spreadThreshold) || spreadThreshold < 0)
    throw new ReviewPolicyError('review_spread_threshold', { threshold: spreadThreshold });
  return {
    method: policy.method,
    criteria: policy.criteria.map((c) => ({ ...c })),
    totalThreshold: policy.totalThreshold ?? null,
    spreadThreshold,
    trimMinExperts: TRIM_MIN_EXPERTS,
    scale: '0-100',
  };
}

/** An expert's weighted total (0–100); throws naming the criterion when a score is missing or off the scale. */
export function weightedTotal(criteria: readonly ReviewCriterion[], sheet: ScoreSheet): number {
  let total = 0;
  for (const c of criteria) {
    const s = sheet.scores[c.id];
    if (s === undefined) throw new ReviewPolicyError('review_score_missing', { expert: sheet.expertId, criterion: c.id }, c.id);
    if (!inScale(s)) throw new ReviewPolicyError('review_score_range', { expert: sheet.expertId, criterion: c.id, score: s }, c.id);
    total += (c.weight * s) / 100;
  }
  return total;
}

export interface CentralValue {
  value: number;
  requested: AggregationMethod;
  /** The method actually applied: a trimmed mean with fewer than 5 values falls back to the mean. */
  applied: AggregationMethod;
  /** How many values entered the result (after trimming). */
  used: number;
  /** A code (CENTRAL_VALUE_NOTES) the web words: the trimmed mean fell back to the mean, or dropped the extremes. */
  note?: CentralValueNote;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** The central value of `values` under `method`. */
export function centralValue(values: readonly number[], method: AggregationMethod): CentralValue {
  if (values.length === 0) throw new RangeError('no values to aggregate');
  const n = values.length;
  if (method === 'mean') return { value: sum(values) / n, requested: method, applied: 'mean', used: n };
  const sorted = [...values].sort((a, b) => a - b);
  if (method === 'median') {
    const m = Math.floor(n / 2);
    const value = n % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
    return { value, requested: method, applied: 'median', used: n };
  }
  if (n < TRIM_MIN_EXPERTS) {
    return {
      value: sum(values) / n,
      requested: method,
      applied: 'mean',
      used: n,
      note: 'trim_too_few',
    };
  }
  const kept = sorted.slice(1, -1);
  return {
    value: sum(kept) / kept.length,
    requested: method,
    applied: 'trimmed-mean',
    used: kept.length,
    note: 'trim_dropped',
  };
}

export interface Spread {
  min: number;
  max: number;
  /** max − min. */
  range: number;
  /** Population standard deviation (divides by n). */
  sd: number;
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('no values');
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mean = sum(values) / values.length;
  const sd = Math.sqrt(sum(values.map((v) => (v - mean) ** 2)) / values.length);
  return { min, max, range: max - min, sd };
}

export interface CriterionResult extends CentralValue {
  criterionId: string;
  spread: Spread;
  threshold: number | null;
  passed: boolean;
}

export interface ApplicationReview {
  applicationId: string;
  sheets: ScoreSheet[];
}

export interface ApplicationResult {
  applicationId: string;
  experts: number;
  expertTotals: { expertId: string; total: number }[];
  total: CentralValue;
  criteria: CriterionResult[];
  spread: Spread;
  /** range > spreadThreshold: the application goes to a consensus step before its score stands. */
  highSpread: boolean;
  passed: boolean;
  /** Why it did not pass: the thresholds missed, as codes the web words. */
  failures: ThresholdFailure[];
}

/**
 * A threshold missed: a criterion's (its key, the aggregated value rounded to 2 decimals, the threshold) or the
 * total's. Codes and numbers only (THRESHOLD_FAILURES); the web names the criterion from the call's template.
 */
export type ThresholdFailure =
  | { code: 'miss_criterion'; params: { criterion: string; value: number; threshold: number } }
  | { code: 'miss_total'; params: { value: number; threshold: number } };

/** One application's aggregated result under a validated policy. */
export function aggregateApplication(policy: RecordedPolicy, review: ApplicationReview): ApplicationResult {
  const { applicationId, sheets } = review;
  if (sheets.length === 0) throw new ReviewPolicyError('review_no_sheets', { application: applicationId });
  const experts = new Set<string>();
  for (const s of sheets) {
    if (experts.has(s.expertId)) throw new ReviewPolicyError('review_scored_twice', { application: applicationId, expert: s.expertId });
    experts.add(s.expertId);
  }
  const expertTotals = sheets.map((s) => ({ expertId: s.expertId, total: weightedTotal(policy.criteria, s) }));
  const totals = expertTotals.map((t) => t.total);
  const total = centralValue(totals, policy.method);
  const failures: ThresholdFailure[] = [];
  const criteria = policy.criteria.map((c): CriterionResult => {
    const scores = sheets.map((s) => s.scores[c.id]!);
    const cv = centralValue(scores, policy.method);
    const threshold = c.threshold ?? null;
    const passed = threshold === null || cv.value >= threshold - SCORE_TOLERANCE;
    if (!passed) failures.push({ code: 'miss_criterion', params: { criterion: c.id, value: round2(cv.value), threshold: threshold! } });
    return { criterionId: c.id, ...cv, spread: spreadOf(scores), threshold, passed };
  });
  if (policy.totalThreshold !== null && total.value < policy.totalThreshold - SCORE_TOLERANCE) {
    failures.push({ code: 'miss_total', params: { value: round2(total.value), threshold: policy.totalThreshold } });
  }
  const spread = spreadOf(totals);
  return {
    applicationId,
    experts: sheets.length,
    expertTotals,
    total,
    criteria,
    spread,
    highSpread: spread.range > policy.spreadThreshold + SCORE_TOLERANCE,
    passed: failures.length === 0,
    failures,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Standard competition ranking, highest first: equal values (within SCORE_TOLERANCE of the first of their
 * group) share the best rank, and the next rank skips (1, 2, 2, 4). Input order breaks nothing but display order.
 */
export function rankWithTies<T>(items: readonly T[], valueOf: (item: T) => number): { item: T; rank: number }[] {
  const order = items.map((item, i) => ({ item, i, v: valueOf(item) })).sort((a, b) => b.v - a.v || a.i - b.i);
  const out: { item: T; rank: number }[] = [];
  let groupValue = Number.NaN;
  let groupRank = 0;
  order.forEach((x, pos) => {
    if (pos === 0 || Math.abs(x.v - groupValue) > SCORE_TOLERANCE) {
      groupValue = x.v;
      groupRank = pos + 1;
    }
    out.push({ item: x.item, rank: groupRank });
  });
  return out;
}

export interface RankedResult extends ApplicationResult {
  rank: number;
}

export interface ReviewAggregation {
  policy: RecordedPolicy;
  /** Highest total first; ties share the best rank. */
  ranking: RankedResult[];
  /** Applications whose experts disagree by more than the spread threshold. */
  consensus: string[];
}

/** Validates the policy, aggregates every application and ranks them. */
export function aggregateReviews(policy: ReviewPolicy, reviews: readonly ApplicationReview[]): ReviewAggregation {
  const recorded = recordPolicy(policy);
  const results = reviews.map((r) => aggregateApplication(recorded, r));
  const ranking = rankWithTies(results, (r) => r.total.value).map(({ item, rank }) => ({ ...item, rank }));
  return { policy: recorded, ranking, consensus: results.filter((r) => r.highSpread).map((r) => r.applicationId) };
}
