import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.js';
import { reviewConsensus } from '../../db/schema/projects.js';
import {
  assignmentsOf,
  makeApplicant,
  makeApplication,
  makeCall,
  makeExpert,
  READBACK_TEMPLATE,
  submitAndAccept,
} from '../../../test/fixtures/projects.js';
import { agentWith, createTestApp, creditCode, type Agent, type TestContext } from '../../../test/harness.js';

/**
 * The consensus step has a table of its own (review_consensus, migration 0020): recording a consensus writes the
 * row (score, reason, fingerprint of the sheets, who, when) and still an audit event; the migration's backfill
 * rebuilds the row from the audit events of a consensus recorded the old way. And missing records are 404s
 * naming what was looked for, never 500s (PGlite and PostgreSQL).
 */
let t: TestContext;
let clerk: Agent;
const experts: Awaited<ReturnType<typeof makeExpert>>[] = [];
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
let applicant: Awaited<ReturnType<typeof makeApplicant>>;
/** Every assignment of these applications: which expert, which review. */
const assignments = (appIds: string[]) => assignmentsOf(experts, appIds);

beforeAll(async () => {
  t = await createTestApp();
  clerk = (await agentWith(t, ['bureau'])).agent;
  for (const k of [0, 1, 2, 3]) experts.push(await makeExpert(t, clerk, { name: `协商专家${k + 1}`, orgCreditCode: creditCode(8300 + k) }));
  applicant = await makeApplicant(t);
});
afterAll(() => t.close());

/** An application whose two experts disagree (90 and 50 against a spread threshold of 15): in consensus. */
async function inConsensus(): Promise<{ callId: string; appId: string }> {
  const callId = (await makeCall(clerk, { reviewTemplate: { spreadThreshold: 15 } })).id;
  const applicant = await makeApplicant(t);
  const appId = (await makeApplication(applicant.agent, callId)).id;
  await submitAndAccept(applicant.agent, clerk, appId);
  expect((await clerk.post(`/api/calls/${callId}/draw`, { seed: 3 })).statusCode).toBe(200);
  const [first, second] = await assignments([appId]);
  for (const [x, s] of [
    [first!, 90],
    [second!, 50],
  ] as const)
    expect((await x.expert.agent.post(`/api/my/reviews/${x.reviewId}/score`, { scores: { innovation: s } })).statusCode).toBe(200);
  expect((await clerk.post(`/api/calls/${callId}/aggregate`)).json().consensus).toEqual([appId]);
  return { callId, appId };
}

describe('the consensus table', () => {
  it('recording a consensus writes its row, and still the audit event', async () => {
    const { appId } = await inConsensus();
    const res = await clerk.post(`/api/applications/${appId}/consensus`, { score: 72, note: '专家组复议后同意 72 分' });
    expect(res.statusCode).toBe(204);
    const rows = await t.database.db.select().from(reviewConsensus).where(eq(reviewConsensus.applicationId, appId));
    expect(rows).toEqual([
      expect.objectContaining({
        applicationId: appId,
        score: 72,
        note: '专家组复议后同意 72 分',
        reviewsFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        recordedBy: expect.any(String),
        recordedAt: expect.any(Date),
      }),
    ]);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, appId), eq(auditEvents.action, 'consensus')));
    expect(events).toHaveLength(1);
    expect(events[0]!.changes.reviews?.after).toBe(rows[0]!.reviewsFingerprint);
  });

  it('the backfill of migration 0020 rebuilds the row from a consensus recorded the old way (audit events only)', async () => {
    const { callId, appId } = await inConsensus();
    expect((await clerk.post(`/api/applications/${appId}/consensus`, { score: 65, note: '复议意见' })).statusCode).toBe(204);
    const [recorded] = await t.database.db.select().from(reviewConsensus).where(eq(reviewConsensus.applicationId, appId));
    // The way it was before the table: only the audit events hold the consensus.
    await t.database.db.delete(reviewConsensus).where(eq(reviewConsensus.applicationId, appId));
    const migration = readFileSync(new URL('../../db/migrations/0020_review_consensus.sql', import.meta.url), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').at(-1)!;
    expect(backfill).toContain('INSERT INTO "review_consensus"');
    await t.database.db.execute(sql.raw(backfill));
    const [rebuilt] = await t.database.db.select().from(reviewConsensus).where(eq(reviewConsensus.applicationId, appId));
    expect(rebuilt).toEqual({ ...recorded, recordedAt: expect.any(Date) });
    expect(Math.abs(rebuilt!.recordedAt.getTime() - recorded!.recordedAt.getTime())).toBeLessThan(5_000);
    // And the aggregation keeps the consensus it reads from the table.
    expect((await clerk.post(`/api/calls/${callId}/aggregate`)).json().consensusKept).toEqual([
      expect.objectContaining({ applicationId: appId, score: 65 }),
    ]);
  });
});

