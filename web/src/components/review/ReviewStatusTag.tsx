import type { ReviewStatus } from '../../api/projects';
import { useT } from '../../app/i18n';
import { StatusTag, type Tone } from '../StatusTag';

const TONES: Record<ReviewStatus, Tone> = { assigned: 'warn', submitted: 'ok', declined: 'off', replaced: 'off', superseded: 'off' };

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const t = useT();
  return (
    <span data-testid="review-status" data-status={status}>
      <StatusTag tone={TONES[status]}>{t(`review.status.${status}`)}</StatusTag>
    </span>
  );
}
