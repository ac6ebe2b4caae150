import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import type { UnfilledPlace } from '../../api/panels';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import type { Locale } from '../../../../common/enums';
import type { Call } from '../../api/projects';
import projects from './messages';
import { missesText } from './results';
import { unfilledOf, unfilledReason, unfilledText } from '../../components/projects/unfilled';

/** t() over the projects dictionary, as the pages that draw reviewers load it. */
const tOf =
  (locale: Locale): TFunction =>
  (key, params) => {
    const entry = (projects as Record<string, { zh: string; en: string }>)[key];
    if (!entry) throw new Error(`no message ${key}`);
    return formatMessage(locale === 'zh-CN' ? entry.zh : entry.en, params, locale);
  };
const zh = tOf('zh-CN');
const en = tOf('en-US');

const base = { applicationId: '00000000-0000-4000-8000-000000000001', applicationTitle: '智能网联', missing: 1, kind: 'reviews' } as const;
const place = (u: Pick<UnfilledPlace, 'code' | 'params'>): UnfilledPlace => ({ ...base, ...u }) as UnfilledPlace;

describe('the reasons a draw cannot fill its places (codes the server sends, words the web says)', () => {
  it('each code reads in Chinese and in English, with its numbers and no placeholder left', () => {
    const cases: [UnfilledPlace, string, string][] = [
      [
        place({ code: 'assign_orgs_short', params: { experts: 3, orgs: 2, reviews: 3 } }),
        '仅 3 位无回避专家，分属 2 个单位，而 3 份评审需要 3 个不同单位',
        'only 3 non-conflicted experts in 2 organisations; 3 reviews need 3 different organisations',
      ],
      [
        place({ code: 'assign_load_caps', params: { free: 1 } }),
        '无回避专家的评审上限已满：可用且单位未重复的专家仅 1 位',
        'load caps exhausted: only 1 non-conflicted expert has spare capacity in an organisation not yet on this application',
      ],
      [
        place({ code: 'quota_orgs_short', params: { field: 'finance', min: 1, experts: 0, orgs: 0 } }),
        '配额 finance ≥ 1：仅 0 位无回避的 finance 专家，分属 0 个单位',
        'quota finance ≥ 1: only 0 non-conflicted finance experts in 0 organisations',
      ],
      [
        place({ code: 'quota_load_caps', params: { field: 'finance', min: 2 } }),
        '配额 finance ≥ 2：无回避的 finance 专家已满额或单位重复',
        'quota finance ≥ 2: the non-conflicted finance experts are at their load caps or share an organisation with an assigned expert',
      ],
    ];
    for (const [u, zhText, enText] of cases) {
      expect(unfilledReason(u, zh)).toBe(zhText);
      expect(unfilledReason(u, en)).toBe(enText);
    }
  });

  it('English takes the singular for one and the plural otherwise', () => {
    expect(unfilledReason(place({ code: 'assign_orgs_short', params: { experts: 1, orgs: 1, reviews: 2 } }), en)).toBe(
      'only 1 non-conflicted expert in 1 organisation; 2 reviews need 2 different organisations',
    );
    expect(unfilledReason(place({ code: 'assign_load_caps', params: { free: 0 } }), en)).toMatch(
      /^load caps exhausted: no non-conflicted expert has/,
    );
    expect(unfilledReason(place({ code: 'assign_load_caps', params: { free: 2 } }), en)).toMatch(/only 2 non-conflicted experts have/);
  });

  it('names the application and how many places it lacks', () => {
    const u = { ...place({ code: 'assign_load_caps', params: { free: 0 } }), missing: 2 } as UnfilledPlace;
    expect(unfilledText(u, zh)).toMatch(/^“智能网联”缺 2 位：无回避专家的评审上限已满/);
    expect(unfilledText(u, en)).toMatch(/^"智能网联", 2 places short: load caps exhausted/);
  });

  it('reads the places from the 409 assignment_infeasible only', () => {
    const u = place({ code: 'assign_load_caps', params: { free: 0 } });
    const refused = new ApiError(409, 'assignment_infeasible', 'x', undefined, [], undefined, { unfilled: [u] });
    expect(unfilledOf(refused)).toEqual([u]);
    expect(unfilledOf(new ApiError(409, 'project_state', 'x', undefined, [], undefined, { unfilled: [u] }))).toEqual([]);
    expect(unfilledOf(new Error('x'))).toEqual([]);
  });
});

describe('an approval below the thresholds (stored as misses and a reason) reads in both languages', () => {
  const call = {
    reviewTemplate: { criteria: [{ key: 'innovation', zh: '创新性', en: 'Innovation', weight: 100, threshold: 60 }] },
  } as unknown as Pick<Call, 'reviewTemplate'>;
  const misses = [
    { criterionId: 'innovation', value: 50, threshold: 60 },
    { criterionId: null, value: 52.345, threshold: 60 },
  ];
  it('names the application, what it missed and the reason', () => {
    const say = (t: TFunction, locale: Locale) =>
      t('proj.decision.override', { title: '低分项目', misses: missesText(misses, call, t, locale), reason: '填补空白' });
    expect(say(zh, 'zh-CN')).toBe('“低分项目”低于评审门槛（创新性 50 < 60、总分 52.35 < 60）仍予立项，理由：填补空白');
    expect(say(en, 'en-US')).toBe(
      '"低分项目" was funded below the review thresholds (Innovation 50 < 60, Total 52.35 < 60); reason: 填补空白',
    );
  });
});

describe('how a central value was taken (a code of CENTRAL_VALUE_NOTES) reads in both languages', () => {
  it('the trimmed mean that fell back to the mean, and the one that dropped the extremes', () => {
    expect(zh('proj.scores.note.trim_too_few', { min: 5, n: 3 })).toBe(
      '去掉最高最低分后平均须有 5 位以上专家评分，本项目 3 位，改用算术平均',
    );
    expect(en('proj.scores.note.trim_too_few', { min: 5, n: 3 })).toBe(
      'The trimmed mean needs at least 5 experts; 3 scored, so the plain mean is used',
    );
    expect(zh('proj.scores.note.trim_dropped')).toBe('已去掉一个最高分和一个最低分');
    expect(en('proj.scores.note.trim_dropped')).toBe('The highest and the lowest value were dropped');
  });
});
