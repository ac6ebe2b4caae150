import {
  evaluate,
  parametersUsed,
  runTestCases,
  type PolicyParameter,
  type PolicyRule,
  type PolicyTestCase,
} from '../../../common/policies/index.js';
import type { VersionDecision } from '../../../common/values/policies.js';
import { audit, systemContext, type RequestContext } from '../../platform/audit.js';
import { today as todayInZone } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import { pgErrorOf } from '../../platform/pg-errors.js';
import * as repo from './policies.repo.js';
import type { PolicyFilter, PolicyRow, VersionRow } from './policies.repo.js';

export type { PolicyFilter, PolicyRow, VersionRow };

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
      const row = await repo.insertPolicy(tx, {
        code: p.code,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        clauseRef: p.clauseRef,
        clauseText: p.clauseText,
        regionCode,
        sortOrder: i,
      });
      if (!row) continue;
      added += 1;
      await repo.insertVersion(tx, {
        policyId: row.id,
        version: 1,
        status: 'draft',
        rule: p.rule,
        parameters: p.parameters,
        tests: p.tests,
        note: null,
        message: { code: 'seed_catalogue', params: {} },
      });
    }
    if (added)
      await audit(tx, systemContext('seed'), { action: 'seed', entity: 'policy', entityId: regionCode, note: { policies: added } });
  });
  return added;
}

export async function findPolicy(db: Db, idOrCode: string): Promise<PolicyRow> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const [row] = await repo.policyByIdOrCode(db, idOrCode, isUuid);
  if (!row) throw new AppError(404, 'policy_not_found', { code: idOrCode });
  return row;
}

export const versionsOf = (db: Db, policyId: string): Promise<VersionRow[]> => repo.versionsOf(db, policyId);

/** The approved version in force, if any. */
export async function activeVersion(db: Db, policyId: string): Promise<VersionRow | undefined> {
  const [v] = await repo.latestApproved(db, policyId);
  return v;
}

/** Parameters of a version that are 待定 on a date. */
export function unsetOn(v: Pick<VersionRow, 'rule' | 'parameters'>, date: string): string[] {
  return evaluate({ policyCode: '', version: 0, rule: v.rule, parameters: v.parameters, facts: {}, date }).unsetParameters;
}

export async function listPolicies(db: Db, filter?: PolicyFilter) {
  const rows = await repo.selectPolicies(db, filter);
  const versions = await repo.versionsOfPolicies(
    db,
    rows.map((p) => p.id),
  );
  const today = todayInZone();
  return rows.flatMap((p) => {
    const mine = versions.filter((v) => v.policyId === p.id);
    const active = mine.find((v) => v.status === 'approved');
    const latest = mine[0];
    // A policy without any version (not loaded by the catalogue's seed) has nothing to show.
    if (!latest) return [];
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
    const latest = await findOr404(repo.latestVersionForUpdate(tx, policyId), `policy ${policyId}`);
    if (latest.status === 'draft' || latest.status === 'pending') return latest;
    const row = await findOr404(
      repo.insertVersion(tx, {
        policyId,
        version: latest.version + 1,
        status: 'draft',
        rule: latest.rule,
        parameters: latest.parameters,
        tests: latest.tests,
        createdBy: ctx.userId,
      }),
      'policy_version',
    );
    await audit(tx, ctx, { action: 'create', entity: 'policy_version', entityId: row.id, after: { policyId, version: row.version } });
    return row;
  });
}

async function lockVersion(tx: Db, policyId: string, version: number): Promise<VersionRow> {
  return findOr404(repo.versionForUpdate(tx, policyId, version), `version ${version}`);
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
    const row = await findOr404(repo.updateVersion(tx, v.id, after), `version ${version}`);
    await audit(tx, ctx, {
      action: 'update',
      entity: 'policy_version',
      entityId: v.id,
      before: { parameters: v.parameters, rule: v.rule, tests: v.tests, note: v.note },
      after: { parameters: after.parameters, rule: after.rule, tests: after.tests, note: after.note },
    });
    return row;
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
    const row = await findOr404(repo.updateVersion(tx, v.id, { status: 'pending' }), `version ${version}`);
    await audit(tx, ctx, {
      action: 'submit',
      entity: 'policy_version',
      entityId: v.id,
      before: { status: 'draft' },
      after: { status: 'pending' },
    });
    return row;
  });
}

/** Pending → approved by a second person; the version it replaces is superseded. */
export async function decideVersion(
  db: Db,
  ctx: RequestContext,
  p: PolicyRow,
  version: number,
  decision: VersionDecision,
  note?: string,
): Promise<VersionRow> {
  return db.transaction(async (tx) => {
    const v = await lockVersion(tx, p.id, version);
    if (v.status !== 'pending') throw new AppError(409, 'policy_version_state', { status: v.status });
    if (decision === 'approve' && (!ctx.userId || v.createdBy === ctx.userId || v.editors.includes(ctx.userId)))
      throw new AppError(403, 'policy_four_eyes');
    if (decision === 'approve') await repo.supersedeApproved(tx, p.id);
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const row = await findOr404(
      repo
        .updateVersion(tx, v.id, {
          status,
          approvedBy: decision === 'approve' ? ctx.userId : null,
          approvedAt: decision === 'approve' ? new Date() : null,
          note: note ?? v.note,
        })
        .catch((e: unknown) => {
          // The database's four-eyes rule (migration 0014) refuses what the check above let through.
          if (pgErrorOf(e)?.constraint === 'policy_versions_four_eyes') throw new AppError(403, 'policy_four_eyes');
          throw e;
        }),
      `version ${version}`,
    );
    await audit(tx, ctx, {
      action: decision,
      entity: 'policy_version',
      entityId: v.id,
      before: { status: 'pending' },
      after: { status, note },
    });
    return row;
  });
}
