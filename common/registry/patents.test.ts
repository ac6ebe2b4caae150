import { describe, expect, it } from 'vitest';
import { ipClass, isHighValueInvention, patentCheckChar, patentExpiry, validatePatentNumber } from './patents.js';

describe('patent check character (weights 2..9 cycling from the left, mod 11, 10 → X)', () => {
  it("the sources' worked examples", () => {
    // (2·2+0·3+1·4+7·5+1·6+0·7+6·8+0·9+1·2+8·3+6·4+2·5) = 157; 157 mod 11 = 3
    expect(patentCheckChar('201710601862')).toBe('3');
    // 9·2+5·3+1·4+1·5+5·6+6·7+0·8+8·9 = 186; 186 mod 11 = 10 → X
    expect(patentCheckChar('95115608')).toBe('X');
  });

  it('hand-computed vectors', () => {
    // 4+0+8+5+6+0+8+18+6+12+20+30 = 117; 117 mod 11 = 7
    expect(patentCheckChar('202110123456')).toBe('7');
    // 4+0+0+25+6+0+0+9+4+9+16+25 = 98; 98 mod 11 = 10 → X
    expect(patentCheckChar('200510012345')).toBe('X');
    // 18+27+4+10+18+28+40+54 = 199; 199 mod 11 = 1
    expect(patentCheckChar('99123456')).toBe('1');
    // 4+0+8+5+12+0+8+18+6+12+20+30 = 123; 123 mod 11 = 2
    expect(patentCheckChar('202120123456')).toBe('2');
  });

  it('rejects other lengths', () => {
    expect(() => patentCheckChar('2021101234')).toThrow(RangeError);
  });
});

describe('validatePatentNumber', () => {
  it('12-digit forms with and without prefix', () => {
    const expected = {
      ok: true,
      normalized: '202110123456.7',
      form: '12-digit',
      year: 2021,
      type: 'invention',
      pct: false,
      serial: '0123456',
    };
    expect(validatePatentNumber('202110123456.7')).toMatchObject({ ...expected, prefix: null, checkChar: '7' });
    expect(validatePatentNumber('ZL202110123456.7')).toMatchObject({ ...expected, prefix: 'ZL' });
    expect(validatePatentNumber('CN202110123456.7')).toMatchObject({ ...expected, prefix: 'CN' });
    expect(validatePatentNumber('CN 2021 1 0123456.7')).toMatchObject({ ...expected, prefix: 'CN' });
    expect(validatePatentNumber(' zl２０２１１０１２３４５６．７ ')).toMatchObject({ ...expected, prefix: 'ZL' });
    expect(validatePatentNumber('ZL202110123456·7')).toMatchObject(expected);
    expect(validatePatentNumber('2021101234567')).toMatchObject(expected);
  });

  it('type from the type digit, PCT national phase included', () => {
    expect(validatePatentNumber('202120123456.2')).toMatchObject({ ok: true, type: 'utility_model', pct: false });
    expect(validatePatentNumber('202130123456.8')).toMatchObject({ ok: true, type: 'design', pct: false });
    expect(validatePatentNumber('201880012345.5')).toMatchObject({ ok: true, type: 'invention', pct: true });
    expect(validatePatentNumber('201990012345.5')).toMatchObject({ ok: true, type: 'utility_model', pct: true });
  });

  it('X as check character, lower-case x accepted', () => {
    expect(validatePatentNumber('200510012345.X')).toMatchObject({ ok: true, year: 2005, type: 'invention', checkChar: 'X' });
    expect(validatePatentNumber('zl200510012345.x')).toMatchObject({ ok: true, normalized: '200510012345.X' });
  });

  it('8-digit (1985–2003) numbers', () => {
    expect(validatePatentNumber('ZL95115608.X')).toMatchObject({
      ok: true,
      form: '8-digit',
      year: 1995,
      type: 'invention',
      serial: '15608',
    });
    expect(validatePatentNumber('99123456.1')).toMatchObject({ ok: true, year: 1999, type: 'invention' });
    expect(validatePatentNumber('03123456.9')).toMatchObject({ ok: true, year: 2003 });
    expect(validatePatentNumber('85100001.0')).toMatchObject({ ok: true, year: 1985 });
  });

  it('wrong check character', () => {
    expect(validatePatentNumber('99123456.7')).toEqual({ ok: false, error: 'check', expected: '1', actual: '7' });
    expect(validatePatentNumber('202110123456.8')).toEqual({ ok: false, error: 'check', expected: '7', actual: '8' });
  });

  it('missing check character: an error that suggests the right one', () => {
    expect(validatePatentNumber('CN202110123456')).toEqual({ ok: false, error: 'missing_check', expected: '7' });
    expect(validatePatentNumber('99123456')).toEqual({ ok: false, error: 'missing_check', expected: '1' });
  });

  it('bad year and type digit', () => {
    expect(validatePatentNumber('200210123456.0')).toMatchObject({ ok: false, error: 'year', actual: '2002' });
    expect(validatePatentNumber('50123456.1')).toMatchObject({ ok: false, error: 'year', actual: '50' });
    expect(validatePatentNumber('202150123456.1')).toMatchObject({ ok: false, error: 'type', actual: '5' });
    expect(validatePatentNumber('99423456.1')).toMatchObject({ ok: false, error: 'type', actual: '4' });
  });

  it('format errors', () => {
    for (const bad of [
      '',
      'ZL',
      '2021101234.5',
      '20211012345.6',
      'US202110123456.7',
      'CN112345678A',
      '202110123456.77',
      'ZLCN202110123456.7',
    ]) {
      expect(validatePatentNumber(bad)).toEqual({ ok: false, error: 'format' });
    }
  });
});

