import { describe, expect, it } from 'vitest';
import { resolveSpec, runIndex, type IndexSpecInput } from './index.js';
import { dataOf, hasNaN, randomData, small, smallSpec } from './composite.fixtures.js';

describe('runIndex, step by step on a hand-checked example', () => {
  const r = runIndex(small, smallSpec);

  it('screens out units below 2/3 data share and lists them', () => {
    expect(r.screenedOut).toEqual([{ unit: 'D', name: 'Unit D', dataShare: 1 / 3 }]);
    expect(r.scores.map((s) => s.unit).sort()).toEqual(['A', 'B', 'C']);
    // a unit with exactly 2 of 3 values passes the default threshold
    expect(r.imputed).toEqual([{ unit: 'B', indicator: 'i3', value: 10 }]);
  });

  it('imputes the column mean over the units that passed screening (D’s 10 is not counted)', () => {
    const d = dataOf({ A: [10, 1, 5], B: [20, 2, null], C: [30, 3, 14], D: [null, null, 1000] }, ['i1', 'i2', 'i3']);
    expect(runIndex(d, smallSpec).imputed).toEqual([{ unit: 'B', indicator: 'i3', value: 9.5 }]);
    const m = dataOf({ A: [1], B: [2], C: [10], D: [null] }, ['i1']);
    expect(
      runIndex(m, { indicators: [{ code: 'i1', direction: 1 }], imputation: 'median', screening: { minDataShare: 0 } }).imputed,
    ).toEqual([]); // D has no data at all: always screened out
  });

  it('imputes the median when asked', () => {
    const m = dataOf({ A: [1, 1], B: [2, 1], C: [10, 1], D: [null, 1] }, ['i1', 'i2']);
    const res = runIndex(m, {
      indicators: [
        { code: 'i1', direction: 1 },
        { code: 'i2', direction: 1 },
      ],
      imputation: 'median',
      screening: { minDataShare: 0.5 },
    });
    expect(res.imputed).toEqual([{ unit: 'D', indicator: 'i1', value: 2 }]);
  });

  it('flips direction −1 so that higher normalised is better, then min-max normalises', () => {
    expect(r.normalised).toEqual({
      A: { i1: 0, i2: 100, i3: 0 },
      B: { i1: 50, i2: 50, i3: 50 },
      C: { i1: 100, i2: 0, i3: 100 },
    });
  });

  it('aggregates with equal weights and ranks', () => {
    expect(r.scores.map((s) => [s.unit, s.rank])).toEqual([
      ['C', 1],
      ['B', 2],
      ['A', 3],
    ]);
    expect(r.scores[0]!.score).toBeCloseTo(200 / 3, 12);
    expect(r.scores[1]!.score).toBeCloseTo(50, 12);
    expect(r.scores[2]!.score).toBeCloseTo(100 / 3, 12);
    expect(r.effectiveWeights).toEqual({ i1: 1 / 3, i2: 1 / 3, i3: 1 / 3 });
    expect(r.shift).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  it('lists strengths and weaknesses from raw ranks (direction applied, imputed values not ranked)', () => {
    expect(r.strengths.A).toEqual([
      { indicator: 'i2', rank: 1 },
      { indicator: 'i3', rank: 2 },
      { indicator: 'i1', rank: 3 },
    ]);
    expect(r.weaknesses.A).toEqual([
      { indicator: 'i1', rank: 3 },
      { indicator: 'i3', rank: 2 },
      { indicator: 'i2', rank: 1 },
    ]);
    expect(r.strengths.B).toEqual([
      { indicator: 'i1', rank: 2 },
      { indicator: 'i2', rank: 2 },
    ]);
    expect(r.strengths.C).toEqual([
      { indicator: 'i1', rank: 1 },
      { indicator: 'i3', rank: 1 },
      { indicator: 'i2', rank: 3 },
    ]);
    expect(r.weaknesses.C![0]).toEqual({ indicator: 'i2', rank: 3 });
  });
});

describe('runIndex on the hand-checked example: trees, other methods, ties', () => {
  it('aggregates up a two-level tree with effective weights 0.125, 0.375, 0.5', () => {
    const t = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1, weight: 1, group: 'G' },
        { code: 'i2', direction: -1, weight: 3, group: 'G' },
        { code: 'i3', direction: 1, weight: 0.5 },
      ],
      tree: [{ code: 'G', weight: 0.5 }],
    });
    expect(t.effectiveWeights).toEqual({ i1: 0.125, i2: 0.375, i3: 0.5, G: 0.5 });
    expect(t.subindices).toEqual({ G: { A: 75, B: 50, C: 25 } });
    expect(Object.fromEntries(t.scores.map((s) => [s.unit, s.score]))).toEqual({ A: 37.5, B: 50, C: 62.5 });
  });

  it('drops a missing value and rescales the remaining weights (imputation none)', () => {
    const t = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1 },
        { code: 'i2', direction: -1 },
        { code: 'i3', direction: 1, weight: 2 },
      ],
      imputation: 'none',
    });
    expect(t.normalised.B!.i3).toBeNull();
    expect(Object.fromEntries(t.scores.map((s) => [s.unit, s.score]))).toEqual({ A: 25, B: 50, C: 75 });
  });

  it('a tree node whose inputs are all missing is null and drops out one level up', () => {
    const t = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1, group: 'G1' },
        { code: 'i2', direction: -1, group: 'G1' },
        { code: 'i3', direction: 1, group: 'G2' },
      ],
      tree: [
        { code: 'G1', weight: 1 },
        { code: 'G2', weight: 1 },
      ],
      imputation: 'none',
    });
    expect(t.subindices.G2).toEqual({ A: 0, B: null, C: 100 });
    expect(t.scores.find((s) => s.unit === 'B')!.score).toBe(50); // G1 only
  });

  it('geometric aggregation fails on zeros with a clear message unless shift: true', () => {
    expect(() => runIndex(small, { ...smallSpec, aggregation: 'geometric' })).toThrow(
      /aggregation 'geometric' needs positive inputs, but normalisation 'minmax' gives values down to 0.*"shift": true/,
    );
    const g = runIndex(small, { ...smallSpec, aggregation: 'geometric', shift: true });
    expect(g.shift).toBe(1);
    const s = Object.fromEntries(g.scores.map((x) => [x.unit, x.score!]));
    expect(s.A).toBeCloseTo(Math.cbrt(101), 12);
    expect(s.B).toBeCloseTo(51, 12);
    expect(s.C).toBeCloseTo(Math.cbrt(101 * 101), 12);
    const h = runIndex(small, { ...smallSpec, aggregation: 'harmonic', shift: true });
    expect(h.scores.find((x) => x.unit === 'A')!.score).toBeCloseTo(3 / (1 + 1 / 101 + 1), 12);
  });

  it('z-score, rank, target and goalposts normalisation in the pipeline', () => {
    const z = runIndex(small, { ...smallSpec, normalisation: { method: 'zscore' } });
    expect(z.normalised.A).toEqual({ i1: -1, i2: 1, i3: -1 }); // i3 after imputation: 5, 10, 15 (mean 10, sd 5)
    const rk = runIndex(small, { ...smallSpec, normalisation: { method: 'rank' } });
    expect(rk.normalised.C).toEqual({ i1: 100, i2: 0, i3: 100 });
    const tgt = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1, target: 25 },
        { code: 'i2', direction: -1, target: 1.5 },
        { code: 'i3', direction: 1, target: 15 },
      ],
      normalisation: { method: 'target', targetCap: true },
    });
    // i1: (x − 10)/(25 − 10); i2 (lower is better): (3 − x)/(3 − 1.5), capped at 1
    expect(tgt.normalised.A!.i1).toBe(0);
    expect(tgt.normalised.B!.i1).toBeCloseTo((10 / 15) * 100, 12);
    expect(tgt.normalised.C!.i1).toBe(100);
    expect(tgt.normalised.A!.i2).toBe(100);
    expect(tgt.normalised.B!.i2).toBeCloseTo((1 / 1.5) * 100, 12);
    expect(tgt.normalised.C!.i2).toBe(0);
    const gp = runIndex(small, {
      indicators: [
        { code: 'i1', direction: 1, goalposts: { lo: 0, hi: 40 } },
        { code: 'i2', direction: -1, goalposts: { lo: 0, hi: 4 } },
        { code: 'i3', direction: 1, goalposts: { lo: 10, hi: 20 } },
      ],
      normalisation: { method: 'goalposts' },
    });
    expect(gp.normalised.A).toEqual({ i1: 25, i2: 75, i3: 0 });
    expect(gp.normalised.C).toEqual({ i1: 75, i2: 25, i3: 50 });
  });

  it('ties in the index share the best rank', () => {
    const d = dataOf({ A: [1, 2], B: [2, 1], C: [2, 1], D: [0, 0] }, ['p', 'q']);
    const t = runIndex(d, {
      indicators: [
        { code: 'p', direction: 1 },
        { code: 'q', direction: 1 },
      ],
    });
    expect(Object.fromEntries(t.scores.map((s) => [s.unit, s.rank]))).toEqual({ A: 1, B: 1, C: 1, D: 4 });
  });
});

