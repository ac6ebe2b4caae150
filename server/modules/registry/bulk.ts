import { inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { enterpriseInput, patentInput, statsInput } from '../../../common/contracts/registry.js';
import { patentExpiry, validatePatentNumber, type PatentType } from '../../../common/registry/index.js';
import { auditEvents, enterpriseStats, enterprises, parkMemberships, patentOwners, patents } from '../../db/schema/index.js';
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

async function insertChunks<T>(items: T[], f: (chunk: T[]) => Promise<unknown>, size = 1_000): Promise<void> {
  for (let i = 0; i < items.length; i += size) await f(items.slice(i, i + size));
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
      await insertChunks(withIds, (c) => tx.insert(enterprises).values(c.map(({ parks: _p, ...e }) => e)));
      await insertChunks(
        withIds.flatMap((e) => e.parks.map((p) => ({ enterpriseId: e.id, ...p }))),
        (c) => tx.insert(parkMemberships).values(c),
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
  const owners = new Map(
    (
      await inChunks(ownerCodes, (c) =>
        b.db
          .select({
            id: enterprises.id,
            code: enterprises.creditCode,
            path: sql<string>`(select path from org_units u where u.code = ${enterprises.orgUnitCode})`,
          })
          .from(enterprises)
          .where(inArray(enterprises.creditCode, c)),
      )
    ).map((x) => [x.code, x]),
  );
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
      await insertChunks(rowsToInsert, (c) => tx.insert(patents).values(c));
      await insertChunks(
        fresh.flatMap((o, i) =>
          o.owners.map((creditCode) => ({ patentId: rowsToInsert[i]!.id, creditCode, enterpriseId: owners.get(creditCode)?.id ?? null })),
        ),
        (c) => tx.insert(patentOwners).values(c).onConflictDoNothing(),
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
  const ents = new Map(
    (
      await inChunks([...new Set(ok.map((o) => o.code))], (c) =>
        b.db
          .select({
            id: enterprises.id,
            code: enterprises.creditCode,
            path: sql<string>`(select path from org_units u where u.code = ${enterprises.orgUnitCode})`,
          })
          .from(enterprises)
          .where(inArray(enterprises.creditCode, c)),
      )
    ).map((x) => [x.code, x]),
  );
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
      await insertChunks(values, (c) =>
        tx
          .insert(enterpriseStats)
          .values(c)
          .onConflictDoUpdate({
            target: [enterpriseStats.enterpriseId, enterpriseStats.year],
            set: Object.fromEntries(
              [
                'avg_employees',
                'st_staff',
                'revenue',
                'product_sales',
                'new_product_sales',
                'high_tech_revenue',
                'rd_expense',
                'rd_expense_domestic',
                'total_cost',
                'net_assets',
                'total_assets',
                'status',
              ].map((col) => [col.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase()), sql.raw(`excluded.${col}`)]),
            ),
          }),
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

/** One audit event per record, written in batches in the import's transaction. */
async function audits(
  tx: Db,
  ctx: RequestContext,
  entity: string,
  records: { id: string; after: Record<string, unknown> }[],
): Promise<void> {
  await insertChunks(
    records.map((r) => ({
      userId: ctx.userId,
      username: ctx.username,
      action: 'import',
      entity,
      entityId: r.id,
      changes: Object.fromEntries(
        Object.entries(r.after)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => [k, { before: null, after: v }]),
      ),
      requestId: ctx.requestId,
      ip: ctx.ip,
    })),
    (c) => tx.insert(auditEvents).values(c),
  );
  await bumpRevision(tx);
}
