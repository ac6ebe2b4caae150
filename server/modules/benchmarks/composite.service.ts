import { resolveSpec, runIndex, type IndexResult, type IndexSpec } from '../../../common/benchmarks/index.js';
import type { Access } from '../../platform/access.js';
import { audit, codeOfPath, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import * as repo from './benchmarks.repo.js';
import { findGroup, indicatorValues, listIndicators } from './benchmarks.service.js';

/**
 * A composite index over the peers of a group for a year: the data come from the stored values of the
 * rankable indicators, the method is the spec (data), and both the spec used and the result are stored, so
 * any published index can be re-run exactly.
 */
export async function runComposite(
  db: Db,
  ctx: RequestContext,
  access: Access,
  input: { spec: unknown; year: number; group: string; name?: string | undefined; save?: boolean | undefined },
): Promise<{ id: string | null; year: number; group: string; spec: IndexSpec; result: IndexResult }> {
  const group = await findGroup(db, access, input.group);
  const all = await listIndicators(db);
  let spec: IndexSpec;
  try {
    spec = resolveSpec(
      input.spec,
      all.map((i) => i.code),
    );
  } catch (e) {
    // The engine names the offending field of the spec in its message.
    throw new AppError(400, 'index_spec', { detail: (e as Error).message }, 'spec');
  }
  const inds = all.filter((i) => spec.indicators.some((s) => s.code === i.code));
  const vals = await indicatorValues(db, inds, group.members, [input.year]);
  const names = await repo.unitNames(db, group.members);
  const data = {
    units: group.members.map((code) => ({ code, name: names.get(code) ?? code })),
    indicators: inds.map((i) => ({ code: i.code, nameZh: i.nameZh, nameEn: i.nameEn })),
    values: Object.fromEntries(
      group.members.map((u) => [u, Object.fromEntries(inds.map((i) => [i.code, vals.get(`${i.code}|${u}|${input.year}`)?.value ?? null]))]),
    ),
  };
  let result: IndexResult;
  try {
    result = runIndex(data, spec);
  } catch (e) {
    throw new AppError(400, 'index_spec', { detail: (e as Error).message }, 'spec');
  }
  let id: string | null = null;
  if (input.save !== false) {
    // A saved run belongs to the unit of the author's (first) grant: read in that subtree and above it.
    const home = codeOfPath(access.scopes[0] ?? null);
    id = await db.transaction(async (tx) => {
      const row = await findOr404(
        repo.insertRun(tx, {
          name: input.name ?? `${group.nameZh} ${input.year}`,
          year: input.year,
          groupCode: group.code,
          spec,
          result,
          createdBy: ctx.userId,
          orgUnitCode: home,
        }),
        'index_run',
      );
      await audit(tx, ctx, {
        action: 'run',
        entity: 'composite_index',
        entityId: row.id,
        orgUnit: home,
        after: { year: input.year, group: group.code },
      });
      return row.id;
    });
  }
  return { id, year: input.year, group: group.code, spec, result };
}

/** Stored runs of units in the caller's subtree. */
export const listRuns = (db: Db, scopes: readonly string[]) => repo.runsIn(db, scopes);

/** One stored run (the spec and the result it was run with), or a 404. */
export async function getRun(db: Db, id: string) {
  return findOr404(repo.runById(db, id), id);
}
