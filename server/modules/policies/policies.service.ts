import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import {
  evaluate,
  parametersUsed,
  runTestCases,
  type DecisionTrace,
  type Eligibility,
  type Facts,
  type PolicyParameter,
  type PolicyRule,
  type PolicyTestCase,
} from '../../../common/policies/index.js';
import { claims, enterprises, ledgerAccounts, orgUnits, policies, policyVersions, registryEvents } from '../../db/schema/index.js';
import { audit, systemContext, type RequestContext } from '../../platform/audit.js';
import { inScope } from '../../platform/access.js';
import { today as todayInZone } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pgErrorOf } from '../../platform/pg-errors.js';
import { factsForEnterprise, factsForEvent } from './facts.js';

export type PolicyRow = typeof policies.$inferSelect;
export type VersionRow = typeof policyVersions.$inferSelect;

export interface SeedPolicyLike {
  code: string;
  nameZh: string;
  nameEn: string;
  clauseRef: string;
  clauseText: string;
  rule: PolicyRule;
  parameters: PolicyParameter[];
  tests: PolicyTestCase[];
}

/** Loads the catalogue once (version 1 of each policy, a draft: its amounts are 待定 until the bureau sets them). */
export async function seedPolicies(db: Db, catalogue: SeedPolicyLike[], regionCode: string): Promise<number> {
  let added = 0;
  await db.transaction(async (tx) => {
    for (const [i, p] of catalogue.entries()) {
      const [row] = await tx
        .insert(policies)
        .values({
          code: p.code,
          nameZh: p.nameZh,
          nameEn: p.nameEn,
          clauseRef: p.clauseRef,
          clauseText: p.clauseText,
          regionCode,
          sortOrder: i,
        })
        .onConflictDoNothing({ target: policies.code })
        .returning();
      if (!row) continue;
      added += 1;
      await tx.insert(policyVersions).values({
        policyId: row.id,
        version: 1,
        status: 'draft',
        rule: p.rule,
        parameters: p.parameters,
        tests: p.tests,
        note: '初始目录（金额待定）',
      });
    }
    if (added)
      await audit(tx, systemContext('seed'), { action: 'seed', entity: 'policy', entityId: regionCode, note: { policies: added } });
  });
  return added;
}

export async function findPolicy(db: Db, idOrCode: string): Promise<PolicyRow> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const [row] = await db
    .select()
    .from(policies)
    .where(isUuid ? eq(policies.id, idOrCode) : eq(policies.code, idOrCode));
  if (!row) throw new AppError(404, 'policy_not_found', { code: idOrCode });
  return row;
}

export async function versionsOf(db: Db, policyId: string): Promise<VersionRow[]> {
  return db.select().from(policyVersions).where(eq(policyVersions.policyId, policyId)).orderBy(desc(policyVersions.version));
}

/** The approved version in force, if any. */
export async function activeVersion(db: Db, policyId: string): Promise<VersionRow | undefined> {
  const [v] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.status, 'approved')))
    .orderBy(desc(policyVersions.version))
    .limit(1);
  return v;
}

/** Parameters of a version that are 待定 on a date. */
export function unsetOn(v: Pick<VersionRow, 'rule' | 'parameters'>, date: string): string[] {
  return evaluate({ policyCode: '', version: 0, rule: v.rule, parameters: v.parameters, facts: {}, date }).unsetParameters;
}

/**
 * Which policies a reader sees: those of their subtree and its ancestors (`scopes`, shared down), or for an
 * enterprise those whose owner's area holds one of its units (`within`: the enterprise units' paths).
 */
export type PolicyFilter = { scopes: readonly string[] } | { within: readonly string[] };