describe('degenerate data', () => {
  it('a zero-variance indicator and a unit with all values missing give a clear result, not NaN', () => {
    const d = dataOf({ A: [1, 5], B: [2, 5], C: [3, 5], E: [null, null] }, ['v', 'k']);
    const r = runIndex(d, {
      indicators: [
        { code: 'v', direction: 1 },
        { code: 'k', direction: 1 },
      ],
      screening: { minDataShare: 0 },
    });
    expect(r.screenedOut).toEqual([{ unit: 'E', name: 'Unit E', dataShare: 0 }]);
    expect(r.normalised.A!.k).toBe(50);
    expect(r.warnings).toEqual(['indicator "k" has the same value for every unit: min-max puts it at 50']);
    expect(r.scores.map((s) => s.score)).toEqual([75, 50, 25]);
    expect(hasNaN(r)).toBe(false);
    const z = runIndex(d, {
      indicators: [
        { code: 'v', direction: 1 },
        { code: 'k', direction: 1 },
      ],
      normalisation: { method: 'zscore' },
    });
    expect(z.normalised.B).toEqual({ v: 0, k: 0 });
    expect(hasNaN(z)).toBe(false);
  });

  it('an indicator with no values among the kept units drops out with a warning', () => {
    const d = dataOf({ A: [1, null], B: [2, null], C: [3, null] }, ['v', 'e']);
    const r = runIndex(d, {
      indicators: [
        { code: 'v', direction: 1 },
        { code: 'e', direction: 1 },
      ],
      screening: { minDataShare: 0.5 },
    });
    expect(r.normalised.A).toEqual({ v: 0, e: null });
    expect(r.scores.map((s) => s.score)).toEqual([100, 50, 0]);
    expect(r.warnings[0]).toMatch(/"e" has no values/);
    expect(r.outliers[1]).toEqual({ indicator: 'e', skew: null, kurtosis: null, failed: false, treatment: 'none' });
  });

  it('no unit passing screening gives an empty result', () => {
    const d = dataOf({ A: [null, 1, null] }, ['a', 'b', 'c']);
    const r = runIndex(d, {
      indicators: ['a', 'b', 'c'].map((code) => ({ code, direction: 1 as const })),
      uncertainty: { runs: 3, seed: 1 },
    });
    expect(r.scores).toEqual([]);
    expect(r.warnings).toContain('no unit passed screening');
    expect(r.uncertainty).toEqual({ runs: 3, seed: 1, perUnit: [], meanAbsoluteRankShift: 0 });
  });

  it('a target already met by every unit gives the top of the range', () => {
    const d = dataOf({ A: [5], B: [6] }, ['t']);
    const r = runIndex(d, { indicators: [{ code: 't', direction: 1, target: 4 }], normalisation: { method: 'target' } });
    expect(r.normalised).toEqual({ A: { t: 100 }, B: { t: 100 } });
    expect(r.warnings[0]).toMatch(/target met by every unit/);
  });
});

