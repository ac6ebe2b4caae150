import type { CellValue, Worksheet } from 'exceljs';
import ExcelJS, { assertZipWithinLimits } from '../../platform/exceljs.js';
import type { ImportReport, ImportRowReport, ValueInput } from '../../../common/contracts/datavalues.js';
import { PERIOD_PATTERN } from '../../../common/aggregation.js';
import type { Locale } from '../../../common/enums.js';
import { ERROR_MESSAGES, fieldLabel, translate } from '../../../common/messages.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { compileIndicator } from '../analytics/index.js';
import {
  currentValues,
  earlierValuesOf,
  findDataElements,
  keyString,
  plausibilityWarnings,
  rangeProblem,
  saveValues,
  warningParams,
  type DataElementRow,
  type DataValueRow,
  type ValueActor,
} from '../datavalues/index.js';
import { listUnits, resolveAmong, type OrgUnitRow } from '../orgunits/index.js';
import { indicatorsOf } from '../plans/index.js';
import { cellNumber, cellText } from '../../platform/xlsx-cells.js';

/** The data elements a plan's indicators are computed from, in indicator order. */
export async function planDataElements(db: Db, planId: string): Promise<DataElementRow[]> {
  const codes: string[] = [];
  for (const ind of await indicatorsOf(db, [planId]))
    for (const c of compileIndicator(ind.expression).refs) if (!codes.includes(c)) codes.push(c);
  const rows = new Map((await findDataElements(db, codes)).map((d) => [d.code, d]));
  return codes.flatMap((c) => (rows.get(c) ? [rows.get(c)!] : []));
}

const HEADERS = {
  dataElement: ['数据元素代码', 'Data element code'],
  dataElementName: ['数据元素名称', 'Data element'],
  unit: ['单位', 'Unit'],
  orgUnit: ['区划代码', 'Org unit code'],
  orgUnitName: ['区划名称', 'Org unit'],
  period: ['年度', 'Year'],
  previous: ['上年值', 'Previous year'],
  value: ['本年值', 'Value'],
  reason: ['更正原因', 'Correction reason'],
  note: ['备注', 'Note'],
} as const;
type Col = keyof typeof HEADERS;
const ORDER: Col[] = ['dataElement', 'dataElementName', 'unit', 'orgUnit', 'orgUnitName', 'period', 'previous', 'value', 'reason', 'note'];

/** Units of the template: the chosen unit and everything below it that the user may write. */
export async function writableUnits(db: Db, actor: ValueActor, root: OrgUnitRow): Promise<OrgUnitRow[]> {
  return (await listUnits(db, { withinPath: root.path })).filter((u) => actor.canWrite(u.path));
}