function policyFilter(f: PolicyFilter): SQL {
  if ('scopes' in f) return inScope(orgUnits.path, f.scopes, { sharedDown: true });
  if (f.within.length === 0) return sql`false`;
  return sql`exists (select 1 from unnest(${sql`array[${sql.join(
    f.within.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`}) w(p) where starts_with(w.p, ${orgUnits.path}))`;
}

export async function listPolicies(db: Db, filter?: PolicyFilter) {
  const rows = await db
    .select({ p: policies })
    .from(policies)
    .innerJoin(orgUnits, eq(orgUnits.code, policies.regionCode))
    .where(filter ? policyFilter(filter) : undefined)
    .orderBy(asc(policies.sortOrder))
    .then((r) => r.map((x) => x.p));
  const versions = rows.length
    ? await db
        .select()
        .from(policyVersions)
        .where(
          inArray(
            policyVersions.policyId,
            rows.map((p) => p.id),
          ),
        )
        .orderBy(desc(policyVersions.version))
    : [];
  const today = todayInZone();
  return rows.map((p) => {
    const mine = versions.filter((v) => v.policyId === p.id);
    const active = mine.find((v) => v.status === 'approved');
    const latest = mine[0]!;
    const unset = active ? unsetOn(active, today) : parametersUsed(latest.rule);
    return {
      ...p,
      trigger: (active ?? latest).rule.trigger.event,
      activeVersion: active?.version ?? null,
      latestVersion: latest.version,
      latestStatus: latest.status,
      unsetParameters: unset,
      /** Can match and pay: an approved version whose parameters are all set today. */
      operative: Boolean(active) && unset.length === 0,
    };
  });
}

/** A new draft from the latest version (an approved version is never edited). */
export async function newDraft(db: Db, ctx: RequestContext, policyId: string): Promise<VersionRow> {
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select()
      .from(policyVersions)
      .where(eq(policyVersions.policyId, policyId))
      .orderBy(desc(policyVersions.version))
      .limit(1)
      .for('update');
    if (latest && (latest.status === 'draft' || latest.status === 'pending')) return latest;
    const [row] = await tx
      .insert(policyVersions)
      .values({
        policyId,
        version: (latest?.version ?? 0) + 1,
        status: 'draft',
        rule: latest!.rule,
        parameters: latest!.parameters,
        tests: latest!.tests,
        createdBy: ctx.userId,
      })
      .returning();
    await audit(tx, ctx, { action: 'create', entity: 'policy_version', entityId: row!.id, after: { policyId, version: row!.version } });
    return row!;
  });
}

async function lockVersion(tx: Db, policyId: string, version: number): Promise<VersionRow> {
  const [v] = await tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.version, version)))
    .for('update');
  if (!v) throw new AppError(404, 'not_found', { what: `version ${version}` });
  return v;
}

export async function updateDraft(
  db: Db,
  ctx: RequestContext,
  policyId: string,
  version: number,
  patch: {
    rule?: PolicyRule | undefined;
    parameters?: PolicyParameter[] | undefined;
    tests?: PolicyTestCase[] | undefined;
    note?: string | undefined;
  },
): Promise<VersionRow> {
  return db.transaction(async (tx) => {
    const v = await lockVersion(tx, policyId, version);
    if (v.status !== 'draft') throw new AppError(409, 'policy_version_state', { status: v.status });
    const after = {
      rule: patch.rule ?? v.rule,
      parameters: patch.parameters ?? v.parameters,
      tests: patch.tests ?? v.tests,
      note: patch.note ?? v.note,
      // Everyone who edits a draft is one of its editors (the database records them): none of them approves it.
      editedBy: ctx.userId,
    };
    const [row] = await tx.update(policyVersions).set(after).where(eq(policyVersions.id, v.id)).returning();
    await audit(tx, ctx, {
      action: 'update',
      entity: 'policy_version',
      entityId: v.id,
      before: { parameters: v.parameters, rule: v.rule, tests: v.tests, note: v.note },
      after: { parameters: after.parameters, rule: after.rule, tests: after.tests, note: after.note },
    });
    return row!;
  });
}

export function testsOf(p: PolicyRow, v: VersionRow) {
  return runTestCases({ policyCode: p.code, version: v.version, versionId: v.id, rule: v.rule, parameters: v.parameters }, v.tests);
}

