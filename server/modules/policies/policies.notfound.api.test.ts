import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policies } from '../../db/schema/policies.js';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';

/**
 * A policy row without any version (written by hand, not by the catalogue's seed): a new draft used to read
 * the missing latest version (`latest!.rule`) and the catalogue its missing version 1 (`mine[0]!`) — both a
 * 500. Now the draft is a 404 naming the policy, and the catalogue leaves the policy out.
 */
let t: TestContext;
let clerk: Agent;

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  await t.database.db.insert(policies).values({
    code: 'versionless_test',
    nameZh: '无版本政策',
    nameEn: 'A policy without versions',
    clauseRef: '—',
    clauseText: '—',
    regionCode: '500241',
    sortOrder: 999,
  });
});
afterAll(() => t.close());

describe('a policy without versions', () => {
  it('a new draft answers 404 (was a 500)', async () => {
    const res = await clerk.post('/api/policies/versionless_test/versions');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('its version cannot be submitted, decided or tried: 404 each', async () => {
    expect((await clerk.post('/api/policies/versionless_test/versions/1/submit')).statusCode).toBe(404);
    expect((await clerk.post('/api/policies/versionless_test/versions/1/approve', {})).statusCode).toBe(404);
    expect((await clerk.post('/api/policies/versionless_test/tests/run')).statusCode).toBe(404);
  });

  it('the catalogue answers 200 without it (was a 500); the policy itself reads with no versions', async () => {
    const list = await clerk.get('/api/policies');
    expect(list.statusCode).toBe(200);
    expect(list.json().some((p: { code: string }) => p.code === 'versionless_test')).toBe(false);
    const one = await clerk.get('/api/policies/versionless_test');
    expect(one.statusCode).toBe(200);
    expect(one.json().versions).toEqual([]);
  });
});
