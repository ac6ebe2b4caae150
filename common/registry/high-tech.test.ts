import { describe, expect, it } from 'vitest';
import {
  type HighTechConditionCode,
  type HighTechInput,
  HIGH_TECH_DEFAULTS,
  certificateValidOn,
  certificateValidUntil,
  fiscalPeriod,
  highTechPrecheck,
} from './high-tech.js';
import { growthRate, innovationScore } from './high-tech-innovation.js';

/** A company that meets every condition (the innovation score exactly at 71 in the worst case). */
const base = (): HighTechInput => ({
  registrationDate: '2018-05-01',
  assessmentDate: '2024-06-30',
  coreIp: { count: 6, hasInvention: true },
  inKeySupportedField: true,
  averageEmployees: 100,
  stStaff: 25,
  fiscalYears: [
    { year: 2021, sales: 3000, rdExpense: 180, rdExpenseInChina: 180, netAssets: 2000 },
    { year: 2022, sales: 3600, rdExpense: 200, rdExpenseInChina: 200, netAssets: 2600 },
    { year: 2023, sales: 4200, rdExpense: 230, rdExpenseInChina: 230, netAssets: 3300 },
  ],
  lastYearHighTechRevenue: 3500,
  lastYearTotalRevenue: 4200,
  innovation: { ipPoints: 24, achievementTransfers: 12, rdOrganisationPoints: 16 },
  noMajorIncident: true,
});

const cond = (input: HighTechInput, code: HighTechConditionCode) => {
  const c = highTechPrecheck(input).conditions.find((x) => x.code === code);
  if (!c) throw new Error(code);
  return c;
};

const withYears = (sales: number[], rd: number[]): HighTechInput => ({
  ...base(),
  fiscalYears: [2021, 2022, 2023].map((year, i) => ({
    year,
    sales: sales[i] ?? null,
    rdExpense: rd[i] ?? null,
    rdExpenseInChina: rd[i] ?? null,
  })),
  innovation: { ipPoints: 30, transferPoints: 30, rdOrganisationPoints: 20, growthPoints: 20 },
});

describe('highTechPrecheck: a complete, eligible company', () => {
  it('every condition passes, with the numbers used', () => {
    const r = highTechPrecheck(base());
    expect(r.overall).toBe('eligible');
    expect(r.period).toEqual([2021, 2022, 2023]);
    expect(r.conditions.map((c) => [c.code, c.result])).toEqual([
      ['registered_one_year', 'pass'],
      ['core_ip', 'pass'],
      ['key_field', 'pass'],
      ['st_staff_ratio', 'pass'],
      ['rd_ratio', 'pass'],
      ['rd_in_china', 'pass'],
      ['high_tech_revenue', 'pass'],
      ['innovation_score', 'pass'],
      ['no_major_incident', 'pass'],
    ]);
    const rd = r.conditions[4]!;
    // 610 / 10 800 = 5.648 %; latest sales 4 200 ≤ 5 000 → 5 %
    expect(rd.numbers).toMatchObject({ rdExpense: 610, sales: 10800, latestSales: 4200, threshold: 0.05, years: 3 });
    expect(rd.numbers.ratio).toBeCloseTo(0.056481, 6);
    expect(rd.measure).toMatchObject({ threshold: 0.05, comparator: '>=', unit: 'ratio' });
  });

  it('labels in Chinese and English on every condition', () => {
    for (const c of highTechPrecheck(base()).conditions) {
      expect(c.label_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.label_en).toMatch(/[A-Za-z]/);
    }
  });
});

describe('registered for one year (365 days)', () => {
  it('364 days fails, 365 passes (2024 is a leap year)', () => {
    const r = { ...base(), registrationDate: '2023-07-01' };
    expect(cond({ ...r, assessmentDate: '2024-06-29' }, 'registered_one_year')).toMatchObject({ result: 'fail', numbers: { days: 364 } });
    expect(cond({ ...r, assessmentDate: '2024-06-30' }, 'registered_one_year')).toMatchObject({ result: 'pass', numbers: { days: 365 } });
  });
});

