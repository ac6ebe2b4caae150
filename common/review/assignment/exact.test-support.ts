import { buildModel, costOf, loadCost, lowerBound, type Model } from './model.js';
import { UNIT, type AssignmentInput } from './types.js';

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

type ValidSet = { experts: number[]; arc: number };

/** Per application, its valid expert sets (distinct organisations, no conflict, quotas met), cheapest first; null when one has none. */
function validSets(m: Model): ValidSet[][] | null {
  const sets: ValidSet[][] = [];
  for (let a = 0; a < m.A; a++) {
    const el = m.elig[a]!;
    const ac = m.arc[a]!;
    const r = m.req[a]!;
    const out: ValidSet[] = [];
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
    if (out.length === 0) return null;
    sets.push(out);
  }
  return sets;
}

/** The Lagrangian bound of the open applications order[depth…] at prices lam, filling grad with its subgradient. */
function lagrangeBound(m: Model, sets: ValidSet[][], order: number[], load: Int32Array, grad: Float64Array) {
  const { A, E } = m;
  return (depth: number, lam: Float64Array): number => {
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
}

/**
 * Feasibility of the open applications ignoring costs and quotas: a small max flow
 * source → application (r) → (application, organisation) (1) → expert (1) → sink (remaining cap).
 */
function feasibility(m: Model, order: number[], load: Int32Array): (depth: number) => boolean {
  const { A, E } = m;
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
  return (depth: number): boolean => {
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
  const sets = validSets(m);
  if (!sets) return { feasible: false, totalCost: Number.NaN, assignments: [], nodes: 0 };
  // Most constrained applications first.
  const order = Array.from({ length: A }, (_, a) => a).sort((x, y) => sets[x]!.length - sets[y]!.length || x - y);
  const load = new Int32Array(E);
  const choice = new Int32Array(A).fill(-1);
  const bestChoice = new Int32Array(A).fill(-1);
  let best = Infinity;
  let nodes = 0;
  const grad = new Float64Array(E);

  const lagrange = lagrangeBound(m, sets, order, load, grad);

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

  const feasible = feasibility(m, order, load);

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
