import type { ProgressStatus, Progress } from '../../../../common/progress';
import type { MessageKey } from '../../app/messages';

/**
 * Progress statuses in display order, each with a dark solid colour that keeps white text above
 * 4.5:1 contrast. Colour is never the only signal: the text (and an icon) always go with it.
 */
export const STATUS: Record<ProgressStatus, { color: string; label: MessageKey }> = {
  achieved: { color: '#135200', label: 'status.achieved' },
  on_track: { color: '#237804', label: 'status.on_track' },
  needs_acceleration: { color: '#874d00', label: 'status.needs_acceleration' },
  limited: { color: '#ad4e00', label: 'status.limited' },
  deteriorating: { color: '#a8071a', label: 'status.deteriorating' },
  no_data: { color: '#595959', label: 'status.no_data' },
};

export const STATUS_ORDER = Object.keys(STATUS) as ProgressStatus[];

export type ProgressReason = NonNullable<Progress['reason']>;

export const REASON: Record<ProgressReason, MessageKey> = {
  no_baseline: 'reason.no_baseline',
  no_target: 'reason.no_target',
  no_value: 'reason.no_value',
  single_point: 'reason.single_point',
  zero_base: 'reason.zero_base',
  sign_change: 'reason.sign_change',
  rank: 'reason.rank',
  target_equals_baseline: 'reason.target_equals_baseline',
};

export const reasonKey = (reason: string | undefined): MessageKey | null =>
  reason && Object.hasOwn(REASON, reason) ? REASON[reason as ProgressReason] : null;
