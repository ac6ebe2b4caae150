/**
 * Expert assignment as a min-cost flow (domain rules §6; the HotCRP / OpenReview construction), plus an exact
 * enumeration solver for small instances used to check it.
 *
 * COSTS (points; computed internally in integer thousandths, so every sum below is exact)
 *   arc(a, e)  = base + jitter(seed, a, e) + (fieldMismatch if the application names fields and the expert has
 *                none of them). The jitter is uniform in [0, r) and drawn from a hash of (seed, application id,
 *                expert id): the same seed reproduces the same draw whatever the input order; another seed
 *                reshuffles near-ties, so nobody can predict (or arrange) who reviews what.
 *   load(e, k) = loadStep × (k − 1) for the k-th review of expert e: strictly rising, so an expert's total load
 *                cost is convex and work spreads before it piles up on the cheapest experts.
 *   Total cost = Σ arc over assignments + Σ over experts of the load costs of their 1st … n-th reviews.
 *
 * FLOW NETWORK (one unit of flow = one review; supplies at applications and quota roots, demand at t)
 *   a                                   supply r_a − Σ quota units     application
 *   ├─ a → (a, o)                       cap 1, cost 0                  BAD PAIRS: one node per organisation o
 *   │    (a, o) → e          (e ∈ o)    cap 1, cost arc(a, e)          of a's non-conflicted experts, so at most
 *   │                                                                  one expert of o reviews a (an expert
 *   │                                                                  without an organisation is one of one)
 *   q(a, j)                             supply min_j (≤ r_a)           QUOTA j (field f_j, ≥ min_j): units
 *   ├─ q(a, j) → (a, j, o)              cap 1, cost 0                  reserved at a quota root; they can only
 *   │    (a, j, o) → e     (f_j ∈ e)    cap 1, cost arc(a, e)          reach holders of f_j, one per organisation,
 *   └─ q(a, j) → a                      cap min_j, cost M              or go back to the free path at price M
 *                                                                      (M > any cost: a quota unit is met if at
 *                                                                      all possible)
 *   An expert reachable from several paths of one application gets a merge node m(a, e) with cap 1 into e, so
 *   nobody reviews an application twice. CONFLICTS are hard exclusions: the pair has no arc at all.
 *   e → t   k = 1 … cap_e parallel arcs, cap 1, cost load(e, k)        LOAD CAP and RISING COST: convex, so the
 *                                                                      cheaper arcs fill first and the flow's
 *                                                                      cost is the model's cost exactly
 *   Unfilled reviews leave through the simplex's artificial root at cost U (node → root → t).
 *   Objective U·(unfilled) + M·(quota units sent back) + cost is lexicographic: U > M·ΣQ + Cmax, M > Cmax,
 *   where Cmax bounds the cost of any assignment. All costs are non-negative.
 *
 * WHAT IS EXACT, AND THE REPAIR STEP
 *   Bad pairs and quotas cross: an organisation mixes finance and other experts, and counting finance picks
 *   (quota) and picks per organisation (bad pairs) would need two different merge trees above the same expert
 *   arcs, which no single network has. So the free path and each quota path get their own organisation nodes,
 *   and a quota pick and a free pick may share an organisation: the network is a RELAXATION of the true
 *   problem and its optimum a lower bound (`log.lowerBound`). Without quotas nothing is relaxed and the flow
 *   is exact. When the relaxed optimum has no shared organisation it is optimal as it stands. Otherwise the
 *   REPAIR step: (1) a greedy dive closes, for every shared (application, organisation), the free path (else
 *   all quota paths but one) and re-solves until none is left: the incumbent; (2) unless that already meets
 *   the bound, a branch and bound in which a branch routes the organisation's one pick for the application
 *   through one chosen path and closes the others. Every true assignment lives in some branch at its own cost
 *   and each node's flow relaxes its branch, so a finished search is exactly optimal (`log.exact`). It runs
 *   within `repairBudget` warm re-solves and only when the root has few enough shared organisations to
 *   finish; otherwise the dive's result stands, with the bound for the gap. (With several quota fields on one
 *   application the flow counts an expert holding two of them for one quota only: conservative, the final
 *   check counts both, and such a result is never certified.) Paths are closed by raising their entry arc's cost above U, so closing and
 *   reopening keep the simplex warm.
 *
 * ALGORITHM: primal network simplex (see NetworkSimplex) on a sparse start: per application the cheapest
 *   non-conflicted experts only (candidates). After each solve every left-out expert arc is PRICED with the
 *   simplex potentials; arcs with a negative reduced cost are added (the simplex continues from its tree) and
 *   the solve repeats. When nothing prices negative, the potentials certify optimality on the complete
 *   network: the sparse start is a speed-up, not an approximation. (Successive shortest paths with Dijkstra
 *   was tried first: exact, but ~10× slower at 2 000 × 600, its searches settling half the network late on.)
 */

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

export interface Unfilled {
  applicationId: string;
  /** Reviews (kind 'reviews') or quota experts (kind 'quota') missing. */
  missing: number;
  kind: 'reviews' | 'quota';
  /** Bilingual explanation. */
  reason: string;
}

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
const BRANCH_NODES_PER_COLLISION = 32;

/** Internal cost unit: thousandths of a point. */
const UNIT = 1000;
const MAX_SAFE_COST = 2 ** 50;

// ---------------------------------------------------------------------------------------------------------
// The model: indices, eligibility, arc costs
// ---------------------------------------------------------------------------------------------------------

interface QuotaIx {
  field: string;
  min: number;
  /** Units reserved for this quota in the flow: min, capped so that an application's quotas fit its reviews. */
  supply: number;
  has: Uint8Array;
}

interface Model {
  apps: AssignmentApplication[];
  experts: AssignmentExpert[];
  params: AssignmentParams;
  A: number;
  E: number;
  O: number;
  req: Int32Array;
  cap: Int32Array;
  org: Int32Array;
  orgLabel: string[];
  quotas: QuotaIx[][];
  /** Per application: non-conflicted expert indices (ascending) and their arc costs in units. */
  elig: Int32Array[];
  arc: Float64Array[];
  loadUnits: number;
  unmatchedConflicts: number;
}

/** k-th review (1-based) of an expert, in units. */
const loadCost = (m: Model, k: number) => m.loadUnits * (k - 1);

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3 finaliser: a 32-bit bijection with full avalanche. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function nonNegative(x: number, name: string): number {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`${name} must be a finite non-negative number, got ${x}`);
  return x;
}

