import { describe, expect, it } from 'vitest';
import { aggregateReviews } from './aggregate.js';
import { fill } from '../messages.js';
import { blockerItems, decisionBlockers, missItems, policyOfTemplate, thresholdMisses } from './decision.js';

const template = {
  criteria: [
    { key: 'innovation', zh: '创新性', en: 'Innovation', weight: 60, threshold: 60 },
    { key: 'feasibility', zh: '可行性', en: 'Feasibility', weight: 40 },
  ],
  aggregation: 'trimmed' as const,
  totalThreshold: 65,
  spreadThreshold: 20,
};

describe('decision rules', () => {
  it('a call waits while an application is submitted, accepted, under review or in consensus', () => {
    const apps = [
      { id: 'a', status: 'scored' },
      { id: 'b', status: 'under_review' },
      { id: 'c', status: 'consensus' },
      { id: 'd', status: 'withdrawn' },
      { id: 'e', status: 'accepted' },
      { id: 'f', status: 'rejected' },
      { id: 'g', status: 'submitted' },
    ];
    expect(decisionBlockers(apps).map((a) => a.id)).toEqual(['b', 'c', 'e', 'g']);
    expect(decisionBlockers([{ status: 'scored' }, { status: 'not_funded' }])).toEqual([]);
  });

  it('the template becomes the recorded policy POST /aggregate applies (trimmed → trimmed-mean, thresholds kept)', () => {
    expect(policyOfTemplate(template)).toEqual({
      method: 'trimmed-mean',
      criteria: [
        { id: 'innovation', nameZh: '创新性', nameEn: 'Innovation', weight: 60, threshold: 60 },
        { id: 'feasibility', nameZh: '可行性', nameEn: 'Feasibility', weight: 40 },
      ],
      totalThreshold: 65,
      spreadThreshold: 20,
    });
    expect(policyOfTemplate({ ...template, aggregation: 'median', totalThreshold: undefined })).not.toHaveProperty('totalThreshold');
  });

  it('thresholds are judged on the final score: a criterion as aggregated, the total as agreed after consensus', () => {
    const agg = aggregateReviews(policyOfTemplate(template), [
      // Totals 0.6·i + 0.4·f: 58+… → innovation mean 55 < 60; totals 55·0.6+80·0.4 = 65, 55·0.6+70·0.4 = 61 → mean 63 < 65.
      {
        applicationId: 'x',
        sheets: [
          { expertId: 'e1', scores: { innovation: 55, feasibility: 80 } },
          { expertId: 'e2', scores: { innovation: 55, feasibility: 70 } },
        ],
      },
    ]);
    const r = agg.ranking[0]!;
    expect(thresholdMisses(r, 65)).toEqual([
      { criterionId: 'innovation', value: 55, threshold: 60 },
      { criterionId: null, value: 63, threshold: 65 },
    ]);
    // The panel agreed 70: the total passes, the criterion still does not.
    expect(thresholdMisses(r, 65, 70)).toEqual([{ criterionId: 'innovation', value: 55, threshold: 60 }]);
    // No total threshold: only the criterion. Exactly at the threshold passes.
    expect(thresholdMisses(r, null)).toHaveLength(1);
    expect(thresholdMisses(r, 63)).toHaveLength(1);
    // Codes and numbers, no words: the message dictionary words them in the reader's language.
    const items = missItems(thresholdMisses(r, 65), template.criteria);
    expect(items).toEqual([
      { code: 'miss_criterion', params: { name: { 'zh-CN': '创新性', 'en-US': 'Innovation' }, value: 55, threshold: 60 } },
      { code: 'miss_total', params: { value: 63, threshold: 65 } },
    ]);
    expect(fill('{failures|list}', { failures: items }, 'zh-CN')).toBe('创新性 55 < 60、总分 63 < 65');
    expect(fill('{failures|list}', { failures: items }, 'en-US')).toBe('Innovation 55 < 60, total 63 < 65');
  });

  it('the applications that keep a call from being decided are items (title and status code), worded per language', () => {
    const apps = Array.from({ length: 12 }, (_, i) => ({ title: `项目${i + 1}`, status: i ? 'under_review' : 'accepted' }));
    const items = blockerItems(apps);
    expect(items).toHaveLength(11);
    expect(items[0]).toEqual({ code: 'blocker', params: { title: '项目1', status: 'accepted' } });
    expect(items[10]).toEqual({ code: 'blocker_more', params: { n: 2 } });
    expect(fill('{items|list}', { items: items.slice(0, 2) }, 'zh-CN')).toBe('“项目1”（已受理）、“项目2”（评审中）');
    expect(fill('{items|list}', { items: items.slice(9) }, 'en-US')).toBe('"项目10" (under review), 2 more');
    expect(fill('{items|list}', { items: items.slice(9) }, 'zh-CN')).toBe('“项目10”（评审中）、另 2 个');
  });
});
