import { desc, eq } from 'drizzle-orm';
import { inScope, type Access } from '../../platform/access.js';
import { resolveSpec, runIndex, type IndexResult, type IndexSpec } from '../../../common/benchmarks/index.js';
import { indexRuns, orgUnits } from '../../db/schema/index.js';
import { audit, codeOfPath, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
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
  const names = new Map((await db.select({ code: orgUnits.code, name: orgUnits.name }).from(orgUnits)).map((u) => [u.code, u.name]));
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
      const [row] = await tx
        .insert(indexRuns)
        .values({
          name: input.name ?? `${group.nameZh} ${input.year}`,
          year: input.year,
          groupCode: group.code,
          spec: spec as unknown as Record<string, unknown>,
          result: result as unknown as Record<string, unknown>,
          createdBy: ctx.userId,
          orgUnitCode: home,
        })
        .returning({ id: indexRuns.id });
      await audit(tx, ctx, {
        action: 'run',
        entity: 'composite_index',
        entityId: row!.id,
        orgUnit: home,
        after: { year: input.year, group: group.code },
      });
      return row!.id;
    });
  }
  return { id, year: input.year, group: group.code, spec, result };
}

/** Stored runs of units in the caller's subtree. */
export async function listRuns(db: Db, scopes: readonly string[]) {
  return db
    .select({
      id: indexRuns.id,
      name: indexRuns.name,
      year: indexRuns.year,
      groupCode: indexRuns.groupCode,
      createdAt: indexRuns.createdAt,
    })
    .from(indexRuns)
    .innerJoin(orgUnits, eq(orgUnits.code, indexRuns.orgUnitCode))
    .where(inScope(orgUnits.path, scopes))
    .orderBy(desc(indexRuns.createdAt))
    .limit(200);
}

export async function getRun(db: Db, id: string) {
  const [row] = await db.select().from(indexRuns).where(eq(indexRuns.id, id));
  if (!row) throw new AppError(404, 'not_found', { what: id });
  return row;
}
