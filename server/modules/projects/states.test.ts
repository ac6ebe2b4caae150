import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, translate } from '../../../common/messages.js';
import { stageParams, stateError } from './states.js';

/** Statuses and stages in errors are codes: the message dictionary (common/messages) words them, never the service. */
describe('project state and stage errors carry codes', () => {
  it('a status error names the status, the action and the entity by code; the dictionary says the entity’s own word', () => {
    const e = stateError('approved', 'contract', 'application');
    expect(e.params).toEqual({ status: 'approved', action: 'contract', of: 'application' });
    expect(translate(ERROR_MESSAGES, e.code, 'zh-CN', e.params)).toBe('当前状态为“已立项”，不能执行“记录合同签订”');
    expect(translate(ERROR_MESSAGES, e.code, 'en-US', e.params)).toBe(
      'The current status is "approved"; "record the contract" is not possible',
    );
    const objection = stateError('dismissed', 'resolve', 'objection');
    expect(translate(ERROR_MESSAGES, objection.code, 'zh-CN', objection.params)).toBe('当前状态为“异议不成立”，不能执行“处理异议”');
    // Without an entity, the common word.
    expect(stateError('dismissed', 'resolve').params).toEqual({ status: 'dismissed', action: 'resolve' });
    expect(translate(ERROR_MESSAGES, 'project_state', 'zh-CN', stateError('dismissed', 'resolve').params)).toContain('“已排除”');
  });

  it('a stage is a code in the parameters, worded in the reader’s language', () => {
    expect(stageParams('midterm')).toEqual({ stage: 'midterm' });
    expect(translate(ERROR_MESSAGES, 'redraw_nothing', 'zh-CN', stageParams('midterm'))).toBe(
      '中期检查没有待补足的评审任务（未评分或已谢绝的）',
    );
    expect(translate(ERROR_MESSAGES, 'panel_required', 'en-US', stageParams('acceptance'))).toBe(
      'This call requires an expert panel for the acceptance: draw a panel and wait for its scores before deciding',
    );
  });
});
