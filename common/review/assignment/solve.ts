import { AssignmentFlow, initialCandidates, type OrgPath } from './flow.js';
import { buildModel, costOf, count, loadCost, lowerBound, type Model } from './model.js';
import {
  BRANCH_NODES_PER_COLLISION,
  DEFAULT_REPAIR_BUDGET,
  MAX_SAFE_COST,
  UNIT,
  type Alternates,
  type Assignment,
  type AssignmentInput,
  type AssignmentLog,
  type AssignmentResult,
  type Unfilled,
  type UnfilledReason,
} from './types.js';

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
      const reason: UnfilledReason =
        el.length < r || orgs < r
          ? { code: 'assign_orgs_short', params: { experts: el.length, orgs, reviews: r } }
          : { code: 'assign_load_caps', params: { free } };
      unfilled.push({ applicationId: app.id, missing: miss, kind: 'reviews', ...reason });
    }
    for (const q of m.quotas[a]!) {
      const have = got.filter((e) => q.has[e]).length;
      const need = Math.min(q.min, r);
      if (have >= need) continue;
      const holders = Array.from(el).filter((e) => q.has[e]!);
      const orgs = new Set(holders.map((e) => m.org[e]!)).size;
      const reason: UnfilledReason =
        holders.length < need || orgs < need
          ? { code: 'quota_orgs_short', params: { field: q.field, min: q.min, experts: holders.length, orgs } }
          : { code: 'quota_load_caps', params: { field: q.field, min: q.min } };
      unfilled.push({ applicationId: app.id, missing: need - have, kind: 'quota', ...reason });
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
