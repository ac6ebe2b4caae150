import { describe, expect, it } from 'vitest';
import { aggregateReviews } from './aggregate.js';
import { decisionBlockers, describeMisses, policyOfTemplate, thresholdMisses } from './decision.js';

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
    expect(describeMisses(thresholdMisses(r, 65), template.criteria)).toEqual({
      'zh-CN': '创新性 55 < 60、总分 63 < 65',
      'en-US': 'Innovation 55 < 60, total 63 < 65',
    });
  });
});
