import { describe, expect, it } from 'vitest';
import { type TechSmeInput, evaluateTechSme, smeRegistrationValidOn } from './tech-sme.js';

/** 100 employees, 30 S&T staff (20), R&D/sales 6 % (50), one invention (30): 100 points. */
const base = (): TechSmeInput => ({
  employees: 100,
  stStaff: 30,
  sales: 5000,
  totalAssets: 8000,
  rdExpense: 300,
  totalCost: 4000,
  ip: { classI: 1, classII: 0 },
  noSeriousViolation: true,
  direct: { high_tech_certificate: false, national_award: false, provincial_rd_institution: false, led_standard: false },
});

const staffPoints = (stStaff: number) => evaluateTechSme({ ...base(), stStaff }).items[0]!.points;
const rdBySales = (rdExpense: number) => evaluateTechSme({ ...base(), rdExpense, totalCost: null }).items[1]!.min;
const rdByCost = (rdExpense: number) => evaluateTechSme({ ...base(), rdExpense, sales: 1_000_000_000, totalCost: 1000 }).items[1]!;
const ipPoints = (classI: number, classII: number) => evaluateTechSme({ ...base(), ip: { classI, classII } }).items[2]!.points;

describe('S&T staff item (20): lower bounds inclusive', () => {
  it.each([
    [30, 20],
    [29.99, 16],
    [25, 16],
    [24.99, 12],
    [20, 12],
    [19.99, 8],
    [15, 8],
    [14.99, 4],
    [10, 4],
    [9.99, 0],
    [0, 0],
  ])('%d of 100 staff → %d points', (stStaff, points) => {
    expect(staffPoints(stStaff)).toBe(points);
  });
});

describe('R&D item (50): the better of R&D/sales and R&D/total cost', () => {
  it.each([
    [300, 50], // 6 %
    [299.9, 40],
    [250, 40], // 5 %
    [249.9, 30],
    [200, 30], // 4 %
    [199.9, 20],
    [150, 20], // 3 %
    [149.9, 10],
    [100, 10], // 2 %
    [99.9, 0],
  ])('R&D %d on sales 5 000 → at least %d points', (rd, points) => {
    expect(rdBySales(rd)).toBe(points);
  });

  it.each([
    [300, 50], // 30 %
    [299.9, 40],
    [250, 40],
    [249.9, 30],
    [200, 30],
    [199.9, 20],
    [150, 20],
    [149.9, 10],
    [100, 10], // 10 %
    [99.9, 0],
  ])('R&D %d on total cost 1 000 → %d points', (rd, points) => {
    const i = rdByCost(rd);
    expect(i.points).toBe(points);
    if (points > 0) expect(i.basis).toBe('total_cost');
  });

  it('takes the better ratio and says which', () => {
    // sales: 150/5000 = 3 % → 20; cost: 150/500 = 30 % → 50
    const i = evaluateTechSme({ ...base(), rdExpense: 150, totalCost: 500 }).items[1]!;
    expect(i).toMatchObject({ points: 50, basis: 'total_cost', numbers: { salesPoints: 20, costPoints: 50 } });
    const j = evaluateTechSme({ ...base(), rdExpense: 300, totalCost: 2000 }).items[1]!; // cost 15 % → 20
    expect(j).toMatchObject({ points: 50, basis: 'sales', numbers: { salesPoints: 50, costPoints: 20 } });
  });

  it('with one ratio unknown: the known one is a floor, full marks already decide', () => {
    expect(evaluateTechSme({ ...base(), totalCost: null }).items[1]).toMatchObject({ points: 50, basis: 'sales' });
    const partial = evaluateTechSme({ ...base(), rdExpense: 150, totalCost: null }).items[1]!;
    expect(partial).toMatchObject({ points: null, min: 20, max: 50, missing: ['totalCost'] });
  });
});

describe('IP item (30)', () => {
  it.each([
    [1, 0, 30],
    [2, 5, 30],
    [0, 5, 24],
    [0, 4, 24],
    [0, 3, 18],
    [0, 2, 12],
    [0, 1, 6],
    [0, 0, 0],
  ])('class I %d, class II %d → %d points', (classI, classII, points) => {
    expect(ipPoints(classI, classII)).toBe(points);
  });
});

