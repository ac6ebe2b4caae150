import { inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { enterpriseInput, patentInput, STAT_FIELDS, statsInput } from '../../../common/contracts/registry.js';
import { patentExpiry, validatePatentNumber, type PatentType } from '../../../common/registry/index.js';
import { enterpriseStats, enterprises, patents } from '../../db/schema/index.js';
import { insertUnnest } from '../../platform/bulk-insert.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, zodErrorToIssues } from '../../platform/errors.js';
import { bumpRevision } from '../../platform/revision.js';
import type { OrgUnitRow } from '../orgunits/index.js';
import { checkCreditCode } from './enterprises.service.js';

/**
 * The large imports (enterprises, patents, annual statistics) checked as a set and written in batches:
 * every row is validated in memory against lookups made in chunks (codes already registered, owners,
 * locked figures), then everything is written in one transaction with one audit event per record.
 * Same rules as the record-by-record services; a hundred thousand rows take seconds, not hours.
 */
export type BulkKind = 'enterprises' | 'patents' | 'stats';
export const BULK_KINDS: readonly BulkKind[] = ['enterprises', 'patents', 'stats'];

export interface BulkContext {
  db: Db;
  ctx: RequestContext;
  canWrite: (path: string) => boolean;
  unitByCode: Map<string, OrgUnitRow>;
  /** Rows checked so far (called every thousand rows). */
  progress?: (checked: number) => void;
}

const tick = (b: BulkContext, i: number) => {
  if (i % 1000 === 999) b.progress?.(i + 1);
};

type Row = { row: number; cells: Record<string, string> };
type Fail = (row: number, e: unknown) => void;
/** A zod parse whose failure carries every issue, localised later by the importer's report. */
export function parseRow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = zodErrorToIssues(r.error);
  throw new AppError(400, 'import_field', { issues }, issues[0]!.path || 'row');
}

const CHUNK = 5_000;
async function inChunks<T, R>(items: T[], f: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await f(items.slice(i, i + CHUNK))));
  return out;
}

/** Registered enterprises by credit code, with the path of their unit (for the scope check). */
async function registeredByCode(db: Db, codes: string[]): Promise<Map<string, { id: string; code: string; path: string }>> {
  const rows = await inChunks(codes, (c) =>
    db
      .select({
        id: enterprises.id,
        code: enterprises.creditCode,
        path: sql<string>`(select path from org_units u where u.code = ${enterprises.orgUnitCode})`,
      })
      .from(enterprises)
      .where(inArray(enterprises.creditCode, c)),
  );
  return new Map(rows.map((x) => [x.code, x]));
}

export interface Prepared {
  write: (tx: Db) => Promise<void>;
  count: number;
}

