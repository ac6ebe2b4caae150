import { inflateRawSync } from 'node:zlib';
import { MIME } from '../../common/values/files.js';
import { AppError } from './errors.js';
import { zipEntries, type ZipEntryInfo } from './zip.js';

/**
 * What a file really is, from its first bytes (magic numbers), so an upload's content can be checked against
 * the type it declares: a PDF starts with `%PDF-`, a PNG with its 8-byte signature, a JPEG with FF D8 FF, a
 * legacy Word file is an OLE2 compound file with a `WordDocument` stream, and the Office Open XML formats are
 * ZIP archives whose `[Content_Types].xml` names their main part. Only the central directory and that one small
 * entry are read (bounded), never the whole archive. The media types are the one list of common/values/files.ts.
 */

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

/** The main part's content type in `[Content_Types].xml`, per Office Open XML format. */
const OOXML_MAIN: Record<string, string> = {
  [MIME.docx]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  [MIME.xlsx]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
};

/** The largest `[Content_Types].xml` read (real ones are a few kB). */
const CONTENT_TYPES_MAX = 256 * 1024;

/** The archive's entries, or null when it is not a well-formed archive (platform/zip.ts says why). */
function entriesOf(buf: Buffer): ZipEntryInfo[] | null {
  try {
    return zipEntries(buf);
  } catch {
    return null;
  }
}

const isZip = (buf: Buffer) => entriesOf(buf) !== null;

/** The Office Open XML type a ZIP archive declares in its `[Content_Types].xml`, if any. */
function ooxmlType(buf: Buffer): string | null {
  const ct = entriesOf(buf)?.find((e) => e.name === '[Content_Types].xml');
  if (!ct) return null;
  const data = buf.subarray(ct.dataAt, ct.dataAt + ct.compressed);
  let xml: string | undefined;
  try {
    if (ct.method === 0 && data.length <= CONTENT_TYPES_MAX) xml = data.toString('utf8');
    if (ct.method === 8) xml = inflateRawSync(data, { maxOutputLength: CONTENT_TYPES_MAX }).toString('utf8');
  } catch {
    return null;
  }
  if (!xml) return null;
  for (const [mime, main] of Object.entries(OOXML_MAIN)) if (xml.includes(main)) return mime;
  return null;
}

const startsWith = (buf: Buffer, magic: Buffer, at = 0) =>
  buf.length >= at + magic.length && buf.subarray(at, at + magic.length).equals(magic);

/**
 * The type the content really has: one of MIME's values, or null when it is none of them. A docx or xlsx is
 * recognised as such (and is also a ZIP archive, see `contentMatches`).
 */
export function sniffType(buf: Buffer): string | null {
  // A PDF's header may follow a little junk (readers accept it within the first 1 024 bytes).
  const head = buf.subarray(0, 1024);
  if (head.indexOf('%PDF-') >= 0) return MIME.pdf;
  if (startsWith(buf, PNG)) return MIME.png;
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return MIME.jpeg;
  if (startsWith(buf, OLE2)) return buf.includes(WORD_STREAM) ? MIME.doc : null;
  if (startsWith(buf, Buffer.from('PK\x03\x04', 'latin1')) || startsWith(buf, Buffer.from('PK\x05\x06', 'latin1')))
    return ooxmlType(buf) ?? (isZip(buf) ? MIME.zip : null);
  return null;
}

/** Whether content of the sniffed type may be stored as `declared` (an Office Open XML file is a ZIP archive too). */
export function contentMatches(declared: string, sniffed: string | null): boolean {
  if (sniffed === declared) return true;
  return declared === MIME.zip && (sniffed === MIME.docx || sniffed === MIME.xlsx);
}

/** Short names for the message. */
const NAMES: Record<string, string> = {
  [MIME.pdf]: 'PDF',
  [MIME.png]: 'PNG',
  [MIME.jpeg]: 'JPEG',
  [MIME.doc]: 'DOC',
  [MIME.docx]: 'DOCX',
  [MIME.xlsx]: 'XLSX',
  [MIME.zip]: 'ZIP',
};
const nameOf = (mime: string | null) => (mime ? (NAMES[mime] ?? mime) : '?');

/** 400 naming the file when its content is not of the type it declares. */
export function assertContentType(content: Buffer, declared: string, fileName: string, field = 'file'): void {
  const sniffed = sniffType(content);
  if (!contentMatches(declared, sniffed))
    throw new AppError(400, 'attachment_content', { file: fileName, type: nameOf(declared), actual: nameOf(sniffed) }, field);
}
