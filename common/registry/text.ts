/** Input clean-up shared by the identifier validators: people paste codes from Word, PDFs and Chinese IMEs. */

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Trim, half-width, upper-case. */
export function normalizeCode(value: string): string {
  return toHalfWidth(value).trim().toUpperCase();
}
