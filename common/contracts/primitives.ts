import { z } from 'zod';
import { LIMITS } from '../limits.js';

/**
 * The primitives every contract builds its fields from, so that what the edge accepts is decided once:
 * a date is a real calendar date, a text holds no control characters, a name is normalised the same way
 * wherever it is typed, and a figure is a finite number of a plausible magnitude.
 */

/** C0 control characters except tab, line feed and carriage return, and DEL. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Zero-width space, non-joiner, joiner, word joiner and the byte-order mark, invisible in a name. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** A name as it is stored: NFC, without zero-width characters, trimmed. */
export const normaliseName = (s: string) => s.normalize('NFC').replace(ZERO_WIDTH, '').trim();

export const hasControlChars = (s: string) => CONTROL_CHARS.test(s);

/** Whether `s` is a calendar date YYYY-MM-DD of the years 1000–9999 (no 2025-02-30, no 0000-00-00). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** An ISO calendar date; an impossible one (2025-02-30, 2025-13-01, 0000-00-00) is a 400 naming the field. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  .refine(isRealDate, { message: 'date' });

/** Free text (a note, a comment, an objection): trimmed, no control characters but tab and line breaks. */
export function text(max: number, opts: { min?: number } = {}) {
  return z
    .string()
    .trim()
    .min(opts.min ?? 0)
    .max(max)
    .refine((s) => !hasControlChars(s), { message: 'control_char' });
}

/**
 * A name or title: NFC, zero-width characters removed, trimmed, on one line (no control characters at
 * all, not even a line break), at least one character unless `min` says otherwise.
 */
export function name(max: number, opts: { min?: number } = {}) {
  return z
    .string()
    .overwrite(normaliseName)
    .min(opts.min ?? 1)
    .max(max)
    .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), { message: 'control_char' });
}

/** A figure typed by a person or read from a file: finite and of a plausible magnitude (no 1e20, no 1e308). */
export const figure = z.number().min(-LIMITS.figureMax).max(LIMITS.figureMax);

/**
 * A moment (timestamptz) in an answer: a Date on the server, an ISO 8601 string on the wire. The serializer
 * encodes the Date; `z.input<typeof view>` is the JSON the web receives (a string), `z.output` the server's row.
 */
export const instant = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});
