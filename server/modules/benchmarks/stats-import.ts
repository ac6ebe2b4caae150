/**
 * Import of "region × indicator × year" tables: statistical bulletins (national, provincial, municipal) and
 * the plan's own tables, one figure per row. Each row names a region loosely (九龙坡, 忠 县, 全 市), an
 * indicator by data element code or Chinese name, a year, a value and the unit the value is given in; the
 * value is converted to the data element's unit. Every row is checked and reported (ok / warning / error);
 * a dry run writes nothing, a commit writes every row or none, in one transaction. Values are stored as
 * imported (source 'import'), submitted for another person's approval, each change a new version that cites
 * file and row. Every row's region must be in the caller's scope; an approved figure is never replaced.
 */
import { ERROR_MESSAGES, fieldLabel, translate } from '../../../common/messages.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { bumpRevision } from '../../platform/revision.js';
import { allDataElements } from '../datavalues/index.js';
import { listUnits } from '../orgunits/index.js';
import {
  checkRatios,
  checkRow,
  compareStored,
  markDuplicates,
  provincesToAdd,
  type Checked,
  type StatsImportOptions,
  type StatsImportReport,
} from './stats-check.js';
import type { StatsRow } from './stats-read.js';
import { indicatorResolver, regionResolver } from './stats-resolve.js';
import { addProvinces, writeValues } from './stats-write.js';

export { STATS_COLUMNS, STATS_IMPORT_LIMITS, readStatsFile, type StatsColumn, type StatsRow } from './stats-read.js';
export { chinaProvinces, RATIO_CHECKS, REGION_WORDS, type RatioCheck } from './stats-resolve.js';
export type { StatsImportOptions, StatsImportReport, StatsMessage, StatsRowReport } from './stats-check.js';
export { statsTemplate } from './stats-template.js';

/** The report: every row with its status and its problems as messages in the caller's locale. */
function buildReport(
  checked: Checked[],
  opts: StatsImportOptions,
  parts: { committed: boolean; unchanged: number; written: number; errors: number; unitsAdded: StatsImportReport['unitsAdded'] },
): StatsImportReport {
  const { locale } = opts;
  const { committed, unchanged, written, errors } = parts;
  const report: StatsImportReport = {
    dryRun: opts.dryRun,
    committed,
    fileName: opts.fileName,
    rows: [],
    counts: { rows: checked.length, ok: 0, warning: 0, error: 0, unchanged, written: errors ? 0 : written },
    unitsAdded: parts.unitsAdded,
  };
  for (const c of checked) {
    const hasError = c.problems.some((p) => !p.warning);
    c.report.status = hasError ? 'error' : c.problems.length ? 'warning' : 'ok';
    c.report.messages = c.problems.map((p) => ({
      field: p.field,
      message: translate(ERROR_MESSAGES, p.code === 'stats_import_unit_added' && !committed ? 'stats_import_unit_to_add' : p.code, locale, {
        ...p.params,
        field: fieldLabel(`rows.${c.report.row - 1}.${p.field}`, locale),
      }),
    }));
    report.counts[c.report.status] += 1;
    report.rows.push(c.report);
  }
  return report;
}

/**
 * Checks every row, then (not a dry run, no errors) writes all of them in one transaction. The report lists
 * every row with all of its problems; warnings (a published ratio that disagrees with its inputs, a value
 * that replaces an unapproved one, a province that is added) never block. Errors include a region outside the
 * caller's scope, a province the caller may not add, a value outside the data element's plausible range, and a
 * value that would replace an approved one (a correction goes through data entry, with a reason). Values are
 * stored as submitted by the importer: another person approves them (four eyes).
 */
export async function runStatsImport(db: Db, ctx: RequestContext, rows: StatsRow[], opts: StatsImportOptions): Promise<StatsImportReport> {
  const { locale } = opts;
  const [des, units] = await Promise.all([allDataElements(db), listUnits(db)]);
  const indicatorOf = indicatorResolver(des);
  const regionOf = regionResolver(units);
  const deByCode = new Map(des.map((d) => [d.code, d]));
  const zh = locale === 'zh-CN';

  const checked: Checked[] = rows.map((r) => checkRow(r, opts, indicatorOf, regionOf));
  markDuplicates(checked);
  checkRatios(checked, deByCode, zh);
  const { unchanged, facts } = await compareStored(db, checked, opts);
  const added = provincesToAdd(checked);

  const errors = checked.filter((c) => c.problems.some((p) => !p.warning)).length;
  let committed = false;
  let written = facts.length;
  if (!opts.dryRun && errors === 0) {
    written = await db.transaction(async (tx) => {
      await addProvinces(tx, ctx, [...added.values()]);
      const n = await writeValues(tx, ctx, facts, opts.fileName);
      if (n > 0 || added.size > 0) await bumpRevision(tx);
      return n;
    });
    committed = true;
  }

  const unitsAdded = [...added.values()].map((p) => ({ code: p.code, name: p.name }));
  return buildReport(checked, opts, { committed, unchanged, written, errors, unitsAdded });
}
