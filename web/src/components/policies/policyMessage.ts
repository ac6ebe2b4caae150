import type { PolicyMessage } from '../../api/policies';
import type { Locale } from '../../../../common/enums';
import type { TFunction } from '../../app/i18n';
import { formatFen } from '../money';

const num = (v: string | number | undefined): number | null => (typeof v === 'number' ? v : null);
const str = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

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
  }
}

/** A stored note that is either a message (rendered) or, in rows older than issue #13, a sentence (shown as is). */
export function noteOrMessage(row: { message?: PolicyMessage | null; note?: string | null }, t: TFunction, locale: Locale): string | null {
  return row.message ? policyMessageText(row.message, t, locale) : (row.note ?? null);
}