describe('patentExpiry: the day before the anniversary', () => {
  it('invention 20 years, utility model 10', () => {
    expect(patentExpiry('invention', '2001-05-10')).toBe('2021-05-09');
    expect(patentExpiry('utility_model', '2021-01-01')).toBe('2030-12-31');
  });

  it('design: 15 years from 2021-06-01, 10 before', () => {
    expect(patentExpiry('design', '2021-06-01')).toBe('2036-05-31');
    expect(patentExpiry('design', '2021-05-31')).toBe('2031-05-30');
  });

  it('29 February: term ends 28 February in a common year, 28 February in a leap year too', () => {
    expect(patentExpiry('utility_model', '2020-02-29')).toBe('2030-02-28');
    expect(patentExpiry('invention', '2020-02-29')).toBe('2040-02-28');
  });

  it('rejects malformed dates', () => {
    expect(() => patentExpiry('invention', '2021-02-30')).toThrow(RangeError);
    expect(() => patentExpiry('invention', '2021/01/01')).toThrow(RangeError);
  });
});

describe('isHighValueInvention', () => {
  const base = { type: 'invention' as const, valid: true, filingDate: '2015-03-15', asOf: '2024-12-31' };

  it('needs a valid invention', () => {
    expect(isHighValueInvention({ ...base, overseasFamilyMember: true }).value).toBe(true);
    expect(isHighValueInvention({ ...base, valid: false, overseasFamilyMember: true })).toEqual({
      value: false,
      reasons: [],
      labels: [],
      unknown: [],
    });
    expect(isHighValueInvention({ ...base, type: 'utility_model', overseasFamilyMember: true }).value).toBe(false);
  });

  it('each criterion alone suffices; several are all listed with labels', () => {
    expect(isHighValueInvention({ ...base, strategicEmergingIndustry: true }).reasons).toEqual(['strategic_emerging_industry']);
    expect(isHighValueInvention({ ...base, pledgedForSignificantFinancing: true }).reasons).toEqual(['pledged_for_financing']);
    expect(isHighValueInvention({ ...base, nationalAward: true }).reasons).toEqual(['national_award']);
    const r = isHighValueInvention({ ...base, strategicEmergingIndustry: true, nationalAward: true });
    expect(r.reasons).toEqual(['strategic_emerging_industry', 'national_award']);
    expect(r.labels[0]).toEqual({
      code: 'strategic_emerging_industry',
      label_zh: '战略性新兴产业相关',
      label_en: 'In a strategic emerging industry',
    });
  });

  it('maintained more than 10 years: from the tenth anniversary of filing', () => {
    const f = {
      ...base,
      filingDate: '2014-03-15',
      strategicEmergingIndustry: false,
      overseasFamilyMember: false,
      pledgedForSignificantFinancing: false,
      nationalAward: false,
    };
    expect(isHighValueInvention({ ...f, asOf: '2024-03-14' })).toEqual({ value: false, reasons: [], labels: [], unknown: [] });
    expect(isHighValueInvention({ ...f, asOf: '2024-03-15' }).reasons).toEqual(['maintained_over_10_years']);
  });

  it('unknown criteria are reported, not taken as false', () => {
    const r = isHighValueInvention({ type: 'invention', valid: true, overseasFamilyMember: false });
    expect(r.value).toBe(false);
    expect(r.unknown).toEqual(['strategic_emerging_industry', 'maintained_over_10_years', 'pledged_for_financing', 'national_award']);
  });

  it('IP class: invention I, others II', () => {
    expect(ipClass('invention')).toBe('I');
    expect(ipClass('utility_model')).toBe('II');
    expect(ipClass('design')).toBe('II');
  });
});