describe('uncertainty analysis', () => {
  const data = randomData(40, 6, 7);
  const spec: IndexSpecInput = {
    indicators: Array.from({ length: 6 }, (_, j) => ({ code: `x${j}`, direction: j === 2 ? -1 : 1, group: j < 3 ? 'P1' : 'P2' }) as const),
    tree: [
      { code: 'P1', weight: 1 },
      { code: 'P2', weight: 2 },
    ],
    shift: true,
    uncertainty: { runs: 200, seed: 11, normalisations: ['minmax', 'zscore', 'rank'], aggregations: ['arithmetic', 'geometric'] },
  };

  it('is reproducible with the same seed and differs with another', () => {
    const a = runIndex(data, spec);
    const b = runIndex(data, spec);
    const c = runIndex(data, { ...spec, uncertainty: { ...spec.uncertainty!, seed: 12 } });
    expect(b.uncertainty).toEqual(a.uncertainty);
    expect(c.uncertainty).not.toEqual(a.uncertainty);
    const u = a.uncertainty!;
    expect(u.perUnit).toHaveLength(40);
    expect(u.meanAbsoluteRankShift).toBeGreaterThan(0);
    for (const p of u.perUnit) {
      expect(p.p05).toBeLessThanOrEqual(p.median);
      expect(p.median).toBeLessThanOrEqual(p.p95);
      expect(p.p05).toBeGreaterThanOrEqual(1);
      expect(p.p95).toBeLessThanOrEqual(40);
      expect(a.scores.find((s) => s.unit === p.unit)!.rank).toBe(p.nominal);
    }
  });

  it('with no perturbation and the nominal methods only, every run reproduces the nominal ranks', () => {
    const r = runIndex(data, { ...spec, uncertainty: { runs: 20, seed: 1, weightPerturbation: 0 } });
    expect(r.uncertainty!.meanAbsoluteRankShift).toBe(0);
    for (const p of r.uncertainty!.perUnit) expect([p.p05, p.median, p.p95]).toEqual([p.nominal, p.nominal, p.nominal]);
  });

  it('fails whatever the seed when a listed combination cannot run', () => {
    expect(() => runIndex(data, { ...spec, shift: false })).toThrow(/^uncertainty: aggregation 'geometric' needs positive inputs/);
  });

  it('stores the resolved spec: re-running it (even through JSON) gives the same result', () => {
    const a = runIndex(data, spec);
    expect(a.spec.uncertainty).toEqual({
      runs: 200,
      seed: 11,
      weightPerturbation: 0.25,
      normalisations: ['minmax', 'zscore', 'rank'],
      aggregations: ['arithmetic', 'geometric'],
    });
    expect(a.spec.screening.minDataShare).toBeCloseTo(2 / 3, 15);
    expect(runIndex(data, JSON.parse(JSON.stringify(a.spec)) as IndexSpecInput)).toEqual(a);
  });
});