/** Draft → pending: every test case must pass first. */
export async function submitVersion(db: Db, ctx: RequestContext, p: PolicyRow, version: number): Promise<VersionRow> {
  return db.transaction(async (tx) => {
    const v = await lockVersion(tx, p.id, version);
    if (v.status !== 'draft') throw new AppError(409, 'policy_version_state', { status: v.status });
    const failed = testsOf(p, v).filter((r) => !r.passed);
    if (failed.length) throw new AppError(409, 'policy_tests_fail', { failed: failed.length, names: failed.map((f) => f.name).join('、') });
    const [row] = await tx.update(policyVersions).set({ status: 'pending' }).where(eq(policyVersions.id, v.id)).returning();
    await audit(tx, ctx, {
      action: 'submit',
      entity: 'policy_version',
      entityId: v.id,
      before: { status: 'draft' },
      after: { status: 'pending' },
    });
    return row!;
  });
}

/** Pending → approved by a second person; the version it replaces is superseded. */
export async function decideVersion(
  db: Db,
  ctx: RequestContext,
  p: PolicyRow,
  version: number,
  decision: 'approve' | 'reject',
  note?: string,
): Promise<VersionRow> {
  return db.transaction(async (tx) => {
    const v = await lockVersion(tx, p.id, version);
    if (v.status !== 'pending') throw new AppError(409, 'policy_version_state', { status: v.status });
    if (decision === 'approve' && (!ctx.userId || v.createdBy === ctx.userId || v.editors.includes(ctx.userId)))
      throw new AppError(403, 'policy_four_eyes');
    if (decision === 'approve')
      await tx
        .update(policyVersions)
        .set({ status: 'superseded' })
        .where(and(eq(policyVersions.policyId, p.id), eq(policyVersions.status, 'approved')));
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const [row] = await tx
      .update(policyVersions)
      .set({
        status,
        approvedBy: decision === 'approve' ? ctx.userId : null,
        approvedAt: decision === 'approve' ? new Date() : null,
        note: note ?? v.note,
      })
      .where(eq(policyVersions.id, v.id))
      .returning()
      .catch((e: unknown) => {
        // The database's four-eyes rule (migration 0014) refuses what the check above let through.
        if (pgErrorOf(e)?.constraint === 'policy_versions_four_eyes') throw new AppError(403, 'policy_four_eyes');
        throw e;
      });
    await audit(tx, ctx, {
      action: decision,
      entity: 'policy_version',
      entityId: v.id,
      before: { status: 'pending' },
      after: { status, note },
    });
    return row!;
  });
}

async function regionPath(db: Db, code: string): Promise<string> {
  const [u] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.code, code));
  return u?.path ?? '/';
}

/**
 * One enterprise against one policy on a date: the latest registry event that triggers the policy up to that
 * date supplies the event facts; with none, the decision says so.
 */
export async function evaluateFor(
  db: Db,
  p: PolicyRow,
  v: VersionRow,
  enterpriseId: string,
  date: string,
  overrides?: Record<string, number>,
): Promise<DecisionTrace> {
  const region = await regionPath(db, p.regionCode);
  const kind = v.rule.trigger.event;
  const events =
    kind === 'application'
      ? []
      : await db
          .select()
          .from(registryEvents)
          .where(and(eq(registryEvents.enterpriseId, enterpriseId), eq(registryEvents.kind, kind), lte(registryEvents.occurredOn, date)))
          .orderBy(desc(registryEvents.occurredOn), desc(registryEvents.id));
  // Prefer an event the trigger accepts (e.g. the high-tech certificate, not another qualification).
  let facts: Facts | undefined;
  for (const e of events) {
    const f = await factsForEvent(db, e, region);
    const ok = Object.entries(v.rule.trigger.match ?? {}).every(([fact, accepted]) => accepted.includes(f[fact] as string | number));
    if (ok) {
      facts = f;
      break;
    }
  }
  const base = {
    policyCode: p.code,
    version: v.version,
    versionId: v.id,
    rule: v.rule,
    parameters: v.parameters,
    date,
    ...(overrides ? { overrides } : {}),
  };
  if (facts) return evaluate({ ...base, facts });
  const trace = evaluate({ ...base, facts: await factsForEnterprise(db, enterpriseId, region, date) });
  if (kind === 'application') return trace;
  // Nothing in the register triggers this policy for the enterprise: not eligible, and the trace says why.
  return {
    ...trace,
    eligibility: 'ineligible',
    amount: { fen: 0, explanation: '登记库中没有触发事项 no triggering record', capped: false },
    conditions: [
      {
        id: 'event',
        zh: '登记库中有触发该政策的事项',
        en: 'The register holds a record that triggers this policy',
        outcome: 'fail',
        fact: kind,
        actual: null,
        expected: kind,
      },
      ...trace.conditions,
    ],
  };
}

