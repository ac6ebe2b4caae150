import { describe, expect, it } from 'vitest';
import { normalizeName, shortName } from './orgnames.js';

describe('normalizeName', () => {
  it('removes ASCII, ideographic and non-breaking spaces and folds full-width forms', () => {
    expect(normalizeName(' 忠 县 ')).toBe('忠县');
    expect(normalizeName('忠\u3000县')).toBe('忠县');
    expect(normalizeName('ＡＢＣ１２３')).toBe('ABC123');
  });
});

describe('shortName', () => {
  it.each([
    ['秀山土家族苗族自治县', '秀山'],
    ['彭水苗族土家族自治县', '彭水'], // 水 is itself an ethnic group name: must not eat it
    ['石柱土家族自治县', '石柱'],
    ['九龙坡区', '九龙坡'],
    ['秀山县', '秀山'],
    ['忠县', '忠县'], // one character would remain: keep the full name
    ['中和街道', '中和'],
    ['清溪场镇', '清溪场'],
    ['钟灵乡', '钟灵'],
    ['重庆市', '重庆'],
    ['秀山工业园区', '秀山工业园'],
  ])('%s → %s', (input, expected) => {
    expect(shortName(input)).toBe(expected);
  });
});