describe('spec validation', () => {
  const codes = ['a', 'b', 'c'];
  const base = () => ({
    indicators: [
      { code: 'a', direction: 1, weight: 1 },
      { code: 'b', direction: 1, group: 'G' },
      { code: 'c', direction: 1, group: 'G' },
    ] as Record<string, unknown>[],
    tree: [{ code: 'G', weight: 1 }] as Record<string, unknown>[],
  });
  const bad = (mutate: (s: ReturnType<typeof base> & Record<string, unknown>) => void) => {
    const s = base() as ReturnType<typeof base> & Record<string, unknown>;
    mutate(s);
    return () => resolveSpec(s, codes);
  };

  it('accepts a good spec and fills in defaults', () => {
    const s = resolveSpec(base(), codes);
    expect(s).toMatchObject({
      screening: { minDataShare: 2 / 3 },
      imputation: 'mean',
      outliers: { enabled: true, skew: 2, kurtosis: 3.5, maxWinsorised: 5 },
      normalisation: { method: 'minmax', range: [0, 100], targetCap: false },
      aggregation: 'arithmetic',
      shift: false,
    });
    expect(s.indicators[1]).toEqual({ code: 'b', direction: 1, weight: 1, group: 'G' });
  });

  it('names the offending field', () => {
    expect(bad((s) => (s.indicators[2]!.weight = -1))).toThrow('indicators[2].weight must be ≥ 0');
    expect(bad((s) => (s.indicators[0]!.direction = 0))).toThrow('indicators[0].direction must be 1 or -1');
    expect(bad((s) => (s.indicators[1]!.code = 'zz'))).toThrow('indicators[1].code "zz" is not an indicator of the data');
    expect(bad((s) => (s.indicators[1]!.code = 'a'))).toThrow('indicators[1].code "a" is listed twice');
    expect(bad((s) => (s.indicators[1]!.group = 'H'))).toThrow('indicators[1].group "H" is not a tree node');
    expect(bad((s) => (s.indicators[0]!.goalposts = { lo: 2, hi: 1 }))).toThrow(
      'indicators[0].goalposts.lo must be < indicators[0].goalposts.hi',
    );
    expect(bad((s) => (s.tree[0]!.weight = Number.NaN))).toThrow('tree[0].weight must be a finite number');
    expect(bad((s) => s.tree.push({ code: 'H', parent: 'X', weight: 1 }))).toThrow('tree[1].parent "X" is not a tree node');
    expect(bad((s) => s.tree.push({ code: 'H', parent: 'G', weight: 1 }))).toThrow('tree[1] "H" has no indicators or child nodes');
    expect(
      bad((s) => {
        s.tree = [
          { code: 'G', parent: 'H', weight: 1 },
          { code: 'H', parent: 'G', weight: 1 },
        ];
      }),
    ).toThrow(/tree\[0\]\.parent: the tree has a cycle/);
    expect(
      bad((s) => {
        s.indicators[1]!.weight = 0;
        s.indicators[2]!.weight = 0;
      }),
    ).toThrow('the weights under tree[0] "G" sum to 0 (indicators[1].weight, indicators[2].weight)');
    expect(bad((s) => (s.screening = { minDataShare: 1.5 }))).toThrow('screening.minDataShare must be between 0 and 1');
    expect(bad((s) => (s.imputation = 'mode'))).toThrow("imputation must be one of 'mean', 'median', 'none'");
    expect(bad((s) => (s.imputaton = 'mean'))).toThrow('spec.imputaton is not a known field');
    expect(bad((s) => (s.outliers = { maxWinsorised: 1.5 }))).toThrow('outliers.maxWinsorised must be an integer ≥ 0');
    expect(bad((s) => (s.normalisation = { method: 'log' }))).toThrow('normalisation.method must be one of');
    expect(bad((s) => (s.normalisation = { range: [100, 0] }))).toThrow('normalisation.range[0] must be < normalisation.range[1]');
    expect(bad((s) => (s.normalisation = { method: 'target' }))).toThrow("indicators[0].target is required by normalisation 'target'");
    expect(bad((s) => (s.aggregation = 'median'))).toThrow("aggregation must be one of 'arithmetic', 'geometric', 'harmonic'");
    expect(bad((s) => (s.uncertainty = { runs: 0, seed: 1 }))).toThrow('uncertainty.runs must be an integer');
    expect(bad((s) => (s.uncertainty = { runs: 5, seed: 1, weightPerturbation: 1 }))).toThrow(
      'uncertainty.weightPerturbation must be ≥ 0 and < 1',
    );
    expect(bad((s) => (s.uncertainty = { runs: 5, seed: 1, normalisations: ['minmax', 'goalposts'] }))).toThrow(
      "indicators[0].goalposts is required by normalisation 'goalposts'",
    );
    expect(bad((s) => (s.uncertainty = { runs: 5, seed: 1, aggregations: ['mean'] }))).toThrow(
      'uncertainty.aggregations[0] must be one of',
    );
  });

  it('rejects bad data values with their place', () => {
    const d = dataOf({ A: [1, 2, 3] }, codes);
    d.values.A!.b = Number.POSITIVE_INFINITY;
    expect(() => runIndex(d, { indicators: codes.map((code) => ({ code, direction: 1 as const })) })).toThrow(
      'data.values["A"]["b"] must be a finite number or null',
    );
  });
});
