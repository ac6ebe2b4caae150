import { randomUUID } from 'node:crypto';
import { IMPORT_KINDS, type ImportKind } from '../../../common/values/registry.js';
import type { Locale } from '../../../common/enums.js';
import { ERROR_MESSAGES, fieldLabel, translate } from '../../../common/messages.js';
import { parseCsv } from '../../platform/csv.js';
import { AppError, describeIssue } from '../../platform/errors.js';
import { bumpRevision } from '../../platform/revision.js';
import { enterpriseImporter, patentImporter, statsImporter } from './bulk.js';
import { IMPORT_LIMITS, type RowSource } from './import-read.js';
import { applyRow, enterpriseCells, loadLookups, patentCells, statsCells, type ImportContext } from './import-rows.js';

export { parseCsv };
export { IMPORT_KINDS, type ImportKind };
export { COLUMNS, importTemplate } from './import-columns.js';
export { IMPORT_BATCH, IMPORT_LIMITS, allRows, openRows, type RowSource } from './import-read.js';
export type { ImportContext } from './import-rows.js';

export interface RegistryImportReport {
  dryRun: boolean;
  committed: boolean;
  rows: { row: number; status: 'ok' | 'error'; messages: { field: string; message: string }[] }[];
  counts: { ok: number; error: number; empty: number };
}

class Rollback extends Error {}

/** A row's problem as messages {field, message} in the caller's locale; anything but an AppError is rethrown. */
function problemMessages(e: unknown, locale: Locale): { field: string; message: string }[] {
  if (e instanceof AppError) {
    if (e.code === 'import_field') return (e.params.issues as Parameters<typeof describeIssue>[0][]).map((i) => describeIssue(i, locale));
    const field = e.field ?? '';
    return [
      {
        field,
        message: translate(ERROR_MESSAGES, e.code, locale, { ...e.params, field: field ? fieldLabel(field, locale) : '' }),
      },
    ];
  }
  throw e;
}

function tooLong(r: { cells: Record<string, string> }): void {
  const long = Object.entries(r.cells).find(([, v]) => v.length > IMPORT_LIMITS.cellChars);
  if (long) throw new AppError(400, 'import_cell_too_long', { max: IMPORT_LIMITS.cellChars }, long[0]);
}

/**
 * Runs the whole file inside one transaction, a batch at a time. Every row is checked, and a row's problem
 * never hides the next row's; once any row has failed nothing more is written, and at the end a dry run, or
 * any error, rolls everything back. So the preview checks exactly what the commit would do, database
 * constraints and duplicates within the file included. Qualifications and platforms (small files) go
 * record by record through the services, each row in its own savepoint; the large kinds go through the
 * batch importers.
 */
export async function runImport(
  kind: ImportKind,
  x: ImportContext,
  source: RowSource,
  opts: { dryRun: boolean; locale: Locale; onProgress?: (processed: number, fraction: number) => void },
): Promise<RegistryImportReport> {
  const lookups = await loadLookups(x);
  const report: RegistryImportReport = { dryRun: opts.dryRun, committed: false, rows: [], counts: { ok: 0, error: 0, empty: 0 } };
  const messages = (e: unknown) => problemMessages(e, opts.locale);
  let processed = 0;
  const NO_MESSAGES: { field: string; message: string }[] = [];
  const record = (row: number, problems: { field: string; message: string }[] | undefined) => {
    report.rows.push(problems ? { row, status: 'error', messages: problems } : { row, status: 'ok', messages: NO_MESSAGES });
    report.counts[problems ? 'error' : 'ok'] += 1;
  };
  try {
    await x.db.transaction(async (tx) => {
      const b = {
        ctx: x.ctx,
        importId: randomUUID(),
        canWrite: x.canWrite,
        unitByCode: new Map(lookups.all.map((u) => [u.code, u])),
        auditUnit: x.region.code,
      };
      let errors = new Map<number, { field: string; message: string }[]>();
      const fail = (row: number, e: unknown) => errors.set(row, [...(errors.get(row) ?? []), ...messages(e)]);
      const bulk =
        kind === 'enterprises'
          ? enterpriseImporter(b, (cells) => enterpriseCells(lookups, cells), fail)
          : kind === 'patents'
            ? patentImporter(b, patentCells, fail)
            : kind === 'stats'
              ? statsImporter(b, statsCells, fail)
              : null;
      let written = false;
      // The database writes batch k while this process reads batch k + 1 from the file (PostgreSQL runs in
      // its own process, so on a server the two overlap); a batch's checks wait for the previous write.
      let writing: Promise<void> | undefined;
      for (let next = await source.batches.next(); !next.done;) {
        const rows = next.value;
        if (bulk) {
          errors = new Map();
          const checked = rows.filter((r) => {
            try {
              tooLong(r);
              return true;
            } catch (e) {
              fail(r.row, e);
              return false;
            }
          });
          const lookup = bulk(checked);
          await writing;
          const write = await lookup(tx);
          for (const r of rows) record(r.row, errors.get(r.row));
          if (!opts.dryRun && report.counts.error === 0) {
            writing = write(tx);
            // Awaited before the next batch (or the end); this only keeps it from counting as unhandled meanwhile.
            writing.catch(() => undefined);
            written = true;
          }
          processed += rows.length;
          opts.onProgress?.(processed, source.fraction());
        } else {
          await writing;
          for (const r of rows) {
            try {
              tooLong(r);
              await tx.transaction((sp) => applyRow(kind as 'qualifications' | 'platforms', sp, x, lookups, r.cells));
              record(r.row, undefined);
            } catch (e) {
              record(r.row, messages(e));
            }
            processed += 1;
            if (processed % 25 === 0) opts.onProgress?.(processed, source.fraction());
          }
        }
        try {
          next = await source.batches.next();
        } catch (e) {
          await writing?.catch(() => undefined);
          throw e;
        }
      }
      await writing;
      if (opts.dryRun || report.counts.error > 0) throw new Rollback();
      if (written) await bumpRevision(tx);
    });
    report.committed = true;
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  opts.onProgress?.(processed, 1);
  return report;
}
