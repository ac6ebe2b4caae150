import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import type { Locale } from '../../../../common/enums';
import { CONFLICT_FINDINGS } from '../../../../common/values/review';
import type { Conflict } from '../../api/projects';
import projects from './messages';
import { evidenceText } from './conflictEvidence';

/** t() over the projects dictionary, as the conflicts tab loads it. */
const tOf =
  (locale: Locale): TFunction =>
  (key, params) => {
    const entry = (projects as Record<string, { zh: string; en: string }>)[key];
    if (!entry) throw new Error(`no message ${key}`);
    return formatMessage(locale === 'zh-CN' ? entry.zh : entry.en, params, locale);
  };
const say = (c: Pick<Conflict, 'source' | 'evidence' | 'finding'>, locale: Locale) => evidenceText(c, tOf(locale), locale);

const A = '91500241MA5U1234X5';
const party = { party: 'applicant', creditCode: A } as const;
const window = { windowStart: '2021-06-30', years: 3 };
const findings: [NonNullable<Conflict['finding']>, string, string][] = [
  [
    { code: 'same_org', params: { expert: '王明', ...party } },
    `专家王明所在单位与申报单位统一社会信用代码相同（${A}）`,
    `Expert 王明 works for the applicant (same unified social credit code ${A})`,
  ],
  [
    { code: 'employment', params: { expert: '王明', ...party, from: '2019-03-01', to: null, ...window } },
    `专家王明 2019-03-01–至今 在申报单位（${A}）任职，在 2021-06-30 起的 3 年内`,
    `Expert 王明 was employed by the applicant (${A}) 2019-03-01–present, within 3 years (since 2021-06-30)`,
  ],
  [
    { code: 'advice', params: { expert: '王明', party: 'partner', creditCode: A, from: '2020-01-01', to: '2022-01-01', ...window } },
    `专家王明 2020-01-01–2022-01-01 在合作单位（${A}）担任顾问，在 2021-06-30 起的 3 年内`,
    `Expert 王明 advised the partner (${A}) 2020-01-01–2022-01-01, within 3 years (since 2021-06-30)`,
  ],
  [
    { code: 'relative_org', params: { expert: '王明', relative: '王芳', ...party } },
    `专家王明的亲属王芳关联申报单位（${A}）`,
    `A relative of expert 王明, 王芳, is linked to the applicant (${A})`,
  ],
  [
    { code: 'relative_name', params: { expert: '王明', name: '李华' } },
    '专家王明的亲属姓名“李华”与项目组成员同名（仅姓名相同，需人工核实）',
    'A relative of expert 王明 has the same name as team member “李华” (name match only, to be verified)',
  ],
  [
    { code: 'shareholding', params: { expert: '王明', ...party } },
    `专家王明持有申报单位（${A}）股份`,
    `Expert 王明 holds shares in the applicant (${A})`,
  ],
  [
    { code: 'dispute', params: { expert: '王明', ...party, date: '2023-05-05', ...window } },
    `专家王明与申报单位（${A}）于 2023-05-05 存在法律纠纷，在 2021-06-30 起的 3 年内`,
    `Expert 王明 had a legal dispute with the applicant (${A}) on 2023-05-05, within 3 years (since 2021-06-30)`,
  ],
  [
    { code: 'drafted_call', params: { expert: '王明', callId: 'c1' } },
    '专家王明参与起草了本项目所申报的指南',
    'Expert 王明 drafted the call this application answers',
  ],
];

describe('a conflict suggestion’s evidence (codes the server sends, words the web says)', () => {
  it('every finding code reads in Chinese and in English, with its parameters and no placeholder left', () => {
    expect(findings.map(([f]) => f.code)).toEqual([...CONFLICT_FINDINGS]);
    for (const [finding, zh, en] of findings) {
      expect(say({ source: 'automatic', evidence: null, finding }, 'zh-CN')).toBe(zh);
      expect(say({ source: 'automatic', evidence: null, finding }, 'en-US')).toBe(en);
    }
  });

  it('English counts the window’s years', () => {
    const finding = {
      code: 'dispute',
      params: { expert: 'W', ...party, date: '2025-01-01', windowStart: '2024-06-30', years: 1 },
    } as const;
    expect(say({ source: 'automatic', evidence: null, finding }, 'en-US')).toContain('within 1 year (since 2024-06-30)');
  });

  it('a suggestion detected before the codes keeps its stored sentence, the reader’s half; a person’s words stay as written', () => {
    const old = '专家王明持有申报单位（X）股份 / expert 王明 holds shares in the applicant (X)';
    expect(say({ source: 'automatic', evidence: old, finding: null }, 'zh-CN')).toBe('专家王明持有申报单位（X）股份');
    expect(say({ source: 'automatic', evidence: old, finding: null }, 'en-US')).toBe('expert 王明 holds shares in the applicant (X)');
    expect(say({ source: 'declared', evidence: '曾合作 / co-authored', finding: null }, 'en-US')).toBe('曾合作 / co-authored');
  });
});
