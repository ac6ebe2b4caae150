import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../../common/messages/errors';
import { ApiError } from '../../api/http';
import messages from './messages';
import { isNotInPool } from './notInPool';

describe('an expert account not in the pool yet (#14)', () => {
  it('is told apart from a missing permission', () => {
    expect(isNotInPool(new ApiError(403, 'expert_not_in_pool', '…'))).toBe(true);
    expect(isNotInPool(new ApiError(403, 'forbidden', '…'))).toBe(false);
    expect(isNotInPool(new Error('expert_not_in_pool'))).toBe(false);
  });
  it('reads why and whom to ask, in both languages, not the administrator', () => {
    expect(ERROR_MESSAGES.expert_not_in_pool?.['zh-CN']).toContain('请联系科技局');
    expect(ERROR_MESSAGES.expert_not_in_pool?.['en-US']).toContain('bureau');
    expect(ERROR_MESSAGES.expert_not_in_pool?.['zh-CN']).not.toContain('系统管理员');
    expect(messages['review.notInPool'].zh).toBeTruthy();
    expect(messages['review.notInPool'].en).toBeTruthy();
  });
});
