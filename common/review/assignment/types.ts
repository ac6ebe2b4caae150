/** The reviewer assignment solver's public types and defaults (common/review/assign.ts describes the method). */

// ---------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------

export interface QuotaRule {
  /** An expert counts towards the quota when `fields` includes this field. */
  field: string;
  min: number;
}

export interface AssignmentApplication {
  id: string;
  requiredReviews: number;
  /** Fields of the application; an expert with none of them costs `fieldMismatch` more. */
  fields?: string[];
  quotas?: QuotaRule[];
}

export interface AssignmentExpert {
  id: string;
  /** Credit code or org id; two experts with the same value never review the same application together. */
  org?: string;
  fields: string[];
  /** Maximum number of reviews. */
  cap: number;
}

export interface AssignmentCosts {
  /** Cost of any review; default 10. */
  base?: number;
  /** r: the seeded jitter is uniform in [0, r); default 10. */
  jitter?: number;
  /** Extra cost when the expert has none of the application's fields; default 30. */
  fieldMismatch?: number;
  /** The k-th review of an expert costs loadStep × (k − 1) extra; default 2 (0 turns the rising cost off). */
  loadStep?: number;
}

export interface AssignmentInput {
  applications: AssignmentApplication[];
  experts: AssignmentExpert[];
  /** Hard exclusions: 'expertId|applicationId' (see conflictKey in conflicts.ts). */
  conflicts: ReadonlySet<string>;
  /** Integer seed of the jitter draw (recorded in the log); the same seed reproduces the same assignment. */
  seed: number;
  costs?: AssignmentCosts;
  /** Number of ranked alternates per application; default 5. */
  alternates?: number;
  /**
   * Most branch-and-bound nodes (warm re-solves) spent on applications whose quota and free picks share an
   * organisation; default 512. The search starts only with at most budget / 32 such organisations at the
   * root (beyond that it could not finish); past the budget the best assignment found is returned, uncertified.
   */
  repairBudget?: number;
}

export interface Assignment {
  applicationId: string;
  expertId: string;
  /** arc cost + the load cost of this review's rank among the expert's reviews (in application order). */
  cost: number;
}

/**
 * Why places stay empty, as a code and its numbers (the web words them; the 409 of a draw carries them):
 * too few non-conflicted experts or organisations (`*_orgs_short`), or enough of them but at their load caps or
 * sharing an organisation with an assigned expert (`*_load_caps`); `quota_*` for a quota rule (its field and min).
 */
export type UnfilledReason =
  | { code: 'assign_orgs_short'; params: { experts: number; orgs: number; reviews: number } }
  | { code: 'assign_load_caps'; params: { free: number } }
  | { code: 'quota_orgs_short'; params: { field: string; min: number; experts: number; orgs: number } }
  | { code: 'quota_load_caps'; params: { field: string; min: number } };

export type Unfilled = {
  applicationId: string;
  /** Reviews (kind 'reviews') or quota experts (kind 'quota') missing. */
  missing: number;
  kind: 'reviews' | 'quota';
} & UnfilledReason;

export interface Alternates {
  applicationId: string;
  /** Non-conflicted experts with spare capacity not assigned to the application, cheapest first. */
  experts: string[];
}

export interface AssignmentParams {
  base: number;
  jitter: number;
  fieldMismatch: number;
  loadStep: number;
  alternates: number;
}

export interface AssignmentLog {
  seed: number;
  params: AssignmentParams;
  /** Hash of seed, parameters and the sorted assignment: two runs drew the same iff their checksums agree. */
  checksum: string;
  /**
   * True when the result is certified optimal for the model (no shared organisation, or a finished search);
   * never when an application's quota fields overlap in one non-conflicted expert.
   */
  exact: boolean;
  /**
   * Cost of the relaxed optimum: a lower bound on the optimal cost when as many reviews and quota units are
   * filled and no application's quota fields overlap in one expert.
   */
  lowerBound: number;
  /** Simplex solves (each followed by pricing). */
  rounds: number;
  /** Expert arcs in the final network. */
  candidateArcs: number;
  /** Expert arcs added by pricing. */
  pricedIn: number;
  /** Shared organisations the branch and bound had to separate: 'applicationId|org'. */
  repairs: string[];
  /** Branch-and-bound nodes used (each a warm re-solve). */
  repairNodes: number;
  /** Conflict keys that matched no (expert, application) pair. */
  unmatchedConflicts: number;
}

export interface AssignmentResult {
  assignments: Assignment[];
  totalCost: number;
  unfilled: Unfilled[];
  alternates: Alternates[];
  log: AssignmentLog;
}

export const DEFAULT_ASSIGNMENT_COSTS: Required<AssignmentCosts> = { base: 10, jitter: 10, fieldMismatch: 30, loadStep: 2 };
export const DEFAULT_ALTERNATES = 5;
export const DEFAULT_REPAIR_BUDGET = 512;
/** The branch and bound starts only with at most budget / this many shared organisations at the root. */
export const BRANCH_NODES_PER_COLLISION = 32;

/** Internal cost unit: thousandths of a point. */
export const UNIT = 1000;
export const MAX_SAFE_COST = 2 ** 50;