describe('R&D ratio bands by the latest year’s sales', () => {
  it('exactly 5 000 万 is in the ≤ 5 000 万 band (5 %)', () => {
    // 4.5 %: fails at 5 %, passes at 4 %
    expect(cond(withYears([5000, 5000, 5000], [225, 225, 225]), 'rd_ratio')).toMatchObject({
      result: 'fail',
      numbers: { threshold: 0.05 },
    });
    expect(cond(withYears([5000, 5000, 5000.01], [225, 225, 225]), 'rd_ratio')).toMatchObject({
      result: 'pass',
      numbers: { threshold: 0.04 },
    });
  });

  it('exactly 2 亿 is in the 4 % band, above it 3 %', () => {
    expect(cond(withYears([20000, 20000, 20000], [700, 700, 700]), 'rd_ratio')).toMatchObject({
      result: 'fail',
      numbers: { threshold: 0.04 },
    });
    expect(cond(withYears([20000, 20000, 20000.01], [700, 700, 700]), 'rd_ratio')).toMatchObject({
      result: 'pass',
      numbers: { threshold: 0.03 },
    });
  });

  it('the band follows the latest year, not the three-year total', () => {
    // Σ sales 12 000 but the latest year is 4 000 → 5 % band.
    expect(cond(withYears([4000, 4000, 4000], [200, 200, 190]), 'rd_ratio')).toMatchObject({
      result: 'fail',
      numbers: { threshold: 0.05 },
    });
  });

  it('exactly on the threshold passes, also with decimal 万元 amounts', () => {
    expect(cond(withYears([4000, 4000, 4000], [200, 200, 200]), 'rd_ratio').result).toBe('pass');
    // Σ = 10 000.0 and 500.0 up to binary rounding
    expect(cond(withYears([3333.3, 3333.3, 3333.4], [166.665, 166.665, 166.67]), 'rd_ratio').result).toBe('pass');
  });

  it('a missing year makes it unknown and says which values are missing', () => {
    const input = { ...base(), fiscalYears: base().fiscalYears.filter((f) => f.year !== 2022) };
    const c = cond(input, 'rd_ratio');
    expect(c.result).toBe('unknown');
    expect(c.missing).toEqual(['fiscalYears[2022].rdExpense', 'fiscalYears[2022].sales']);
    expect(highTechPrecheck(input).overall).toBe('undetermined');
  });

  it('zero sales: unknown with a note rather than a guess', () => {
    expect(cond(withYears([0, 0, 0], [10, 10, 10]), 'rd_ratio')).toMatchObject({ result: 'unknown', note: 'zero_denominator' });
  });
});

describe('young companies use the years they have', () => {
  it('registered mid-2022, assessed 2024: 2022 and 2023', () => {
    expect(fiscalPeriod('2024-06-30', '2022-07-01')).toEqual([2022, 2023]);
    expect(fiscalPeriod('2024-06-30', '2015-01-01')).toEqual([2021, 2022, 2023]);
    expect(fiscalPeriod('2024-06-30', null)).toEqual([2021, 2022, 2023]);
    const input: HighTechInput = {
      ...base(),
      registrationDate: '2022-07-01',
      fiscalYears: [
        { year: 2022, sales: 800, rdExpense: 60, rdExpenseInChina: 60 },
        { year: 2023, sales: 2000, rdExpense: 100, rdExpenseInChina: 80 },
      ],
      lastYearTotalRevenue: 2000,
      lastYearHighTechRevenue: 1500,
      innovation: { ipPoints: 24, achievementTransfers: 8, rdOrganisationPoints: 16 },
    };
    const r = highTechPrecheck(input);
    expect(r.period).toEqual([2022, 2023]);
    // 160 / 2 800 = 5.71 %
    expect(r.conditions.find((c) => c.code === 'rd_ratio')).toMatchObject({
      result: 'pass',
      numbers: { years: 2, rdExpense: 160, sales: 2800 },
    });
    // 140 / 160 = 87.5 %
    expect(r.conditions.find((c) => c.code === 'rd_in_china')?.numbers.ratio).toBeCloseTo(0.875, 9);
    // Growth needs three years: 24 + [19, 24] (4 a year) + 16 + [0, 20] = [59, 84] → unknown
    const inn = r.conditions.find((c) => c.code === 'innovation_score')!;
    expect(inn).toMatchObject({ result: 'unknown', numbers: { min: 59, max: 84, transfersPerYear: 4 } });
    expect(inn.missing).toContain('innovation.growthPoints');
    expect(r.overall).toBe('undetermined');
    // Once growth is scored by the experts: 24 + 19 + 16 + 14 = 73 at least.
    expect(highTechPrecheck({ ...input, innovation: { ...input.innovation, growthPoints: 14 } }).overall).toBe('eligible');
  });
});

