import type { Conflict } from '../../api/projects';
import type { TFunction, TParams } from '../../app/i18n';

/** A conflict's evidence as its record gives it: what a rule found (a code), or the words a person wrote. */
type Evidence = Pick<Conflict, 'source' | 'evidence' | 'finding'>;

/**
 * The evidence in the reader's language: an automatic suggestion's finding worded from its code and parameters
 * (the party by kind, an open period 至今 / present); the words a person wrote as written; a suggestion detected
 * before #13 keeps its stored sentence 「中文 / English」, the reader's half.
 */
export function evidenceText(c: Evidence, t: TFunction, locale: string): string {
  const f = c.finding;
  if (f) {
    const p: TParams = {};
    for (const [k, v] of Object.entries(f.params)) if (typeof v === 'string' || typeof v === 'number') p[k] = v;
    if ('party' in f.params) p.party = t(`proj.conflicts.party.${f.params.party}`);
    if ('to' in f.params) p.to = f.params.to ?? t('proj.conflicts.present');
    return t(`proj.conflicts.finding.${f.code}`, p);
  }
  const text = c.evidence ?? '';
  if (c.source !== 'automatic' || !text.includes(' / ')) return text;
  return text.split(' / ')[locale === 'zh-CN' ? 0 : 1] ?? text;
}