export async function prepareEnterprises(
  b: BulkContext,
  rows: Row[],
  toInput: (cells: Record<string, string>) => unknown,
  fail: Fail,
): Promise<Prepared> {
  const ok: { row: number; input: ReturnType<typeof enterpriseInput.parse> }[] = [];
  const seen = new Map<string, number>();
  for (const [i, r] of rows.entries()) {
    tick(b, i);
    try {
      const creditCode = checkCreditCode(r.cells.creditCode ?? '', 'creditCode');
      const input = { ...parseRow(enterpriseInput, toInput(r.cells)), creditCode };
      const unit = b.unitByCode.get(input.orgUnitCode);
      if (!unit || !b.canWrite(unit.path)) throw new AppError(403, 'forbidden_scope', { unit: unit?.name ?? input.orgUnitCode });
      const other = seen.get(creditCode);
      if (other !== undefined) throw new AppError(400, 'import_duplicate_row', { other }, 'creditCode');
      seen.set(creditCode, r.row);
      ok.push({ row: r.row, input });
    } catch (e) {
      fail(r.row, e);
    }
  }
  const existing = new Map(
    (
      await inChunks([...seen.keys()], (c) =>
        b.db.select({ code: enterprises.creditCode, name: enterprises.name }).from(enterprises).where(inArray(enterprises.creditCode, c)),
      )
    ).map((x) => [x.code, x.name]),
  );
  const fresh = ok.filter((o) => {
    const name = existing.get(o.input.creditCode);
    if (name !== undefined) fail(o.row, new AppError(409, 'enterprise_duplicate', { code: o.input.creditCode, name }, 'creditCode'));
    return name === undefined;
  });
  return {
    count: fresh.length,
    write: async (tx) => {
      const withIds = fresh.map((o) => ({ id: crypto.randomUUID(), ...o.input }));
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
        withIds.map((e) => [
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
        withIds.flatMap((e) => e.parks.map((p) => [e.id, p.parkCode, p.fromDate, p.toDate])),
      );
      await audits(
        tx,
        b.ctx,
        'enterprise',
        withIds.map((e) => ({ id: e.id, after: e })),
      );
    },
  };
}

export async function preparePatents(
  b: BulkContext,
  rows: Row[],
  toInput: (cells: Record<string, string>) => unknown,
  fail: Fail,
): Promise<Prepared> {
  type P = { row: number; number: string; type: PatentType; input: ReturnType<typeof patentInput.parse>; owners: string[] };
  const ok: P[] = [];
  const seen = new Map<string, number>();
  for (const [i, r] of rows.entries()) {
    tick(b, i);
    try {
      const input = parseRow(patentInput, toInput(r.cells));
      const num = validatePatentNumber(input.number);
      if (!num.ok)
        throw new AppError(
          400,
          'patent_number',
          { number: input.number, detail: `${num.error}${num.expected ? ` → ${num.expected}` : ''}` },
          'number',
        );
      if (input.grantedOn && input.grantedOn < input.filedOn)
        throw new AppError(400, 'dates_out_of_order', { other: input.filedOn }, 'grantedOn');
      const owners = input.owners.map((c, i) => checkCreditCode(c, `owners.${i}`));
      const other = seen.get(num.normalized);
      if (other !== undefined) throw new AppError(400, 'import_duplicate_row', { other }, 'number');
      seen.set(num.normalized, r.row);
      ok.push({ row: r.row, number: num.normalized, type: num.type, input, owners });
    } catch (e) {
      fail(r.row, e);
    }
  }
  const registered = new Set(
    (await inChunks([...seen.keys()], (c) => b.db.select({ n: patents.number }).from(patents).where(inArray(patents.number, c)))).map(
      (x) => x.n,
    ),
  );
  const ownerCodes = [...new Set(ok.flatMap((o) => o.owners))];
  const owners = await registeredByCode(b.db, ownerCodes);
  const fresh = ok.filter((o) => {
    if (registered.has(o.number)) {
      fail(o.row, new AppError(409, 'patent_duplicate', { number: o.number }, 'number'));
      return false;
    }
    if (!o.owners.some((c) => owners.has(c) && b.canWrite(owners.get(c)!.path))) {
      fail(o.row, new AppError(403, 'forbidden_scope', { unit: o.owners.join(', ') }));
      return false;
    }
    return true;
  });
  return {
    count: fresh.length,
    write: async (tx) => {
      const rowsToInsert = fresh.map((o) => ({
        id: crypto.randomUUID(),
        number: o.number,
        type: o.type,
        title: o.input.title,
        filedOn: o.input.filedOn,
        grantedOn: o.input.grantedOn ?? null,
        status: o.input.status,
        lapsedOn: o.input.lapsedOn ?? null,
        expiresOn: patentExpiry(o.type, o.input.filedOn),
      }));
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
        rowsToInsert.map((p) => [p.id, p.number, p.type, p.title, p.filedOn, p.grantedOn, p.status, p.lapsedOn, p.expiresOn]),
      );
      await insertUnnest(
        tx,
        'patent_owners',
        [
          { name: 'patent_id', type: 'uuid' },
          { name: 'credit_code', type: 'text' },
          { name: 'enterprise_id', type: 'uuid' },
        ],
        fresh.flatMap((o, i) =>
          [...new Set(o.owners)].map((creditCode) => [rowsToInsert[i]!.id, creditCode, owners.get(creditCode)?.id ?? null]),
        ),
      );
      await audits(
        tx,
        b.ctx,
        'patent',
        rowsToInsert.map((p, i) => ({ id: p.id, after: { ...p, owners: fresh[i]!.owners } })),
      );
    },
  };
}

