import { describe, expect, it } from 'vitest';
import type { AccountName } from '../../../../common/contracts/ledger';
import type { Locale } from '../../../../common/enums';
import { ACCOUNT_KINDS } from '../../../../common/values/ledger';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import ledger from './messages';
import { accountNameText } from '../../components/ledger/accountName';

/** t() over the ledger dictionary, as the pages that show accounts load it. */
const tOf =
  (locale: Locale): TFunction =>
  (key, params) => {
    const entry = (ledger as Record<string, { zh: string; en: string }>)[key];
    if (!entry) throw new Error(`no message ${key}`);
    return formatMessage(locale === 'zh-CN' ? entry.zh : entry.en, params, locale);
  };
const zh = tOf('zh-CN');
const en = tOf('en-US');

describe('ledger account names (codes and parameters the server sends, words the web says)', () => {
  const cases: [AccountName, string, string][] = [
    [{ kind: 'funding', year: 2026, source: 'county', unitCode: null }, '2026 年度资金来源（县级财政）', '2026 funding (County)'],
    [
      { kind: 'funding', year: 2026, source: 'municipal', unitCode: '500241' },
      '2026 年度资金来源（市级财政）· 500241',
      '2026 funding (Municipal) · 500241',
    ],
    [
      { kind: 'budget', year: 2026, source: 'national', policyCode: 'rd_increment' },
      '2026 年度预算（中央财政）· rd_increment',
      '2026 budget (Central) · rd_increment',
    ],
    [{ kind: 'payable', holder: '秀山科技有限公司' }, '应付：秀山科技有限公司', 'Payable: 秀山科技有限公司'],
    [{ kind: 'paid', year: 2025, source: 'county', policyCode: null }, '2025 年度已支付（县级财政）', '2025 paid out (County)'],
    [
      { kind: 'paid', year: 2025, source: 'county', policyCode: 'call_XS-2026-01' },
      '2025 年度已支付（县级财政）· call_XS-2026-01',
      '2025 paid out (County) · call_XS-2026-01',
    ],
  ];

  it('names every kind of account in Chinese and in English, with its parameters and no placeholder left', () => {
    expect(new Set(cases.map(([n]) => n.kind))).toEqual(new Set(ACCOUNT_KINDS));
    for (const [name, chinese, english] of cases) {
      expect(accountNameText(name, zh)).toBe(chinese);
      expect(accountNameText(name, en)).toBe(english);
    }
  });

  it('shows a fund source outside the catalogue as written, a missing parameter as a dash, a policy by the name given', () => {
    expect(accountNameText({ kind: 'budget', year: null, source: 'special', policyCode: 'p1' }, en)).toBe('— budget (special) · p1');
    expect(accountNameText({ kind: 'payable', holder: null }, zh)).toBe('应付：—');
    expect(accountNameText({ kind: 'budget', year: 2026, source: 'county', policyCode: 'p1' }, zh, () => '研发投入增量补助')).toBe(
      '2026 年度预算（县级财政）· 研发投入增量补助',
    );
  });
});
