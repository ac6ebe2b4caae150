import { AppError } from '../../platform/errors.js';
import type { ReviewStage } from '../../../common/values/review.js';

/**
 * Statuses in errors: `project_state` names a status and an action by code; common/messages words them in the
 * reader's language (STATUS_LABELS, ACTION_LABELS). An entity whose status words differ from the common ones (an
 * application is 已立项, not 已批准; an objection is 异议不成立) is named in `of` (ENTITY_STATUS_LABELS).
 */
type Entity = 'application' | 'objection' | 'other';

/** 409: “当前状态为“已提交”，不能执行“通过”” in the reader's language. */
export function stateError(status: string, action: string, of: Entity = 'other'): AppError {
  return new AppError(409, 'project_state', { status, action, ...(of === 'other' ? {} : { of }) });
}

/** A stage in a message: its code (`{stage|stage}` words it, common/messages/labels.ts STAGE_LABELS). */
export const stageParams = (stage: ReviewStage) => ({ stage });
