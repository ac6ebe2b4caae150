import type { IndicatorSummary, ProgressView } from '../../../../common/contracts/plans';
import type { Locale } from '../../../../common/enums';
import type { VerdictOutcome } from '../../../../common/values/plans';
import type { TFunction } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { formatPercent } from '../format';
import { targetText, valueText } from './indicatorText';

type Ind = Pick<IndicatorSummary, 'unit' | 'decimals'>;
export type Verdict = NonNullable<ProgressView['verdict']>;
export type Share = NonNullable<ProgressView['share']>;

/** The final verdicts, each with a dark solid colour that keeps white text above 4.5:1 (text goes with it). */
export const VERDICT: Record<VerdictOutcome, { color: string; label: MessageKey }> = {
  achieved: { color: '#135200', label: 'verdict.achieved' },
  not_achieved: { color: '#a8071a', label: 'verdict.not_achieved' },
  awaiting_value: { color: '#595959', label: 'verdict.awaiting_value' },
};
export const VERDICT_ORDER = Object.keys(VERDICT) as VerdictOutcome[];

/** The verdict in one sentence: the value, the target and the gap, in the indicator's unit and decimals. */
export function verdictDetail(ind: Ind, v: Verdict, t: TFunction, locale: Locale): string {
  const target = targetText(ind, { value: v.target, comparator: v.comparator }, locale);
  if (v.value === null || v.valueYear === null) return t('verdict.awaitingNone', { targetYear: v.targetYear, target });
  const params = {
    year: v.valueYear,
    targetYear: v.targetYear,
    value: valueText(ind, v.value, locale),
    target,
    gap: valueText(ind, v.gap ?? 0, locale),
  };
  if (v.outcome === 'achieved') return t(v.gap ? 'verdict.achievedBeyond' : 'verdict.achievedExactly', params);
  if (v.outcome === 'not_achieved') return t('verdict.notAchievedGap', params);
  return t(v.gap ? 'verdict.awaitingGap' : 'verdict.awaitingMet', params);
}

/** "71%" — the shown (clipped) share of the way. */
export const sharePercent = (share: Share, locale: Locale) => formatPercent(share.value, locale, 0);

/** How the share was measured, and why it was clipped if it was. */
export function shareExplanation(share: Share, t: TFunction, locale: Locale): string {
  const basis = t(`share.basis.${share.basis}`);
  if (!share.clipped) return basis;
  return `${basis} ${t(`share.clipped.${share.clipped}`, { raw: formatPercent(share.raw, locale, 0) })}`;
}
