import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../common/enums';
import { AMOUNT_MESSAGE_CODES, POLICY_MESSAGE_CODES, type PolicyMessageCode } from '../../../../common/values/policies';
import type { PolicyMessage } from '../../api/policies';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import { shellMessages } from '../../app/messages';
import components from '../messages';
import { amountText, noteOrMessage, policyMessageText } from './policyMessage';

/** t() over the shell's and the shared components' dictionaries, as the app renders it (a missing key shows as itself). */
const tIn =
  (locale: Locale): TFunction =>
  (key, params) => {
    const entry = ({ ...shellMessages, ...components } as Record<string, { zh: string; en: string }>)[key];
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
  not_eligible: { code: 'not_eligible', params: {} },
  no_trigger: { code: 'no_trigger', params: { event: 'qualification.granted' } },
  param_pending: { code: 'param_pending', params: { param: 'amount_national' } },
  fact_missing: { code: 'fact_missing', params: { fact: 'stats.rdIncrement' } },
  amount_fixed: { code: 'amount_fixed', params: { param: 'amount', fen: 10_000_000 } },
  amount_table: { code: 'amount_table', params: { fact: 'event.level', key: 'national', param: 'amount_national', fen: 30_000_000 } },
  table_no_reward: { code: 'table_no_reward', params: { fact: 'event.level', key: 'county' } },
  amount_rate: { code: 'amount_rate', params: { fact: 'stats.rdIncrement', baseFen: 12_500_000, pct: 2.5, fen: 312_500 } },
  amount_rate_capped: {
    code: 'amount_rate_capped',
    params: { fact: 'stats.rdIncrement', baseFen: 150_000_000, pct: 10, capParam: 'cap', capFen: 5_000_000, fen: 5_000_000 },
  },
};

/** What each code must say, per language: its words and its figures formatted as yuan. */
const EXPECTED: Record<PolicyMessageCode, Record<Locale, string[]>> = {
  stacking_not_higher: { 'zh-CN': ['就高不重复', '¥150,000.00'], 'en-US': ['Not stacked', '¥150,000.00'] },
  stacking_difference: { 'zh-CN': ['已兑现 ¥100,000.50', '补足差额'], 'en-US': ['¥100,000.50 already committed', 'difference'] },
  yearly_cap: { 'zh-CN': ['年度上限 ¥500,000.00', '本年已用 ¥123,456.00'], 'en-US': ['Yearly cap ¥500,000.00', '¥123,456.00 used'] },
  stacking_superseded: { 'zh-CN': ['改按更高的“tenant_high_tech”'], 'en-US': ['superseded', 'tenant_high_tech'] },
  objection_upheld: { 'zh-CN': ['异议成立：经核实不在孵化器内'], 'en-US': ['Objection upheld: 经核实不在孵化器内'] },
  seed_catalogue: { 'zh-CN': ['初始目录（金额待定）'], 'en-US': ['Initial catalogue'] },
  not_eligible: { 'zh-CN': ['不符合条件'], 'en-US': ['Not eligible'] },
  no_trigger: { 'zh-CN': ['登记库中没有触发该政策的事项', '资质认定'], 'en-US': ['no record that triggers', 'qualification granted'] },
  param_pending: { 'zh-CN': ['参数 amount_national 待定'], 'en-US': ['Parameter amount_national is still to be set'] },
  fact_missing: { 'zh-CN': ['缺少 stats.rdIncrement'], 'en-US': ['does not hold stats.rdIncrement'] },
  amount_fixed: { 'zh-CN': ['定额 ¥100,000.00', 'amount'], 'en-US': ['Fixed amount ¥100,000.00', 'parameter amount'] },
  amount_table: {
    'zh-CN': ['event.level = national', 'amount_national', '¥300,000.00'],
    'en-US': ['event.level = national', 'parameter amount_national: ¥300,000.00'],
  },
  table_no_reward: { 'zh-CN': ['event.level = county', '不在奖励范围'], 'en-US': ['event.level = county', 'no amount'] },
  amount_rate: {
    'zh-CN': ['stats.rdIncrement ¥125,000.00 × 2.5% = ¥3,125.00'],
    'en-US': ['stats.rdIncrement ¥125,000.00 × 2.5% = ¥3,125.00'],
  },
  amount_rate_capped: {
    'zh-CN': ['¥1,500,000.00 × 10%', '封顶 ¥50,000.00', 'cap'],
    'en-US': ['¥1,500,000.00 × 10%', 'capped at ¥50,000.00', 'parameter cap'],
  },
};

describe('policy messages: every code the server sends renders in both languages', () => {
  it('the samples cover every code', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...POLICY_MESSAGE_CODES].sort());
  });

  for (const code of POLICY_MESSAGE_CODES)
    for (const locale of ['zh-CN', 'en-US'] as const)
      it(`${code} in ${locale}`, () => {
        const text = policyMessageText(SAMPLES[code], tIn(locale), locale);
        expect(text).not.toMatch(/policyMsg\.|pol\.|common\./);
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

  it('an amount is its message rendered; a decision older than issue #13 shows its stored sentence', () => {
    for (const code of AMOUNT_MESSAGE_CODES)
      expect(amountText({ message: SAMPLES[code] }, tIn('en-US'), 'en-US')).toBe(policyMessageText(SAMPLES[code], tIn('en-US'), 'en-US'));
    expect(amountText({ explanation: '定额 amount' }, tIn('en-US'), 'en-US')).toBe('定额 amount');
    expect(amountText({ message: SAMPLES.amount_fixed, explanation: '定额 amount' }, tIn('zh-CN'), 'zh-CN')).toBe(
      '定额 ¥100,000.00（参数 amount）',
    );
    expect(amountText({}, tIn('zh-CN'), 'zh-CN')).toBe('—');
  });
});
