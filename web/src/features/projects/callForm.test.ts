import { describe, expect, it } from 'vitest';
import { callInput } from '../../../../common/contracts/projects';
import { DEFAULT_NOTICE_MIN_DAYS, DEFAULT_PANEL_RULES } from '../../../../common/review/panel-rules';
import { CALL_STEPS, defaultCallValues, stepOfField, toCallInput } from './callForm';

const filled = () => ({
  ...defaultCallValues('2026-03-01'),
  code: 'XS-2026-09',
  title: '测试指南',
  guideText: '指南正文',
  budgetYuan: 500_000,
});

describe('the call form’s panels and notice', () => {
  it('defaults to the contract’s: mid-term panel optional, acceptance required, three experts each, five days of notice', () => {
    const v = defaultCallValues('2026-03-01');
    expect(v.panels).toEqual(DEFAULT_PANEL_RULES);
    expect(v.panels.midterm).not.toBe(DEFAULT_PANEL_RULES.midterm);
    expect(v.noticeMinDays).toBe(DEFAULT_NOTICE_MIN_DAYS);
    const input = toCallInput(filled());
    expect(input.fundingParams).toMatchObject({ panels: DEFAULT_PANEL_RULES, noticeMinDays: 5 });
    expect(callInput.safeParse(input).success).toBe(true);
  });

  it('sends what the bureau chose, and the contract takes it', () => {
    const v = {
      ...filled(),
      panels: { midterm: { required: true, experts: 5 }, acceptance: { required: false, experts: 2 } },
      noticeMinDays: 10,
    };
    const parsed = callInput.parse(toCallInput(v));
    expect(parsed.fundingParams).toMatchObject({
      panels: { midterm: { required: true, experts: 5 }, acceptance: { required: false, experts: 2 } },
      noticeMinDays: 10,
    });
  });

  it('a panel size or notice length out of range is refused by the contract, on the funding step', () => {
    const bad = toCallInput({ ...filled(), panels: { ...filled().panels, acceptance: { required: true, experts: 16 } }, noticeMinDays: 0 });
    const res = callInput.safeParse(bad);
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'fundingParams.noticeMinDays',
      'fundingParams.panels.acceptance.experts',
    ]);
    expect(CALL_STEPS[stepOfField('panels')]!.key).toBe('funding');
    expect(CALL_STEPS[stepOfField('noticeMinDays')]!.key).toBe('funding');
  });
});
