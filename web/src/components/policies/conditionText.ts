import type { Locale } from '../../../../common/enums';
import type { ConditionResult } from '../../api/policies';
import type { TFunction } from '../../app/i18n';
import { expectedText, textOf } from './labels';
import { eventText } from './policyMessage';

const OPS = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', in: '∈' } as const;

/** A condition in the reader's language: the rule's own words, or the words of a condition the engine adds (a code). */
export function conditionText(c: ConditionResult, t: TFunction, locale: Locale): string {
  if (!c.code) return textOf({ zh: c.zh ?? c.id, en: c.en ?? c.id }, locale);
  const p = c.params ?? {};
  switch (c.code) {
    case 'valid_dates':
      return t('policyCond.valid_dates');
    case 'trigger_match':
      return t('policyCond.trigger_match', { fact: String(p.fact ?? c.fact) });
    case 'no_trigger':
      return t('policyCond.no_trigger');
  }
}

/**
 * What a condition requires, in the reader's language: the operator and its values (是/否, dates, a register
 * event, a 待定 parameter named). A decision stored before issue #13 carries its text (`expected`) instead.
 */
export function requirementText(c: ConditionResult, t: TFunction): string {
  const r = c.requirement;
  if (!r) return c.expected === undefined ? '—' : expectedText(c.expected, t);
  const values = r.values.map((v) => (v === true ? t('common.yes') : v === false ? t('common.no') : String(v)));
  switch (r.op) {
    case 'is_true':
      return t('common.yes');
    case 'is_false':
      return t('common.no');
    case 'between':
      return t('common.dateRange', { from: values[0] ?? '—', to: values[1] ?? t('common.toPresent') });
    case 'event':
      return eventText(r.values[0], t);
    default: {
      const rhs = values.length ? values.join(t('common.listSep')) : r.param ? t('policyCond.paramPending', { param: r.param }) : '—';
      return `${OPS[r.op]} ${rhs}`;
    }
  }
}
