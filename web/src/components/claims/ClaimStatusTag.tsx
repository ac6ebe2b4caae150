import type { ClaimStatus } from '../../api/claims';
import { useT } from '../../app/i18n';
import { StatusTag } from '../StatusTag';
import { CLAIM_TONES, NOTICE_TONES, noticeState } from './labels';

export function ClaimStatusTag({ status, testId }: { status: ClaimStatus; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} data-status={status}>
      <StatusTag tone={CLAIM_TONES[status]}>{t(`claim.status.${status}`)}</StatusTag>
    </span>
  );
}

/** 未开始 / 公示中 / 已结束. */
export function NoticeStateTag({ notice, open }: { notice: { startsOn: string; endsOn: string }; open?: boolean }) {
  const t = useT();
  const state = open === undefined ? noticeState(notice) : open ? 'open' : noticeState(notice) === 'upcoming' ? 'upcoming' : 'ended';
  return (
    <span data-testid="notice-state" data-state={state}>
      <StatusTag tone={NOTICE_TONES[state]}>{t(`notice.state.${state}`)}</StatusTag>
    </span>
  );
}