describe('qualification by score', () => {
  it('100 points: eligible by score, with item points and numbers', () => {
    const r = evaluateTechSme(base());
    expect(r).toMatchObject({
      overall: 'eligible',
      route: 'score',
      score: { min: 100, max: 100, result: 'pass', threshold: 60 },
      missing: [],
    });
    expect(r.items.map((i) => [i.code, i.points])).toEqual([
      ['st_staff', 20],
      ['rd', 50],
      ['ip', 30],
    ]);
    expect(r.items[0]!.numbers.ratio).toBeCloseTo(0.3, 12);
  });

  it('exactly 60 passes, 59 or less fails', () => {
    // staff 4 (10 %) + R&D 50 + IP 6 (one class II) = 60
    expect(evaluateTechSme({ ...base(), stStaff: 10, ip: { classI: 0, classII: 1 } })).toMatchObject({
      overall: 'eligible',
      score: { min: 60 },
    });
    // staff 4 + R&D 40 (5 %) + IP 12 = 56
    const r = evaluateTechSme({ ...base(), stStaff: 10, rdExpense: 250, ip: { classI: 0, classII: 2 } });
    expect(r).toMatchObject({ overall: 'ineligible', route: null, score: { min: 56, max: 56, result: 'fail' } });
    expect(r.conditions[4]!.measure).toEqual({ value: 56, threshold: 60, comparator: '>=', unit: 'points' });
  });

  it('a staff item of 0 fails even with 80 points', () => {
    const r = evaluateTechSme({ ...base(), stStaff: 9 });
    expect(r.score).toMatchObject({ min: 80, result: 'fail' });
    expect(r.overall).toBe('ineligible');
  });
});

describe('direct routes', () => {
  it.each(['high_tech_certificate', 'national_award', 'provincial_rd_institution', 'led_standard'] as const)(
    '%s qualifies without the score',
    (code) => {
      const r = evaluateTechSme({ ...base(), stStaff: 0, ip: { classI: 0, classII: 0 }, direct: { ...base().direct, [code]: true } });
      expect(r).toMatchObject({ overall: 'eligible', route: 'direct', score: { result: 'fail' } });
    },
  );

  it('but not past the size limits or a serious violation', () => {
    const direct = { high_tech_certificate: true };
    expect(evaluateTechSme({ ...base(), direct, employees: 501, stStaff: 151 }).overall).toBe('ineligible');
    expect(evaluateTechSme({ ...base(), direct, noSeriousViolation: false }).overall).toBe('ineligible');
  });

  it('unknown direct routes do not matter when the score passes, and are missing when it fails', () => {
    expect(evaluateTechSme({ ...base(), direct: undefined })).toMatchObject({ overall: 'eligible', route: 'score', missing: [] });
    const r = evaluateTechSme({ ...base(), stStaff: 5, direct: { high_tech_certificate: false } });
    expect(r.overall).toBe('undetermined');
    expect(r.missing).toEqual(['direct.national_award', 'direct.provincial_rd_institution', 'direct.led_standard']);
  });
});

describe('size limits: inclusive upper bounds', () => {
  it('500 employees, 2 亿 sales and assets pass; one more fails', () => {
    expect(evaluateTechSme({ ...base(), employees: 500, stStaff: 150, sales: 20000, rdExpense: 1200, totalAssets: 20000 }).overall).toBe(
      'eligible',
    );
    const over = (patch: Partial<TechSmeInput>, code: string) => {
      const r = evaluateTechSme({ ...base(), ...patch });
      expect(r.overall).toBe('ineligible');
      expect(r.conditions.find((c) => c.code === code)?.result).toBe('fail');
    };
    over({ employees: 501, stStaff: 200 }, 'employees');
    over({ sales: 20000.01, rdExpense: 1300 }, 'sales');
    over({ totalAssets: 20000.01 }, 'total_assets');
  });
});

describe('missing data', () => {
  it('reports what is missing and stays undetermined', () => {
    const r = evaluateTechSme({ ...base(), stStaff: null, totalAssets: null, direct: {} });
    expect(r.overall).toBe('undetermined');
    expect(r.items[0]).toMatchObject({ points: null, min: 0, max: 20, missing: ['stStaff'] });
    expect(r.missing).toEqual([
      'totalAssets',
      'stStaff',
      'direct.high_tech_certificate',
      'direct.national_award',
      'direct.provincial_rd_institution',
      'direct.led_standard',
    ]);
  });

  it('decided despite gaps: the best case is below 60', () => {
    // staff unknown [0, 20] + R&D 0 + IP 0 → at most 20
    const r = evaluateTechSme({ ...base(), stStaff: null, rdExpense: 0, ip: { classI: 0, classII: 0 } });
    expect(r.score).toMatchObject({ min: 0, max: 20, result: 'fail' });
    expect(r.overall).toBe('ineligible');
  });

  it('labels in both languages', () => {
    const r = evaluateTechSme(base());
    for (const x of [...r.conditions, ...r.items, ...r.direct]) {
      expect(x.label_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(x.label_en).toMatch(/[A-Za-z]/);
    }
  });
});

describe('smeRegistrationValidOn', () => {
  it('valid in the registration year only', () => {
    expect(smeRegistrationValidOn(2024, '2024-01-01')).toBe(true);
    expect(smeRegistrationValidOn(2024, '2024-12-31')).toBe(true);
    expect(smeRegistrationValidOn(2024, '2025-01-01')).toBe(false);
    expect(smeRegistrationValidOn(2024, '2023-12-31')).toBe(false);
  });
});
