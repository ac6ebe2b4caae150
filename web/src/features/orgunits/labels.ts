import { ORG_LEVEL_LABELS, ORG_LEVELS, type Locale, type OrgLevel } from '../../../../common/enums';
import type { OrgUnitView } from '../../../../common/contracts/orgunits';
import type { MessageKey } from '../../app/messages';

export const levelLabel = (level: OrgLevel, locale: Locale) => ORG_LEVEL_LABELS[level][locale];

export const levelOptions = (locale: Locale) => ORG_LEVELS.map((l) => ({ value: l, label: levelLabel(l, locale) }));

export const MATCH_LABELS: Record<'code' | 'name' | 'alias' | 'normalized' | 'short', MessageKey> = {
  code: 'org.match.code',
  name: 'org.match.name',
  alias: 'org.match.alias',
  normalized: 'org.match.normalized',
  short: 'org.match.short',
};

/** A new child usually sits at the level of its siblings, else one level down. */
export function childLevel(parent: OrgUnitView, children: readonly OrgUnitView[]): OrgLevel {
  const sibling = children.find((c) => c.level !== 'park');
  if (sibling) return sibling.level;
  const next = ORG_LEVELS[ORG_LEVELS.indexOf(parent.level) + 1];
  return next && next !== 'park' ? next : 'township';
}
