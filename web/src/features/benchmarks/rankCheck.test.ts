import { describe, expect, it } from 'vitest';
import type { RankingRow } from '../../api/benchmarks';
import { checkRow } from './rankCheck';

const row = (unit: string, over: Partial<RankingRow> = {}): RankingRow => ({
  unit,
  name: unit,
  value: 1,
  rank: 1,
  previousRank: null,
  rankChange: null,
  distanceToAverage: 0,
  distanceToBest: 0,
  publishedValue: null,
  differsFromPublished: null,
  publishedValueRank: null,
  publishedRank: null,
  missing: [],
  ...over,
});

/** The 38 districts: the given rows and others without anything published. */
const city = (...rows: RankingRow[]) => [...rows, ...Array.from({ length: 38 - rows.length }, (_, i) => row(`x${i}`))];

describe('checkRow', () => {
  it('R&D intensity 2020: computed 38, published column 37 (tied), published rank 36: all differ, all named', () => {
    const wuxi = row('500238', { value: 0.1044, rank: 37, publishedValue: 0.1, differsFromPublished: false, publishedValueRank: 37 });
    const xiushan = row('500241', {
      value: 0.0997,
      rank: 38,
      publishedValue: 0.1,
      differsFromPublished: false,
      publishedValueRank: 37,
      publishedRank: 36,
    });
    const c = checkRow(xiushan, city(wuxi, xiushan), 38);
    expect(c).toEqual({ status: 'differs', reasons: ['rounding', 'published_rank'], publishedTies: 2, groupSize: 38 });
    // Tied on the published column but ranked the same there as computed: no difference for Wuxi.
    expect(checkRow(wuxi, city(wuxi, xiushan), 38).status).toBe('match');
  });

  it('GDP 2020: computed 29 equals the published 29', () => {
    const x = row('500241', { rank: 29, publishedRank: 29 });
    expect(checkRow(x, city(x), 38).status).toBe('match');
  });

  it('a published rank among 38 against 4 units with data is a coverage difference', () => {
    const x = row('500241', { rank: 4, publishedRank: 38 });
    expect(checkRow(x, city(x), 4).reasons).toEqual(['published_rank', 'coverage']);
  });

  it('in a smaller group the city-wide published rank is of another scope', () => {
    const x = row('500241', { rank: 1, publishedRank: 29 });
    const c = checkRow(x, [x, row('a', { rank: 2 }), row('b', { rank: 3 }), row('c', { rank: 4 })], 4);
    expect(c.reasons).toEqual(['published_rank', 'scope']);
    expect(c.groupSize).toBe(4);
  });

  it('nothing published: nothing to check', () => {
    const x = row('500241');
    expect(checkRow(x, city(x), 38).status).toBe('none');
  });
});
