import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';
import { makeApplicant } from '../../../test/fixtures/projects.js';

/** Unknown ids on the call, application and objection routes (moved from projects.api.test.ts). */
let t: TestContext;
let clerk: Agent;
const ents: { agent: Agent }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  ents.push(await makeApplicant(t, '500241001'));
}, 60_000);
afterAll(() => t.close());

describe('a call, application, notice or objection that does not exist is not found (404), never a 500', () => {
  it('answers 404 naming what was looked for', async () => {
    const missing = crypto.randomUUID();
    for (const [who, method, url] of [
      [clerk, 'GET', `/api/calls/${missing}`],
      [clerk, 'POST', `/api/calls/${missing}/publish`],
      [clerk, 'GET', `/api/calls/${missing}/notice`],
      [clerk, 'GET', `/api/applications/${missing}`],
      [clerk, 'POST', `/api/applications/${missing}/formal-check`],
      [ents[0]!.agent, 'POST', `/api/calls/${missing}/applications`],
      [ents[0]!.agent, 'POST', `/api/applications/${missing}/submit`],
      [clerk, 'POST', `/api/project-objections/${missing}/resolve`],
    ] as const) {
      const body = url.endsWith('formal-check')
        ? { decision: 'accept' }
        : url.endsWith('/applications')
          ? { title: '不存在的指南', fields: {}, requestedFen: 1 }
          : url.endsWith('/resolve')
            ? { status: 'dismissed', resolution: '不成立' }
            : undefined;
      const res = await who.request({ method, url, ...(body ? { payload: body } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/public/project-notices/${missing}` });
    expect(anonymous.statusCode).toBe(404);
  });
});
