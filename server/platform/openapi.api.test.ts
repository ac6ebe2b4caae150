import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/harness.js';
import { API_TAGS, ERROR_RESPONSES, operationIdOf } from './openapi.js';
import { routesWithoutResponse } from './routes.js';

/**
 * The contract of every route (issue #13): each /api route declares its 2xx response (so the serializer sends
 * only what the contract lists and the web derives its types from it), and the OpenAPI document is complete
 * for an integrator: unique operation ids, the shared errors, declared tags. The document itself is linted by
 * `npm run lint:openapi` (Redocly's recommended rules).
 */
let t: TestContext;
let doc: { paths: Record<string, Record<string, Operation>>; tags?: { name: string }[] };

interface Operation {
  operationId?: string;
  tags?: string[];
  responses: Record<string, unknown>;
}

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
});

afterAll(async () => {
  await t?.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ method: m.toUpperCase(), path: p, op })));

describe('route contracts', () => {
  it('every /api route declares a 2xx response schema', () => {
    const missing = routesWithoutResponse(t.app);
    expect(missing, `${missing.length} route(s) without a 2xx response schema:\n  ${missing.join('\n  ')}\n`).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('lists every /api route, each with a unique operationId derived from its method and path (or declared)', () => {
    const ops = operations();
    expect(ops.length).toBe(t.app.routeRegistry.length);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of ops) expect(o.op.operationId, `${o.method} ${o.path}`).toMatch(/^(get|post|put|patch|delete)[A-Z]\w*$/);
    expect(operationIdOf('GET', '/api/projects/calls/{id}/applications')).toBe('getProjectsCallsByIdApplications');
    expect(operationIdOf('post', '/api/registry/import/:kind/preview')).toBe('postRegistryImportByKindPreview');
    expect(operationIdOf('delete', '/api/data-values/{value_id}')).toBe('deleteDataValuesByValueId');
  });

  it('documents the shared error answers on every operation, and declares every tag it uses', () => {
    const declared = new Set((doc.tags ?? []).map((x) => x.name));
    expect([...declared].sort()).toEqual(API_TAGS.map((x) => x.name).sort());
    for (const { method, path, op } of operations()) {
      for (const status of Object.keys(ERROR_RESPONSES)) expect(op.responses[status], `${method} ${path} → ${status}`).toBeDefined();
      for (const tag of op.tags ?? []) expect(declared.has(tag), `${method} ${path}: tag "${tag}" is not declared in API_TAGS`).toBe(true);
    }
  });
});

describe('anonymous callers', () => {
  it('every non-public path of the document answers 401 (public ones: the routes marked config.public)', async () => {
    const publicRoutes = new Set(t.app.routeRegistry.filter((r) => r.public).map((r) => `${r.method} ${r.url}`));
    expect(publicRoutes.size).toBeGreaterThan(0);
    const wrong: string[] = [];
    let probed = 0;
    for (const { method, path } of operations()) {
      const route = path.replace(/\{([^}]+)\}/g, ':$1');
      if (publicRoutes.has(`${method} ${route}`)) continue;
      probed += 1;
      const url = path.replace(/\{[^}]+\}/g, '1');
      const res = await t.app.inject({ method: method as 'GET', url, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
      if (res.statusCode !== 401) wrong.push(`${method} ${path} answered ${res.statusCode}`);
    }
    expect(probed).toBeGreaterThan(100);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});
