import type { Me } from '../../../common/contracts/accounts';
import type { OrgUnitView } from '../../../common/contracts/orgunits';
import type { Role } from '../../../common/enums';
import { ancestorCodes, subtreeCodes } from './orgTree';

/**
 * Mirrors the server's scope rule: a grant covers its org unit and everything below it.
 * True when one of `roles` is granted on the unit or one of its ancestors.
 */
export function covers(me: Me | null | undefined, roles: readonly Role[], code: string, byCode: ReadonlyMap<string, OrgUnitView>): boolean {
  if (!me) return false;
  const chain = new Set([...ancestorCodes(code, byCode), code]);
  return me.roles.some((g) => roles.includes(g.role) && chain.has(g.orgUnitCode));
}

/** Units of the region the user may not use with these roles (shown, but not selectable). */
export function outsideScope(
  me: Me | null | undefined,
  roles: readonly Role[],
  region: string,
  units: readonly OrgUnitView[],
): Set<string> {
  const byCode = new Map(units.map((u) => [u.code, u]));
  return new Set([...subtreeCodes(region, units)].filter((c) => !covers(me, roles, c, byCode)));
}

/** The region itself when the user's grant covers it; otherwise the first granted unit inside it. */
export function defaultUnit(
  me: Me | null | undefined,
  roles: readonly Role[],
  region: string,
  units: readonly OrgUnitView[],
): string | null {
  const byCode = new Map(units.map((u) => [u.code, u]));
  if (covers(me, roles, region, byCode)) return region;
  const inside = subtreeCodes(region, units);
  return me?.roles.find((g) => roles.includes(g.role) && inside.has(g.orgUnitCode))?.orgUnitCode ?? null;
}
