import type { ApplicationResultView, Call } from '../../api/projects';
import type { TFunction } from '../../app/i18n';
import { textOf } from '../../components/policies/labels';
import { listSep, score } from '../../components/projects/labels';

type Miss = ApplicationResultView['misses'][number];

/** A missed threshold in words: 创新性 55 < 60, 总分 58 < 60. */
export function missText(m: Miss, call: Pick<Call, 'reviewTemplate'>, t: TFunction, locale: string): string {
  const c = m.criterionId === null ? undefined : call.reviewTemplate.criteria.find((x) => x.key === m.criterionId);
  const name = m.criterionId === null ? t('proj.scores.missTotal') : c ? textOf(c, locale) : m.criterionId;
  return t('proj.scores.miss', { name, value: score(m.value), threshold: m.threshold });
}

export const missesText = (misses: readonly Miss[], call: Pick<Call, 'reviewTemplate'>, t: TFunction, locale: string): string =>
  misses.map((m) => missText(m, call, t, locale)).join(listSep(locale));

/** The rank that counts: the stored one once aggregated (it follows a consensus step), else the recomputed one. */
export const finalRank = (r: Pick<ApplicationResultView, 'rank' | 'computedRank'>): number => r.rank ?? r.computedRank;
