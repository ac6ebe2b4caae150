import { describe, expect, it } from 'vitest';
import { type HighTechInput, highTechPrecheck } from './high-tech.js';
import { CULTIVATION_DEFAULTS, distanceToHighTech, rankPipeline, shortfall } from './cultivation.js';

const eligible = (): HighTechInput => ({
  registrationDate: '2018-05-01',
  assessmentDate: '2024-06-30',
  coreIp: { count: 6, hasInvention: true },
  inKeySupportedField: true,
  averageEmployees: 100,
  stStaff: 25,
  fiscalYears: [2021, 2022, 2023].map((year) => ({ year, sales: 10000, rdExpense: 500, rdExpenseInChina: 500 })),
  lastYearHighTechRevenue: 8000,
  lastYearTotalRevenue: 10000,
  innovation: { ipPoints: 25, transferPoints: 20, rdOrganisationPoints: 16, growthPoints: 12 },
  noMajorIncident: true,
});

/** Latest sales 10 000 → 4 % band; R&D 320 a year → 3.2 %. */
const rdShort = (): HighTechInput => ({
  ...eligible(),
  fiscalYears: eligible().fiscalYears.map((f) => ({ ...f, rdExpense: 320, rdExpenseInChina: 320 })),
});

describe('distanceToHighTech', () => {
  it('an eligible company is at 0 with nothing missing', () => {
    expect(distanceToHighTech(highTechPrecheck(eligible()))).toEqual({ rankKey: 0, failed: 0, unknown: 0, missing: [] });
  });

  it('R&D 3.2 % vs 4 %: short by 0.8 percentage points, 20 % of the threshold', () => {
    const d = distanceToHighTech(highTechPrecheck(rdShort()));
    expect(d).toMatchObject({ rankKey: 1.2, failed: 1, unknown: 0 });
    expect(d.missing).toEqual([
      {
        code: 'rd_ratio',
        label_zh: '近三年研发费用占销售收入比例',
        label_en: 'R&D expense to sales, last three years',
        result: 'fail',
        shortBy: { value: 0.032, threshold: 0.04, absolute: 0.008, relative: 0.2, unit: 'ratio' },
      },
    ]);
  });

  it('unknown conditions cost less than failures and list what to collect', () => {
    const d = distanceToHighTech(highTechPrecheck({ ...eligible(), stStaff: null, noMajorIncident: null }));
    expect(d).toMatchObject({ rankKey: 2 * CULTIVATION_DEFAULTS.unknownWeight, failed: 0, unknown: 2 });
    expect(d.missing.map((m) => [m.code, m.result, m.missing])).toEqual([
      ['st_staff_ratio', 'unknown', ['stStaff']],
      ['no_major_incident', 'unknown', ['noMajorIncident']],
    ]);
  });

  it('a failure without a number costs the full shortfall', () => {
    const d = distanceToHighTech(highTechPrecheck({ ...eligible(), inKeySupportedField: false }));
    expect(d.rankKey).toBe(2);
    expect(d.missing[0]).not.toHaveProperty('shortBy');
  });

  it('days to the first anniversary count as a shortfall too', () => {
    const d = distanceToHighTech(highTechPrecheck({ ...eligible(), registrationDate: '2023-10-02' }));
    // 2023-10-02 → 2024-06-30 = 272 days; short by 93 of 365
    expect(d.missing.find((m) => m.code === 'registered_one_year')?.shortBy).toMatchObject({ value: 272, absolute: 93, unit: 'days' });
  });

  it('relative shortfall is capped at 1; upper limits measure the excess', () => {
    expect(shortfall({ value: 0, threshold: 0.04, comparator: '>=', unit: 'ratio' }).relative).toBe(1);
    expect(shortfall({ value: 550, threshold: 500, comparator: '<=', unit: 'persons' })).toMatchObject({ absolute: 50, relative: 0.1 });
    expect(shortfall({ value: 2, threshold: 0, comparator: '<=', unit: 'count' }).relative).toBe(1);
  });

  it('is deterministic', () => {
    const input = { ...rdShort(), stStaff: 8, coreIp: null };
    expect(distanceToHighTech(highTechPrecheck(input))).toEqual(distanceToHighTech(highTechPrecheck(input)));
  });
});

describe('rankPipeline', () => {
  it('closest first; ties broken by fewer failures, then id', () => {
    const ranked = rankPipeline([
      { id: 'c', precheck: highTechPrecheck({ ...eligible(), inKeySupportedField: false }) }, // 2
      { id: 'b', precheck: highTechPrecheck(rdShort()) }, // 1.2
      {
        id: 'a',
        precheck: highTechPrecheck({ ...eligible(), stStaff: null, noMajorIncident: null, coreIp: null, inKeySupportedField: null }),
      }, // 4 × 0.5 = 2
      { id: 'd', precheck: highTechPrecheck(eligible()) }, // 0
      { id: 'e', precheck: highTechPrecheck({ ...eligible(), inKeySupportedField: false }) }, // 2
    ]);
    expect(ranked.map((r) => [r.position, r.id, r.score.rankKey])).toEqual([
      [1, 'd', 0],
      [2, 'b', 1.2],
      [3, 'a', 2],
      [4, 'c', 2],
      [5, 'e', 2],
    ]);
  });

  it('weights are parameters', () => {
    const entries = [
      { id: 'x', precheck: highTechPrecheck(rdShort()) },
      { id: 'y', precheck: highTechPrecheck({ ...eligible(), stStaff: null, noMajorIncident: null, coreIp: null }) },
    ];
    expect(rankPipeline(entries).map((r) => r.id)).toEqual(['x', 'y']); // 1.2 vs 1.5
    expect(rankPipeline(entries, { ...CULTIVATION_DEFAULTS, unknownWeight: 0.2 }).map((r) => r.id)).toEqual(['y', 'x']); // 1.2 vs 0.6
  });
});
