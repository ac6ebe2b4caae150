import { costOf, loadCost, type Model } from './model.js';
import { NetworkSimplex } from './simplex.js';

// ---------------------------------------------------------------------------------------------------------
// The assignment network over the candidate arcs: built once, grown by pricing, restricted by repairs
// ---------------------------------------------------------------------------------------------------------

/** Two picks of one organisation on one application: possible only through different paths. */
export interface Collision {
  a: number;
  o: number;
}

/** A path into an organisation for an application: the free path (j = −1) or quota path j. */
export interface OrgPath {
  a: number;
  o: number;
  j: number;
}

/** Pricing adds at most this many arcs per application and round (the most negative reduced costs). */
export const PRICE_PER_ROUND = 4;

export class AssignmentFlow {
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

/**
 * Initial candidates: per application the cheapest 2·r + 2 experts, and per quota the cheapest 2·min + 4
 * holders of its field. Pricing adds whatever else the optimum needs.
 */
export function initialCandidates(m: Model): Uint8Array[] {
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
