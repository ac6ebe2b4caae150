import type { PanelOutcome } from '../../api/panels';
import type { Call } from '../../api/projects';
import type { TFunction } from '../../app/i18n';
import { textOf } from '../policies/labels';
import { score } from './labels';

/** A threshold a panel missed: a code and its numbers, or (a report decided before #13) its stored sentence. */
export type PanelFailure = PanelOutcome['failures'][number];

/**
 * One missed threshold in the reader's language: a criterion named as the call's template names it (its key
 * when the template has no such criterion), or the total. A snapshot's older sentence 「中文 / English」 shows as
 * stored, in the reader's half.
 */
export function failureText(f: PanelFailure, t: TFunction, locale: string, call?: Pick<Call, 'reviewTemplate'>): string {
  if (typeof f === 'string') return f.split(' / ')[locale === 'zh-CN' ? 0 : 1] ?? f;
  const numbers = { value: score(f.params.value), threshold: score(f.params.threshold) };
  if (f.code === 'miss_total') return t('panel.failure.miss_total', numbers);
  const key = f.params.criterion;
  const c = call?.reviewTemplate.criteria.find((x) => x.key === key);
  return t('panel.failure.miss_criterion', { ...numbers, name: c ? textOf(c, locale) : key });
}
