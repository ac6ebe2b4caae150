/** The composite index's weight tree: structure checks, effective weights and bottom-up aggregation (hot path). */
import type { AggregationMethod } from '../values/benchmarks.js';
import { fail } from './composite-fields.js';
import type { IndicatorSpec, TreeNodeSpec } from './composite-types.js';

export interface TreePlan {
  /** Number of tree nodes; node index nNodes is the index itself (the root). */
  nNodes: number;
  /** Node indices children-first, ending with the root. */
  order: number[];
  childInd: number[][];
  childNode: number[][];
  indW: Float64Array;
  nodeW: Float64Array;
  /** Effective weights of indicators and tree nodes. */
  effective: Record<string, number>;
}

export function compileTree(
  indicators: readonly Pick<IndicatorSpec, 'code' | 'weight' | 'group'>[],
  tree: readonly TreeNodeSpec[],
): TreePlan {
  const nNodes = tree.length;
  const root = nNodes;
  const index = new Map<string, number>();
  tree.forEach((t, k) => {
    if (index.has(t.code)) fail(`tree[${k}].code "${t.code}" is listed twice`);
    index.set(t.code, k);
  });
  const childInd: number[][] = Array.from({ length: nNodes + 1 }, () => []);
  const childNode: number[][] = Array.from({ length: nNodes + 1 }, () => []);
  const parentOf = new Int32Array(nNodes);
  tree.forEach((t, k) => {
    let p = root;
    if (t.parent !== undefined) {
      const q = index.get(t.parent);
      if (q === undefined) fail(`tree[${k}].parent "${t.parent}" is not a tree node`);
      if (q === k) fail(`tree[${k}].parent must not be the node itself`);
      p = q;
    }
    parentOf[k] = p;
    childNode[p]!.push(k);
  });
  indicators.forEach((ind, j) => {
    let p = root;
    if (ind.group !== undefined) {
      const q = index.get(ind.group);
      if (q === undefined) fail(`indicators[${j}].group "${ind.group}" is not a tree node`);
      p = q;
    }
    childInd[p]!.push(j);
  });
  // depth (and cycles)
  const depth = new Int32Array(nNodes).fill(-1);
  const depthOf = (k: number): number => {
    let d = 0;
    let q = k;
    while (q !== root) {
      if (depth[q]! >= 0) return depth[q]! + d;
      q = parentOf[q]!;
      if (++d > nNodes) fail(`tree[${k}].parent: the tree has a cycle through "${tree[k]!.code}"`);
    }
    return d;
  };
  for (let k = 0; k < nNodes; k++) depth[k] = depthOf(k);
  for (let k = 0; k < nNodes; k++) {
    if (childInd[k]!.length + childNode[k]!.length === 0) fail(`tree[${k}] "${tree[k]!.code}" has no indicators or child nodes`);
  }
  const order = [...Array(nNodes).keys()].sort((a, b) => depth[b]! - depth[a]! || a - b);
  order.push(root);

  const indW = Float64Array.from(indicators, (i) => i.weight ?? 1);
  const nodeW = Float64Array.from(tree, (t) => t.weight);
  // effective weights, top-down
  const effNode = new Float64Array(nNodes + 1);
  effNode[root] = 1;
  const effective: Record<string, number> = {};
  for (let q = order.length - 1; q >= 0; q--) {
    const k = order[q]!;
    let sum = 0;
    for (const j of childInd[k]!) sum += indW[j]!;
    for (const c of childNode[k]!) sum += nodeW[c]!;
    if (!(sum > 0)) {
      const fields = [...childInd[k]!.map((j) => `indicators[${j}].weight`), ...childNode[k]!.map((c) => `tree[${c}].weight`)];
      const where = k === root ? 'at the top level' : `under tree[${k}] "${tree[k]!.code}"`;
      fail(`the weights ${where} sum to 0 (${fields.join(', ')})`);
    }
    for (const j of childInd[k]!) effective[indicators[j]!.code] = (effNode[k]! * indW[j]!) / sum;
    for (const c of childNode[k]!) {
      effNode[c] = (effNode[k]! * nodeW[c]!) / sum;
      effective[tree[c]!.code] = effNode[c]!;
    }
  }
  return { nNodes, order, childInd, childNode, indW, nodeW, effective };
}

/**
 * Effective weights of indicators and tree nodes: sibling weights (indicators default 1) normalised to sum
 * 1, multiplied down the tree. E.g. weights 1 and 3 in a group of weight 0.5 beside an indicator of weight
 * 0.5 → 0.125, 0.375 (group 0.5) and 0.5.
 */
export function effectiveWeights(
  indicators: readonly Pick<IndicatorSpec, 'code' | 'weight' | 'group'>[],
  tree: readonly TreeNodeSpec[] = [],
): Record<string, number> {
  return compileTree(indicators, tree).effective;
}

// ---------------------------------------------------------------------------------------------------------
// Aggregation up the tree (hot path)
// ---------------------------------------------------------------------------------------------------------

/**
 * Aggregates every node for n units. `input` holds the indicator values already transformed for the method
 * (x for arithmetic, ln x for geometric, 1/x for harmonic; NaN = missing), indicator-major. Each node value is
 * inv(Σ w·t(x) / Σ w) over its present children, NaN when none is present (or only zero weights are).
 */
export function aggregateTree(
  plan: TreePlan,
  input: Float64Array,
  n: number,
  method: AggregationMethod,
  indW: Float64Array,
  nodeW: Float64Array,
  out: Float64Array,
  acc: Float64Array,
  wsum: Float64Array,
): void {
  const geo = method === 'geometric';
  const har = method === 'harmonic';
  for (const k of plan.order) {
    acc.fill(0);
    wsum.fill(0);
    for (const j of plan.childInd[k]!) {
      const w = indW[j]!;
      if (w === 0) continue;
      const off = j * n;
      for (let u = 0; u < n; u++) {
        const v = input[off + u]!;
        if (v === v) {
          acc[u] = acc[u]! + w * v;
          wsum[u] = wsum[u]! + w;
        }
      }
    }
    for (const c of plan.childNode[k]!) {
      const w = nodeW[c]!;
      if (w === 0) continue;
      const off = c * n;
      for (let u = 0; u < n; u++) {
        const v = out[off + u]!;
        if (v === v) {
          acc[u] = acc[u]! + w * (geo ? Math.log(v) : har ? 1 / v : v);
          wsum[u] = wsum[u]! + w;
        }
      }
    }
    const off = k * n;
    for (let u = 0; u < n; u++) {
      const s = wsum[u]!;
      if (s > 0) {
        const m = acc[u]! / s;
        out[off + u] = geo ? Math.exp(m) : har ? 1 / m : m;
      } else out[off + u] = NaN;
    }
  }
}
