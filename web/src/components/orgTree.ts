import type { OrgUnitView } from '../../../common/contracts/orgunits';

export interface OrgNode {
  unit: OrgUnitView;
  children: OrgNode[];
}

/** The flat list from the API as a forest; a unit whose parent is not listed becomes a root. */
export function buildForest(units: readonly OrgUnitView[]): OrgNode[] {
  const nodes = new Map(units.map((u) => [u.code, { unit: u, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentCode ? nodes.get(node.unit.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => a.unit.code.localeCompare(b.unit.code));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Codes from the top down to the unit's parent. */
export function ancestorCodes(code: string, byCode: ReadonlyMap<string, OrgUnitView>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let current = byCode.get(code)?.parentCode ?? null;
  while (current && !seen.has(current)) {
    seen.add(current);
    out.unshift(current);
    current = byCode.get(current)?.parentCode ?? null;
  }
  return out;
}

/** The unit itself and everything below it. */
export function subtreeCodes(code: string, units: readonly OrgUnitView[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u.code]);
  const out = new Set<string>();
  const stack = [code];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (out.has(c)) continue;
    out.add(c);
    stack.push(...(children.get(c) ?? []));
  }
  return out;
}
