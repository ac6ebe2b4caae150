import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../common/enums.js';
import {
  ALL_ROLES,
  COUNTY,
  Callers,
  RELATIONS,
  addProbeUnits,
  buildFixtures,
  expected,
  operations,
  outcomeOf,
  urlFor,
  type Operation,
  type Outcome,
  type Relation,
  type RelationUnits,
} from '../../test/access-probe.js';
import { createTestApp, type TestContext } from '../../test/harness.js';
import { resourceType, type AccessRule } from './access.js';
import { PROJECT_ROOT } from './config.js';

/**
 * The generated access matrix (issue #12): every operation of the OpenAPI document × anonymous, every role and
 * every relation of the caller's grant to the resource's owner unit (same unit, ancestor, descendant, sibling,
 * another province), probed over HTTP against real resources. A route without a rule fails here; so does a
 * cell whose answer differs from what the route's rule promises. docs/ACCESS-MATRIX.md is the matrix written
 * out (regenerate with UPDATE_ACCESS_MATRIX=1 after a deliberate change of a rule).
 */
let t: TestContext;
let callers: Callers;
let ops: Operation[];
/** One real resource per type, in Xiushan, with the unit its owner relations are measured from. */
const fixtures = new Map<string, { key: string; owner: RelationUnits }>();

beforeAll(async () => {
  t = await createTestApp();
  await addProbeUnits(t);
  callers = new Callers(t);
  ops = operations(t.app);
  for (const [type, f] of await buildFixtures(t)) fixtures.set(type, f);
});

afterAll(async () => {
  await t?.close();
});

const METHOD_ORDER: Record<string, number> = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4 };
/** Operations that end the caller's session when allowed: the caller signs in again after them. */
const ENDS_SESSION = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

function requestFor(op: Operation, rule: AccessRule | undefined, key: string) {
  const k = rule?.key;
  let url = urlFor(op, key);
  let payload: Record<string, unknown> | undefined = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
  if (k && 'body' in k) payload = { [k.body]: key };
  if (k && 'query' in k) url += `${url.includes('?') ? '&' : '?'}${encodeURIComponent(k.query)}=${encodeURIComponent(key)}`;
  return { method: op.method as 'GET', url, ...(payload !== undefined ? { payload } : {}) };
}

interface Cell {
  op: string;
  role: Role;
  relation: Relation | '—';
  expected: Outcome | 'personal';
  observed: Outcome;
  status: number;
}

