import type { Locale } from '../enums.js';
import type { Dict } from './dict.js';
import { FIELD_LABELS } from './fields.js';
import { STATUS_LABELS, ACTION_LABELS, ENTITY_STATUS_LABELS, LIST_ITEM_LABELS, STAGE_LABELS } from './labels.js';

function listItem(v: unknown, locale: Locale): string {
  if (isLocalised(v)) return v[locale] ?? v['zh-CN'];
  if (typeof v === 'object' && v !== null && 'code' in v) {
    const { code, params } = v as { code: string; params?: Record<string, unknown> };
    return LIST_ITEM_LABELS[code] ? fill(LIST_ITEM_LABELS[code][locale], params, locale) : code;
  }
  return LIST_ITEM_LABELS[String(v)]?.[locale] ?? String(v);
}

/** Integer fen as yuan with two decimals and thousands separators: 123456789 → "1,234,567.89". */
export function fenAsYuan(fen: number): string {
  if (!Number.isFinite(fen)) return String(fen);
  const whole = Math.round(fen);
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole < 0 ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * `{name|format}` in a template: the parameter shown as money or as a label instead of its raw code. A status
 * takes its entity's own word when the message names one (`of`: ENTITY_STATUS_LABELS).
 */
const FORMATS: Record<string, (value: unknown, locale: Locale, params: Record<string, unknown>) => string> = {
  yuan: (v) => (typeof v === 'number' ? fenAsYuan(v) : String(v)),
  status: (v, locale, params) =>
    ENTITY_STATUS_LABELS[String(params.of)]?.[String(v)]?.[locale] ?? STATUS_LABELS[String(v)]?.[locale] ?? String(v),
  stage: (v, locale) => STAGE_LABELS[String(v)]?.[locale] ?? String(v),
  action: (v, locale) => ACTION_LABELS[String(v)]?.[locale] ?? String(v),
  list: (v, locale) => (Array.isArray(v) ? v.map((x) => listItem(x, locale)).join(locale === 'zh-CN' ? '、' : ', ') : listItem(v, locale)),
};

/** A parameter given in both languages ({ 'zh-CN': …, 'en-US': … }) shows in the reader's. */
const isLocalised = (v: unknown): v is Record<Locale, string> =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['zh-CN'] === 'string';

export function fill(template: string, params: Record<string, unknown> = {}, locale: Locale = 'zh-CN'): string {
  return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, k: string, format: string | undefined) => {
    if (!(k in params)) return whole;
    const v = params[k];
    if (isLocalised(v)) return v[locale] ?? v['zh-CN'];
    const f = format ? FORMATS[format] : undefined;
    return f ? f(v, locale, params) : String(v);
  });
}

export function translate(dict: Dict, key: string, locale: Locale, params?: Record<string, unknown>): string {
  const entry = dict[key];
  if (!entry) return key;
  return fill(entry[locale], params, locale);
}

export function fieldLabel(path: string, locale: Locale): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const label = FIELD_LABELS[last]?.[locale] ?? last;
  const parts = path.split('.');
  const idx = parts.findIndex((p) => /^\d+$/.test(p));
  if (idx < 0) return label;
  const n = Number(parts[idx]) + 1;
  // Imports name spreadsheet rows ("rows.6.value" → 第 7 行), API batches name items.
  const rows = parts[idx - 1] === 'rows';
  if (idx === parts.length - 1)
    return rows ? (locale === 'zh-CN' ? `第 ${n} 行` : `row ${n}`) : locale === 'zh-CN' ? `第 ${n} 项` : `item ${n}`;
  if (rows) return locale === 'zh-CN' ? `第 ${n} 行的${label}` : `${label} in row ${n}`;
  return locale === 'zh-CN' ? `第 ${n} 项的${label}` : `${label} of item ${n}`;
}
