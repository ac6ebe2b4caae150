/**
 * The bulk importers' statements (bulk.ts decides what to write): one lookup per batch, and one insert per
 * table per batch through insertUnnest. Table and column names are constants of this file.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { enterpriseInput, statsInput } from '../../../common/contracts/registry.js';
import { STAT_FIELDS } from '../../../common/values/registry.js';
import type { PatentType } from '../../../common/registry/index.js';
import { enterpriseStats, enterprises, patents } from '../../db/schema/registry.js';
import { insertUnnest, textArray } from '../../platform/bulk-insert.js';
import type { Db } from '../../platform/db.js';

/** Registered enterprises by credit code, with the path of their unit (for the scope check). */
export async function registeredByCode(db: Db, codes: string[]): Promise<Map<string, { id: string; code: string; path: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({
      id: enterprises.id,
      code: enterprises.creditCode,
      path: sql<string>`(select path from org_units u where u.code = ${enterprises.orgUnitCode})`,
    })
    .from(enterprises)
    .where(sql`${enterprises.creditCode} = any(${textArray(codes)})`);
  return new Map(rows.map((x) => [x.code, x]));
}

/** The names of the enterprises already registered under these credit codes, by code. */
export async function namesByCreditCode(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: enterprises.creditCode, name: enterprises.name })
    .from(enterprises)
    .where(sql`${enterprises.creditCode} = any(${textArray(codes)})`);
  return new Map(rows.map((x) => [x.code, x.name]));
}

/** Which of these patent numbers are registered already. */
export async function registeredPatentNumbers(db: Db, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db
    .select({ n: patents.number })
    .from(patents)
    .where(sql`${patents.number} = any(${textArray(numbers)})`);
  return new Set(rows.map((x) => x.n));
}

/** The approved years of these enterprises, as `enterpriseId|year`. */
export async function approvedStatsKeys(db: Db, enterpriseIds: string[]): Promise<Set<string>> {
  if (enterpriseIds.length === 0) return new Set();
  const rows = await db
    .select({ id: enterpriseStats.enterpriseId, year: enterpriseStats.year })
    .from(enterpriseStats)
    .where(sql`${enterpriseStats.status} = 'approved' and ${enterpriseStats.enterpriseId}::text = any(${textArray(enterpriseIds)})`);
  return new Set(rows.map((x) => `${x.id}|${x.year}`));
}

export type NewEnterprise = { id: string } & z.infer<typeof enterpriseInput>;

/** New enterprises and their park memberships. */
export async function insertEnterprises(tx: Db, rows: NewEnterprise[]): Promise<void> {
  await insertUnnest(
    tx,
    'enterprises',
    [
      { name: 'id', type: 'uuid' },
      { name: 'credit_code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'legal_representative', type: 'text' },
      { name: 'founded_on', type: 'date' },
      { name: 'org_unit_code', type: 'text' },
      { name: 'industry_code', type: 'text' },
      { name: 'tags', type: 'text', expr: (v) => sql`case when ${v} = '' then '{}'::text[] else string_to_array(${v}, chr(31)) end` },
      { name: 'size_class', type: 'text' },
      { name: 'contact_name', type: 'text' },
      { name: 'contact_phone', type: 'text' },
      { name: 'address', type: 'text' },
    ],
    rows.map((e) => [
      e.id,
      e.creditCode,
      e.name,
      e.legalRepresentative,
      e.foundedOn,
      e.orgUnitCode,
      e.industryCode,
      e.tags.join('\u001f'),
      e.sizeClass,
      e.contactName,
      e.contactPhone,
      e.address,
    ]),
  );
  await insertUnnest(
    tx,
    'park_memberships',
    [
      { name: 'enterprise_id', type: 'uuid' },
      { name: 'park_code', type: 'text' },
      { name: 'from_date', type: 'date' },
      { name: 'to_date', type: 'date' },
    ],
    rows.flatMap((e) => e.parks.map((p) => [e.id, p.parkCode, p.fromDate, p.toDate])),
  );
}

export interface NewPatent {
  id: string;
  number: string;
  type: PatentType;
  title: string;
  filedOn: string;
  grantedOn: string | null | undefined;
  status: string;
  lapsedOn: string | null | undefined;
  expiresOn: string | null;
  /** Owners: credit code and the registered enterprise's id, if any. */
  owners: { creditCode: string; enterpriseId: string | null }[];
}

/** New patents and their owners. */
export async function insertPatents(tx: Db, rows: NewPatent[]): Promise<void> {
  await insertUnnest(
    tx,
    'patents',
    [
      { name: 'id', type: 'uuid' },
      { name: 'number', type: 'text' },
      { name: 'type', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'filed_on', type: 'date' },
      { name: 'granted_on', type: 'date' },
      { name: 'status', type: 'text' },
      { name: 'lapsed_on', type: 'date' },
      { name: 'expires_on', type: 'date' },
    ],
    rows.map((p) => [p.id, p.number, p.type, p.title, p.filedOn, p.grantedOn, p.status, p.lapsedOn, p.expiresOn]),
  );
  await insertUnnest(
    tx,
    'patent_owners',
    [
      { name: 'patent_id', type: 'uuid' },
      { name: 'credit_code', type: 'text' },
      { name: 'enterprise_id', type: 'uuid' },
    ],
    rows.flatMap((p) => p.owners.map((o) => [p.id, o.creditCode, o.enterpriseId])),
  );
}

const STAT_COLUMNS = STAT_FIELDS.map((key) => ({ key, col: key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) }));

/** One year's figures per enterprise, over any draft or submitted figures of that year. */
export async function upsertStats(
  tx: Db,
  rows: { enterpriseId: string; year: number; figures: z.infer<typeof statsInput> }[],
): Promise<void> {
  const figureCols = STAT_COLUMNS.map((c) => ({ name: c.col, type: 'float8' }));
  await insertUnnest(
    tx,
    'enterprise_stats',
    [{ name: 'enterprise_id', type: 'uuid' }, { name: 'year', type: 'int4' }, ...figureCols, { name: 'status', type: 'text' }],
    rows.map((o) => {
      const { submit, ...figures } = o.figures;
      return [
        o.enterpriseId,
        o.year,
        ...STAT_COLUMNS.map((c) => (figures as Record<string, number | null | undefined>)[c.key]),
        submit ? 'submitted' : 'draft',
      ];
    }),
    {
      onConflict: sql.raw(
        `on conflict (enterprise_id, year) do update set ${[...STAT_COLUMNS.map((c) => c.col), 'status'].map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()`,
      ),
    },
  );
}
