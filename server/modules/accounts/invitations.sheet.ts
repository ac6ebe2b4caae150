import type { Locale } from '../../../common/enums.js';
import { translate } from '../../../common/messages.js';
import { INVITATION_LABELS } from '../../../common/messages/invitations.js';
import { dateTimeIn, now } from '../../platform/clock.js';
import ExcelJS from '../../platform/exceljs.js';

export interface InvitedRow {
  enterprise: string;
  creditCode: string;
  orgUnitName: string;
  contactName: string;
  contactPhone: string;
  username: string;
  password: string;
}

const COLUMNS = ['enterprise', 'creditCode', 'orgUnitName', 'contactName', 'contactPhone', 'username', 'password'] as const;
const HEADERS: Record<(typeof COLUMNS)[number], string> = {
  enterprise: 'enterprise',
  creditCode: 'creditCode',
  orgUnitName: 'orgUnit',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  username: 'username',
  password: 'password',
};

/** The invitation's workbook: one row per new user with its one-time password, and a sheet of notes. */
export async function invitationWorkbook(
  rows: InvitedRow[],
  unitName: string,
  locale: Locale,
): Promise<{ file: Buffer; fileName: string }> {
  const label = (key: string, params?: Record<string, unknown>) => translate(INVITATION_LABELS, key, locale, params);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang';
  const ws = wb.addWorksheet(label('sheet'));
  ws.addRow(COLUMNS.map((c) => label(HEADERS[c]))).font = { bold: true };
  for (const r of rows) ws.addRow(COLUMNS.map((c) => r[c]));
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 36 : 22));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet(label('notesSheet'));
  notes.addRow([label('note1')]);
  notes.addRow([label('note2')]);
  notes.addRow([label('note3', { at: dateTimeIn(now()), unit: unitName })]);
  notes.getColumn(1).width = 100;
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), fileName: label('fileName', { unit: unitName }) };
}
