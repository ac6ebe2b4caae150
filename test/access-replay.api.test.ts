import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COUNTY, Callers, addProbeUnits, buildFixtures, operations, outcomeOf, urlFor, type Fixtures } from './access-probe.js';
import { createTestApp, type TestContext } from './harness.js';

/**
 * Copied by bench/access-diff.sh into an older checkout: replays the cells of the access matrix (written by the
 * current tree's access-matrix test) against that checkout's server, with the same fixtures and callers, and
 * writes what each cell answered there.
 */
interface Cell {
  op: string;
  role: string;
  relation: string;
  observed: string;
}
const input = JSON.parse(readFileSync(process.env.ACCESS_MATRIX_IN!, 'utf8')) as {
  rules: Record<string, { rule: { resource?: string; key?: { param?: string; body?: string; query?: string } } }>;
  cells: Cell[];
};
let t: TestContext;
let fixtures: Fixtures;

beforeAll(async () => {
  t = await createTestApp();
  await addProbeUnits(t);
  fixtures = await buildFixtures(t);
});
afterAll(async () => t?.close());

it('replays the access matrix', { timeout: 900_000 }, async () => {
  const callers = new Callers(t);
  const ops = new Map(operations(t.app).map((o) => [`${o.method} ${o.url}`, o]));
  const out: (Cell & { old: string; oldStatus: number })[] = [];
  const order = (c: Cell) => (c.op.startsWith('GET') ? 0 : c.op.startsWith('DELETE') ? 2 : 1);
  const cells = [...input.cells].sort((a, b) => order(a) - order(b));
  for (const c of cells) {
    const op = ops.get(c.op);
    const rule = input.rules[c.op]?.rule;
    if (!op || !rule) continue;
    const fixture = rule.resource ? fixtures.get(rule.resource) : undefined;
    if (rule.resource && c.relation !== '—' && !fixture) continue;
    const unit = c.relation === '—' ? (fixture?.owner ?? COUNTY).same : fixture!.owner[c.relation as 'same'];
    const key = fixture?.key ?? '00000000-0000-4000-8000-000000000000';
    let url = urlFor(op, key);
    let payload: Record<string, unknown> | undefined = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
    if (rule.key?.body) payload = { [rule.key.body]: key };
    if (rule.key?.query) url += `${url.includes('?') ? '&' : '?'}${rule.key.query}=${encodeURIComponent(key)}`;
    const agent = await callers.get(c.role as 'admin', unit);
    const res = await agent.request({ method: op.method as 'GET', url, ...(payload ? { payload } : {}) });
    out.push({ ...c, old: outcomeOf(res.statusCode, res.body), oldStatus: res.statusCode });
    if ((c.op === 'POST /api/auth/logout' || c.op === 'POST /api/auth/password') && res.statusCode < 300)
      callers.forget(c.role as 'admin', unit);
  }
  writeFileSync(process.env.ACCESS_MATRIX_OUT!, JSON.stringify(out, null, 1));
  expect(out.length).toBeGreaterThan(0);
});
