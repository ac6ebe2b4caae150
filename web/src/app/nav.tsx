import type { ComponentType, LazyExoticComponent } from 'react';
import {
  ADMINS,
  AUDIT_READERS,
  BENCHMARK_EDITORS,
  BENCHMARK_READERS,
  CHALLENGE_TEAMS,
  ENTERPRISE_USERS,
  EXPERTS,
  PLAN_READERS,
  POLICY_READERS,
  PROJECT_READERS,
  REGISTRY_READERS,
  STAFF,
  VALUE_WRITERS,
} from './access';
import { featurePage } from './dictionaries';
import type { MessageKey } from './messages';
import type { Access } from './session';

// One component for /registry and /registry/:section, so switching tabs keeps the page mounted.
const RegistryPage = featurePage('registry', () => import('../features/registry/RegistryPage'));

/** A page with its own address, open to some roles. */
export interface PageRoute {
  path: string;
  /**
   * Who may open the page: one of the lists of common/access.ts, the same the server's rules use (the server
   * checks again on every request). A page reached from a menu item has that item's list.
   */
  roles: Access;
  page: LazyExoticComponent<ComponentType>;
}

export interface NavItem extends PageRoute {
  labelKey: MessageKey;
  testId: string;
  /** Other paths that belong to this entry (highlighted while there). */
  also?: readonly string[];
  /** Shown after the label, e.g. a count of things waiting; loaded with the layout, not the login page. */
  badge?: LazyExoticComponent<ComponentType>;
}

/** The side navigation, in display order. A new capability adds one entry here. Home is the first usable one. */
export const NAV: NavItem[] = [
  {
    path: '/dashboard',
    labelKey: 'nav.dashboard',
    roles: PLAN_READERS,
    page: featurePage('monitoring', () => import('../features/monitoring/DashboardPage')),
    testId: 'nav-dashboard',
    also: ['/indicators'],
  },
  {
    path: '/plan',
    labelKey: 'nav.plan',
    roles: PLAN_READERS,
    page: featurePage('plans', () => import('../features/plans/PlanPage')),
    testId: 'nav-plan',
  },
  {
    path: '/plan-consistency',
    labelKey: 'nav.consistency',
    roles: PLAN_READERS,
    page: featurePage('plans', () => import('../features/plans/ConsistencyPage')),
    testId: 'nav-consistency',
    badge: featurePage('plans', () => import('../features/plans/ConflictBadge')),
  },
  {
    path: '/data-entry',
    labelKey: 'nav.dataEntry',
    roles: VALUE_WRITERS,
    page: featurePage('dataentry', () => import('../features/dataentry/DataEntryPage')),
    testId: 'nav-data-entry',
  },
  {
    path: '/registry',
    labelKey: 'nav.registry',
    roles: REGISTRY_READERS,
    page: RegistryPage,
    testId: 'nav-registry',
  },
  {
    path: '/policies',
    labelKey: 'nav.policies',
    roles: POLICY_READERS,
    page: featurePage('policies', () => import('../features/policies/PoliciesPage')),
    testId: 'nav-policies',
  },
  {
    path: '/claims',
    labelKey: 'nav.claims',
    roles: POLICY_READERS,
    page: featurePage('claims', () => import('../features/claims/ClaimsPage')),
    testId: 'nav-claims',
  },
  {
    path: '/ledger',
    labelKey: 'nav.ledger',
    roles: POLICY_READERS,
    page: featurePage('ledger', () => import('../features/ledger/LedgerPage')),
    testId: 'nav-ledger',
  },
  {
    // 项目管理: calls, applications, review, decisions and funding; a call's page belongs to it.
    path: '/projects',
    labelKey: 'nav.projects',
    roles: PROJECT_READERS,
    page: featurePage('projects', () => import('../features/projects/ProjectsPage')),
    testId: 'nav-projects',
    also: ['/projects/calls'],
  },
  {
    path: '/projects/experts',
    labelKey: 'nav.experts',
    roles: PROJECT_READERS,
    page: featurePage('projects', () => import('../features/projects/ExpertsPage')),
    testId: 'nav-experts',
  },
  {
    // 区域对标: rankings among peers; the comparison and profile pages belong to it.
    path: '/benchmarks',
    labelKey: 'nav.benchmarks',
    roles: BENCHMARK_READERS,
    page: featurePage('benchmarks', () => import('../features/benchmarks/RankingPage')),
    testId: 'nav-benchmarks',
    also: ['/benchmarks/compare', '/benchmarks/profile'],
  },
  {
    path: '/benchmarks/import',
    labelKey: 'nav.statsImport',
    roles: BENCHMARK_EDITORS,
    page: featurePage('benchmarks', () => import('../features/benchmarks/StatsImportPage')),
    testId: 'nav-stats-import',
  },
  {
    path: '/benchmarks/index',
    labelKey: 'nav.compositeIndex',
    roles: BENCHMARK_READERS,
    page: featurePage('benchmarks', () => import('../features/benchmarks/IndexPage')),
    testId: 'nav-composite-index',
  },
  {
    // Before the pages open to everyone, so an enterprise user's home is the portal.
    path: '/my',
    labelKey: 'nav.my',
    roles: ENTERPRISE_USERS,
    page: featurePage('portal', () => import('../features/portal/MyEnterprisePage')),
    testId: 'nav-my',
  },
  {
    // Before the pages open to everyone, so an expert's home is the review workbench.
    path: '/reviews',
    labelKey: 'nav.reviews',
    roles: EXPERTS,
    page: featurePage('review', () => import('../features/review/ReviewsPage')),
    testId: 'nav-reviews',
  },
  {
    // 揭榜挂帅 for teams without a registered enterprise; before the pages open to everyone, so it is their home.
    path: '/challenges',
    labelKey: 'nav.challenges',
    roles: CHALLENGE_TEAMS,
    page: featurePage('portal', () => import('../features/portal/ChallengesPage')),
    testId: 'nav-challenges',
  },
  {
    path: '/org-units',
    labelKey: 'nav.orgUnits',
    // The server lets every signed-in user read the hierarchy (reference data for forms); the page is staff's.
    roles: STAFF,
    page: featurePage('orgunits', () => import('../features/orgunits/OrgUnitsPage')),
    testId: 'nav-orgunits',
  },
  {
    path: '/users',
    labelKey: 'nav.users',
    roles: ADMINS,
    page: featurePage('users', () => import('../features/users/UsersPage')),
    testId: 'nav-users',
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    roles: AUDIT_READERS,
    page: featurePage('audit', () => import('../features/audit/AuditPage')),
    testId: 'nav-audit',
  },
];

