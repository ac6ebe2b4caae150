import { describe, expect, it } from 'vitest';
import { SWAP_SKIP_LABELS } from '../messages/review.js';
import { SWAP_SKIP_REASONS } from '../values/review.js';
import { noAlternateDetail, skipText } from './skips.js';

describe('swap skip reasons', () => {
  it('every code has its words in both languages, and no logic file holds them', () => {
    for (const code of SWAP_SKIP_REASONS) {
      expect(SWAP_SKIP_LABELS[code]?.['zh-CN']).toBeTruthy();
      expect(SWAP_SKIP_LABELS[code]?.['en-US']).toBeTruthy();
      expect(skipText(code, { cap: 3, fields: ['AI', 'bio'] }, 'zh-CN')).not.toContain('{');
      expect(skipText(code, { cap: 3, fields: ['AI', 'bio'] }, 'en-US')).not.toContain('{');
    }
  });

  it('fills the parameters in the reader’s language', () => {
    expect(skipText('load_cap', { cap: 3 }, 'zh-CN')).toBe('评审数量已达上限 3');
    expect(skipText('load_cap', { cap: 3 }, 'en-US')).toBe('at the load cap 3');
    expect(skipText('quota', { fields: ['AI', 'bio'] }, 'zh-CN')).toBe('不满足配额 AI、bio');
    expect(skipText('quota', { fields: ['AI', 'bio'] }, 'en-US')).toBe('misses the quota AI, bio');
    expect(skipText('load_cap', undefined, 'en-US')).toBe('at the load cap');
  });

  it('an older record’s sentence shows as stored, in the reader’s half', () => {
    expect(skipText('不可用 / unavailable', null, 'zh-CN')).toBe('不可用');
    expect(skipText('不可用 / unavailable', null, 'en-US')).toBe('unavailable');
  });

  it('no_alternate’s detail lists each alternate with its reason, or says there were none', () => {
    const d = noAlternateDetail([
      { name: '王五', reason: 'conflict' },
      { name: '赵六', reason: 'load_cap', params: { cap: 2 } },
    ]);
    expect(d).toEqual({
      'zh-CN': '王五：存在回避关系；赵六：评审数量已达上限 2',
      'en-US': '王五: conflict of interest; 赵六: at the load cap 2',
    });
    expect(noAlternateDetail([])).toEqual({ 'zh-CN': '无备选', 'en-US': 'no alternates' });
  });
});