export async function prepareStats(
  b: BulkContext,
  rows: Row[],
  toInput: (cells: Record<string, string>) => { creditCode: string; year: number; figures: unknown },
  fail: Fail,
): Promise<Prepared> {
  type S = { row: number; code: string; year: number; figures: ReturnType<typeof statsInput.parse> };
  const ok: S[] = [];
  const seen = new Map<string, number>();
  for (const [i, r] of rows.entries()) {
    tick(b, i);
    try {
      const raw = toInput(r.cells);
      const code = checkCreditCode(raw.creditCode, 'creditCode');
      const figures = parseRow(statsInput, raw.figures);
      const key = `${code}|${raw.year}`;
      const other = seen.get(key);
      if (other !== undefined) throw new AppError(400, 'import_duplicate_row', { other }, 'year');
      seen.set(key, r.row);
      ok.push({ row: r.row, code, year: raw.year, figures });
    } catch (e) {
      fail(r.row, e);
    }
  }
  const ents = await registeredByCode(b.db, [...new Set(ok.map((o) => o.code))]);
  const approved = new Set(
    (
      await inChunks(
        [...ents.values()].map((e) => e.id),
        (c) =>
          b.db
            .select({ id: enterpriseStats.enterpriseId, year: enterpriseStats.year })
            .from(enterpriseStats)
            .where(sql`${enterpriseStats.status} = 'approved' and ${inArray(enterpriseStats.enterpriseId, c)}`),
      )
    ).map((x) => `${x.id}|${x.year}`),
  );
  const fresh = ok.filter((o) => {
    const e = ents.get(o.code);
    if (!e) fail(o.row, new AppError(400, 'unknown_enterprise', { code: o.code }, 'creditCode'));
    else if (!b.canWrite(e.path)) fail(o.row, new AppError(403, 'forbidden_scope', { unit: o.code }));
    else if (approved.has(`${e.id}|${o.year}`)) fail(o.row, new AppError(409, 'stats_locked', { year: o.year }));
    else return true;
    return false;
  });
  return {
    count: fresh.length,
    write: async (tx) => {
      const values = fresh.map((o) => {
        const { submit, ...figures } = o.figures;
        return { enterpriseId: ents.get(o.code)!.id, year: o.year, ...figures, status: submit ? 'submitted' : 'draft' };
      });
      const figureCols = STAT_COLUMNS.map((c) => ({ name: c.col, type: 'float8' }));
      await insertUnnest(
        tx,
        'enterprise_stats',
        [{ name: 'enterprise_id', type: 'uuid' }, { name: 'year', type: 'int4' }, ...figureCols, { name: 'status', type: 'text' }],
        values.map((v) => [
          v.enterpriseId,
          v.year,
          ...STAT_COLUMNS.map((c) => (v as Record<string, unknown>)[c.key] as number | null | undefined),
          v.status,
        ]),
        {
          onConflict: sql.raw(
            `on conflict (enterprise_id, year) do update set ${[...STAT_COLUMNS.map((c) => c.col), 'status'].map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()`,
          ),
        },
      );
      await audits(
        tx,
        b.ctx,
        'enterprise_stats',
        values.map((v) => ({ id: `${v.enterpriseId}|${v.year}`, after: v })),
      );
    },
  };
}

const STAT_COLUMNS = STAT_FIELDS.map((key) => ({ key, col: key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) }));

/** One audit event per record, written in batches in the import's transaction. */
async function audits(
  tx: Db,
  ctx: RequestContext,
  entity: string,
  records: { id: string; after: Record<string, unknown> }[],
): Promise<void> {
  const changes = (after: Record<string, unknown>) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(after)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => [k, { before: null, after: v }]),
      ),
    );
  await insertUnnest(
    tx,
    'audit_events',
    [
      { name: 'user_id', type: 'uuid' },
      { name: 'username', type: 'text' },
      { name: 'action', type: 'text' },
      { name: 'entity', type: 'text' },
      { name: 'entity_id', type: 'text' },
      { name: 'changes', type: 'jsonb' },
      { name: 'request_id', type: 'text' },
      { name: 'ip', type: 'text' },
    ],
    records.map((r) => [ctx.userId, ctx.username, 'import', entity, r.id, changes(r.after), ctx.requestId, ctx.ip]),
  );
  await bumpRevision(tx);
}
