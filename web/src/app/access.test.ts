import { isValidElement, type ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import * as serverLists from '../../../common/access';
import type { Me } from '../../../common/contracts/accounts';
import { ROLES, type Role } from '../../../common/enums';
import { NavPage, RequireAuth } from './guards';
import { NAV, PAGES, menuItemOf, staticPart } from './nav';
import { NAV_ICONS } from './navIcons';
import { routes } from './routes';
import { mayUse, type Access } from './session';
import { DEFAULT_TIME_ZONE } from '../../../common/clock';

/** The routes behind the sign-in and the layout, as the router has them. */
function layoutChildren(): RouteObject[] {
  const found: RouteObject[] = [];
  const walk = (list: RouteObject[] | undefined, depth: number) => {
    for (const r of list ?? []) {
      // RequireAuth → AppLayout → the error boundary → the pages.
      if (depth === 3) found.push(r);
      walk(r.children, depth + 1);
    }
  };
  // The pathless route whose element is the sign-in guard, wherever it sits (under antd's App).
  const guard = (list: RouteObject[]): RouteObject[] =>
    list.flatMap((r) => (!r.path && isValidElement(r.element) && r.element.type === RequireAuth ? [r] : guard(r.children ?? [])));
  walk(guard(routes), 0);
  return found;
}

/** Each route whose element is the role guard, with the role list the guard enforces. */
function guardedRoutes(): { path: string; roles: Access }[] {
  return layoutChildren().flatMap((r) => {
    const el = r.element as ReactElement<{ roles: Access }> | undefined;
    return isValidElement(el) && el.type === NavPage && r.path ? [{ path: r.path, roles: el.props.roles }] : [];
  });
}

const userWith = (...roles: Role[]): Me => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'u',
  displayName: 'U',
  locale: 'zh-CN',
  mustChangePassword: false,
  timeZone: DEFAULT_TIME_ZONE,
  roles: roles.map((role) => ({
    role,
    orgUnitCode: '500241',
    orgUnitName: '秀山土家族苗族自治县',
    dataElements: null,
    enterpriseId: null,
  })),
});

const visibleMenu = (me: Me) => NAV.filter((i) => mayUse(me, i.roles)).map((i) => i.path);
const openPages = (me: Me) =>
  guardedRoutes()
    .filter((r) => mayUse(me, r.roles))
    .map((r) => r.path);

describe('the web shows each role only what the server lets it use', () => {
  it('guards every page behind the sign-in (only home, the password change and the 404 page are open to all)', () => {
    const unguarded = layoutChildren()
      .filter((r) => !(isValidElement(r.element) && r.element.type === NavPage))
      .map((r) => (r.index ? '(index)' : r.path));
    expect(unguarded.sort()).toEqual(['(index)', '*', 'password']);
    expect(guardedRoutes().map((r) => r.path)).toEqual([...NAV, ...PAGES].map((p) => p.path));
  });

  it('guards each route with the role list of the menu item it belongs to', () => {
    const routes = guardedRoutes();
    expect(routes.length).toBeGreaterThan(NAV.length);
    for (const r of routes) {
      const item = menuItemOf(staticPart(r.path), NAV);
      expect(item, `menu item of ${r.path}`).toBeDefined();
      expect(r.roles, `roles of ${r.path} (menu item ${item?.path})`).toEqual(item?.roles);
    }
    // A page reached from a menu item shares its list: the dashboard's indicator page, the call page, …
    expect(menuItemOf('/indicators/gdp', NAV)?.path).toBe('/dashboard');
    expect(menuItemOf('/benchmarks/import', NAV)?.path).toBe('/benchmarks/import');
    expect(menuItemOf('/projects/calls/x', NAV)?.path).toBe('/projects');
  });

  it('takes every role list from common/access.ts, the lists the server’s rules use', () => {
    const lists = new Set<unknown>(Object.values(serverLists));
    for (const r of guardedRoutes()) expect(lists.has(r.roles), `${r.path} uses a list of common/access.ts`).toBe(true);
    for (const i of NAV) expect(lists.has(i.roles), `${i.path} uses a list of common/access.ts`).toBe(true);
  });

  it('gives every menu item an icon, and no icon to a path outside the menu', () => {
    expect(Object.keys(NAV_ICONS).sort()).toEqual(NAV.map((i) => i.path).sort());
  });

  it('shows no staff page to enterprise, expert, bank, provider or team users: each sees its own portal only', () => {
    const own: Partial<Record<Role, string[]>> = {
      enterprise: ['/my'],
      expert: ['/reviews'],
      team: ['/challenges'],
      bank: [],
      provider: [],
    };
    for (const [role, pages] of Object.entries(own) as [Role, string[]][]) {
      expect(visibleMenu(userWith(role)), `menu of ${role}`).toEqual(pages);
      expect(openPages(userWith(role)), `pages of ${role}`).toEqual(pages);
      expect(serverLists.STAFF).not.toContain(role);
    }
    // Staff pages are those open to none of the portal roles: 区划管理 among them.
    for (const item of NAV.filter((i) => !Object.values(own).flat().includes(i.path))) {
      for (const role of Object.keys(own) as Role[]) expect(item.roles, `${item.path} for ${role}`).not.toContain(role);
    }
    expect(NAV.find((i) => i.path === '/org-units')?.roles).toBe(serverLists.STAFF);
  });

  it('hides the administrators’ pages from bureau users and the editors’ pages from read-only roles', () => {
    const bureau = visibleMenu(userWith('bureau'));
    expect(bureau).not.toContain('/users');
    expect(bureau).not.toContain('/audit');
    expect(bureau).toContain('/org-units');
    expect(visibleMenu(userWith('admin'))).toEqual(expect.arrayContaining(['/users', '/audit', '/org-units']));
    expect(visibleMenu(userWith('auditor'))).toContain('/audit');
    expect(visibleMenu(userWith('auditor'))).not.toContain('/users');
    for (const readOnly of ['leader', 'auditor'] as const) {
      expect(openPages(userWith(readOnly))).not.toContain('/data-entry');
      expect(openPages(userWith(readOnly))).not.toContain('/benchmarks/import');
    }
    expect(openPages(userWith('department'))).not.toContain('/policies');
  });

  it('lets a user with several grants use what any of them allows, and a user with none nothing', () => {
    const both = userWith('enterprise', 'expert');
    expect(visibleMenu(both)).toEqual(['/my', '/reviews']);
    expect(mayUse(userWith(), serverLists.ANY_ROLE)).toBe(false);
    expect(mayUse(null, serverLists.ANY_ROLE)).toBe(false);
    for (const role of ROLES) expect(mayUse(userWith(role), serverLists.ANY_ROLE)).toBe(true);
  });
});
