import { randomUUID } from 'node:crypto';
import type { RegistryImportReport } from '../../../common/contracts/registry-import.js';
import { IMPORT_KINDS, IMPORT_MESSAGE_CODES, IMPORT_PROBLEMS, type ImportKind } from '../../../common/values/registry.js';
import type { Locale } from '../../../common/enums.js';
import { ERROR_MESSAGES, PROBLEMS, fieldLabel, translate } from '../../../common/messages.js';
import { parseCsv } from '../../platform/csv.js';
import { AppError, describeIssue, issueProblem, type IssueLike } from '../../platform/errors.js';
import { bumpRevision } from '../../platform/revision.js';
import { enterpriseImporter, patentImporter, statsImporter } from './bulk.js';
import { IMPORT_LIMITS, type RowSource } from './import-read.js';
import { applyRow, enterpriseCells, loadLookups, patentCells, statsCells, type ImportContext } from './import-rows.js';

export { parseCsv };
export { IMPORT_KINDS, type ImportKind };
export { COLUMNS, importTemplate } from './import-columns.js';
export { IMPORT_BATCH, IMPORT_LIMITS, allRows, openRows, type RowSource } from './import-read.js';
export type { ImportContext } from './import-rows.js';

export type { RegistryImportReport };
type ReportMessage = RegistryImportReport['rows'][number]['messages'][number];

class Rollback extends Error {}

const CODES = new Set<string>(IMPORT_MESSAGE_CODES);
const REPORT_PROBLEMS = new Set<string>(IMPORT_PROBLEMS);

/**
 * One problem of a row: its field, code and parameters (what the web renders), and the same in words in the
 * caller's locale through common/messages (for API clients). A code the web cannot render is a bug: it fails
 * the import (a 500) rather than reach the report.
 */
function reportMessage(field: string, code: string, params: Record<string, unknown>, locale: Locale): ReportMessage {
  const problem = typeof params.problem === 'string' ? params.problem : undefined;
  if (!CODES.has(code) || (problem !== undefined && !REPORT_PROBLEMS.has(problem)))
    throw new Error(`registry import: message ${code}${problem ? `/${problem}` : ''} is not in IMPORT_MESSAGE_CODES/IMPORT_PROBLEMS`);
  const message = translate(ERROR_MESSAGES, code, locale, {
    ...params,
    field: field ? fieldLabel(field, locale) : '',
    ...(problem ? { problem: translate(PROBLEMS, problem, locale, params) } : {}),
  });
  return { field, code: code as ReportMessage['code'], params, message };
}

/** A row's problem as report messages; anything but an AppError is rethrown. */
function problemMessages(e: unknown, locale: Locale): ReportMessage[] {
  if (!(e instanceof AppError)) throw e;
  if (e.code !== 'import_field') return [reportMessage(e.field ?? '', e.code, e.params, locale)];
  return (e.params.issues as IssueLike[]).map((issue) => {
    const { field, problem, params } = issueProblem(issue);
    const checked = reportMessage(field, 'validation', { problem, ...params }, locale);
    // The words as every other 400 has them (the type's name in the reader's language).
    return { ...checked, message: describeIssue(issue, locale).message };
  });
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
  const NO_MESSAGES: ReportMessage[] = [];
  const record = (row: number, problems: ReportMessage[] | undefined) => {
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
      let errors = new Map<number, ReportMessage[]>();
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
