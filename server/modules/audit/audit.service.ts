import ExcelJS from '../../platform/exceljs.js';
import type { AuditEventView, AuditQuery } from '../../../common/contracts/audit.js';
import type { Locale } from '../../../common/enums.js';
import { LIMITS } from '../../../common/limits.js';
import { timeZoneLabel } from '../../../common/messages/timezones.js';
import type { Db } from '../../platform/db.js';
import { dateTimeIn, timeZone } from '../../platform/clock.js';
import * as repo from './audit.repo.js';

export function present(r: repo.AuditRow): AuditEventView {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    userId: r.userId,
    username: r.username,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    changes: r.changes,
    requestId: r.requestId,
    ip: r.ip,
  };
}

export async function list(db: Db, q: AuditQuery, scopes: readonly string[]) {
  const { rows, total } = await repo.findEvents(db, q, scopes);
  return { items: rows.map(present), total };
}

/** The export's headings; the time is on the installation's wall clock, and its heading names that zone. */
const headers = (locale: Locale, zone: string): string[] => {
  const label = timeZoneLabel(zone, locale);
  return locale === 'zh-CN'
    ? ['编号', `时间（${label}）`, '用户', '操作', '对象类型', '对象编号', '变更内容', '请求编号', 'IP']
    : ['ID', `Time (${label})`, 'User', 'Action', 'Entity', 'Entity ID', 'Changes', 'Request ID', 'IP'];
};

/** The filtered log as an xlsx workbook (newest first, up to the export limit). */
export async function exportXlsx(
  db: Db,
  q: AuditQuery,
  scopes: readonly string[],
  locale: Locale,
): Promise<{ buffer: Buffer; truncated: boolean }> {
  const { rows, total } = await repo.findEvents(db, q, scopes, LIMITS.auditExportMax);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang';
  const ws = wb.addWorksheet(locale === 'zh-CN' ? '审计日志' : 'Audit log');
  ws.addRow(headers(locale, timeZone())).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.id,
      dateTimeIn(r.at),
      r.username ?? '',
      r.action,
      r.entity,
      r.entityId,
      Object.entries(r.changes)
        .map(([k, v]) => `${k}: ${JSON.stringify(v.before)} → ${JSON.stringify(v.after)}`)
        .join('\n'),
      r.requestId ?? '',
      r.ip ?? '',
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = [8, 20, 14, 14, 12, 38, 60, 14, 16][i] ?? 14));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, truncated: total > rows.length };
}
