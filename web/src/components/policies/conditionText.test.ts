import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../common/enums';
import { CONDITION_CODES, type ConditionCode } from '../../../../common/values/policies';
import type { ConditionResult } from '../../api/policies';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import { shellMessages } from '../../app/messages';
import components from '../messages';
import { conditionText, requirementText } from './conditionText';

/** t() over the shell's and the shared components' dictionaries, as the app renders it (a missing key shows as itself). */
const tIn =
  (locale: Locale): TFunction =>
  (key, params) => {
    const entry = ({ ...shellMessages, ...components } as Record<string, { zh: string; en: string }>)[key];
    return entry ? formatMessage(entry[locale === 'zh-CN' ? 'zh' : 'en'], params, locale) : key;
  };

/** The conditions the engine and the service add, as the server sends them (codes and data, no words). */
const SAMPLES: Record<ConditionCode, ConditionResult> = {
  valid_dates: {
    id: 'valid_dates',
    code: 'valid_dates',
    outcome: 'pass',
    fact: 'date',
    actual: '2025-03-01',
    requirement: { op: 'between', values: ['2021-01-01'] },
  },
  trigger_match: {
    id: 'trigger:event.qualificationType',
    code: 'trigger_match',
    params: { fact: 'event.qualificationType' },
    outcome: 'pass',
    fact: 'event.qualificationType',
    actual: 'high_tech',
    requirement: { op: 'in', values: ['high_tech', 'tech_sme'] },
  },
  no_trigger: {
    id: 'event',
    code: 'no_trigger',
    outcome: 'fail',
    fact: 'qualification.granted',
    actual: null,
    requirement: { op: 'event', values: ['qualification.granted'] },
  },
};

const EXPECTED: Record<ConditionCode, Record<Locale, [string, string]>> = {
  valid_dates: {
    'zh-CN': ['政策有效期内', '2021-01-01 至 至今'],
    'en-US': ['Within the policy’s validity dates', '2021-01-01 to present'],
  },
  trigger_match: {
    'zh-CN': ['触发事件符合（event.qualificationType）', '∈ high_tech、tech_sme'],
    'en-US': ['Triggering event matches (event.qualificationType)', '∈ high_tech, tech_sme'],
  },
  no_trigger: {
    'zh-CN': ['登记库中有触发该政策的事项', '资质认定'],
    'en-US': ['The register holds a record that triggers this policy', 'qualification granted'],
  },
};

const rule = (requirement: ConditionResult['requirement']): ConditionResult => ({
  id: 'staff',
  zh: '职工人数达标',
  en: 'Enough staff',
  outcome: 'pass',
  fact: 'enterprise.staff',
  actual: 8,
  requirement,
});

describe('decision conditions: every code and requirement renders in both languages', () => {
  it('the samples cover every code', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CONDITION_CODES].sort());
  });

  for (const code of CONDITION_CODES)
    for (const locale of ['zh-CN', 'en-US'] as const)
      it(`${code} in ${locale}`, () => {
        const t = tIn(locale);
        expect([conditionText(SAMPLES[code], t, locale), requirementText(SAMPLES[code], t)]).toEqual(EXPECTED[code][locale]);
        if (locale === 'en-US')
          expect(requirementText(SAMPLES[code], t) + conditionText(SAMPLES[code], t, locale)).not.toMatch(/[\u4e00-\u9fff]/);
      });

  it('a rule’s own condition keeps its words; its operator and values are written per language', () => {
    const en = tIn('en-US');
    const zh = tIn('zh-CN');
    expect(conditionText(rule({ op: 'gte', values: [5], param: 'min_staff' }), zh, 'zh-CN')).toBe('职工人数达标');
    expect(conditionText(rule({ op: 'gte', values: [5], param: 'min_staff' }), en, 'en-US')).toBe('Enough staff');
    expect(requirementText(rule({ op: 'gte', values: [5], param: 'min_staff' }), en)).toBe('≥ 5');
    expect(requirementText(rule({ op: 'gte', values: [], param: 'min_staff' }), en)).toBe('≥ parameter min_staff (to be set)');
    expect(requirementText(rule({ op: 'gte', values: [], param: 'min_staff' }), zh)).toBe('≥ 参数 min_staff（待定）');
    expect(requirementText(rule({ op: 'is_true', values: [] }), en)).toBe('Yes');
    expect(requirementText(rule({ op: 'is_false', values: [] }), zh)).toBe('否');
    expect(requirementText(rule({ op: 'eq', values: [true] }), en)).toBe('= Yes');
    expect(requirementText(rule({ op: 'in', values: ['national', 'city'] }), zh)).toBe('∈ national、city');
    expect(requirementText(rule({ op: 'between', values: ['2021-01-01', '2025-12-31'] }), en)).toBe('2021-01-01 to 2025-12-31');
  });

  it('a decision stored before issue #13 shows its stored words (是/否 translated)', () => {
    const en = tIn('en-US');
    const old: ConditionResult = {
      id: 'valid_dates',
      zh: '政策有效期内',
      en: 'Within the policy’s validity dates',
      outcome: 'pass',
      fact: 'date',
      expected: '2021-01-01 – …',
    };
    expect(conditionText(old, en, 'en-US')).toBe('Within the policy’s validity dates');
    expect(requirementText(old, en)).toBe('2021-01-01 – …');
    expect(requirementText({ ...old, expected: '是' }, en)).toBe('Yes');
    expect(requirementText({ ...old, expected: undefined }, en)).toBe('—');
  });
});
