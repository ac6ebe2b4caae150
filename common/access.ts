import type { Role } from './enums.js';

/**
 * Who may do what, by role: the one list the server's access rules (server/platform/access.ts and each
 * route's `config.access`) and the web's menus and buttons share. Scope (which org units) is checked on the
 * server against the resource's unit; the web uses these lists only to hide what a role can never use.
 */

/** Everyone who works with the plan: dashboards, indicators, the plan text and its conflicts. */
export const PLAN_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];
/** Who decides which of two disagreeing plan statements counts, and edits plan definitions. */
export const PLAN_EDITORS: readonly Role[] = ['bureau', 'admin'];
/** Who enters and submits figures in their scope (departments only for their data elements). */
export const VALUE_WRITERS: readonly Role[] = ['bureau', 'department'];
/** Who approves figures (never their own: four eyes). */
export const VALUE_APPROVERS: readonly Role[] = ['bureau'];

/** Who reads the register of innovative enterprises, platforms, talents and patents. */
export const REGISTRY_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];
/** Who records, edits, approves and imports register data. */
export const REGISTRY_EDITORS: readonly Role[] = ['bureau'];
/** Enterprise users: the portal of their own enterprise. */
export const ENTERPRISE_USERS: readonly Role[] = ['enterprise'];

/** Who reads the policy catalogue, the claims and the ledger. */
export const POLICY_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'auditor'];
/** Who edits policy versions, decides claims, funds budgets and reverses transfers (two people for each decision). */
export const POLICY_EDITORS: readonly Role[] = ['bureau'];

/** Who reads rankings, profiles and composite indices, and runs an index. */
export const BENCHMARK_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];
/** Who defines custom peer groups and imports statistical bulletins. */
export const BENCHMARK_EDITORS: readonly Role[] = ['admin', 'bureau'];

/** Who reads calls, applications, the expert pool, conflicts, rankings and funding. */
export const PROJECT_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'auditor'];
/** Who creates and publishes calls, checks applications, draws experts, decides and pays. */
export const PROJECT_EDITORS: readonly Role[] = ['bureau'];
/** Review experts: their own assignments only, and the others' scores (anonymised) after their own. */
export const EXPERTS: readonly Role[] = ['expert'];
/**
 * 揭榜挂帅 teams without a registered enterprise bid with an account of their own (揭榜团队). The server takes a
 * team's bid only from this role, and never from one who also runs, oversees or reviews calls.
 */
export const CHALLENGE_TEAMS: readonly Role[] = ['team'];

/**
 * The staff of the bureaus and those who oversee them: the back office (the org-unit hierarchy page among
 * it). Enterprise, expert, bank, provider and team users have their own portals and never see a staff page.
 */
export const STAFF: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];

/** Who reads the audit log (of their own subtree). */
export const AUDIT_READERS: readonly Role[] = ['admin', 'auditor'];
/** Who manages accounts and the org-unit hierarchy (of their own subtree). */
export const ADMINS: readonly Role[] = ['admin'];

/** Every role: for what any signed-in user may do (their own account, reference data). */
export const ANY_ROLE: readonly Role[] = [
  'admin',
  'bureau',
  'leader',
  'department',
  'enterprise',
  'expert',
  'bank',
  'provider',
  'team',
  'auditor',
];

/** Whether a grant rooted at `grantPath` covers a unit at `unitPath` (materialised paths, `/500000/500241/`). */
export const covers = (grantPath: string, unitPath: string) => unitPath.startsWith(grantPath);
