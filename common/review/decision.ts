/**
 * What the decision on a call may rely on (domain rules §6): every accepted application scored, with any consensus
 * step resolved, and each application's thresholds judged on its final score (the agreed score after a consensus
 * step, otherwise the aggregated total). Pure.
 */
import { SCORE_TOLERANCE, type AggregationMethod, type ApplicationResult, type ReviewPolicy } from './aggregate.js';

/** A call's review template (common/contracts/projects.ts), as far as the aggregation reads it. */
export interface TemplateLike {
  criteria: readonly { key: string; zh: string; en: string; weight: number; threshold?: number | undefined }[];
  aggregation: 'mean' | 'median' | 'trimmed';
  totalThreshold?: number | undefined;
  spreadThreshold: number;
}

/** The aggregation policy a call's template records (the same one POST /api/calls/:id/aggregate applies). */
export function policyOfTemplate(t: TemplateLike): ReviewPolicy {
  const method: AggregationMethod = t.aggregation === 'trimmed' ? 'trimmed-mean' : t.aggregation;
  return {
    method,
    criteria: t.criteria.map((c) => ({
      id: c.key,
      nameZh: c.zh,
      nameEn: c.en,
      weight: c.weight,
      ...(c.threshold !== undefined ? { threshold: c.threshold } : {}),
    })),
    ...(t.totalThreshold !== undefined ? { totalThreshold: t.totalThreshold } : {}),
    spreadThreshold: t.spreadThreshold,
  };
}

/** Application statuses that still wait for a score: a call cannot be decided while any remains. */
export const AWAITING_SCORE = ['submitted', 'accepted', 'under_review', 'consensus'] as const;

/** The applications that keep a call from being decided, in the order given. */
export function decisionBlockers<T extends { status: string }>(apps: readonly T[]): T[] {
  return apps.filter((a) => (AWAITING_SCORE as readonly string[]).includes(a.status));
}

/** A threshold an application missed: a criterion (by key) or the total. */
export interface ThresholdMiss {
  criterionId: string | null;
  value: number;
  threshold: number;
}

/**
 * The thresholds missed on the final score: each criterion as aggregated, and the total — the agreed score when a
 * consensus step set one, otherwise the aggregated total.
 */
export function thresholdMisses(
  result: Pick<ApplicationResult, 'criteria' | 'total'>,
  totalThreshold: number | null,
  agreedScore: number | null = null,
): ThresholdMiss[] {
  const misses: ThresholdMiss[] = result.criteria
    .filter((c) => !c.passed && c.threshold !== null)
    .map((c) => ({ criterionId: c.criterionId, value: c.value, threshold: c.threshold! }));
  const total = agreedScore ?? result.total.value;
  if (totalThreshold !== null && total < totalThreshold - SCORE_TOLERANCE)
    misses.push({ criterionId: null, value: total, threshold: totalThreshold });
  return misses;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** An item of a message's `{…|list}` (common/messages/labels.ts LIST_ITEM_LABELS words it in the reader's language). */
export interface ListItem {
  code: string;
  params: Record<string, unknown>;
}

/**
 * The misses as list items, not words: a criterion's (its name as the template gives it in both languages, the
 * value and the threshold) or the total's — `miss_criterion`, `miss_total` words them (创新性 55 < 60、总分 58 < 60).
 */
export function missItems(misses: readonly ThresholdMiss[], criteria: readonly { key: string; zh: string; en: string }[]): ListItem[] {
  return misses.map((m) => {
    const params = { value: round2(m.value), threshold: m.threshold };
    if (m.criterionId === null) return { code: 'miss_total', params };
    const c = criteria.find((x) => x.key === m.criterionId);
    return { code: 'miss_criterion', params: { ...params, name: c ? { 'zh-CN': c.zh, 'en-US': c.en } : m.criterionId } };
  });
}

/** The applications that keep a call from being decided, as list items (`blocker`: title and status; `blocker_more`). */
export function blockerItems(apps: readonly { title: string; status: string }[], max = 10): ListItem[] {
  const shown = apps.slice(0, max).map((a) => ({ code: 'blocker', params: { title: a.title, status: a.status } }));
  const more = apps.length - shown.length;
  return more > 0 ? [...shown, { code: 'blocker_more', params: { n: more } }] : shown;
}
