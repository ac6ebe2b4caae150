import type { ClaimStatus, Notice } from '../../api/claims';
import type { TransferKind } from '../../api/ledger';
import { POLICY_EVENTS, type PolicyEvent } from '../../../../common/values/policies';
import type { TFunction } from '../../app/i18n';
import type { Tone } from '../StatusTag';
import { bureauToday } from '../isoDate';

export const CLAIM_TONES: Record<ClaimStatus, Tone> = {
  needs_data: 'warn',
  applied: 'info',
  matched: 'info',
  reviewed: 'info',
  in_notice: 'info',
  approved: 'ok',
  paid: 'ok',
  rejected: 'error',
  stacked: 'off',
};

/** What waits for the bureau: the inbox's default view. */
export const ACTION_STATUSES: readonly ClaimStatus[] = ['matched', 'applied', 'needs_data', 'reviewed', 'in_notice', 'approved'];
/** Claims the reviewer may still review (the decision is re-run with the confirmed facts). */
export const REVIEWABLE: readonly ClaimStatus[] = ['matched', 'applied', 'needs_data'];
/** Claims that may still be rejected (before payment). */
export const REJECTABLE: readonly ClaimStatus[] = ['needs_data', 'applied', 'matched', 'reviewed', 'in_notice', 'approved'];

export const TRANSFER_KINDS: readonly TransferKind[] = ['posted', 'pending', 'post_pending', 'void_pending'];

export type NoticeState = 'upcoming' | 'open' | 'ended';
export function noticeState(n: Pick<Notice, 'startsOn' | 'endsOn'>, today = bureauToday()): NoticeState {
  if (today < n.startsOn) return 'upcoming';
  return today > n.endsOn ? 'ended' : 'open';
}
export const NOTICE_TONES: Record<NoticeState, Tone> = { upcoming: 'off', open: 'warn', ended: 'ok' };

/** The fund source in words: the ledger's county, municipal and central budgets; anything else as it is. */
export const fundSourceText = (source: string | null, t: TFunction): string =>
  source === 'county' || source === 'municipal' || source === 'national' ? t(`ledger.source.${source}`) : (source ?? '—');

const isPolicyEvent = (s: string): s is PolicyEvent => (POLICY_EVENTS as readonly string[]).includes(s);

/**
 * A claim's business event in words: its policy and the register event or application that raised it. The key
 * is `policy|enterprise|event:record` (`…|application:<reference>` for an enterprise's own application); a key
 * of another shape reads as the policy and the key's own event part.
 */
export function claimEventText(eventKey: string, policyName: string, t: TFunction): string {
  const event = eventKey.split('|')[2] ?? eventKey;
  const colon = event.indexOf(':');
  const kind = colon < 0 ? event : event.slice(0, colon);
  const ref = colon < 0 ? '' : event.slice(colon + 1);
  if (kind === 'application' && ref) return t('claimEvent.application', { policy: policyName, ref });
  return t('claimEvent.text', { policy: policyName, event: isPolicyEvent(kind) ? t(`policyEvent.${kind}`) : event });
}