describe('S&T staff and revenue boundaries', () => {
  it('exactly 10 % staff passes, just below fails', () => {
    expect(cond({ ...base(), stStaff: 10, averageEmployees: 100 }, 'st_staff_ratio')).toMatchObject({
      result: 'pass',
      numbers: { ratio: 0.1 },
    });
    expect(cond({ ...base(), stStaff: 10, averageEmployees: 100.1 }, 'st_staff_ratio').result).toBe('fail');
  });

  it('59.99 % high-tech revenue fails, 60 % passes', () => {
    expect(cond({ ...base(), lastYearHighTechRevenue: 5999, lastYearTotalRevenue: 10000 }, 'high_tech_revenue').result).toBe('fail');
    expect(cond({ ...base(), lastYearHighTechRevenue: 6000, lastYearTotalRevenue: 10000 }, 'high_tech_revenue').result).toBe('pass');
  });

  it('R&D in China: 60 % passes, below fails', () => {
    const input = (inChina: number): HighTechInput => ({
      ...base(),
      fiscalYears: base().fiscalYears.map((f) => ({ ...f, rdExpenseInChina: f.year === 2023 ? inChina : 0 })),
    });
    // Σ R&D 610; 60 % = 366
    expect(cond(input(366), 'rd_in_china').result).toBe('pass');
    expect(cond(input(365.9), 'rd_in_china').result).toBe('fail');
  });
});

describe('missing data and the overall result', () => {
  it('missing staff figure → undetermined, condition unknown with what is missing', () => {
    const r = highTechPrecheck({ ...base(), stStaff: null });
    expect(r.overall).toBe('undetermined');
    expect(r.conditions.find((c) => c.code === 'st_staff_ratio')).toMatchObject({ result: 'unknown', missing: ['stStaff'] });
  });

  it('each nullable input, when null, leaves its condition unknown', () => {
    const cases: [Partial<HighTechInput>, HighTechConditionCode, string[]][] = [
      [{ registrationDate: null }, 'registered_one_year', ['registrationDate']],
      [{ coreIp: null }, 'core_ip', ['coreIp']],
      [{ inKeySupportedField: null }, 'key_field', ['inKeySupportedField']],
      [{ averageEmployees: null }, 'st_staff_ratio', ['averageEmployees']],
      [{ lastYearTotalRevenue: null }, 'high_tech_revenue', ['lastYearTotalRevenue']],
      [{ noMajorIncident: null }, 'no_major_incident', ['noMajorIncident']],
    ];
    for (const [patch, code, missing] of cases) {
      const r = highTechPrecheck({ ...base(), ...patch });
      expect(r.overall).toBe('undetermined');
      expect(r.conditions.find((c) => c.code === code)).toMatchObject({ result: 'unknown', missing });
    }
  });

  it('a failed hard condition makes it ineligible even when other data is missing', () => {
    const r = highTechPrecheck({ ...base(), stStaff: null, inKeySupportedField: false });
    expect(r.overall).toBe('ineligible');
    expect(highTechPrecheck({ ...base(), coreIp: { count: 0, hasInvention: false } }).overall).toBe('ineligible');
    expect(highTechPrecheck({ ...base(), noMajorIncident: false }).overall).toBe('ineligible');
  });

  it('zero total revenue: unknown with a note', () => {
    expect(cond({ ...base(), lastYearTotalRevenue: 0 }, 'high_tech_revenue')).toMatchObject({
      result: 'unknown',
      note: 'zero_denominator',
    });
  });
});

