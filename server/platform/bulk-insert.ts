import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './db.js';

/**
 * Inserts many rows with one statement per chunk: the chunk travels as one JSON parameter and
 * `json_to_recordset` turns it back into typed rows. Orders of magnitude faster than a multi-row VALUES
 * list for imports of a hundred thousand records, on PGlite and PostgreSQL alike.
 */
export type Scalar = string | number | boolean | null | undefined;

export interface Column {
  /** Column name in the table (an internal constant, never user input). */
  name: string;
  /** PostgreSQL element type of the array, e.g. text, uuid, date, float8, int4, jsonb. */
  type: string;
  /** Optional SQL expression over the value `v` (e.g. to split a joined list). */
  expr?: (v: SQL) => SQL;
}

export async function insertUnnest(
  tx: Db,
  table: string,
  columns: Column[],
  rows: Scalar[][],
  opts: { onConflict?: SQL; chunk?: number } = {},
): Promise<void> {
  const chunk = opts.chunk ?? 20_000;
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const aliases = columns.map((_, k) => sql.raw(`c${k}`));
  const selects = columns.map((c, k) => (c.expr ? c.expr(aliases[k]!) : aliases[k]!));
  // jsonb columns arrive as JSON text and are parsed once, by the cast.
  const types = sql.raw(columns.map((c, k) => `c${k} ${c.type === 'jsonb' ? 'text' : c.type}`).join(', '));
  const casts = columns.map((c, k) => (c.type === 'jsonb' ? sql`${selects[k]!}::jsonb` : selects[k]!));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk).map((r) => Object.fromEntries(r.map((v, k) => [`c${k}`, v ?? null])));
    await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${names})
      select ${sql.join(casts, sql`, `)} from json_to_recordset(${JSON.stringify(part)}::json) as t(${types})
      ${opts.onConflict ?? sql``}`);
  }
}
