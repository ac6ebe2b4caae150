import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, fenAsYuan, fill, translate } from './messages.js';

describe('message parameters', () => {
  it('fen as yuan: two decimals, thousands separators, exact for integers', () => {
    expect(fenAsYuan(0)).toBe('0.00');
    expect(fenAsYuan(5)).toBe('0.05');
    expect(fenAsYuan(123_456_789)).toBe('1,234,567.89');
    expect(fenAsYuan(1_000_000_000_000_01)).toBe('1,000,000,000,000.01');
    expect(fenAsYuan(-1_050)).toBe('-10.50');
  });

  it('{x|yuan}, {x|status} and {x|action} format; a two-language parameter shows in the reader’s language', () => {
    expect(fill('{a|yuan} 元', { a: 2_000_000_00 })).toBe('2,000,000.00 元');
    expect(fill('“{s|status}” “{x|action}”', { s: 'under_review', x: 'approve' }, 'zh-CN')).toBe('“评审中” “批准”');
    expect(fill('"{s|status}" "{x|action}"', { s: 'under_review', x: 'approve' }, 'en-US')).toBe('"under review" "approve"');
    // Unknown codes stay as they are; missing parameters stay visible.
    expect(fill('{s|status} {m}', { s: 'mystery' })).toBe('mystery {m}');
    const items = { 'zh-CN': '“甲”（评审中）', 'en-US': '"A" (under review)' };
    expect(fill('{items}', { items }, 'en-US')).toBe('"A" (under review)');
    expect(fill('{items}', { items })).toBe('“甲”（评审中）');
  });

  it('project_budget and project_state read in words, not fen and codes', () => {
    expect(translate(ERROR_MESSAGES, 'project_budget', 'zh-CN', { total: 150_000_00, budget: 100_000_00, field: '立项清单' })).toBe(
      '字段“立项清单”：批准金额合计 150,000.00 元，超过指南预算 100,000.00 元',
    );
    expect(translate(ERROR_MESSAGES, 'project_state', 'en-US', { status: 'consensus', action: 'approve' })).toBe(
      'The current status is "consensus needed"; "approve" is not possible',
    );
  });
});
