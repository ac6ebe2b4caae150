import { AppError } from '../../platform/errors.js';

/**
 * Statuses in errors: `project_state` shows a status and an action in the reader's language from the one table
 * of labels (common/messages.ts STATUS_LABELS, ACTION_LABELS). An entity whose status words differ from the
 * common ones (an application is 已立项, not 已批准; an objection is 异议不成立, not a dismissed conflict)
 * passes its own words.
 */
type Label = { zh: string; en: string };
type Entity = 'application' | 'objection' | 'other';

const OWN_WORDS: Record<Exclude<Entity, 'other'>, Record<string, Label>> = {
  application: {
    approved: { zh: '已立项', en: 'approved' },
    rejected: { zh: '不予受理', en: 'rejected' },
  },
  objection: {
    upheld: { zh: '异议成立', en: 'upheld' },
    dismissed: { zh: '异议不成立', en: 'dismissed' },
  },
};

export const STAGE_LABELS: Record<'review' | 'midterm' | 'acceptance', Label> = {
  review: { zh: '立项评审', en: 'application review' },
  midterm: { zh: '中期检查', en: 'mid-term check' },
  acceptance: { zh: '验收', en: 'acceptance' },
};

/** 409: “当前状态为“已提交”，不能执行“通过”” in the reader's language. */
export function stateError(status: string, action: string, of: Entity = 'other'): AppError {
  const own = of === 'other' ? undefined : OWN_WORDS[of][status];
  return new AppError(409, 'project_state', { status: own ? { 'zh-CN': own.zh, 'en-US': own.en } : status, action });
}

export const stageParams = (stage: keyof typeof STAGE_LABELS) => ({ stageZh: STAGE_LABELS[stage].zh, stageEn: STAGE_LABELS[stage].en });
