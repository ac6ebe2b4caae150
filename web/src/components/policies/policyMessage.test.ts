import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../common/enums';
import { POLICY_MESSAGE_CODES, type PolicyMessageCode } from '../../../../common/values/policies';
import type { PolicyMessage } from '../../api/policies';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import components from '../messages';
import { noteOrMessage, policyMessageText } from './policyMessage';

/** t() over the shared components' dictionary, as the app renders it (a missing key shows as itself). */
const tIn =
  (locale: Locale): TFunction =>
  (key, params) => {
    const entry = (components as Record<string, { zh: string; en: string }>)[key];
    return entry ? formatMessage(entry[locale === 'zh-CN' ? 'zh' : 'en'], params, locale) : key;
  };

/** One message of each code, with the parameters the server sends (amounts in fen). */
const SAMPLES: Record<PolicyMessageCode, PolicyMessage> = {
  stacking_not_higher: { code: 'stacking_not_higher', params: { bestFen: 15_000_000 } },
  stacking_difference: { code: 'stacking_difference', params: { committedFen: 10_000_050 } },
  yearly_cap: { code: 'yearly_cap', params: { capFen: 50_000_000, usedFen: 12_345_600 } },
  stacking_superseded: { code: 'stacking_superseded', params: { policyCode: 'tenant_high_tech' } },
  objection_upheld: { code: 'objection_upheld', params: { resolution: '经核实不在孵化器内' } },
  seed_catalogue: { code: 'seed_catalogue', params: {} },
};

/** What each code must say, per language: its words and its figures formatted as yuan. */
const EXPECTED: Record<PolicyMessageCode, Record<Locale, string[]>> = {
  stacking_not_higher: { 'zh-CN': ['就高不重复', '¥150,000.00'], 'en-US': ['Not stacked', '¥150,000.00'] },
  stacking_difference: { 'zh-CN': ['已兑现 ¥100,000.50', '补足差额'], 'en-US': ['¥100,000.50 already committed', 'difference'] },
  yearly_cap: { 'zh-CN': ['年度上限 ¥500,000.00', '本年已用 ¥123,456.00'], 'en-US': ['Yearly cap ¥500,000.00', '¥123,456.00 used'] },
  stacking_superseded: { 'zh-CN': ['改按更高的“tenant_high_tech”'], 'en-US': ['superseded', 'tenant_high_tech'] },
  objection_upheld: { 'zh-CN': ['异议成立：经核实不在孵化器内'], 'en-US': ['Objection upheld: 经核实不在孵化器内'] },
  seed_catalogue: { 'zh-CN': ['初始目录（金额待定）'], 'en-US': ['Initial catalogue'] },
};

describe('policy messages: every code the server sends renders in both languages', () => {
  it('the samples cover every code', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...POLICY_MESSAGE_CODES].sort());
  });

  for (const code of POLICY_MESSAGE_CODES)
    for (const locale of ['zh-CN', 'en-US'] as const)
      it(`${code} in ${locale}`, () => {
        const text = policyMessageText(SAMPLES[code], tIn(locale), locale);
        expect(text).not.toContain('policyMsg.');
        expect(text).not.toMatch(/[{}]/);
        for (const part of EXPECTED[code][locale]) expect(text).toContain(part);
        // English has no Chinese words of its own (only the resolver's words, a parameter).
        if (locale === 'en-US' && code !== 'objection_upheld') expect(text).not.toMatch(/[\u4e00-\u9fff]/);
      });

  it('a row older than issue #13 shows its stored sentence; a message wins over it', () => {
    const t = tIn('en-US');
    expect(noteOrMessage({ note: '就高不重复：改按更高的“x”兑现 / superseded by a higher claim', message: null }, t, 'en-US')).toBe(
      '就高不重复：改按更高的“x”兑现 / superseded by a higher claim',
    );
    expect(noteOrMessage({ note: null, message: SAMPLES.seed_catalogue }, t, 'en-US')).toBe('Initial catalogue (amounts to be set)');
    expect(noteOrMessage({ note: null }, t, 'en-US')).toBeNull();
  });
});
