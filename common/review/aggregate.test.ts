import { describe, expect, it } from 'vitest';
import {
  aggregateApplication,
  aggregateReviews,
  centralValue,
  rankWithTies,
  recordPolicy,
  type ReviewPolicyError,
  spreadOf,
  weightedTotal,
  type ReviewCriterion,
  type ReviewPolicy,
  type ScoreSheet,
} from './aggregate.js';
import { ERROR_MESSAGES, translate } from '../messages.js';
import { REVIEW_POLICY_ERRORS } from '../values/review.js';

const criteria: ReviewCriterion[] = [
  { id: 'innovation', nameZh: '创新性', nameEn: 'innovation', weight: 40 },
  { id: 'feasibility', nameZh: '可行性', weight: 30, threshold: 60 },
  { id: 'benefit', nameZh: '效益', weight: 30 },
];

/** Sheets whose every criterion gets the same score, so each expert's total is that score. */
const flat = (...scores: number[]): ScoreSheet[] =>
  scores.map((s, i) => ({ expertId: `x${i + 1}`, scores: { innovation: s, feasibility: s, benefit: s } }));

describe('central values', () => {
  it('trimmed mean drops one highest and one lowest from 5 experts on', () => {
    expect(centralValue([60, 70, 80, 90, 100], 'trimmed-mean')).toMatchObject({ value: 80, applied: 'trimmed-mean', used: 3 });
    expect(centralValue([100, 60, 90, 70, 80, 0], 'trimmed-mean').value).toBe(75);
  });

  it('with fewer than 5 experts the trimmed mean falls back to the mean and says so', () => {
    const cv = centralValue([60, 70, 80, 100], 'trimmed-mean');
    expect(cv).toMatchObject({ value: 77.5, requested: 'trimmed-mean', applied: 'mean', used: 4 });
    expect(cv.note).toBe('trim_too_few');
  });

  it('mean and median (even count: the two middle values)', () => {
    expect(centralValue([60, 70, 80, 90, 100], 'mean').value).toBe(80);
    expect(centralValue([90, 60, 100, 70], 'median').value).toBe(80);
    expect(centralValue([90, 60, 70], 'median').value).toBe(70);
    expect(() => centralValue([], 'mean')).toThrow(RangeError);
  });

  it('spread: range and population standard deviation', () => {
    const s = spreadOf([60, 70, 80, 90, 100]);
    expect(s).toMatchObject({ min: 60, max: 100, range: 40 });
    expect(s.sd).toBeCloseTo(Math.sqrt(200), 12);
    expect(spreadOf([75]).sd).toBe(0);
  });
});

