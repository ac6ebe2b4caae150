import type { Role } from '../../../common/enums';

// The server's rules (plans.policy.ts, datavalues.policy.ts), for showing only what the user may use.
// The server checks again on every request.

/** Everyone who works with the plan: dashboards, indicators, the plan text and its conflicts. */
export const PLAN_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];
/** Who decides which of two disagreeing plan statements counts. */
export const PLAN_EDITORS: readonly Role[] = ['bureau', 'admin'];
/** Who enters and submits figures in their scope. */
export const VALUE_WRITERS: readonly Role[] = ['bureau', 'department'];

// The registry's rules (registry.policy.ts).
/** Who reads the register of innovative enterprises, platforms, talents and patents. */
export const REGISTRY_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];
/** Who records, edits, approves and imports register data. */
export const REGISTRY_EDITORS: readonly Role[] = ['bureau'];
/** Enterprise users: the portal of their own enterprise. */
export const ENTERPRISE_USERS: readonly Role[] = ['enterprise'];

// Policies, claims and the ledger (policies.policy.ts, ledger.routes.ts).
/** Who reads the policy catalogue, the claims and the ledger. */
export const POLICY_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'auditor'];
/** Who edits policy versions, decides claims, funds budgets and reverses transfers (two people for each decision). */
export const POLICY_EDITORS: readonly Role[] = ['bureau'];

// Benchmarking among peers and composite indices (benchmarks.routes.ts).
/** Who reads rankings, profiles and composite indices, and runs an index. */
export const BENCHMARK_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'department', 'auditor'];
/** Who defines custom peer groups. */
export const BENCHMARK_EDITORS: readonly Role[] = ['admin', 'bureau'];

// Project calls, expert review and project funding (projects.policy.ts, review.routes.ts).
/** Who reads calls, applications, the expert pool, conflicts, rankings and funding. */
export const PROJECT_READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'auditor'];
/** Who creates and publishes calls, checks applications, draws experts, decides and pays. */
export const PROJECT_EDITORS: readonly Role[] = ['bureau'];
/** Review experts: their own assignments only, and the others' scores (anonymised) after their own. */
export const EXPERTS: readonly Role[] = ['expert'];
/**
 * 揭榜挂帅 teams without a registered enterprise bid with an account of their own (揭榜团队: institutes, universities,
 * any group the bureau registers). The server (projects.policy.ts) takes a team's bid only from this role, and never
 * from one who also runs, oversees or reviews calls; enterprises bid from their portal.
 */
export const CHALLENGE_TEAMS: readonly Role[] = ['team'];
