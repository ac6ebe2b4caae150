/**
 * npm run bench:assign — expert assignment (common/review/assign.ts) at county-call size, on one core:
 *  - 2 000 applications × 5 reviews, 600 experts with load cap 20 in organisations of ~5, 10 fields,
 *    ~3 % random conflicts, a quota of ≥ 1 finance expert on a third of the applications
 *  - assignment time (goal ≤ 5 s, median of 3 runs; the three runs must draw identically) and total cost
 *  - a small instance (12 applications × 10 experts × 3 reviews, cap 4) against the exact solver's optimum
 */
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../common/benchmarks/index.js';
import { checkAssignment, solveExact } from '../common/review/assignment/exact.test-support.js';
import {
  assignExperts,
  conflictKey,
  type AssignmentApplication,
  type AssignmentExpert,
  type AssignmentInput,
  type AssignmentResult,
} from '../common/review/index.js';
import { median } from './lib.js';

const FIELDS = [
  'electronics',
  'materials',
  'biomedicine',
  'agriculture',
  'energy',
  'environment',
  'manufacturing',
  'software',
  'chemistry',
  'finance',
];
const GOAL_MS = 5_000;
const REPEATS = 3;
const SEED = 20_240_601;

interface Shape {
  apps: number;
  experts: number;
  reviews: number;
  cap: number;
  orgSize: number;
  conflictRate: number;
  quotaShare: number;
}

function instance(shape: Shape, seed: number): AssignmentInput {
  const rng = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const experts: AssignmentExpert[] = Array.from({ length: shape.experts }, (_, i) => {
    const fields = new Set<string>();
    const k = 1 + Math.floor(rng() * 3);
    while (fields.size < k) fields.add(pick(FIELDS));
    return {
      id: `E${String(i).padStart(4, '0')}`,
      org: `ORG${String(Math.floor(i / shape.orgSize)).padStart(3, '0')}`,
      fields: [...fields],
      cap: shape.cap,
    };
  });
  const applications: AssignmentApplication[] = Array.from({ length: shape.apps }, (_, i) => ({
    id: `A${String(i).padStart(4, '0')}`,
    requiredReviews: shape.reviews,
    fields: [pick(FIELDS)],
    ...(i % Math.round(1 / shape.quotaShare) === 0 ? { quotas: [{ field: 'finance', min: 1 }] } : {}),
  }));
  const conflicts = new Set<string>();
  for (const a of applications) for (const e of experts) if (rng() < shape.conflictRate) conflicts.add(conflictKey(e.id, a.id));
  return { applications, experts, conflicts, seed };
}

const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 3 });

// ---- Large instance ----
const large: Shape = { apps: 2_000, experts: 600, reviews: 5, cap: 20, orgSize: 5, conflictRate: 0.03, quotaShare: 1 / 3 };
const input = instance(large, SEED);
console.log(
  `instance: ${large.apps} applications × ${large.reviews} reviews, ${large.experts} experts (cap ${large.cap}, organisations of ${large.orgSize}), ` +
    `${FIELDS.length} fields, ${input.conflicts.size} conflicts (${((100 * input.conflicts.size) / (large.apps * large.experts)).toFixed(1)} %), ` +
    `finance quota ≥ 1 on ${input.applications.filter((a) => a.quotas).length} applications`,
);
const times: number[] = [];
let result: AssignmentResult | undefined;
const checksums = new Set<string>();
for (let i = 0; i < REPEATS; i++) {
  const t0 = performance.now();
  result = assignExperts(input);
  times.push(performance.now() - t0);
  checksums.add(result.log.checksum);
}
const r = result!;
const t = median(times);
const check = checkAssignment(input, r.assignments);
const loads = new Map<string, number>();
for (const a of r.assignments) loads.set(a.expertId, (loads.get(a.expertId) ?? 0) + 1);
console.log(
  `assignment time (median of ${REPEATS}): ${t.toFixed(0)} ms  [runs: ${times.map((x) => x.toFixed(0)).join(', ')} ms]  goal ≤ ${GOAL_MS} ms: ${t <= GOAL_MS ? 'PASS' : 'FAIL'}`,
);
const boundGap = r.totalCost - r.log.lowerBound;
console.log(
  `total cost: ${fmt(r.totalCost)}  (relaxation lower bound ${fmt(r.log.lowerBound)}, gap ≤ ${fmt(boundGap)} = ` +
    `${((100 * boundGap) / r.log.lowerBound).toFixed(4)} %, certified optimal: ${r.log.exact ? 'yes' : 'no'})`,
);
console.log(
  `assignments: ${r.assignments.length} of ${large.apps * large.reviews}, unfilled entries: ${r.unfilled.length}, rule violations: ${check.violations.length}, ` +
    `busiest expert: ${Math.max(...loads.values())} reviews, experts used: ${loads.size}`,
);
console.log(
  `solver: ${r.log.rounds} simplex rounds, ${r.log.candidateArcs} candidate expert arcs of ${large.apps * large.experts - input.conflicts.size} pairs ` +
    `(${r.log.pricedIn} priced in), ${r.log.repairs.length} shared organisations repaired, ${r.log.repairNodes} branch-and-bound nodes`,
);
console.log(`same seed, same draw: ${checksums.size === 1 ? 'yes' : 'NO'} (checksum ${r.log.checksum})`);

// ---- Small instance against the exact solver ----
const small: Shape = { apps: 12, experts: 10, reviews: 3, cap: 4, orgSize: 2, conflictRate: 0.05, quotaShare: 1 / 3 };
const smallInput = instance(small, SEED);
const t1 = performance.now();
const flow = assignExperts(smallInput);
const tFlow = performance.now() - t1;
const t2 = performance.now();
const exact = solveExact(smallInput);
const tExact = performance.now() - t2;
console.log(
  `small instance: ${small.apps} applications × ${small.reviews} reviews, ${small.experts} experts (cap ${small.cap}, organisations of ${small.orgSize}), ` +
    `${smallInput.conflicts.size} conflicts, finance quota on ${smallInput.applications.filter((a) => a.quotas).length}`,
);
console.log(
  `small instance flow total cost: ${fmt(flow.totalCost)} (${tFlow.toFixed(1)} ms, certified optimal: ${flow.log.exact ? 'yes' : 'no'})`,
);
if (exact.feasible) {
  const gap = flow.totalCost - exact.totalCost;
  console.log(`small instance exact optimum: ${fmt(exact.totalCost)} (${tExact.toFixed(0)} ms, ${exact.nodes} search nodes)`);
  console.log(`small instance gap: ${fmt(gap)} (${((100 * gap) / exact.totalCost).toFixed(3)} %)`);
} else {
  console.log(`small instance exact optimum: infeasible (${exact.nodes} search nodes); flow left ${flow.unfilled.length} unfilled entries`);
}