describe('policy validation', () => {
  it('weights must sum to 100 %; the error is a code with the sum, no words', () => {
    const bad = [...criteria.slice(0, 2), { id: 'benefit', weight: 25 }];
    expect(() => recordPolicy({ method: 'mean', criteria: bad })).toThrow(
      expect.objectContaining({ code: 'review_weights_sum', params: { sum: 95 }, message: 'review_weights_sum' }) as Error,
    );
    expect(() => recordPolicy({ method: 'mean', criteria: [{ id: 'only', weight: 90 }] })).toThrow(
      expect.objectContaining({ criterionId: 'only' }) as Error,
    );
  });

  it('a bad weight, threshold or duplicate names its criterion', () => {
    const err = (c: ReviewCriterion[]) => {
      try {
        recordPolicy({ method: 'median', criteria: c });
      } catch (e) {
        return e as ReviewPolicyError;
      }
      throw new Error('no error');
    };
    expect(
      err([
        { id: 'a', weight: 100 },
        { id: 'b', weight: 0 },
      ]),
    ).toMatchObject({
      criterionId: 'b',
      name: 'ReviewPolicyError',
      code: 'review_criterion_weight',
      params: { criterion: 'b', weight: 0 },
    });
    expect(err([{ id: 'a', weight: 100, threshold: 120 }])).toMatchObject({
      criterionId: 'a',
      code: 'review_criterion_threshold',
      params: { criterion: 'a', threshold: 120 },
    });
    expect(
      err([
        { id: 'a', weight: 50 },
        { id: 'a', weight: 50 },
      ]),
    ).toMatchObject({ code: 'review_criterion_twice', params: { criterion: 'a' }, criterionId: 'a' });
    expect(err([])).toMatchObject({ code: 'review_policy_empty', params: {} });
    expect(() => recordPolicy({ method: 'mode' as never, criteria })).toThrow(
      expect.objectContaining({ code: 'review_policy_method', params: { method: 'mode' } }) as Error,
    );
    expect(() => recordPolicy({ method: 'mean', criteria, totalThreshold: 101 })).toThrow(
      expect.objectContaining({ code: 'review_total_threshold', params: { threshold: 101 } }) as Error,
    );
  });

  it('every code it throws is worded in both languages by common/messages, and no message of it is composed text', () => {
    for (const code of REVIEW_POLICY_ERRORS) {
      expect(ERROR_MESSAGES[code]?.['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(ERROR_MESSAGES[code]?.['en-US']).toMatch(/^[\x20-\x7e–]+$/);
    }
    expect(translate(ERROR_MESSAGES, 'review_criterion_twice', 'zh-CN', { criterion: 'a', field: '第 2 项' })).toBe(
      '字段“第 2 项”：指标“a”重复出现，每项指标的编号须唯一',
    );
  });

  it('records the defaults it applied', () => {
    expect(recordPolicy({ method: 'trimmed-mean', criteria })).toMatchObject({
      spreadThreshold: 20,
      totalThreshold: null,
      trimMinExperts: 5,
    });
  });
});

describe('aggregation and ranking', () => {
  const policy = recordPolicy({ method: 'trimmed-mean', criteria, totalThreshold: 70 });

  it('weighted total: 40 % × 80 + 30 % × 70 + 30 % × 90 = 80', () => {
    expect(weightedTotal(criteria, { expertId: 'x', scores: { innovation: 80, feasibility: 70, benefit: 90 } })).toBeCloseTo(80, 12);
    expect(() => weightedTotal(criteria, { expertId: 'x7', scores: { innovation: 80, feasibility: 70 } })).toThrow(
      expect.objectContaining({ code: 'review_score_missing', params: { expert: 'x7', criterion: 'benefit' } }) as Error,
    );
    expect(() => weightedTotal(criteria, { expertId: 'x7', scores: { innovation: 80, feasibility: 101, benefit: 1 } })).toThrow(
      expect.objectContaining({ code: 'review_score_range', params: { expert: 'x7', criterion: 'feasibility', score: 101 } }) as Error,
    );
  });

  it('scores 60, 70, 80, 90, 100: trimmed total 80, range 40 > 20 → consensus', () => {
    const r = aggregateApplication(policy, { applicationId: 'p1', sheets: flat(60, 70, 80, 90, 100) });
    expect(r.total.value).toBeCloseTo(80, 12);
    expect(r.total.applied).toBe('trimmed-mean');
    expect(r.spread.range).toBeCloseTo(40, 12);
    expect(r.highSpread).toBe(true);
    expect(r.passed).toBe(true);
    expect(r.criteria.map((c) => c.value)).toEqual([80, 80, 80]);
  });

  it('a spread of exactly the threshold is not high', () => {
    const r = aggregateApplication(policy, { applicationId: 'p1', sheets: flat(70, 80, 90) });
    expect(r.spread.range).toBeCloseTo(20, 12);
    expect(r.highSpread).toBe(false);
    expect(r.total.note).toBe('trim_too_few');
  });

  it('criterion and total thresholds', () => {
    const sheets: ScoreSheet[] = [
      { expertId: 'x1', scores: { innovation: 90, feasibility: 50, benefit: 60 } },
      { expertId: 'x2', scores: { innovation: 80, feasibility: 55, benefit: 70 } },
    ];
    const r = aggregateApplication(policy, { applicationId: 'p2', sheets });
    expect(r.criteria.find((c) => c.criterionId === 'feasibility')).toMatchObject({ value: 52.5, passed: false, threshold: 60 });
    expect(r.total.value).toBeCloseTo((36 + 15 + 18 + 32 + 16.5 + 21) / 2, 12);
    expect(r.passed).toBe(false);
    // Codes and numbers, not sentences: the web words them (and names the criterion from the template).
    expect(r.failures).toEqual([
      { code: 'miss_criterion', params: { criterion: 'feasibility', value: 52.5, threshold: 60 } },
      { code: 'miss_total', params: { value: 69.25, threshold: 70 } },
    ]);
    expect(JSON.stringify(r.failures)).not.toMatch(/[\u4e00-\u9fff]| \/ /);
  });

  it('ranks highest first; ties share the best rank and the next rank skips', () => {
    const reviews = [
      { applicationId: 'a', sheets: flat(80, 80) },
      { applicationId: 'b', sheets: flat(90, 90) },
      { applicationId: 'c', sheets: flat(70, 90) },
      { applicationId: 'd', sheets: flat(70, 70) },
    ];
    const out = aggregateReviews({ method: 'mean', criteria } satisfies ReviewPolicy, reviews);
    expect(out.ranking.map((r) => [r.applicationId, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
    expect(out.consensus).toEqual([]);
    expect(out.policy.method).toBe('mean');
    expect(rankWithTies([3, 3, 3], (x) => x).map((x) => x.rank)).toEqual([1, 1, 1]);
  });

  it('rejects an application without sheets and an expert scoring twice', () => {
    expect(() => aggregateApplication(policy, { applicationId: 'p', sheets: [] })).toThrow(
      expect.objectContaining({ code: 'review_no_sheets', params: { application: 'p' } }) as Error,
    );
    expect(() => aggregateApplication(policy, { applicationId: 'p', sheets: [...flat(70), ...flat(80)] })).toThrow(
      expect.objectContaining({ code: 'review_scored_twice' }) as Error,
    );
  });
});
