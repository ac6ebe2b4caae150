import { describe, expect, it } from 'vitest';
import { weightedTotal } from './weighted';

describe('weightedTotal', () => {
  const criteria = [
    { key: 'innovation', weight: 60 },
    { key: 'feasibility', weight: 40 },
  ];
  it('weighs each criterion by its percentage, as the server does', () => {
    expect(weightedTotal(criteria, { innovation: 80, feasibility: 70 })).toBe(76);
    expect(weightedTotal(criteria, { innovation: 85.5, feasibility: 71 })).toBe(79.7);
  });
  it('has no total until every criterion is scored', () => {
    expect(weightedTotal(criteria, { innovation: 80 })).toBeNull();
    expect(weightedTotal(criteria, { innovation: 80, feasibility: null })).toBeNull();
  });
});
