import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './db.js';

/**
 * Inserts many rows with one statement per chunk: each column travels as one array parameter and
 * `unnest` turns them back into rows. Orders of magnitude faster than a multi-row VALUES list for
 * imports of a hundred thousand records, on PGlite and PostgreSQL alike.
 */
export type Scalar = string | number | boolean | null | undefined;

/** A PostgreSQL array literal; every element quoted, so commas, quotes and braces in values are safe. */
export function arrayLiteral(xs: Scalar[]): string {
  return `{${xs.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

export interface Column {
  /** Column name in the table (an internal constant, never user input). */
  name: string;
  /** PostgreSQL element type of the array, e.g. text, uuid, date, float8, int4, jsonb. */
  type: string;
  /** Optional SQL expression over the unnested value `v` (e.g. to split a joined list). */
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
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arrays = columns.map((c, k) => sql`${arrayLiteral(part.map((r) => r[k]))}::${sql.raw(c.type)}[]`);
    const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
    const aliases = columns.map((_, k) => sql.raw(`c${k}`));
    const selects = columns.map((c, k) => (c.expr ? c.expr(aliases[k]!) : aliases[k]!));
    await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${names})
      select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as t(${sql.join(aliases, sql`, `)})
      ${opts.onConflict ?? sql``}`);
  }
}
