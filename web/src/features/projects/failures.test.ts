import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import type { Locale } from '../../../../common/enums';
import { THRESHOLD_FAILURES } from '../../../../common/values/review';
import projects from './messages';
import { failureText, type PanelFailure } from '../../components/projects/failures';

/** t() over the projects dictionary, as the funding tab loads it. */
const tOf =
  (locale: Locale): TFunction =>
  (key, params) => {
    const entry = (projects as Record<string, { zh: string; en: string }>)[key];
    if (!entry) throw new Error(`no message ${key}`);
    return formatMessage(locale === 'zh-CN' ? entry.zh : entry.en, params, locale);
  };
const call = {
  reviewTemplate: { criteria: [{ key: 'innovation', zh: '创新性', en: 'Innovation', weight: 100, threshold: 60 }] },
} as unknown as Parameters<typeof failureText>[3];

describe('a panel’s missed thresholds (codes the server sends, words the web says)', () => {
  const cases: [PanelFailure, string, string][] = [
    [
      { code: 'miss_criterion', params: { criterion: 'innovation', value: 55.5, threshold: 60 } },
      '创新性得分 55.5，低于门槛 60',
      'Innovation scored 55.5, below its threshold 60',
    ],
    [{ code: 'miss_total', params: { value: 58.333333, threshold: 60 } }, '总分 58.33，低于门槛 60', 'total 58.33, below the threshold 60'],
  ];

  it('each code reads in Chinese and in English, with its numbers and no placeholder left', () => {
    expect(cases.map(([f]) => typeof f !== 'string' && f.code)).toEqual([...THRESHOLD_FAILURES]);
    for (const [f, zh, en] of cases) {
      expect(failureText(f, tOf('zh-CN'), 'zh-CN', call)).toBe(zh);
      expect(failureText(f, tOf('en-US'), 'en-US', call)).toBe(en);
    }
  });

  it('a criterion the template does not name shows by its key', () => {
    const f: PanelFailure = { code: 'miss_criterion', params: { criterion: 'impact', value: 40, threshold: 50 } };
    expect(failureText(f, tOf('en-US'), 'en-US', call)).toBe('impact scored 40, below its threshold 50');
    expect(failureText(f, tOf('zh-CN'), 'zh-CN')).toBe('impact得分 40，低于门槛 50');
  });

  it('a snapshot stored before the codes keeps its sentence, in the reader’s half', () => {
    const old = '总分 58 低于门槛 60 / total 58 is below the threshold 60';
    expect(failureText(old, tOf('zh-CN'), 'zh-CN', call)).toBe('总分 58 低于门槛 60');
    expect(failureText(old, tOf('en-US'), 'en-US', call)).toBe('total 58 is below the threshold 60');
  });
});