describe('access matrix', () => {
  it('every operation of the OpenAPI document has a route with an access rule or is public, and every route is documented', () => {
    const missing = ops.filter((o) => !o.route || (!o.route.public && !o.route.access)).map((o) => `${o.method} ${o.url}`);
    expect(missing).toEqual([]);
    const documented = new Set(ops.map((o) => `${o.method} ${o.url}`));
    const hidden = t.app.routeRegistry.filter((r) => !documented.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`);
    expect(hidden).toEqual([]);
    expect(ops.length).toBeGreaterThan(100);
  });

  it('an anonymous caller gets 401 from every operation that is not public', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      if (op.route?.public) continue;
      const res = await t.app.inject(requestFor(op, op.route?.access, '00000000-0000-4000-8000-000000000000'));
      if (res.statusCode !== 401) wrong.push(`${op.method} ${op.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every role at every scope relation gets what the route’s rule promises', { timeout: 600_000 }, async () => {
    const cells: Cell[] = [];
    const sorted = ops
      .filter((o) => o.route?.access)
      .sort((a, b) => (METHOD_ORDER[a.method] ?? 9) - (METHOD_ORDER[b.method] ?? 9) || a.url.localeCompare(b.url));
    for (const op of sorted) {
      const rule = op.route!.access!;
      const fixture = rule.resource ? fixtures.get(rule.resource) : undefined;
      const sharedDown = rule.resource ? Boolean(resourceType(rule.resource).sharedDown) : false;
      // Without a resource (lists, creations without an owner) the relation does not matter: one grant, in Xiushan.
      const relations: (Relation | '—')[] = rule.resource && fixture ? [...RELATIONS] : ['—'];
      const planned = ALL_ROLES.flatMap((role) =>
        relations.map((relation) => ({
          role,
          relation,
          expected:
            relation === '—'
              ? rule.roles.includes(role) || rule.personal?.includes(role)
                ? rule.personal?.includes(role) && !rule.roles.includes(role)
                  ? ('personal' as const)
                  : ('allowed' as const)
                : ('refused' as const)
              : expected(rule, op.method, role, relation, sharedDown),
        })),
      );
      // Refusals first: an allowed call may change or remove the resource the refused ones are probed on.
      planned.sort((a, b) => Number(a.expected !== 'refused') - Number(b.expected !== 'refused'));
      for (const p of planned) {
        const unit = p.relation === '—' ? (fixture?.owner ?? COUNTY).same : fixture!.owner[p.relation];
        const agent = await callers.get(p.role, unit);
        const res = await agent.request(requestFor(op, rule, fixture?.key ?? '00000000-0000-4000-8000-000000000000'));
        const observed = outcomeOf(res.statusCode, res.body);
        cells.push({
          op: `${op.method} ${op.url}`,
          role: p.role,
          relation: p.relation,
          expected: p.expected,
          observed,
          status: res.statusCode,
        });
        if (ENDS_SESSION.has(`${op.method} ${op.url}`) && observed === 'allowed') callers.forget(p.role, unit);
      }
    }
    // A rule that says what its handler narrows further may see a caller it let through refused there.
    const narrows = new Set(sorted.filter((o) => o.route!.access!.narrows).map((o) => `${o.method} ${o.url}`));
    const wrong = cells.filter(
      (c) => c.expected !== 'personal' && c.expected !== c.observed && !(narrows.has(c.op) && c.observed === 'refused'),
    );
    const scoped = cells.filter((c) => c.relation !== '—');
    const summary = {
      operations: sorted.length,
      roles: ALL_ROLES.length,
      relations: RELATIONS.length,
      cells: cells.length,
      scopeCells: scoped.length,
      refused: cells.filter((c) => c.observed === 'refused').length,
      allowed: cells.filter((c) => c.observed === 'allowed').length,
      personal: cells.filter((c) => c.expected === 'personal').length,
      resourceTypesWithoutFixture: [
        ...new Set(sorted.map((o) => o.route!.access!.resource).filter((r): r is string => Boolean(r) && !fixtures.has(r!))),
      ],
    };
    console.log(`access matrix: ${JSON.stringify(summary)}`);
    if (process.env.ACCESS_MATRIX_OUT) {
      const rules = Object.fromEntries(
        sorted.map((o) => {
          const rule = o.route!.access!;
          return [`${o.method} ${o.url}`, { rule, sharedDown: rule.resource ? Boolean(resourceType(rule.resource).sharedDown) : false }];
        }),
      );
      writeFileSync(process.env.ACCESS_MATRIX_OUT, JSON.stringify({ summary, rules, cells }, null, 1));
    }
    writeMatrix(cells, narrows);
    expect(wrong.map((c) => `${c.op} ${c.role}@${c.relation}: expected ${c.expected}, got ${c.observed} (${c.status})`)).toEqual([]);
  });
});

/** docs/ACCESS-MATRIX.md: one row per operation, one column per role, the relations each role may act at. */
function writeMatrix(cells: Cell[], narrowed: Set<string>): void {
  const byOp = new Map<string, Cell[]>();
  for (const c of cells) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);
  const short: Record<string, string> = { same: 'S', ancestor: 'A', descendant: 'D', sibling: 'B', otherProvince: 'P' };
  const lines = [
    '# Access matrix',
    '',
    'Generated by `server/platform/access-matrix.api.test.ts` from the OpenAPI document and probed over HTTP',
    '(regenerate with `UPDATE_ACCESS_MATRIX=1 npx vitest run --project api-pglite server/platform/access-matrix.api.test.ts`).',
    'Each cell: the relations of the caller’s grant to the resource’s owner unit at which the role is let through —',
    'S same unit, A ancestor, D descendant, B sibling, P another province; ✓ no resource in the URL (scope then',
    'filters the list or the body); · refused; own: the role acts on its own records (ownership checked by the handler);',
    '¹ the handler narrows further (the unit asked for, the plan edited in): a caller let through may still be refused there.',
    '',
    `| operation | ${ALL_ROLES.join(' | ')} |`,
    `|---|${ALL_ROLES.map(() => '---').join('|')}|`,
  ];
  for (const [op, cs] of [...byOp.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const cols = ALL_ROLES.map((role) => {
      const mine = cs.filter((c) => c.role === role);
      if (mine.some((c) => c.expected === 'personal')) return 'own';
      const ok = mine.filter((c) => c.observed === 'allowed');
      if (ok.length === 0) return '·';
      if (mine[0]!.relation === '—') return '✓';
      return ok.map((c) => short[c.relation]).join('');
    });
    lines.push(`| \`${op}\`${narrowed.has(op) ? ' ¹' : ''} | ${cols.join(' | ')} |`);
  }
  const text = `${lines.join('\n')}\n`;
  const file = path.join(PROJECT_ROOT, 'docs', 'ACCESS-MATRIX.md');
  if (process.env.UPDATE_ACCESS_MATRIX === '1') writeFileSync(file, text);
  else if (process.env.KC_TEST_DB !== 'postgres') {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      /* absent: reported by the assertion */
    }
    expect(current, 'docs/ACCESS-MATRIX.md is out of date: regenerate it (see its header) and review the change').toBe(text);
  }
}
