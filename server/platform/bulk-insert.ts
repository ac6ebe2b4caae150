import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './db.js';

/**
 * Inserts many rows with one statement per chunk: the chunk travels as one JSON parameter, an array of row
 * arrays, and `jsonb_array_elements` turns it back into typed rows. Orders of magnitude faster than a
 * multi-row VALUES list for imports of a hundred thousand records, on PGlite and PostgreSQL alike; rows
 * as arrays (not objects) keep the importer's own work and garbage small.
 */
export type Scalar = string | number | boolean | null | undefined;

export interface Column {
  /** Column name in the table (an internal constant, never user input). */
  name: string;
  /** PostgreSQL type of the column, e.g. text, uuid, date, float8, int4, jsonb. */
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
  const values = columns.map((c, k) => {
    // jsonb values arrive as JSON text and are parsed once, by the cast.
    const v = sql.raw(c.type === 'jsonb' ? `(e->>${k})::jsonb` : `(e->>${k})::${c.type}`);
    return c.expr ? c.expr(v) : v;
  });
  for (let i = 0; i < rows.length; i += chunk) {
    const part = i === 0 && rows.length <= chunk ? rows : rows.slice(i, i + chunk);
    await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${names})
      select ${sql.join(values, sql`, `)} from jsonb_array_elements(${JSON.stringify(part)}::jsonb) as t(e)
      ${opts.onConflict ?? sql``}`);
  }
}

/** Text values as one parameter, for `= any(…)` lookups of thousands of keys (keys hold no control characters). */
export const textArray = (values: string[]): SQL => sql`string_to_array(${values.join('\u001f')}, chr(31))`;
