import { describe, expect, it } from 'vitest';
import { formatMessage } from './formatMessage';

const enterprises = '{n, plural, one {# enterprise} other {# enterprises}}';

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(formatMessage('{a} and {b}', { a: 1 }, 'en-US')).toBe('1 and {b}');
    expect(formatMessage('{a}', undefined, 'en-US')).toBe('{a}');
  });

  it('picks the English plural form by Intl.PluralRules', () => {
    expect(formatMessage(enterprises, { n: 1 }, 'en-US')).toBe('1 enterprise');
    expect(formatMessage(enterprises, { n: 2 }, 'en-US')).toBe('2 enterprises');
    expect(formatMessage(enterprises, { n: 0 }, 'en-US')).toBe('0 enterprises');
    expect(formatMessage(enterprises, { n: 1.5 }, 'en-US')).toBe('1.5 enterprises');
  });

  it('takes an exact =n branch first, and other where the locale has no other category', () => {
    const text = '{n, plural, =0 {none} one {one row} other {# rows}}';
    expect(formatMessage(text, { n: 0 }, 'en-US')).toBe('none');
    expect(formatMessage(text, { n: 1 }, 'en-US')).toBe('one row');
    // Chinese has one plural category, other.
    expect(formatMessage('{n, plural, one {# 个?} other {# 个}}', { n: 1 }, 'zh-CN')).toBe('1 个');
  });

  it('fills placeholders inside a branch and around it', () => {
    const text = 'Checked {file}: {error, plural, one {# row has} other {# rows have}} errors in {file}';
    expect(formatMessage(text, { file: 'a.xlsx', error: 1 }, 'en-US')).toBe('Checked a.xlsx: 1 row has errors in a.xlsx');
    expect(formatMessage(text, { file: 'a.xlsx', error: 3 }, 'en-US')).toBe('Checked a.xlsx: 3 rows have errors in a.xlsx');
  });

  it('shows an already formatted number in the general form, and a missing count as written', () => {
    expect(formatMessage(enterprises, { n: '1,200' }, 'en-US')).toBe('1,200 enterprises');
    expect(formatMessage(enterprises, {}, 'en-US')).toBe(enterprises);
  });
});
