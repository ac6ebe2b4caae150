import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Me } from '../../../../common/contracts/accounts';
import type { OrgUnitView } from '../../../../common/contracts/orgunits';
import { orgUnitsQuery } from '../../api/orgunits';
import { ancestorCodes } from '../../components/orgTree';

/** The hierarchy as a list and a lookup table. */
export function useOrgUnits(includeInactive: boolean) {
  const query = useQuery(orgUnitsQuery(includeInactive));
  const byCode = useMemo(() => new Map((query.data?.items ?? []).map((u) => [u.code, u])), [query.data]);
  return { ...query, units: query.data?.items ?? [], byCode };
}

/** Mirrors the server's rule: an admin edits units inside the subtree of an admin grant. */
export function canAdminister(me: Me | null | undefined, code: string, byCode: ReadonlyMap<string, OrgUnitView>): boolean {
  if (!me) return false;
  const chain = new Set([...ancestorCodes(code, byCode), code]);
  return me.roles.some((g) => g.role === 'admin' && chain.has(g.orgUnitCode));
}
