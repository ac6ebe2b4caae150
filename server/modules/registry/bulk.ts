import type { z } from 'zod';
import { enterpriseInput, patentInput, statsInput } from '../../../common/contracts/registry.js';
import { patentExpiry, validatePatentNumber, type PatentType } from '../../../common/registry/index.js';
import type { AuditObjectType } from '../../../common/values/audit.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, zodErrorToIssues } from '../../platform/errors.js';
import type { OrgUnitRow } from '../orgunits/index.js';
import * as repo from './bulk.repo.js';
import { checkCreditCode, patentNumberError } from './enterprises.service.js';

/**
 * The large imports (enterprises, patents, annual statistics), checked and written a batch at a time inside
 * the import's one transaction: each batch is validated in memory against lookups made with one query per
 * batch (codes already registered, owners, locked figures), then inserted with one statement per table and
 * one audit event per record built by the database. Only the keys seen so far are kept between batches
 * (to find duplicates within the file), so memory stays flat however long the file is.
 * Same rules as the record-by-record services.
 */
export interface BulkContext {
  ctx: RequestContext;
  /** Names this import in the audit trail. */
  importId: string;
  canWrite: (path: string) => boolean;
  unitByCode: Map<string, OrgUnitRow>;
  /**
   * The unit the batches' audit events belong to (who may read them): the import's region, whose subtree
   * holds every row's unit.
   */
  auditUnit: string;
}

type Row = { row: number; cells: Record<string, string> };
type Fail = (row: number, e: unknown) => void;

/**
 * One batch in three steps: check the rows in memory (rows with a problem go to `fail`), then look up what
 * the checks need in the database, then write the rows that passed. The steps are split so the in-memory
 * checks of one batch can run while the previous batch is being written.
 */
export type BulkImporter = (rows: Row[]) => (db: Db) => Promise<(tx: Db) => Promise<void>>;

/** A zod parse whose failure carries every issue, localised later by the importer's report. */
export function parseRow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = zodErrorToIssues(r.error);
  throw new AppError(400, 'import_field', { issues }, issues[0]!.path || 'row');
}

/**
 * One audit event per batch: who imported which records from which rows of the file. The audit search
 * finds a record's history through it too (see audit.repo). One event per record would double the cost of
 * a large import.
 */
async function auditBatch(tx: Db, b: BulkContext, entity: AuditObjectType, rows: Row[], records: string[]): Promise<void> {
  if (records.length === 0) return;
  await audit(tx, b.ctx, {
    action: 'import',
    entity,
    entityId: `${b.importId}#${rows[0]!.row}`,
    note: { import: b.importId, rows: `${rows[0]!.row}–${rows.at(-1)!.row}`, records },
    orgUnit: b.auditUnit,
  });
}

export function enterpriseImporter(b: BulkContext, toInput: (cells: Record<string, string>) => unknown, fail: Fail): BulkImporter {
  const seen = new Map<string, number>();
  return (rows) => {
    const ok: { row: number; input: ReturnType<typeof enterpriseInput.parse> }[] = [];
    for (const r of rows) {
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
    return async (db) => {
      const existing = await repo.namesByCreditCode(
        db,
        ok.map((o) => o.input.creditCode),
      );
      const fresh = ok.filter((o) => {
        const name = existing.get(o.input.creditCode);
        if (name !== undefined) fail(o.row, new AppError(409, 'enterprise_duplicate', { code: o.input.creditCode, name }, 'creditCode'));
        return name === undefined;
      });
      return async (tx) => {
        const withIds = fresh.map((o) => ({ id: crypto.randomUUID(), ...o.input }));
        await repo.insertEnterprises(tx, withIds);
        await auditBatch(
          tx,
          b,
          'enterprise',
          rows,
          withIds.map((e) => e.id),
        );
      };
    };
  };
}

export function patentImporter(b: BulkContext, toInput: (cells: Record<string, string>) => unknown, fail: Fail): BulkImporter {
  const seen = new Map<string, number>();
  return (rows) => {
    type P = { row: number; number: string; type: PatentType; input: ReturnType<typeof patentInput.parse>; owners: string[] };
    const ok: P[] = [];
    for (const r of rows) {
      try {
        const input = parseRow(patentInput, toInput(r.cells));
        const num = validatePatentNumber(input.number);
        if (!num.ok) throw patentNumberError(input.number, num);
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
    return async (db) => {
      const registered = await repo.registeredPatentNumbers(
        db,
        ok.map((o) => o.number),
      );
      const owners = await repo.registeredByCode(db, [...new Set(ok.flatMap((o) => o.owners))]);
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
      return async (tx) => {
        const news = fresh.map((o) => ({
          id: crypto.randomUUID(),
          number: o.number,
          type: o.type,
          title: o.input.title,
          filedOn: o.input.filedOn,
          grantedOn: o.input.grantedOn,
          status: o.input.status,
          lapsedOn: o.input.lapsedOn,
          expiresOn: patentExpiry(o.type, o.input.filedOn),
          owners: [...new Set(o.owners)].map((creditCode) => ({ creditCode, enterpriseId: owners.get(creditCode)?.id ?? null })),
        }));
        await repo.insertPatents(tx, news);
        await auditBatch(
          tx,
          b,
          'patent',
          rows,
          news.map((p) => p.id),
        );
      };
    };
  };
}

export function statsImporter(
  b: BulkContext,
  toInput: (cells: Record<string, string>) => { creditCode: string; year: number; figures: unknown },
  fail: Fail,
): BulkImporter {
  const seen = new Map<string, number>();
  return (rows) => {
    type S = { row: number; code: string; year: number; figures: ReturnType<typeof statsInput.parse> };
    const ok: S[] = [];
    for (const r of rows) {
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
    return async (db) => {
      const ents = await repo.registeredByCode(db, [...new Set(ok.map((o) => o.code))]);
      const approved = await repo.approvedStatsKeys(
        db,
        [...ents.values()].map((e) => e.id),
      );
      const fresh = ok.flatMap((o) => {
        const e = ents.get(o.code);
        if (!e) fail(o.row, new AppError(400, 'unknown_enterprise', { code: o.code }, 'creditCode'));
        else if (!b.canWrite(e.path)) fail(o.row, new AppError(403, 'forbidden_scope', { unit: o.code }));
        else if (approved.has(`${e.id}|${o.year}`)) fail(o.row, new AppError(409, 'stats_locked', { year: o.year }));
        else return [{ enterpriseId: e.id, year: o.year, figures: o.figures }];
        return [];
      });
      return async (tx) => {
        await repo.upsertStats(tx, fresh);
        await auditBatch(
          tx,
          b,
          'enterprise_stats',
          rows,
          fresh.map((o) => `${o.enterpriseId}|${o.year}`),
        );
      };
    };
  };
}
