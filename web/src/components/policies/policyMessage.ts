import type { Locale } from '../../../../common/enums';
import { POLICY_EVENTS, type AmountMessageCode } from '../../../../common/values/policies';
import type { PolicyMessage } from '../../api/policies';
import type { TFunction } from '../../app/i18n';
import { formatFen, formatPercentValue } from '../money';

const num = (v: string | number | undefined): number | null => (typeof v === 'number' ? v : null);
const str = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/** A register event by its words (an unknown one as it is). */
export function eventText(event: string | number | boolean | undefined, t: TFunction): string {
  const e = String(event ?? '');
  return POLICY_EVENTS.find((x) => x === e) ? t(`policyEvent.${e as (typeof POLICY_EVENTS)[number]}`) : e;
}

/** How a decision's amount was reached (AMOUNT_MESSAGE_CODES): money from fen, the rate in percent. */
function amountMessageText(code: AmountMessageCode, p: PolicyMessage['params'], t: TFunction, locale: Locale): string {
  const fen = (k: string) => formatFen(num(p[k]), locale);
  const share = () => ({ fact: str(p.fact), base: fen('baseFen'), pct: formatPercentValue(num(p.pct), locale) });
  switch (code) {
    case 'not_eligible':
      return t('policyMsg.not_eligible');
    case 'no_trigger':
      return t('policyMsg.no_trigger', { event: eventText(p.event, t) });
    case 'param_pending':
      return t('policyMsg.param_pending', { param: str(p.param) });
    case 'fact_missing':
      return t('policyMsg.fact_missing', { fact: str(p.fact) });
    case 'amount_fixed':
      return t('policyMsg.amount_fixed', { amount: fen('fen'), param: str(p.param) });
    case 'amount_table':
      return t('policyMsg.amount_table', { fact: str(p.fact), key: str(p.key), param: str(p.param), amount: fen('fen') });
    case 'table_no_reward':
      return t('policyMsg.table_no_reward', { fact: str(p.fact), key: str(p.key) });
    case 'amount_rate':
      return t('policyMsg.amount_rate', { ...share(), amount: fen('fen') });
    case 'amount_rate_capped':
      return t('policyMsg.amount_rate_capped', { ...share(), cap: fen('capFen'), capParam: str(p.capParam) });
  }
}

/**
 * What the policies module says (a code and its parameters: amounts in fen, codes, people's words) in the
 * reader's language: the server composes no sentence (issue #13), the web renders it here.
 */
export function policyMessageText(m: PolicyMessage, t: TFunction, locale: Locale): string {
  const p = m.params;
  switch (m.code) {
    case 'stacking_not_higher':
      return t('policyMsg.stacking_not_higher', { best: formatFen(num(p.bestFen), locale) });
    case 'stacking_difference':
      return t('policyMsg.stacking_difference', { committed: formatFen(num(p.committedFen), locale) });
    case 'yearly_cap':
      return t('policyMsg.yearly_cap', { cap: formatFen(num(p.capFen), locale), used: formatFen(num(p.usedFen), locale) });
    case 'stacking_superseded':
      return t('policyMsg.stacking_superseded', { policy: str(p.policyCode) });
    case 'objection_upheld':
      return t('policyMsg.objection_upheld', { resolution: str(p.resolution) });
    case 'seed_catalogue':
      return t('policyMsg.seed_catalogue');
    default:
      return amountMessageText(m.code, p, t, locale);
  }
}

/** A stored note that is either a message (rendered) or, in rows older than issue #13, a sentence (shown as is). */
export function noteOrMessage(row: { message?: PolicyMessage | null; note?: string | null }, t: TFunction, locale: Locale): string | null {
  return row.message ? policyMessageText(row.message, t, locale) : (row.note ?? null);
}

/** How a decision's amount was reached; a decision stored before issue #13 has its sentence instead. */
export function amountText(
  amount: { message?: PolicyMessage | undefined; explanation?: string | undefined },
  t: TFunction,
  locale: Locale,
): string {
  return amount.message ? policyMessageText(amount.message, t, locale) : (amount.explanation ?? '—');
}
