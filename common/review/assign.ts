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

export * from './assignment/types.js';
export { assignExperts } from './assignment/solve.js';