/**
 * Projected spend of a draft parameter change over a year's registry events, against the remaining budget.
 * Only enterprises in the policy's area count, and only those the reader may see are listed (`scopes`).
 */
export async function whatIf(
  db: Db,
  p: PolicyRow,
  v: VersionRow,
  year: number,
  overrides: Record<string, number>,
  fundSource: string,
  scopes?: readonly string[],
) {
  const region = await regionPath(db, p.regionCode);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const kind = v.rule.trigger.event;
  const events =
    kind === 'application'
      ? []
      : await db
          .select({ e: registryEvents })
          .from(registryEvents)
          .innerJoin(enterprises, eq(enterprises.id, registryEvents.enterpriseId))
          .innerJoin(orgUnits, eq(orgUnits.code, enterprises.orgUnitCode))
          .where(
            and(
              eq(registryEvents.kind, kind),
              gte(registryEvents.occurredOn, from),
              lte(registryEvents.occurredOn, to),
              inScope(orgUnits.path, [region]),
              scopes ? inScope(orgUnits.path, scopes) : undefined,
            ),
          )
          .then((r) => r.map((x) => x.e));
  let eligible = 0;
  let undetermined = 0;
  let spendFen = 0;
  let undeterminedFen = 0;
  const rows: { enterpriseId: string; name: string; date: string; eligibility: Eligibility; amountFen: number | null }[] = [];
  const names = new Map(
    events.length
      ? (
          await db
            .select({ id: enterprises.id, name: enterprises.name })
            .from(enterprises)
            .where(inArray(enterprises.id, [...new Set(events.map((e) => e.enterpriseId))]))
        ).map((e) => [e.id, e.name])
      : [],
  );
  // Claims already approved or paid are out of the remaining budget: counting them again would double them.
  const committed = new Set(
    (
      await db
        .select({ eventId: claims.eventId })
        .from(claims)
        .where(and(eq(claims.policyId, p.id), inArray(claims.status, ['approved', 'paid'])))
    ).map((c) => c.eventId),
  );
  for (const e of events) {
    if (committed.has(e.id)) continue;
    const trace = evaluate({
      policyCode: p.code,
      version: v.version,
      rule: v.rule,
      parameters: v.parameters,
      facts: await factsForEvent(db, e, region),
      date: e.occurredOn,
      overrides,
    });
    if (trace.eligibility === 'ineligible') continue;
    const fen = trace.amount.fen ?? 0;
    if (trace.eligibility === 'eligible') {
      eligible += 1;
      spendFen += fen;
    } else {
      undetermined += 1;
      undeterminedFen += fen;
    }
    rows.push({
      enterpriseId: e.enterpriseId,
      name: names.get(e.enterpriseId) ?? '',
      date: e.occurredOn,
      eligibility: trace.eligibility,
      amountFen: trace.amount.fen,
    });
  }
  const [budget] = await db
    .select({ available: sql<string>`(credits_posted - debits_posted - debits_pending)::text` })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.code, `budget:${year}:${fundSource}:${p.code}`));
  const remainingFen = budget ? Number(budget.available) : 0;
  return {
    year,
    fundSource,
    events: events.length,
    alreadyCommitted: committed.size,
    eligible,
    undetermined,
    projectedSpendFen: spendFen,
    undeterminedSpendFen: undeterminedFen,
    remainingBudgetFen: remainingFen,
    shortfallFen: Math.max(0, spendFen - remainingFen),
    rows,
  };
}