export async function template(db: Db, actor: ValueActor, planId: string, root: OrgUnitRow, year: number, locale: Locale): Promise<Buffer> {
  const [des, units] = await Promise.all([planDataElements(db, planId), writableUnits(db, actor, root)]);
  const values = await currentValues(db, {
    orgUnits: units.map((u) => u.code),
    periods: [String(year)],
    dataElements: des.map((d) => d.code),
  });
  const byKey = new Map<string, DataValueRow>(
    values.map((v) => [keyString({ dataElement: v.dataElementCode, orgUnit: v.orgUnitCode, period: v.period }), v]),
  );
  // The 上年值: the latest earlier year's value, as the entry grid shows it.
  const earlier = await earlierValuesOf(
    db,
    units.flatMap((u) => des.map((d) => ({ dataElement: d.code, orgUnit: u.code, period: String(year) }))),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang';
  const zh = locale === 'zh-CN';
  const ws = wb.addWorksheet(zh ? '填报' : 'Entry');
  ws.addRow(ORDER.map((c) => `${HEADERS[c][0]} ${HEADERS[c][1]}`)).font = { bold: true };
  for (const u of units) {
    for (const d of des) {
      if (!actor.canWrite(u.path, d.code)) continue;
      const prev = earlier.get(keyString({ dataElement: d.code, orgUnit: u.code, period: String(year) }));
      const cur = byKey.get(keyString({ dataElement: d.code, orgUnit: u.code, period: String(year) }));
      ws.addRow([
        d.code,
        zh ? d.nameZh : d.nameEn,
        d.unit,
        u.code,
        u.name,
        year,
        prev?.value ?? null,
        cur?.value ?? null,
        null,
        cur?.status === 'approved' ? (zh ? '已审核，更正须填原因' : 'approved: a correction needs a reason') : null,
      ]);
    }
  }
  ws.columns.forEach((c, i) => (c.width = [24, 34, 10, 14, 22, 8, 14, 14, 20, 30][i] ?? 12));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet(zh ? '说明' : 'Instructions');
  const lines = zh
    ? [
        '在“填报”表的“本年值”列填写数值（只填数字，不带单位）；留空的行不导入。',
        '区划可写代码或名称（如“秀山县”“中和街道”），名称有歧义时会逐行提示。',
        '已审核的数值被锁定：要更正，请同时填写“更正原因”。',
        '上传后先预览，所有问题逐行列出；确认后全部保存，有任何错误则一条都不保存。',
      ]
    : [
        'Fill in the Value column of the Entry sheet (numbers only, no units); empty rows are skipped.',
        'Org units may be given by code or by name; ambiguous names are reported row by row.',
        'Approved values are locked: to correct one, also fill in the correction reason.',
        'An upload is first previewed with every problem by row; on confirmation everything is saved, or nothing if any row has an error.',
      ];
  lines.forEach((l) => help.addRow([l]));
  help.getColumn(1).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface ParsedRow {
  row: number;
  input: ValueInput | null;
  report: ImportRowReport;
}

function headerMap(ws: Worksheet): { row: number; cols: Partial<Record<Col, number>> } | null {
  for (let r = 1; r <= Math.min(ws.rowCount, 5); r++) {
    const cols: Partial<Record<Col, number>> = {};
    ws.getRow(r).eachCell((cell, c) => {
      const text = String(cell.text ?? '').toLowerCase();
      for (const key of ORDER) if (HEADERS[key].some((h) => text.startsWith(h.toLowerCase())) && cols[key] === undefined) cols[key] = c;
    });
    if (cols.dataElement && cols.value && (cols.orgUnit || cols.orgUnitName) && cols.period) return { row: r, cols };
  }
  return null;
}

type Header = NonNullable<ReturnType<typeof headerMap>>;
type SheetRow = { r: number; get: (c: Col) => CellValue };
type RowMessage = ReturnType<typeof rowMessages>;

/** A row without errors, waiting to be compared with what is stored. */
interface PendingRow {
  p: ParsedRow;
  de: DataElementRow;
  unit: OrgUnitRow;
  period: string;
  value: number;
}

/** What a row is checked against: the units of the plan's region, the data elements named in the sheet. */
interface RowScope {
  actor: ValueActor;
  units: OrgUnitRow[];
  allUnits: OrgUnitRow[];
  byCode: Map<string, OrgUnitRow>;
  des: Map<string, DataElementRow>;
  msg: RowMessage;
}

/** A message on one row's field, in the user's language. */
function rowMessages(locale: Locale) {
  return (r: number, field: string, code: string, params: Record<string, unknown> = {}) => ({
    field,
    message: translate(ERROR_MESSAGES, code, locale, { ...params, field: fieldLabel(`rows.${r - 1}.${field}`, locale) }),
  });
}

/** The workbook's first sheet and its header row; a file that is no workbook, or a sheet without a header, is refused. */
async function loadSheet(buffer: Buffer): Promise<{ ws: Worksheet; header: Header }> {
  await assertZipWithinLimits(buffer);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError(400, 'import_bad_file', { detail: (e as Error).message.slice(0, 200) });
  }
  const ws = wb.worksheets[0];
  const header = ws ? headerMap(ws) : null;
  if (!ws || !header) throw new AppError(400, 'import_no_header');
  return { ws, header };
}

/** The rows below the header, and the data element codes they name. */
function sheetRows(ws: Worksheet, header: Header): { rows: SheetRow[]; rawDe: Set<string> } {
  const { cols } = header;
  const rawDe = new Set<string>();
  const rows: SheetRow[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (c: Col) => (cols[c] ? row.getCell(cols[c]).value : null);
    rows.push({ r, get });
    const de = cellText(get('dataElement'));
    if (de) rawDe.add(de);
  }
  return { rows, rawDe };
}

/** Checks one row: null for a blank line; otherwise its report, and the row to save when it has no error. */
function checkRow(
  { r, get }: SheetRow,
  { actor, units, allUnits, byCode, des, msg }: RowScope,
): { p: ParsedRow; pending?: PendingRow } | null {
  const deText = cellText(get('dataElement'));
  const unitCode = cellText(get('orgUnit'));
  const unitName = cellText(get('orgUnitName'));
  const periodText = cellText(get('period')).replace(/\.0$/, '');
  const rawValue = get('value');
  const report: ImportRowReport = {
    row: r,
    status: 'ok',
    dataElement: deText || null,
    orgUnit: unitCode || unitName || null,
    period: periodText || null,
    value: null,
    messages: [],
  };
  if (!deText && !unitCode && !unitName && cellText(rawValue) === '') return null; // blank line
  const p: ParsedRow = { row: r, input: null, report };
  const value = cellNumber(rawValue);
  if (value === null) {
    report.status = 'empty';
    return { p };
  }
  const de = des.get(deText);
  if (!de) report.messages.push(msg(r, 'dataElement', 'dv_unknown_data_element', { code: deText || '—' }));
  let unit: OrgUnitRow | undefined = unitCode ? byCode.get(unitCode) : undefined;
  if (!unit) {
    const text = unitCode && !byCode.has(unitCode) && !unitName ? unitCode : unitName;
    const res = text ? resolveAmong(text, units, allUnits) : { matches: [], ambiguous: false };
    if (res.matches.length === 1) unit = byCode.get(res.matches[0]!.code);
    else if (res.ambiguous)
      report.messages.push(
        msg(r, 'orgUnit', 'import_ambiguous_unit', {
          text,
          candidates: res.matches.map((m) => `${m.pathNames.join('/')}（${m.code}）`).join('、'),
        }),
      );
    else report.messages.push(msg(r, 'orgUnit', 'import_unknown_unit', { text: text || '—' }));
  }
  if (unit && !actor.canWrite(unit.path, de?.code)) report.messages.push(msg(r, 'orgUnit', 'forbidden_scope', { unit: unit.name }));
  if (!PERIOD_PATTERN.test(periodText)) report.messages.push(msg(r, 'period', 'import_bad_period', { text: periodText || '—' }));
  if (value === 'invalid') report.messages.push(msg(r, 'value', 'import_not_number', { text: cellText(rawValue) }));
  else {
    report.value = value;
    const range = de ? rangeProblem(de, value) : null;
    if (range) report.messages.push(msg(r, 'value', 'dv_out_of_range', range));
  }
  if (unit) report.orgUnit = unit.code;
  if (report.messages.length) {
    report.status = 'error';
    return { p };
  }
  const reason = cellText(get('reason')) || undefined;
  p.input = { dataElement: de!.code, orgUnit: unit!.code, period: periodText, value: value as number, ...(reason ? { reason } : {}) };
  return { p, pending: { p, de: de!, unit: unit!, period: periodText, value: value as number } };
}

/** Compares with what is stored: unchanged, locked, or implausible next to its previous value (a warning, shown in the preview). */
async function compareWithStored(db: Db, pending: PendingRow[], msg: RowMessage): Promise<void> {
  const stored = await currentValues(db, {
    orgUnits: [...new Set(pending.map((x) => x.unit.code))],
    periods: [...new Set(pending.map((x) => x.period))],
    dataElements: [...new Set(pending.map((x) => x.de.code))],
  });
  const storedBy = new Map(stored.map((v) => [keyString({ dataElement: v.dataElementCode, orgUnit: v.orgUnitCode, period: v.period }), v]));
  const seen = new Map<string, number>();
  const toCheck: PendingRow[] = [];
  for (const x of pending) {
    const k = keyString(x.p.input!);
    const report = x.p.report;
    const dup = seen.get(k);
    if (dup !== undefined) {
      report.status = 'error';
      report.messages.push(msg(x.p.row, 'value', 'import_duplicate_row', { other: dup }));
      continue;
    }
    seen.set(k, x.p.row);
    const cur = storedBy.get(k);
    if (cur && cur.value === x.value) {
      report.status = 'unchanged';
      continue;
    }
    if (cur?.status === 'approved' && !x.p.input!.reason) {
      report.status = 'error';
      report.messages.push(msg(x.p.row, 'value', 'dv_locked', { current: cur.value }));
      continue;
    }
    toCheck.push(x);
  }
  const warnings = await plausibilityWarnings(
    db,
    toCheck.map((x, index) => ({ input: x.p.input!, index, field: 'value' })),
    new Map(toCheck.map((x) => [x.de.code, x.de])),
    'submitted',
  );
  for (const w of warnings) {
    const x = toCheck[w.index]!;
    x.p.report.status = 'warning';
    x.p.report.messages.push(msg(x.p.row, 'value', w.code, warningParams(w)));
  }
}

/** Reads an uploaded workbook and checks every row; nothing is written. */
export async function parseUpload(db: Db, actor: ValueActor, planRegion: OrgUnitRow, buffer: Buffer, locale: Locale): Promise<ParsedRow[]> {
  const { ws, header } = await loadSheet(buffer);

  const allUnits = await listUnits(db);
  const units = allUnits.filter((u) => u.path.startsWith(planRegion.path));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const parsed: ParsedRow[] = [];
  const { rows, rawDe } = sheetRows(ws, header);
  const des = new Map((await findDataElements(db, [...rawDe])).map((d) => [d.code, d]));
  const msg = rowMessages(locale);

  const pending: PendingRow[] = [];
  for (const row of rows) {
    const checked = checkRow(row, { actor, units, allUnits, byCode, des, msg });
    if (!checked) continue; // blank line
    parsed.push(checked.p);
    if (checked.pending) pending.push(checked.pending);
  }

  // Compare with what is stored: unchanged, locked, or an implausible jump from last year.
  await compareWithStored(db, pending, msg);
  return parsed;
}

export function reportOf(parsed: ParsedRow[], dryRun: boolean, committed: boolean): ImportReport {
  const counts = { ok: 0, unchanged: 0, error: 0, warning: 0, empty: 0 };
  for (const p of parsed) counts[p.report.status] += 1;
  return { dryRun, committed, rows: parsed.map((p) => p.report), counts };
}

/** Dry run, or commit all-or-nothing: any row with an error and nothing is saved. */
export async function importUpload(
  db: Db,
  ctx: RequestContext,
  actor: ValueActor,
  planRegion: OrgUnitRow,
  buffer: Buffer,
  opts: { dryRun: boolean; action: 'save' | 'submit'; locale: Locale },
): Promise<ImportReport> {
  const parsed = await parseUpload(db, actor, planRegion, buffer, opts.locale);
  const report = reportOf(parsed, opts.dryRun, false);
  if (opts.dryRun) return report;
  if (report.counts.error > 0) throw new AppError(400, 'import_errors', { count: report.counts.error }, undefined, report);
  const toSave = parsed.filter((p) => p.input && (p.report.status === 'ok' || p.report.status === 'warning'));
  if (toSave.length) {
    await saveValues(
      db,
      ctx,
      actor,
      toSave.map((p) => p.input!),
      // The preview showed the rows' plausibility warnings: confirming the import confirms them.
      { action: opts.action, source: 'import', fieldPrefix: 'rows', rowLabels: toSave.map((p) => p.row), confirmWarnings: true },
    );
  }
  return reportOf(parsed, false, true);
}
