import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';
import { buildDemo, loadDemoData } from './demo.js';

let t: TestContext;
let leader: Agent;
beforeAll(async () => {
  t = await createTestApp();
  leader = (await agentWith(t, ['leader'])).agent;
});
afterAll(() => t.close());

const computed = async (code: string, year: number, unit = '500241') =>
  (
    (await leader.get(`/api/indicators/${code}/values?orgUnit=${unit}&to=2025`)).json().values as {
      year: number;
      computed: number | null;
    }[]
  ).find((v) => v.year === year)?.computed;

describe('demo register', () => {
  it('is deterministic', () => {
    const towns = ['500241001', '500241002', '500241003', '500241100'];
    expect(JSON.stringify(buildDemo(7, towns))).toBe(JSON.stringify(buildDemo(7, towns)));
    expect(JSON.stringify(buildDemo(7, towns))).not.toBe(JSON.stringify(buildDemo(8, towns)));
  });

  it('matches the plan’s 2020 facts, is flagged as demo, and loads only into an empty register', async () => {
    const counts = await loadDemoData(t.database.db);
    expect(counts!.enterprises).toBeGreaterThan(400);
    expect(await loadDemoData(t.database.db)).toBeNull();
    expect(await computed('T1-05', 2020)).toBe(212);
    expect(await computed('T1-04', 2020)).toBe(8);
    expect(await computed('T1-07', 2020)).toBe(17); // 10 R&D + 7 service institutions, as chapter 1 says (表1 says 30)
    expect(await computed('T1-08', 2020)).toBe(20000);
    expect(await computed('T1-10', 2020)).toBe(120);
    expect(await computed('T1-06', 2020, '500241P01')).toBeCloseTo(30, 6);
    expect(await computed('T1-05', 2025)).toBe(371);
    const list = (await leader.get('/api/enterprises?pageSize=5')).json();
    expect(list.items.every((e: { isDemo: boolean }) => e.isDemo)).toBe(true);
    const share = await computed('T1-09', 2020);
    expect(share).toBeGreaterThan(15);
    expect(share).toBeLessThan(25);
  });
});
