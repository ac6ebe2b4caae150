import {
  DEFAULT_ALTERNATES,
  DEFAULT_ASSIGNMENT_COSTS,
  UNIT,
  type AssignmentApplication,
  type AssignmentExpert,
  type AssignmentInput,
  type AssignmentParams,
} from './types.js';

/** The model of an assignment problem: indices, eligibility, arc costs; the cost of an assignment under it. */

// ---------------------------------------------------------------------------------------------------------
// The model: indices, eligibility, arc costs
// ---------------------------------------------------------------------------------------------------------

export interface QuotaIx {
  field: string;
  min: number;
  /** Units reserved for this quota in the flow: min, capped so that an application's quotas fit its reviews. */
  supply: number;
  has: Uint8Array;
}

export interface Model {
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
export const loadCost = (m: Model, k: number) => m.loadUnits * (k - 1);

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3 finaliser: a 32-bit bijection with full avalanche. */
export function mix(x: number): number {
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

export function count(x: number, name: string): number {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${name} must be a non-negative integer, got ${x}`);
  return x;
}

/** Organisations as indices; an expert without one is an organisation of one. */
function organisations(experts: readonly AssignmentExpert[]): { org: Int32Array; orgLabel: string[] } {
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
  return { org, orgLabel };
}

/** Each application's quotas with the experts holding the field and the units reserved for each. */
function quotaIndex(apps: readonly AssignmentApplication[], experts: readonly AssignmentExpert[], req: Int32Array): QuotaIx[][] {
  const hasCache = new Map<string, Uint8Array>();
  const hasField = (field: string) => {
    let h = hasCache.get(field);
    if (!h) {
      h = Uint8Array.from(experts, (e) => (e.fields.includes(field) ? 1 : 0));
      hasCache.set(field, h);
    }
    return h;
  };
  return apps.map((a, i) => {
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
}

/** Conflicts: parse the keys rather than build A × E strings. */
function blockedPairs(
  conflicts: Iterable<string>,
  appIx: Map<string, number>,
  expIx: Map<string, number>,
  A: number,
  E: number,
): { blocked: Uint8Array; unmatchedConflicts: number } {
  const blocked = new Uint8Array(A * E);
  let unmatchedConflicts = 0;
  for (const key of conflicts) {
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
  return { blocked, unmatchedConflicts };
}

export function buildModel(input: AssignmentInput): Model {
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

  const { org, orgLabel } = organisations(experts);

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

  const quotas = quotaIndex(apps, experts, req);

  const { blocked, unmatchedConflicts } = blockedPairs(input.conflicts, appIx, expIx, A, E);

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

/** Model cost in units of a list of assigned experts per application. */
export function costOf(m: Model, assigned: number[][]): number {
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

export function lowerBound(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