function count(x: number, name: string): number {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${name} must be a non-negative integer, got ${x}`);
  return x;
}

function buildModel(input: AssignmentInput): Model {
  const c = { ...DEFAULT_ASSIGNMENT_COSTS, ...input.costs };
  const params: AssignmentParams = {
    base: nonNegative(c.base, 'costs.base'),
    jitter: nonNegative(c.jitter, 'costs.jitter'),
    fieldMismatch: nonNegative(c.fieldMismatch, 'costs.fieldMismatch'),
    loadStep: nonNegative(c.loadStep, 'costs.loadStep'),
    alternates: count(input.alternates ?? DEFAULT_ALTERNATES, 'alternates'),
  };
  if (!Number.isFinite(input.seed)) throw new RangeError(`seed must be a finite number, got ${input.seed}`);
  const apps = input.applications;
  const experts = input.experts;
  const A = apps.length;
  const E = experts.length;

  const appIx = new Map<string, number>();
  apps.forEach((a, i) => {
    if (appIx.has(a.id)) throw new RangeError(`duplicate application id: ${a.id}`);
    appIx.set(a.id, i);
  });
  const expIx = new Map<string, number>();
  experts.forEach((e, i) => {
    if (expIx.has(e.id)) throw new RangeError(`duplicate expert id: ${e.id}`);
    expIx.set(e.id, i);
  });

  const req = Int32Array.from(apps, (a) => count(a.requiredReviews, `requiredReviews of ${a.id}`));
  const cap = Int32Array.from(experts, (e) => count(e.cap, `cap of ${e.id}`));

  // Organisations; an expert without one is an organisation of one.
  const orgIx = new Map<string, number>();
  const orgLabel: string[] = [];
  const org = Int32Array.from(experts, (e) => {
    const key = e.org !== undefined && e.org !== '' ? `o:${e.org}` : `e:${e.id}`;
    let o = orgIx.get(key);
    if (o === undefined) {
      o = orgLabel.length;
      orgIx.set(key, o);
      orgLabel.push(e.org !== undefined && e.org !== '' ? e.org : `(${e.id})`);
    }
    return o;
  });

  // Field bit sets.
  const fieldIx = new Map<string, number>();
  const fieldOf = (f: string) => {
    let i = fieldIx.get(f);
    if (i === undefined) fieldIx.set(f, (i = fieldIx.size));
    return i;
  };
  for (const e of experts) e.fields.forEach(fieldOf);
  for (const a of apps) a.fields?.forEach(fieldOf);
  const W = Math.max(1, Math.ceil(fieldIx.size / 32));
  const bits = (fields: readonly string[]) => {
    const b = new Uint32Array(W);
    for (const f of fields) {
      const i = fieldIx.get(f)!;
      b[i >>> 5]! |= 1 << (i & 31);
    }
    return b;
  };
  const expBits = experts.map((e) => bits(e.fields));

  const hasCache = new Map<string, Uint8Array>();
  const hasField = (field: string) => {
    let h = hasCache.get(field);
    if (!h) {
      h = Uint8Array.from(experts, (e) => (e.fields.includes(field) ? 1 : 0));
      hasCache.set(field, h);
    }
    return h;
  };
  const quotas = apps.map((a, i) => {
    const seen = new Set<string>();
    let left = req[i]!;
    return (a.quotas ?? []).flatMap((q): QuotaIx[] => {
      if (!q.field) throw new RangeError(`application ${a.id}: quota without a field`);
      if (seen.has(q.field)) throw new RangeError(`application ${a.id}: two quotas for field ${q.field}`);
      seen.add(q.field);
      const min = count(q.min, `quota ${q.field} of ${a.id}`);
      const supply = Math.min(min, left);
      left -= supply;
      return min > 0 ? [{ field: q.field, min, supply, has: hasField(q.field) }] : [];
    });
  });

  // Conflicts: parse the keys rather than build A × E strings.
  const blocked = new Uint8Array(A * E);
  let unmatchedConflicts = 0;
  for (const key of input.conflicts) {
    let matched = false;
    for (let p = key.indexOf('|'); p >= 0; p = key.indexOf('|', p + 1)) {
      const e = expIx.get(key.slice(0, p));
      const a = e === undefined ? undefined : appIx.get(key.slice(p + 1));
      if (e !== undefined && a !== undefined) {
        blocked[a * E + e] = 1;
        matched = true;
      }
    }
    if (!matched) unmatchedConflicts++;
  }

  // Seeded jitter per (application, expert), independent of input order.
  const seed = input.seed;
  const seedLo = seed >>> 0;
  const seedHi = Math.floor(seed / 2 ** 32) >>> 0;
  const seedH = mix(seedLo ^ mix(seedHi + 0x9e3779b9));
  const appH = apps.map((a) => mix(hashString(a.id) ^ seedH));
  const expH = experts.map((e) => mix(hashString(e.id) + 0x6a09e667));
  const baseU = Math.round(params.base * UNIT);
  const jitterU = Math.round(params.jitter * UNIT);
  const mismatchU = Math.round(params.fieldMismatch * UNIT);

  const elig: Int32Array[] = [];
  const arc: Float64Array[] = [];
  for (let a = 0; a < A; a++) {
    const appFields = apps[a]!.fields ?? [];
    const ab = appFields.length ? bits(appFields) : null;
    const ids: number[] = [];
    const costs: number[] = [];
    for (let e = 0; e < E; e++) {
      if (blocked[a * E + e]) continue;
      let cost = baseU;
      if (jitterU > 0) {
        const h = mix(appH[a]! ^ Math.imul(expH[e]!, 0xcc9e2d51));
        cost += Math.floor((h / 2 ** 32) * jitterU);
      }
      if (ab) {
        const eb = expBits[e]!;
        let match = false;
        for (let w = 0; w < W; w++) if (ab[w]! & eb[w]!) match = true;
        if (!match) cost += mismatchU;
      }
      ids.push(e);
      costs.push(cost);
    }
    elig.push(Int32Array.from(ids));
    arc.push(Float64Array.from(costs));
  }
  return {
    apps,
    experts,
    params,
    A,
    E,
    O: orgLabel.length,
    req,
    cap,
    org,
    orgLabel,
    quotas,
    elig,
    arc,
    loadUnits: Math.round(params.loadStep * UNIT),
    unmatchedConflicts,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Min-cost flow: CSR residual network, successive shortest paths with potentials
// ---------------------------------------------------------------------------------------------------------

function grow<T extends Int32Array | Int8Array | Float64Array>(arr: T, size: number, fill = 0): T {
  if (size <= arr.length) return arr;
  const next = new (arr.constructor as new (n: number) => T)(Math.max(size, arr.length * 2));
  next.set(arr);
  if (fill !== 0) next.fill(fill, arr.length);
  return next;
}

/**
 * Primal network simplex (AMO ch. 11; the pivot rules of LEMON's NetworkSimplex), kept alive between rounds so
 * that arcs and nodes can be added and costs raised, each re-solve starting from the last optimal tree.
 *  - Node 0 is an artificial root. Every node hangs from it by an artificial arc: up (node → root, cost 0)
 *    for a supply node or a node without supply, down (root → node, cost `artCost`) for a demand node. This
 *    first tree is strongly feasible; unfilled supply ends up on the path node → root → sink at `artCost`.
 *  - Pricing: block search (√m arcs per block, the most negative reduced cost of the first block with one).
 *  - Leaving arc: Cunningham's rule (the last blocking arc of the cycle from its apex), which keeps the tree
 *    strongly feasible and rules out cycling on degenerate pivots.
 *  - The tree is held as parent pointers, depths and child lists; after a pivot the re-hung subtree gets its
 *    depths and potentials recomputed. Reduced cost: c + π(u) − π(v); at the optimum it is ≥ 0 on every arc
 *    that can carry more flow and ≤ 0 on every arc with flow: the certificate the pricing step reuses.
 */
class NetworkSimplex {
  n = 0;
  m = 0;
  S = new Int32Array(1024);
  T = new Int32Array(1024);
  C = new Int32Array(1024);
  W = new Float64Array(1024);
  F = new Int32Array(1024);
  /** 1: at lower bound, −1: at upper bound, 0: in the tree (or a zero-capacity arc, never entering). */
  state = new Int8Array(1024);
  parent = new Int32Array(1024);
  pred = new Int32Array(1024);
  /** 1: the pred arc points up (node → parent), −1: down. */
  dir = new Int8Array(1024);
  depth = new Int32Array(1024);
  firstChild = new Int32Array(1024).fill(-1);
  nextSib = new Int32Array(1024).fill(-1);
  prevSib = new Int32Array(1024).fill(-1);
  pi = new Float64Array(1024);
  /** First arc added out of each node (artificial arcs excluded). */
  private firstOut = new Int32Array(1024).fill(-1);
  private stack = new Int32Array(1024);
  private next = 0;
  pivots = 0;
  private static readonly INF = 2 ** 30;

  constructor(private readonly artCost: number) {
    this.n = 1; // the root
    this.parent[0] = -1;
    this.pred[0] = -1;
  }

  private newArc(u: number, v: number, cap: number, cost: number): number {
    const e = this.m++;
    if (e >= this.S.length) {
      const k = this.m;
      this.S = grow(this.S, k);
      this.T = grow(this.T, k);
      this.C = grow(this.C, k);
      this.W = grow(this.W, k);
      this.F = grow(this.F, k);
      this.state = grow(this.state, k);
    }
    this.S[e] = u;
    this.T[e] = v;
    this.C[e] = cap;
    this.W[e] = cost;
    this.F[e] = 0;
    this.state[e] = cap > 0 ? 1 : 0;
    return e;
  }

  private attach(v: number, p: number): void {
    const f = this.firstChild[p]!;
    this.nextSib[v] = f;
    this.prevSib[v] = -1;
    if (f >= 0) this.prevSib[f] = v;
    this.firstChild[p] = v;
  }

  /** A node with the given supply (negative: demand). Supplies must balance before `solve`. */
  addNode(supply = 0): number {
    const v = this.n++;
    if (v >= this.parent.length) {
      const k = this.n;
      this.parent = grow(this.parent, k);
      this.pred = grow(this.pred, k);
      this.dir = grow(this.dir, k);
      this.depth = grow(this.depth, k);
      this.firstChild = grow(this.firstChild, k, -1);
      this.nextSib = grow(this.nextSib, k, -1);
      this.prevSib = grow(this.prevSib, k, -1);
      this.pi = grow(this.pi, k);
      this.firstOut = grow(this.firstOut, k, -1);
      this.stack = grow(this.stack, k);
    }
    const e = supply >= 0 ? this.newArc(v, 0, NetworkSimplex.INF, 0) : this.newArc(0, v, NetworkSimplex.INF, this.artCost);
    this.F[e] = Math.abs(supply);
    this.state[e] = 0;
    this.parent[v] = 0;
    this.pred[v] = e;
    this.dir[v] = supply >= 0 ? 1 : -1;
    this.depth[v] = 1;
    this.pi[v] = supply >= 0 ? 0 : this.artCost;
    this.attach(v, 0);
    return v;
  }

  addArc(u: number, v: number, cap: number, cost: number): number {
    const e = this.newArc(u, v, cap, cost);
    if (this.firstOut[u]! < 0 && cap > 0) this.firstOut[u] = e;
    return e;
  }

  /**
   * A better first tree, still strongly feasible: every node without supply leaves the root and hangs from the
   * head of its first arc (pointing up, zero flow, so flow can still move towards the root). Valid when the
   * first arcs form no cycle, as in the acyclic assignment network; saves the degenerate pivots that would
   * otherwise pull each node into the tree one by one.
   */
  hangFirstArcs(): void {
    const { parent, pred, dir, state, firstChild, nextSib, prevSib, F, T, firstOut } = this;
    for (let v = 1; v < this.n; v++) {
      const e = firstOut[v]!;
      if (e < 0 || parent[v] !== 0 || dir[v] !== 1 || F[pred[v]!] !== 0) continue;
      const p = T[e]!;
      const ps = prevSib[v]!;
      const ns = nextSib[v]!;
      if (ps >= 0) nextSib[ps] = ns;
      else firstChild[0] = ns;
      if (ns >= 0) prevSib[ns] = ps;
      this.attach(v, p);
      state[pred[v]!] = 1;
      parent[v] = p;
      pred[v] = e;
      dir[v] = 1;
      state[e] = 0;
    }
    for (let c = firstChild[0]!; c >= 0; c = nextSib[c]!) this.refresh(c);
  }

  flow(e: number): number {
    return this.F[e]!;
  }

  /** Changes an arc's cost; a tree arc moves the potentials of the subtree below it. */
  setCost(e: number, cost: number): void {
    this.W[e] = cost;
    const u = this.S[e]!;
    const v = this.T[e]!;
    if (this.pred[u] === e) this.refresh(u);
    else if (this.pred[v] === e) this.refresh(v);
  }

  /** Depths and potentials of the subtree of `r` from its parent (reduced cost 0 on tree arcs). */
  private refresh(r: number): void {
    const { parent, depth, pi, dir, pred, W, firstChild, nextSib, stack } = this;
    let top = 0;
    stack[top++] = r;
    while (top > 0) {
      const x = stack[--top]!;
      const p = parent[x]!;
      depth[x] = depth[p]! + 1;
      pi[x] = dir[x] === 1 ? pi[p]! - W[pred[x]!]! : pi[p]! + W[pred[x]!]!;
      for (let c = firstChild[x]!; c >= 0; c = nextSib[c]!) stack[top++] = c;
    }
  }

  solve(): void {
    const M = this.m;
    const block = Math.max(10, Math.ceil(Math.sqrt(M)));
    const { S, T, C, W, F, state, parent, pred, dir, depth, pi, firstChild, nextSib, prevSib } = this;
    for (;;) {
      // Entering arc: block search.
      let best = 0;
      let inArc = -1;
      let cnt = block;
      let e = this.next < M ? this.next : 0;
      for (let k = 0; k < M; k++) {
        const s = state[e]!;
        if (s !== 0) {
          const rc = s * (W[e]! + pi[S[e]!]! - pi[T[e]!]!);
          if (rc < best) {
            best = rc;
            inArc = e;
          }
        }
        if (++e === M) e = 0;
        if (--cnt === 0) {
          if (inArc >= 0) break;
          cnt = block;
        }
      }
      if (inArc < 0) return;
      this.next = e;
      this.pivots++;

      // Apex of the cycle.
      const sIn = state[inArc]!;
      const first = sIn === 1 ? S[inArc]! : T[inArc]!;
      const second = sIn === 1 ? T[inArc]! : S[inArc]!;
      let u = first;
      let v = second;
      while (u !== v) {
        if (depth[u]! >= depth[v]!) u = parent[u]!;
        else v = parent[v]!;
      }
      const join = u;

      // Leaving arc: the last blocking arc in the direction of the cycle (Cunningham).
      let delta = C[inArc]!;
      let result = 0;
      let uOut = -1;
      for (u = first; u !== join; u = parent[u]!) {
        const a = pred[u]!;
        const d = dir[u] === -1 ? C[a]! - F[a]! : F[a]!;
        if (d < delta) {
          delta = d;
          uOut = u;
          result = 1;
        }
      }
      for (u = second; u !== join; u = parent[u]!) {
        const a = pred[u]!;
        const d = dir[u] === 1 ? C[a]! - F[a]! : F[a]!;
        if (d <= delta) {
          delta = d;
          uOut = u;
          result = 2;
        }
      }

      // Augment around the cycle.
      if (delta > 0) {
        const val = sIn * delta;
        F[inArc]! += val;
        for (u = S[inArc]!; u !== join; u = parent[u]!) F[pred[u]!]! -= dir[u]! * val;
        for (u = T[inArc]!; u !== join; u = parent[u]!) F[pred[u]!]! += dir[u]! * val;
      }
      if (result === 0) {
        state[inArc] = -sIn;
        continue;
      }
      const outArc = pred[uOut]!;
      state[inArc] = 0;
      state[outArc] = F[outArc] === 0 ? 1 : -1;

      // Re-hang the stem u_in … u_out below v_in, reversing the parent pointers along it.
      const uIn = result === 1 ? first : second;
      const vIn = result === 1 ? second : first;
      let stem = uIn;
      let newParent = vIn;
      let newPred = inArc;
      let newDir = uIn === S[inArc] ? 1 : -1;
      for (;;) {
        const oldParent = parent[stem]!;
        const oldPred = pred[stem]!;
        const oldDir = dir[stem]!;
        const ps = prevSib[stem]!;
        const ns = nextSib[stem]!;
        if (ps >= 0) nextSib[ps] = ns;
        else firstChild[oldParent] = ns;
        if (ns >= 0) prevSib[ns] = ps;
        const fc = firstChild[newParent]!;
        nextSib[stem] = fc;
        prevSib[stem] = -1;
        if (fc >= 0) prevSib[fc] = stem;
        firstChild[newParent] = stem;
        parent[stem] = newParent;
        pred[stem] = newPred;
        dir[stem] = newDir;
        if (stem === uOut) break;
        newParent = stem;
        newPred = oldPred;
        newDir = -oldDir;
        stem = oldParent;
      }
      this.refresh(uIn);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The assignment network over the candidate arcs: built once, grown by pricing, restricted by repairs
// ---------------------------------------------------------------------------------------------------------

/** Two picks of one organisation on one application: possible only through different paths. */
interface Collision {
  a: number;
  o: number;
}

/** A path into an organisation for an application: the free path (j = −1) or quota path j. */
interface OrgPath {
  a: number;
  o: number;
  j: number;
}

/** Pricing adds at most this many arcs per application and round (the most negative reduced costs). */
const PRICE_PER_ROUND = 4;

class AssignmentFlow {
  readonly ns: NetworkSimplex;
  private readonly appNode: Int32Array;
  private readonly expNode: Int32Array;
  private readonly freeNode: Int32Array;
  private readonly freeArc: Int32Array;
  private readonly quotaNode = new Map<number, number>();
  private readonly quotaArc = new Map<number, number>();
  private readonly qRoot: number[][] = [];
  private readonly penaltyArcs: number[] = [];
  private readonly pairA: number[] = [];
  private readonly pairE: number[] = [];
  private readonly pairArc: number[] = [];
  /** How many open branches close each path: free key a·O + o, quota key (a·J + j)·O + o. */
  private readonly freeClosed = new Map<number, number>();
  private readonly quotaClosed = new Map<number, number>();
  private readonly ups: number[] = [];

  constructor(
    private readonly m: Model,
    private readonly cand: Uint8Array[],
    private readonly J: number,
    private readonly penaltyM: number,
    private readonly slackU: number,
    /** Cost that closes a path: using it is worse than leaving a review unfilled. */
    private readonly forbid: number,
  ) {
    const { A, E, O } = m;
    const ns = (this.ns = new NetworkSimplex(slackU));
    this.appNode = new Int32Array(A);
    this.expNode = new Int32Array(E);
    this.freeNode = new Int32Array(A * O).fill(-1);
    this.freeArc = new Int32Array(A * O).fill(-1);
    let demand = 0;
    for (let a = 0; a < A; a++) {
      const r = m.req[a]!;
      demand += r;
      let free = r;
      for (const q of m.quotas[a]!) free -= q.supply;
      const an = (this.appNode[a] = ns.addNode(free));
      // Quota roots hold the reserved units; a shortfall sends a unit back to the free path at price M.
      this.qRoot.push(
        m.quotas[a]!.map((q) => {
          const qn = ns.addNode(q.supply);
          if (q.supply > 0) this.penaltyArcs.push(ns.addArc(qn, an, q.supply, penaltyM));
          return qn;
        }),
      );
    }
    for (let e = 0; e < E; e++) this.expNode[e] = ns.addNode(0);
    const t = ns.addNode(-demand);
    for (let e = 0; e < E; e++) for (let k = 1; k <= m.cap[e]!; k++) ns.addArc(this.expNode[e]!, t, 1, loadCost(m, k));
    for (let a = 0; a < A; a++) {
      if (m.req[a]! === 0) continue;
      const ca = cand[a]!;
      for (let i = 0; i < ca.length; i++) if (ca[i]) this.addPair(a, i);
    }
    if (demand > 0) ns.hangFirstArcs();
  }

  private freeCost(key: number): number {
    return (this.freeClosed.get(key) ?? 0) > 0 ? this.forbid : 0;
  }

  private quotaCost(key: number): number {
    return (this.quotaClosed.get(key) ?? 0) > 0 ? this.forbid : 0;
  }

  /** Adds the arcs of candidate (application a, its i-th eligible expert), creating missing sub-nodes. */
  private addPair(a: number, i: number): void {
    const { m, ns, J, ups } = this;
    const O = m.O;
    const e = m.elig[a]![i]!;
    const o = m.org[e]!;
    const qs = m.quotas[a]!;
    ups.length = 0;
    const fk = a * O + o;
    let fn = this.freeNode[fk]!;
    if (fn < 0) {
      fn = this.freeNode[fk] = ns.addNode(0);
      this.freeArc[fk] = ns.addArc(this.appNode[a]!, fn, 1, this.freeCost(fk));
    }
    ups.push(fn);
    for (let j = 0; j < qs.length; j++) {
      if (!qs[j]!.has[e]) continue;
      const key = (a * J + j) * O + o;
      let qn = this.quotaNode.get(key);
      if (qn === undefined) {
        qn = ns.addNode(0);
        this.quotaNode.set(key, qn);
        this.quotaArc.set(key, ns.addArc(this.qRoot[a]![j]!, qn, 1, this.quotaCost(key)));
      }
      ups.push(qn);
    }
    let from = ups[0]!;
    if (ups.length > 1) {
      from = ns.addNode(0);
      for (const u of ups) ns.addArc(u, from, 1, 0);
    }
    this.pairA.push(a);
    this.pairE.push(e);
    this.pairArc.push(ns.addArc(from, this.expNode[e]!, 1, m.arc[a]![i]!));
  }

  get candidateArcs(): number {
    return this.pairArc.length;
  }

  assigned(): number[][] {
    const out: number[][] = Array.from({ length: this.m.A }, () => []);
    for (let i = 0; i < this.pairArc.length; i++) if (this.ns.flow(this.pairArc[i]!) > 0) out[this.pairA[i]!]!.push(this.pairE[i]!);
    for (const list of out) list.sort((x, y) => x - y);
    return out;
  }

  /** The network's objective for the current flow: U·(unfilled) + M·(quota units sent back) + cost. */
  objective(assigned: number[][]): number {
    let missing = 0;
    for (let a = 0; a < this.m.A; a++) missing += this.m.req[a]! - assigned[a]!.length;
    let back = 0;
    for (const e of this.penaltyArcs) back += this.ns.flow(e);
    return missing * this.slackU + back * this.penaltyM + costOf(this.m, assigned);
  }

  collisions(assigned: number[][]): Collision[] {
    const { m } = this;
    const out: Collision[] = [];
    for (let a = 0; a < m.A; a++) {
      const list = assigned[a]!;
      if (list.length < 2) continue;
      const seen = new Set<number>();
      const twice = new Set<number>();
      for (const e of list) (seen.has(m.org[e]!) ? twice : seen).add(m.org[e]!);
      for (const o of [...twice].sort((x, y) => x - y)) out.push({ a, o });
    }
    return out;
  }

  /** The paths into (a, o) that exist and are open. */
  openPaths(a: number, o: number): OrgPath[] {
    const { m, J } = this;
    const out: OrgPath[] = [];
    for (let j = 0; j < m.quotas[a]!.length; j++) {
      const key = (a * J + j) * m.O + o;
      if (this.quotaNode.has(key) && this.quotaCost(key) === 0) out.push({ a, o, j });
    }
    const fk = a * m.O + o;
    if (this.freeNode[fk]! >= 0 && this.freeCost(fk) === 0) out.push({ a, o, j: -1 });
    return out;
  }

  /** Closes (delta = 1) or reopens (delta = −1) a path by the cost of its entry arc. */
  toggle(p: OrgPath, delta: 1 | -1): void {
    const { m, J } = this;
    if (p.j < 0) {
      const fk = p.a * m.O + p.o;
      this.freeClosed.set(fk, (this.freeClosed.get(fk) ?? 0) + delta);
      if (this.freeArc[fk]! >= 0) this.ns.setCost(this.freeArc[fk]!, this.freeCost(fk));
    } else {
      const key = (p.a * J + p.j) * m.O + p.o;
      this.quotaClosed.set(key, (this.quotaClosed.get(key) ?? 0) + delta);
      const arc = this.quotaArc.get(key);
      if (arc !== undefined) this.ns.setCost(arc, this.quotaCost(key));
    }
  }

  /**
   * Pricing: a left-out expert arc is worth adding iff its reduced cost under the current potentials is
   * negative. A sub-node that does not exist yet would take its parent's potential plus its entry cost (the
   * highest it may), so the test is arc + min(π of the paths into the expert) − π(expert) < 0. Adds the most
   * negative PRICE_PER_ROUND arcs per application; returns how many were added.
   */
  price(): number {
    const { m, J, ns, cand } = this;
    const P = ns.pi;
    const O = m.O;
    const add: number[] = [];
    const neg: { i: number; rc: number }[] = [];
    for (let a = 0; a < m.A; a++) {
      if (m.req[a]! === 0) continue;
      const el = m.elig[a]!;
      const ac = m.arc[a]!;
      const ca = cand[a]!;
      const qs = m.quotas[a]!;
      const pa = P[this.appNode[a]!]!;
      neg.length = 0;
      for (let i = 0; i < el.length; i++) {
        if (ca[i]) continue;
        const e = el[i]!;
        const o = m.org[e]!;
        const fk = a * O + o;
        const fn = this.freeNode[fk]!;
        let up = fn >= 0 ? P[fn]! : pa + this.freeCost(fk);
        for (let j = 0; j < qs.length; j++) {
          if (!qs[j]!.has[e]) continue;
          const key = (a * J + j) * O + o;
          const qn = this.quotaNode.get(key);
          const pq = qn === undefined ? P[this.qRoot[a]![j]!]! + this.quotaCost(key) : P[qn]!;
          if (pq < up) up = pq;
        }
        const rc = ac[i]! + up - P[this.expNode[e]!]!;
        if (rc < 0) neg.push({ i, rc });
      }
      // The most negative few per application and round: enough to move on, few enough that distorted early
      // potentials do not flood the network.
      if (neg.length > PRICE_PER_ROUND) neg.sort((x, y) => x.rc - y.rc || x.i - y.i).length = PRICE_PER_ROUND;
      for (const x of neg) add.push(a, x.i);
    }
    for (let k = 0; k < add.length; k += 2) {
      cand[add[k]!]![add[k + 1]!] = 1;
      this.addPair(add[k]!, add[k + 1]!);
    }
    return add.length / 2;
  }

  /** Solves to optimality on the complete network: simplex, then pricing, until nothing prices in. */
  optimise(stats: { rounds: number; pricedIn: number }): void {
    for (;;) {
      this.ns.solve();
      stats.rounds++;
      const added = this.price();
      stats.pricedIn += added;
      if (added === 0) return;
    }
  }
}

/** Model cost in units of a list of assigned experts per application. */
function costOf(m: Model, assigned: number[][]): number {
  const load = new Int32Array(m.E);
  let total = 0;
  for (let a = 0; a < m.A; a++) {
    const el = m.elig[a]!;
    for (const e of assigned[a]!) {
      total += m.arc[a]![lowerBound(el, e)]! + loadCost(m, ++load[e]!);
    }
  }
  return total;
}

function lowerBound(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Initial candidates: per application the cheapest 2·r + 2 experts, and per quota the cheapest 2·min + 4
 * holders of its field. Pricing adds whatever else the optimum needs.
 */
function initialCandidates(m: Model): Uint8Array[] {
  return m.elig.map((el, a) => {
    const ca = new Uint8Array(el.length);
    const r = m.req[a]!;
    if (r === 0) return ca;
    const ac = m.arc[a]!;
    // Sort positions by (cost, position) packed into one float: costs < 2^32 units, positions < 2^20.
    const keys = new Float64Array(el.length);
    for (let i = 0; i < el.length; i++) keys[i] = ac[i]! * 2 ** 20 + i;
    keys.sort();
    const idx = Int32Array.from(keys, (k) => k % 2 ** 20);
    const k = Math.min(idx.length, 2 * r + 2);
    for (let i = 0; i < k; i++) ca[idx[i]!] = 1;
    for (const q of m.quotas[a]!) {
      let left = 2 * q.min + 4;
      for (let i = 0; i < idx.length && left > 0; i++) {
        if (q.has[el[idx[i]!]!]) {
          ca[idx[i]!] = 1;
          left--;
        }
      }
    }
    return ca;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The solver
// ---------------------------------------------------------------------------------------------------------

/** Assigns experts to applications: min-cost flow with pricing and, where quotas meet organisations, repair. */
export function assignExperts(input: AssignmentInput): AssignmentResult {
  const m = buildModel(input);
  const { A, E } = m;
  const J = Math.max(1, ...m.quotas.map((q) => q.length));

  // Cmax bounds the cost of any flow; M and U make the objective lexicographic (see the header).
  let maxArc = 0;
  for (const ac of m.arc) for (const c of ac) if (c > maxArc) maxArc = c;
  let cMax = 0;
  let quotaUnits = 0;
  for (let a = 0; a < A; a++) {
    cMax += m.req[a]! * maxArc;
    for (const q of m.quotas[a]!) quotaUnits += q.supply;
  }
  for (let e = 0; e < E; e++) for (let k = 1; k <= m.cap[e]!; k++) cMax += loadCost(m, k);
  const penaltyM = cMax + 1;
  const slackU = cMax + quotaUnits * penaltyM + 1;
  if (slackU * 8 > MAX_SAFE_COST) throw new RangeError('instance too large for exact integer costs: lower the costs or split the draw');

  const cand = initialCandidates(m);
  const flow = new AssignmentFlow(m, cand, J, penaltyM, slackU, 2 * slackU + 1);
  const stats = { rounds: 0, pricedIn: 0 };
  flow.optimise(stats);
  const relaxed = flow.assigned();
  const lowerBoundUnits = costOf(m, relaxed);

  // Shared organisations (see the header). First a greedy dive: close the free path (else all but one quota
  // path) of every shared organisation at once and re-solve, until none is left; that is the incumbent.
  const repairs = new Set<string>();
  const relaxedObjective = flow.objective(relaxed);
  let best = relaxed;
  let bestObjective = relaxedObjective;
  const closures: OrgPath[] = [];
  for (let collisions = flow.collisions(best); collisions.length > 0; collisions = flow.collisions(best)) {
    for (const { a, o } of collisions) {
      repairs.add(`${m.apps[a]!.id}|${m.orgLabel[o]!}`);
      const paths = flow.openPaths(a, o);
      const keep = paths.find((p) => p.j >= 0) ?? paths[0];
      for (const p of paths) {
        if (p === keep) continue;
        flow.toggle(p, 1);
        closures.push(p);
      }
    }
    flow.optimise(stats);
    best = flow.assigned();
    bestObjective = flow.objective(best);
  }
  for (const p of closures) flow.toggle(p, -1);

  // Then, unless the dive already met the relaxed bound, branch and bound: a branch routes the
  // organisation's one pick for the application through one path and closes the others. Every true
  // assignment lives in some branch at its own cost and every node's flow relaxes its branch, so the best
  // leaf is optimal once the search completes. A search with more than budget / 32 shared organisations at
  // the root is not started (it could not finish); one that runs out keeps the best leaf, uncertified.
  const budget = count(input.repairBudget ?? DEFAULT_REPAIR_BUDGET, 'repairBudget');
  let nodes = 0;
  let certified = bestObjective <= relaxedObjective;
  if (!certified && flow.collisions(relaxed).length * BRANCH_NODES_PER_COLLISION <= budget) {
    let truncated = false;
    flow.optimise(stats); // back at the root (all closures reopened)
    const search = (assigned: number[][]): void => {
      const objective = flow.objective(assigned);
      if (objective >= bestObjective) return;
      const collisions = flow.collisions(assigned);
      if (collisions.length === 0) {
        best = assigned;
        bestObjective = objective;
        return;
      }
      const { a, o } = collisions[0]!;
      repairs.add(`${m.apps[a]!.id}|${m.orgLabel[o]!}`);
      const paths = flow.openPaths(a, o);
      for (const keep of paths) {
        if (nodes >= budget) {
          truncated = true;
          return;
        }
        nodes++;
        const closed = paths.filter((p) => p !== keep);
        for (const p of closed) flow.toggle(p, 1);
        flow.optimise(stats);
        search(flow.assigned());
        for (const p of closed) flow.toggle(p, -1);
      }
    };
    search(flow.assigned());
    certified = !truncated;
  }
  // With several quota fields on one application and an expert holding two of them, the flow counts that
  // expert once (see the header): the relaxation is then no bound and nothing is certified.
  const overlap = m.quotas.some(
    (qs, a) =>
      qs.length > 1 &&
      (qs.reduce((t, q) => t + q.supply, 0) < qs.reduce((t, q) => t + Math.min(q.min, m.req[a]!), 0) ||
        m.elig[a]!.some((e) => qs.filter((q) => q.has[e]).length > 1)),
  );
  return compose(m, input, best, {
    exact: certified && !overlap,
    lowerBound: lowerBoundUnits / UNIT,
    rounds: stats.rounds,
    candidateArcs: flow.candidateArcs,
    pricedIn: stats.pricedIn,
    repairs: [...repairs],
    repairNodes: nodes,
    unmatchedConflicts: m.unmatchedConflicts,
  });
}

function cyrb53(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

function compose(
  m: Model,
  input: AssignmentInput,
  assigned: number[][],
  stats: Omit<AssignmentLog, 'seed' | 'params' | 'checksum'>,
): AssignmentResult {
  const { A, E } = m;
  for (const list of assigned) list.sort((x, y) => x - y);
  const load = new Int32Array(E);
  const assignments: Assignment[] = [];
  let totalUnits = 0;
  for (let a = 0; a < A; a++) {
    const el = m.elig[a]!;
    for (const e of assigned[a]!) {
      const units = m.arc[a]![lowerBound(el, e)]! + loadCost(m, ++load[e]!);
      totalUnits += units;
      assignments.push({ applicationId: m.apps[a]!.id, expertId: m.experts[e]!.id, cost: units / UNIT });
    }
  }

  const unfilled: Unfilled[] = [];
  for (let a = 0; a < A; a++) {
    const app = m.apps[a]!;
    const el = m.elig[a]!;
    const r = m.req[a]!;
    const got = assigned[a]!;
    const usedOrgs = new Set(got.map((e) => m.org[e]!));
    const spare = (e: number) => load[e]! < m.cap[e]! && !usedOrgs.has(m.org[e]!);
    const miss = r - got.length;
    if (miss > 0) {
      const orgs = new Set(Array.from(el, (e) => m.org[e]!)).size;
      const free = Array.from(el).filter(spare).length;
      const reason =
        el.length < r || orgs < r
          ? `仅 ${el.length} 位无回避专家，分属 ${orgs} 个单位，而 ${r} 份评审需要 ${r} 个不同单位 / only ${el.length} non-conflicted experts in ${orgs} organisations; ${r} reviews need ${r} different organisations`
          : `无回避专家的评审上限已满：可用且单位未重复的专家仅 ${free} 位 / load caps exhausted: only ${free} non-conflicted experts with spare capacity in organisations not yet on this application`;
      unfilled.push({ applicationId: app.id, missing: miss, kind: 'reviews', reason });
    }
    for (const q of m.quotas[a]!) {
      const have = got.filter((e) => q.has[e]).length;
      const need = Math.min(q.min, r);
      if (have >= need) continue;
      const holders = Array.from(el).filter((e) => q.has[e]!);
      const orgs = new Set(holders.map((e) => m.org[e]!)).size;
      const reason =
        holders.length < need || orgs < need
          ? `配额 ${q.field} ≥ ${q.min}：仅 ${holders.length} 位无回避的 ${q.field} 专家，分属 ${orgs} 个单位 / quota ${q.field} ≥ ${q.min}: only ${holders.length} non-conflicted ${q.field} experts in ${orgs} organisations`
          : `配额 ${q.field} ≥ ${q.min}：无回避的 ${q.field} 专家已满额或单位重复 / quota ${q.field} ≥ ${q.min}: the non-conflicted ${q.field} experts are at their load caps or share an organisation with an assigned expert`;
      unfilled.push({ applicationId: app.id, missing: need - have, kind: 'quota', reason });
    }
  }

  const alternates: Alternates[] = [];
  const nAlt = m.params.alternates;
  for (let a = 0; a < A; a++) {
    const el = m.elig[a]!;
    const ac = m.arc[a]!;
    const mine = new Set(assigned[a]!);
    // Top nAlt by (cost, expert index), kept sorted by insertion.
    const top: { e: number; c: number }[] = [];
    for (let i = 0; i < el.length && nAlt > 0; i++) {
      const e = el[i]!;
      if (mine.has(e) || load[e]! >= m.cap[e]!) continue;
      const c = ac[i]! + loadCost(m, load[e]! + 1);
      if (top.length === nAlt && c >= top[nAlt - 1]!.c) continue;
      let p = top.length;
      while (p > 0 && top[p - 1]!.c > c) p--;
      top.splice(p, 0, { e, c });
      if (top.length > nAlt) top.pop();
    }
    alternates.push({ applicationId: m.apps[a]!.id, experts: top.map((x) => m.experts[x.e]!.id) });
  }

  const sorted = assignments.map((x) => `${x.applicationId}|${x.expertId}`).sort();
  const checksum = cyrb53(`${input.seed}\n${JSON.stringify(m.params)}\n${sorted.join('\n')}`);
  return {
    assignments,
    totalCost: totalUnits / UNIT,
    unfilled,
    alternates,
    log: { seed: input.seed, params: m.params, checksum, ...stats },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Checking an assignment, and the exact solver for small instances
// ---------------------------------------------------------------------------------------------------------

export interface AssignmentCheck {
  /** Model cost of the pairs (arc costs plus each expert's load costs). */
  totalCost: number;
  /** Broken rules, one line each; empty when the assignment is feasible and complete. */
  violations: string[];
}

/** Cost and rule check of any list of (application, expert) pairs under the same model and seed. */
export function checkAssignment(input: AssignmentInput, pairs: readonly { applicationId: string; expertId: string }[]): AssignmentCheck {
  const m = buildModel(input);
  const appIx = new Map(m.apps.map((a, i) => [a.id, i]));
  const expIx = new Map(m.experts.map((e, i) => [e.id, i]));
  const assigned: number[][] = Array.from({ length: m.A }, () => []);
  const violations: string[] = [];
  for (const p of pairs) {
    const a = appIx.get(p.applicationId);
    const e = expIx.get(p.expertId);
    if (a === undefined || e === undefined) {
      violations.push(`unknown pair ${p.applicationId}|${p.expertId}`);
      continue;
    }
    if (assigned[a]!.includes(e)) violations.push(`${p.expertId} assigned twice to ${p.applicationId}`);
    else if (m.elig[a]![lowerBound(m.elig[a]!, e)] !== e) violations.push(`${p.expertId} has a conflict with ${p.applicationId}`);
    else assigned[a]!.push(e);
  }
  const load = new Int32Array(m.E);
  for (let a = 0; a < m.A; a++) {
    const list = assigned[a]!;
    for (const e of list) load[e]!++;
    if (list.length !== m.req[a]!) violations.push(`${m.apps[a]!.id}: ${list.length} of ${m.req[a]!} reviews`);
    if (new Set(list.map((e) => m.org[e]!)).size < list.length) violations.push(`${m.apps[a]!.id}: two experts of one organisation`);
    for (const q of m.quotas[a]!) {
      if (list.filter((e) => q.has[e]).length < Math.min(q.min, m.req[a]!)) violations.push(`${m.apps[a]!.id}: quota ${q.field} not met`);
    }
  }
  for (let e = 0; e < m.E; e++) if (load[e]! > m.cap[e]!) violations.push(`${m.experts[e]!.id}: ${load[e]!} reviews over cap ${m.cap[e]!}`);
  return { totalCost: costOf(m, assigned) / UNIT, violations };
}

export interface ExactResult {
  /** False when no assignment fills every review and meets every quota. */
  feasible: boolean;
  totalCost: number;
  assignments: { applicationId: string; expertId: string }[];
  /** Search nodes visited. */
  nodes: number;
}

/**
 * Exact optimum by enumeration (depth-first branch and bound) for small instances: every application takes one
 * of its valid expert sets (requiredReviews experts in distinct organisations, no conflict, quotas met counting
 * an expert for every quota field it holds), experts stay within their caps, and the total model cost is
 * minimal. Independent of the flow code; meant for tests and the benchmark (throws past `maxNodes`).
 *
 * Bound: Lagrangian relaxation of "the reviews an expert receives = the load it is charged for", with a price
 * λ(e) per expert: Σ over open applications of their cheapest valid set at arc + λ, plus Σ over experts of
 * min over extra load y of (load cost − λ·y). Valid for every λ; a few subgradient steps per search node
 * (Polyak steps towards the incumbent) tighten it.
 */
export function solveExact(input: AssignmentInput, options: { maxNodes?: number } = {}): ExactResult {
  const m = buildModel(input);
  const maxNodes = options.maxNodes ?? 5_000_000;
  const { A, E } = m;
  // Valid sets per application.
  const sets: { experts: number[]; arc: number }[][] = [];
  for (let a = 0; a < A; a++) {
    const el = m.elig[a]!;
    const ac = m.arc[a]!;
    const r = m.req[a]!;
    const out: { experts: number[]; arc: number }[] = [];
    const pick: number[] = [];
    const rec = (from: number, arc: number) => {
      if (pick.length === r) {
        const experts = pick.map((i) => el[i]!);
        if (m.quotas[a]!.every((q) => experts.filter((e) => q.has[e]).length >= Math.min(q.min, r))) out.push({ experts, arc });
        return;
      }
      for (let i = from; i <= el.length - (r - pick.length); i++) {
        const o = m.org[el[i]!]!;
        if (pick.some((p) => m.org[el[p]!] === o)) continue;
        pick.push(i);
        rec(i + 1, arc + ac[i]!);
        pick.pop();
      }
    };
    rec(0, 0);
    out.sort((x, y) => x.arc - y.arc);
    if (out.length === 0) return { feasible: false, totalCost: Number.NaN, assignments: [], nodes: 0 };
    sets.push(out);
  }
  // Most constrained applications first.
  const order = Array.from({ length: A }, (_, a) => a).sort((x, y) => sets[x]!.length - sets[y]!.length || x - y);
  const load = new Int32Array(E);
  const choice = new Int32Array(A).fill(-1);
  const bestChoice = new Int32Array(A).fill(-1);
  let best = Infinity;
  let nodes = 0;
  const grad = new Float64Array(E);

  /** Lagrangian bound of the open applications order[depth…] at prices lam; fills grad. */
  const lagrange = (depth: number, lam: Float64Array): number => {
    let total = 0;
    grad.fill(0);
    for (let d = depth; d < A; d++) {
      const list = sets[order[d]!]!;
      let bestV = Infinity;
      let bestS = -1;
      for (let s = 0; s < list.length; s++) {
        const set = list[s]!;
        let v = set.arc;
        for (const e of set.experts) {
          if (load[e]! >= m.cap[e]!) {
            v = Infinity;
            break;
          }
          v += lam[e]!;
        }
        if (v < bestV) {
          bestV = v;
          bestS = s;
        }
      }
      if (bestS < 0) return Infinity;
      total += bestV;
      for (const e of list[bestS]!.experts) grad[e]!++;
    }
    for (let e = 0; e < E; e++) {
      let acc = 0;
      let bestV = 0;
      let bestY = 0;
      for (let y = 1; load[e]! + y <= m.cap[e]!; y++) {
        acc += loadCost(m, load[e]! + y);
        const v = acc - lam[e]! * y;
        if (v < bestV) {
          bestV = v;
          bestY = y;
        }
      }
      total += bestV;
      grad[e]! -= bestY;
    }
    return total;
  };

  /** Best bound over a few subgradient steps from lam (updated in place). */
  const bound = (depth: number, cost: number, lam: Float64Array, steps: number): number => {
    let lb = -Infinity;
    let theta = 1;
    for (let k = 0; k < steps; k++) {
      const v = lagrange(depth, lam);
      if (v === Infinity) return Infinity;
      if (v > lb) lb = v;
      if (cost + lb >= best) return lb;
      let norm = 0;
      for (let e = 0; e < E; e++) norm += grad[e]! * grad[e]!;
      if (norm === 0) return lb; // the relaxed solution is feasible for the capacities: the bound is tight
      const target = best === Infinity ? lb + 1 + Math.abs(lb) * 0.05 : best - cost;
      const step = (theta * (target - v)) / norm;
      for (let e = 0; e < E; e++) lam[e]! += step * grad[e]!;
      theta *= 0.8;
    }
    return lb;
  };

  const lams = Array.from({ length: A + 1 }, () => new Float64Array(E));
  // Start from the marginal load cost at the average load.
  let demand = 0;
  for (let a = 0; a < A; a++) demand += m.req[a]!;
  const avg = E ? Math.ceil(demand / E) : 0;
  lams[0]!.fill(loadCost(m, avg + 1));

  // Feasibility of the open applications ignoring costs and quotas: a small max flow
  // source → application (r) → (application, organisation) (1) → expert (1) → sink (remaining cap).
  const fTo: number[] = [];
  const fCap: number[] = [];
  const fHead: number[][] = [];
  const fNode = () => fHead.push([]) - 1;
  const fArc = (u: number, v: number, c: number) => {
    fHead[u]!.push(fTo.length);
    fTo.push(v);
    fCap.push(c);
    fHead[v]!.push(fTo.length);
    fTo.push(u);
    fCap.push(0);
    return fTo.length - 2;
  };
  const fSrc = fNode();
  const fSink = fNode();
  const fExp = Array.from({ length: E }, () => fNode());
  const fSinkArc = fExp.map((v) => fArc(v, fSink, 0));
  const fSrcArc: number[] = [];
  for (let a = 0; a < A; a++) {
    const an = fNode();
    fSrcArc.push(fArc(fSrc, an, 0));
    const byOrg = new Map<number, number>();
    for (const e of m.elig[a]!) {
      let on = byOrg.get(m.org[e]!);
      if (on === undefined) {
        on = fNode();
        byOrg.set(m.org[e]!, on);
        fArc(an, on, 1);
      }
      fArc(on, fExp[e]!, 1);
    }
  }
  const fBase = [...fCap];
  const fSeen = new Int32Array(fHead.length);
  let fStamp = 0;
  const augment = (u: number): boolean => {
    if (u === fSink) return true;
    fSeen[u] = fStamp;
    for (const k of fHead[u]!) {
      const v = fTo[k]!;
      if (fCap[k]! > 0 && fSeen[v] !== fStamp && augment(v)) {
        fCap[k]!--;
        fCap[k ^ 1]!++;
        return true;
      }
    }
    return false;
  };
  const feasible = (depth: number): boolean => {
    for (let k = 0; k < fCap.length; k++) fCap[k] = fBase[k]!;
    let need = 0;
    for (let d = depth; d < A; d++) {
      fCap[fSrcArc[order[d]!]!] = m.req[order[d]!]!;
      need += m.req[order[d]!]!;
    }
    for (let e = 0; e < E; e++) fCap[fSinkArc[e]!] = m.cap[e]! - load[e]!;
    for (let k = 0; k < need; k++) {
      fStamp++;
      if (!augment(fSrc)) return false;
    }
    return true;
  };

  const memo = new Map<string, number>();
  const MEMO_LIMIT = 2_000_000;
  const dfs = (depth: number, cost: number) => {
    if (++nodes > maxNodes) throw new RangeError(`solveExact: more than ${maxNodes} search nodes; the instance is too large`);
    if (depth === A) {
      if (cost < best) {
        best = cost;
        bestChoice.set(choice);
      }
      return;
    }
    // Dominance: the same open applications with the same loads were reached at no higher cost before.
    const key = `${depth}:${load.join(',')}`;
    const seen = memo.get(key);
    if (seen !== undefined && seen <= cost) return;
    if (memo.size < MEMO_LIMIT) memo.set(key, cost);
    if (!feasible(depth)) return;
    const lam = lams[depth]!;
    if (cost + bound(depth, cost, lam, depth === 0 ? 60 : 8) >= best) return;
    const a = order[depth]!;
    const options: { i: number; c: number }[] = [];
    sets[a]!.forEach((s, i) => {
      let c = s.arc;
      for (const e of s.experts) {
        if (load[e]! >= m.cap[e]!) return;
        c += loadCost(m, load[e]! + 1);
      }
      options.push({ i, c });
    });
    options.sort((x, y) => x.c - y.c || x.i - y.i);
    for (const { i, c } of options) {
      if (cost + c >= best) break;
      const s = sets[a]![i]!;
      for (const e of s.experts) load[e]!++;
      choice[a] = i;
      lams[depth + 1]!.set(lam);
      dfs(depth + 1, cost + c);
      for (const e of s.experts) load[e]!--;
    }
    choice[a] = -1;
  };
  dfs(0, 0);
  if (best === Infinity) return { feasible: false, totalCost: Number.NaN, assignments: [], nodes };
  const assignments: ExactResult['assignments'] = [];
  for (let a = 0; a < A; a++) {
    for (const e of [...sets[a]![bestChoice[a]!]!.experts].sort((x, y) => x - y)) {
      assignments.push({ applicationId: m.apps[a]!.id, expertId: m.experts[e]!.id });
    }
  }
  return { feasible: true, totalCost: best / UNIT, assignments, nodes };
}