/** Pages reached from other pages rather than from the navigation. */
export const PAGES: PageRoute[] = [
  {
    path: '/benchmarks/compare',
    roles: BENCHMARK_READERS,
    page: featurePage('benchmarks', () => import('../features/benchmarks/ComparePage')),
  },
  {
    // The home county when no unit is given.
    path: '/benchmarks/profile/:unit?',
    roles: BENCHMARK_READERS,
    page: featurePage('benchmarks', () => import('../features/benchmarks/ProfilePage')),
  },
  {
    path: '/indicators/:code',
    roles: PLAN_READERS,
    page: featurePage('monitoring', () => import('../features/monitoring/IndicatorPage')),
  },
  {
    path: '/registry/enterprises/:id',
    roles: REGISTRY_READERS,
    page: featurePage('registry', () => import('../features/registry/detail/EnterprisePage')),
  },
  {
    path: '/projects/calls/:id',
    roles: PROJECT_READERS,
    page: featurePage('projects', () => import('../features/projects/CallPage')),
  },
  {
    path: '/policies/:code',
    roles: POLICY_READERS,
    page: featurePage('policies', () => import('../features/policies/PolicyPage')),
  },
  {
    // One tab of the registry (qualifications, platforms, …), addressable.
    path: '/registry/:section',
    roles: REGISTRY_READERS,
    page: RegistryPage,
  },
];

const under = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** The static part of a route path ('/benchmarks/profile/:unit?' → '/benchmarks/profile'). */
export const staticPart = (path: string) => path.replace(/\/:.*$/, '') || '/';

/**
 * The menu item a path belongs to: the one with the longest matching path or `also` path
 * (/benchmarks/index is its own entry, not a page of /benchmarks). Among `items` only, when given.
 */
export function menuItemOf<T extends NavItem>(pathname: string, items: readonly T[]): T | undefined {
  const depth = (item: T) => Math.max(-1, ...[item.path, ...(item.also ?? [])].filter((p) => under(pathname, p)).map((p) => p.length));
  return items.reduce<T | undefined>((best, item) => {
    const d = depth(item);
    return d >= 0 && (!best || d > depth(best)) ? item : best;
  }, undefined);
}
