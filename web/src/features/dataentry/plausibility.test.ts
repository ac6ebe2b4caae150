import { describe, expect, it } from 'vitest';
import type { PlausibilityWarning } from '../../../../common/contracts/datavalues';
import type { Locale } from '../../../../common/enums';
import { ApiError } from '../../api/http';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import entry from './messages';
import { implausibleWarnings, previousText, warningText } from './plausibility';

/** t() over the data entry dictionary, as the entry page loads it. */
const tOf =
  (locale: Locale): TFunction =>
  (key, params) => {
    const e = (entry as Record<string, { zh: string; en: string }>)[key];
    if (!e) throw new Error(`no message ${key}`);
    return formatMessage(locale === 'zh-CN' ? e.zh : e.en, params, locale);
  };
const zh = tOf('zh-CN');
const en = tOf('en-US');

const wrongUnit: PlausibilityWarning = {
  index: 0,
  field: 'values.0.value',
  code: 'dv_wrong_unit',
  dataElement: 'gdp',
  orgUnit: '500241',
  period: '2025',
  value: 3_020_000,
  unit: '亿元',
  previous: { period: '2020', value: 301.27, status: 'approved' },
  ratio: 3_020_000 / 301.27,
  likelyUnit: '万元',
  corrected: 302,
};

describe('plausibility warnings (codes and parameters the server sends, words the web says)', () => {
  it('a wrong unit names the previous value, the ratio, the likely unit and the corrected figure', () => {
    expect(warningText(wrongUnit, '地区生产总值', zh, 'zh-CN')).toBe(
      '地区生产总值：3,020,000 亿元 约为上年值 301.27 亿元（2020 年）的 10,024 倍，像是按“万元”填写的——应为 302 亿元？',
    );
    expect(warningText(wrongUnit, 'GDP', en, 'en-US')).toBe(
      'GDP: 3,020,000 hundred million yuan is about 10,024 times the previous value 301.27 hundred million yuan (2020), as if given in ten thousand yuan. Should it be 302 hundred million yuan?',
    );
  });

  it('a jump names the factor; a magnitude names the bound', () => {
    const jump: PlausibilityWarning = {
      ...wrongUnit,
      code: 'dv_jump',
      value: 100,
      unit: '件',
      previous: { period: '2024', value: 8, status: 'submitted' },
      ratio: 12.5,
      factor: 10,
      likelyUnit: undefined,
      corrected: undefined,
    };
    expect(warningText(jump, '专利授权量', zh, 'zh-CN')).toBe(
      '专利授权量：100 件 是上年值 8 件（2024 年）的 12.5 倍，超出 10 倍的合理变化范围。',
    );
    const magnitude: PlausibilityWarning = { ...wrongUnit, code: 'dv_magnitude', previous: null, typicalMax: 100_000 };
    expect(warningText(magnitude, 'GDP', en, 'en-US')).toBe(
      'GDP: 3,020,000 hundred million yuan is beyond what a county reports (100,000 hundred million yuan); check the unit.',
    );
  });

  it('the previous value carries its year when it is not the year just before', () => {
    expect(previousText({ period: '2024', value: 1234.5, status: 'approved' }, '2025', zh, 'zh-CN')).toBe('1,234.5');
    expect(previousText({ period: '2020', value: 301.27, status: 'approved' }, '2025', zh, 'zh-CN')).toBe('301.27（2020 年）');
    expect(previousText(null, '2025', zh, 'zh-CN')).toBe('—');
  });

  it('reads the warnings only from a 409 dv_implausible answer', () => {
    const refused = new ApiError(409, 'dv_implausible', '…', undefined, [], 'r1', { warnings: [wrongUnit] });
    expect(implausibleWarnings(refused)).toEqual([wrongUnit]);
    expect(implausibleWarnings(new ApiError(400, 'validation', '…'))).toBeNull();
    expect(implausibleWarnings(new ApiError(409, 'dv_implausible', '…', undefined, [], 'r1', { warnings: [{ code: 'x' }] }))).toBeNull();
  });
});
