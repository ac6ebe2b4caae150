// ---------------------------------------------------------------------------------------------------------
// Min-cost flow: CSR residual network, successive shortest paths with potentials
// ---------------------------------------------------------------------------------------------------------

export function grow<T extends Int32Array | Int8Array | Float64Array>(arr: T, size: number, fill = 0): T {
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
export class NetworkSimplex {
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