describe('innovation score', () => {
  it('base company: growth estimated from net assets and sales', () => {
    const c = cond(base(), 'innovation_score');
    // net assets ½(2600/2000 + 3300/2600) − 1 = 28.46 % → 7–8; sales ½(3600/3000 + 4200/3600) − 1 = 18.33 % → 5–6
    expect(c.numbers.netAssetsGrowth).toBeCloseTo(0.284615, 5);
    expect(c.numbers.salesGrowth).toBeCloseTo(0.183333, 5);
    expect(c.numbers).toMatchObject({ growthMin: 12, growthMax: 14, transferMin: 19, transferMax: 24, min: 71, max: 78, threshold: 71 });
    expect(c.result).toBe('pass');
  });

  it('fails when even the best case is below 71; unknown when the range straddles it', () => {
    const low = cond({ ...base(), innovation: { ipPoints: 10, achievementTransfers: 0, rdOrganisationPoints: 10 } }, 'innovation_score');
    // 10 + 0 + 10 + [12, 14] = [32, 34]
    expect(low).toMatchObject({ result: 'fail', numbers: { min: 32, max: 34 }, measure: { value: 34, threshold: 71 } });
    const mid = cond({ ...base(), innovation: { ipPoints: 20, achievementTransfers: 12 } }, 'innovation_score');
    expect(mid).toMatchObject({ result: 'unknown', missing: ['innovation.rdOrganisationPoints'] });
  });

  it('entered sub-scores are range-checked', () => {
    expect(() => highTechPrecheck({ ...base(), innovation: { ipPoints: 31 } })).toThrow(RangeError);
  });

  it('the pass mark and the unconfirmed growth points are parameters', () => {
    // base: [71, 78]
    const mark = (passMark: number) => ({ ...HIGH_TECH_DEFAULTS, innovation: { ...HIGH_TECH_DEFAULTS.innovation, passMark } });
    expect(highTechPrecheck(base(), mark(75)).overall).toBe('undetermined');
    expect(highTechPrecheck(base(), mark(80)).overall).toBe('ineligible');
    // Growth points one lower in every band: 24 + 19 + 16 + (6 + 4) = 69 at worst → undetermined.
    const growthBands = HIGH_TECH_DEFAULTS.innovation.growthBands.map((b) => ({
      min: b.min,
      points: [b.points[0] - 1, b.points[1]] as const,
    }));
    const lower = { ...HIGH_TECH_DEFAULTS, innovation: { ...HIGH_TECH_DEFAULTS.innovation, growthBands } };
    expect(highTechPrecheck(base(), lower).overall).toBe('undetermined');
  });

  it('growth rate ½(y2/y1 + y3/y2) − 1 and its bands (lower bounds inclusive)', () => {
    expect(growthRate(100, 130, 169)).toBeCloseTo(0.3, 12);
    expect(growthRate(0, 130, 169)).toBeNull();
    expect(growthRate(100, -5, 169)).toBeNull();
    const g = (y1: number, y2: number, y3: number) =>
      innovationScore(
        { ipPoints: 0, transferPoints: 0, rdOrganisationPoints: 0 },
        { years: [1, 2, 3], netAssets: [y1, y2, y3], sales: [y1, y2, y3] },
      ).growth.range;
    expect(g(100, 135, 182.25)).toEqual({ min: 18, max: 20 }); // exactly 35 %
    expect(g(100, 125, 156.25)).toEqual({ min: 14, max: 16 }); // exactly 25 %
    expect(g(100, 115, 132.25)).toEqual({ min: 10, max: 12 }); // exactly 15 %
    expect(g(100, 105, 110.25)).toEqual({ min: 6, max: 8 }); // exactly 5 %
    expect(g(100, 104, 108.16)).toEqual({ min: 0, max: 4 }); // 4 %: below the last cut point
  });

  it('achievement transfers: yearly average → points range', () => {
    const t = (n: number) => innovationScore({ achievementTransfers: n }, { years: [1, 2, 3], netAssets: [], sales: [] }).transfer.range;
    expect(t(15)).toEqual({ min: 25, max: 30 });
    expect(t(12)).toEqual({ min: 19, max: 24 });
    expect(t(9)).toEqual({ min: 13, max: 18 });
    expect(t(6)).toEqual({ min: 7, max: 12 });
    expect(t(3)).toEqual({ min: 1, max: 6 });
    expect(t(2)).toEqual({ min: 0, max: 0 });
  });
});

describe('certificate validity: three years', () => {
  it('ends the day before the third anniversary', () => {
    expect(certificateValidUntil('2021-12-15')).toBe('2024-12-14');
    expect(certificateValidUntil('2020-02-29')).toBe('2023-02-28');
    expect(certificateValidOn('2021-12-15', '2024-12-14')).toBe(true);
    expect(certificateValidOn('2021-12-15', '2024-12-15')).toBe(false);
    expect(certificateValidOn('2021-12-15', '2021-12-14')).toBe(false);
  });
});
