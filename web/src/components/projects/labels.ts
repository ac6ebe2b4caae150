import type { ApplicationStatus, CallStatus, ConflictStatus, Payment, PaymentStatus, Report, ReportStatus } from '../../api/projects';
import type { Tone } from '../StatusTag';
import { bureauToday } from '../isoDate';

/** Text in red that keeps 4.5:1 contrast (antd's danger text does not). */
export const DANGER = '#a8071a';

export const CALL_TONES: Record<CallStatus, Tone> = { draft: 'off', published: 'info', closed: 'warn', decided: 'ok' };

export const APPLICATION_TONES: Record<ApplicationStatus, Tone> = {
  draft: 'off',
  submitted: 'info',
  withdrawn: 'off',
  returned: 'warn',
  accepted: 'info',
  rejected: 'error',
  under_review: 'info',
  scored: 'info',
  consensus: 'warn',
  approved: 'ok',
  not_funded: 'off',
  contracted: 'ok',
  completed: 'ok',
  terminated: 'error',
};

export const CONFLICT_TONES: Record<ConflictStatus, Tone> = { suggested: 'warn', confirmed: 'error', dismissed: 'off' };
export const PAYMENT_TONES: Record<PaymentStatus, Tone> = { scheduled: 'off', released: 'info', held: 'error', paid: 'ok' };
export const REPORT_TONES: Record<ReportStatus, Tone> = { due: 'warn', submitted: 'info', approved: 'ok', rejected: 'error' };

/** The applicant may still change these (and attach files). */
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'returned'];
/** …and withdraw these. */
export const WITHDRAWABLE: readonly ApplicationStatus[] = ['draft', 'submitted', 'returned', 'accepted'];
/** Ranked by the aggregation, waiting for the decision. */
export const DECIDABLE: readonly ApplicationStatus[] = ['scored', 'consensus'];
/** Funded projects: their contract, payments and reports. */
export const FUNDED: readonly ApplicationStatus[] = ['approved', 'contracted', 'completed', 'terminated'];
/** A decision letter exists for these. */
export const LETTER: readonly ApplicationStatus[] = ['approved', 'contracted', 'completed', 'not_funded'];

/** The budget account the call's payments come from (fund it at /ledger under this code). */
export const callBudgetCode = (code: string) => `call_${code}`;

/**
 * Reports that hold payments: still due, and past their date as the server counts it (UTC). The server holds
 * a payment while any report of the project is overdue.
 */
export const overdueReports = (reports: readonly Report[], today = bureauToday()): Report[] =>
  reports.filter((r) => r.status === 'due' && r.dueOn < today);

/** A payment that may be paid now (released, and no report overdue). */
export const payable = (p: Payment, reports: readonly Report[]) => p.status === 'released' && overdueReports(reports).length === 0;

/** A file's content type for the upload, from the browser or, when it gives none, from the name. */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, string> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    doc: 'application/msword',
    zip: 'application/zip',
  };
  return byExt[ext] ?? 'application/octet-stream';
}

/** Short names of the accepted types, for people: "PDF、DOCX". */
export function typeNames(types: readonly string[]): string {
  const short: Record<string, string> = {
    'application/pdf': 'PDF',
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/msword': 'DOC',
    'application/zip': 'ZIP',
  };
  return types.map((x) => short[x] ?? x).join(' / ');
}

/** File extensions for the file picker's accept attribute. */
export function acceptOf(types: readonly string[]): string {
  const ext: Record<string, string> = {
    'application/pdf': '.pdf',
    'image/png': '.png',
    'image/jpeg': '.jpg,.jpeg',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
    'application/msword': '.doc',
    'application/zip': '.zip',
  };
  return types.map((x) => ext[x] ?? x).join(',');
}

/** 1 234 567 bytes → "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** SHA-256 of a file in the browser, when it can (secure contexts only); null otherwise. */
export async function sha256Of(file: Blob): Promise<string | null> {
  if (!window.isSecureContext || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A score for display: at most two decimals. */
export const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(Math.round(x * 100) / 100));

/** Separators between list items: 、 and ； in Chinese, commas and semicolons in English. */
export const listSep = (locale: string) => (locale === 'zh-CN' ? '、' : ', ');
export const clauseSep = (locale: string) => (locale === 'zh-CN' ? '；' : '; ');