describe('running the aggregation again keeps a resolved consensus', () => {
  interface Aggregation {
    consensus: string[];
    waitingFor: number;
    ranking: { applicationId: string; rank: number; score: number }[];
    consensusKept: { applicationId: string; score: number }[];
    consensusReopened: { applicationId: string; agreedScore: number; score: number; status: string }[];
  }
  const aggregate = async (callId: string) => {
    const res = await clerk.post(`/api/calls/${callId}/aggregate`);
    expect(res.statusCode).toBe(200);
    return res.json() as Aggregation;
  };
  const resultOf = async (callId: string, id: string) =>
    ((await clerk.get(`/api/calls/${callId}/results`)).json().results as { applicationId: string }[]).find((r) => r.applicationId === id)!;

  it('keeps the agreed score while the reviews are unchanged; asks again, and says so, when they changed', async () => {
    const callId = (await makeCall(clerk, { code: 'RB-2026-02', reviewTemplate: READBACK_TEMPLATE })).id;
    const appId = (await makeApplication(applicant.agent, callId, { title: '协商复核项目', requestedFen: 100_000_00 })).id;
    await submitAndAccept(applicant.agent, clerk, appId);
    expect((await clerk.post(`/api/calls/${callId}/draw`, { seed: 11 })).statusCode).toBe(200);
    const [first, second, third] = await assignments([appId]);
    // Two experts disagree (90 and 60: range 30 > 15); the third declines.
    for (const [x, s] of [
      [first!, 90],
      [second!, 60],
    ] as const)
      await x.expert.agent.post(`/api/my/reviews/${x.reviewId}/score`, { scores: { innovation: s, feasibility: s } });
    await third!.expert.agent.post(`/api/my/reviews/${third!.reviewId}/decline`, { reason: '与申报单位有合作' });
    expect((await aggregate(callId)).consensus).toEqual([appId]);
    expect((await clerk.post(`/api/applications/${appId}/consensus`, { score: 80, note: '专家组复议后同意 80 分' })).statusCode).toBe(204);

    // Again, nothing changed: the agreed score and status stand, and the answer says it kept them.
    const again = await aggregate(callId);
    expect(again.consensus).toEqual([]);
    expect(again.consensusKept).toEqual([expect.objectContaining({ applicationId: appId, score: 80 })]);
    expect(again.consensusReopened).toEqual([]);
    expect(again.ranking).toEqual([expect.objectContaining({ applicationId: appId, score: 80, rank: 1 })]);
    expect((await clerk.get(`/api/applications/${appId}`)).json()).toMatchObject({ status: 'scored', score: 80, rank: 1 });
    expect(await resultOf(callId, appId)).toMatchObject({
      consensus: 'resolved',
      agreedScore: 80,
      consensusNote: '专家组复议后同意 80 分',
    });
    // And once more: still kept (idempotent).
    expect((await aggregate(callId)).consensusKept.map((k) => k.applicationId)).toEqual([appId]);

    // The declined place is filled; while the new expert has not scored, the application waits and keeps its score.
    const swap = await clerk.post(`/api/reviews/${third!.reviewId}/swap`, {});
    expect(swap.statusCode).toBe(200);
    const waiting = await aggregate(callId);
    expect(waiting.waitingFor).toBe(1);
    expect((await clerk.get(`/api/applications/${appId}`)).json()).toMatchObject({ status: 'scored', score: 80 });

    // The new review changes the sheets: the consensus no longer holds; the spread is still high, so it is asked again.
    const fresh = (await assignments([appId])).find((x) => x.reviewId === swap.json().reviewId)!;
    await fresh.expert.agent.post(`/api/my/reviews/${fresh.reviewId}/score`, { scores: { innovation: 70, feasibility: 70 } });
    const changed = await aggregate(callId);
    expect(changed.consensus).toEqual([appId]);
    expect(changed.consensusKept).toEqual([]);
    expect(changed.consensusReopened).toEqual([
      expect.objectContaining({ applicationId: appId, agreedScore: 80, status: 'consensus', score: expect.closeTo(73.33, 2) }),
    ]);
    expect((await clerk.get(`/api/applications/${appId}`)).json().status).toBe('consensus');
    expect(await resultOf(callId, appId)).toMatchObject({ consensus: 'pending', agreedScore: null });
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, appId));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['consensus', 'consensus_reset']));
    // A second consensus on the new sheets is kept in turn.
    await clerk.post(`/api/applications/${appId}/consensus`, { score: 76, note: '补充评审后复议' });
    const last = await aggregate(callId);
    expect(last.consensusKept).toEqual([expect.objectContaining({ applicationId: appId, score: 76 })]);
    expect(await resultOf(callId, appId)).toMatchObject({ consensus: 'resolved', agreedScore: 76, consensusNote: '补充评审后复议' });
  });
});

describe('a missing record is a 404 naming it, never a 500', () => {
  it('the review routes answer 404 for ids that do not exist', async () => {
    const cases = [
      clerk.post(`/api/reviews/${UNKNOWN}/swap`, { reason: '不可用' }),
      clerk.get(`/api/assignment-draws/${UNKNOWN}/verify`),
      clerk.post(`/api/experts/${UNKNOWN}/rating`, { rating: 3 }),
      clerk.patch(`/api/experts/${UNKNOWN}`, { available: false }),
      clerk.post(`/api/conflicts/${UNKNOWN}/decide`, { status: 'dismissed' }),
      clerk.post(`/api/calls/${UNKNOWN}/conflicts/detect`),
      clerk.post(`/api/project-reports/${UNKNOWN}/panel`, { seed: 1 }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });
});
