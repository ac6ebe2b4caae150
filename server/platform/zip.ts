import { createInflateRaw } from 'node:zlib';
import { LIMITS } from '../../common/limits.js';
import { AppError } from './errors.js';

/**
 * What a zip (an xlsx, a docx) says it holds, read from its central directory without inflating
 * anything: a 2 MB upload that unpacks to a gigabyte is refused in microseconds, before a parser
 * allocates for it. The local headers are walked too, so that a streaming reader (which never reads the
 * central directory) sees exactly the entries checked here and nothing hidden between them.
 */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressed: number;
  uncompressed: number;
  /** Where its compressed data starts in the file. */
  dataAt: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const broken = () => new AppError(400, 'import_bad_file');

function u64(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** The entries of the central directory; throws 400 import_bad_file when it is not a well-formed zip. */
export function zipEntries(b: Buffer, maxEntries = LIMITS.zipEntriesMax): ZipEntryInfo[] {
  if (b.length < 22) throw broken();
  let eocd = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (b.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw broken();
  let count = b.readUInt16LE(eocd + 10);
  let cdSize = b.readUInt32LE(eocd + 12);
  let cdOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || b.readUInt32LE(loc) !== EOCD64_LOCATOR) throw broken();
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || b.readUInt32LE(rec) !== EOCD64) throw broken();
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
  }
  if (count > maxEntries) throw new AppError(413, 'zip_too_many_entries', { max: maxEntries });
  if (cdOffset + cdSize > b.length) throw broken();
  const entries: (ZipEntryInfo & { offset: number; flags: number })[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) throw broken();
    const flags = b.readUInt16LE(at + 8);
    const method = b.readUInt16LE(at + 10);
    if (method !== 0 && method !== 8) throw broken();
    let compressed = b.readUInt32LE(at + 20);
    let uncompressed = b.readUInt32LE(at + 24);
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    let offset = b.readUInt32LE(at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLen);
    // ZIP64: the sizes and offset that do not fit in 32 bits are in the extra field 0x0001, in this order.
    if (uncompressed === 0xffffffff || compressed === 0xffffffff || offset === 0xffffffff) {
      let x = at + 46 + nameLen;
      const end = x + extraLen;
      while (x + 4 <= end) {
        const id = b.readUInt16LE(x);
        const size = b.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let y = x + 4;
          if (uncompressed === 0xffffffff && y + 8 <= x + 4 + size) {
            uncompressed = u64(b, y);
            y += 8;
          }
          if (compressed === 0xffffffff && y + 8 <= x + 4 + size) {
            compressed = u64(b, y);
            y += 8;
          }
          if (offset === 0xffffffff && y + 8 <= x + 4 + size) offset = u64(b, y);
          break;
        }
        x += 4 + size;
      }
    }
    if (method === 0 && compressed !== uncompressed) throw broken();
    entries.push({ name, method, compressed, uncompressed, dataAt: 0, offset, flags });
    at += 46 + nameLen + extraLen + commentLen;
  }
  // The local entries, in file order, must follow each other from the start to the central directory.
  let next = 0;
  for (const e of [...entries].sort((x, y) => x.offset - y.offset)) {
    if (e.offset !== next || e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== LOCAL) throw broken();
    e.dataAt = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
    next = e.dataAt + e.compressed;
    if (e.flags & 0x08) {
      // A data descriptor follows, with or without its signature, with 32- or 64-bit sizes.
      const sig = next + 4 <= b.length && b.readUInt32LE(next) === 0x08074b50 ? 4 : 0;
      const small = next + sig + 12;
      const large = next + sig + 20;
      const nextIsHeader = (p: number) => p === cdOffset || (p + 4 <= b.length && b.readUInt32LE(p) === LOCAL);
      next = nextIsHeader(small) ? small : nextIsHeader(large) ? large : -1;
      if (next < 0) throw broken();
    }
    if (next > cdOffset) throw broken();
  }
  if (next !== cdOffset) throw broken();
  return entries.map(({ name, method, compressed, uncompressed, dataAt }) => ({ name, method, compressed, uncompressed, dataAt }));
}

const tooLarge = (entry: string, bytes: number) =>
  new AppError(413, 'zip_too_large', {
    entry,
    size: mb(bytes),
    limit: mb(LIMITS.zipUncompressedMaxBytes),
    ratio: LIMITS.zipRatioMax,
  });

/**
 * Refuses (413, with the limits in the user's language) a zip whose central directory says it unpacks
 * past the limits of common/limits.ts, or one of whose large entries is packed far tighter than any real
 * document. Synchronous and cheap: nothing is inflated.
 */
export function assertZipDeclaredWithinLimits(b: Buffer): ZipEntryInfo[] {
  const entries = zipEntries(b);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    const tight = e.uncompressed > 1024 * 1024 && e.uncompressed > LIMITS.zipRatioMax * Math.max(e.compressed, 1);
    if (total > LIMITS.zipUncompressedMaxBytes || tight) throw tooLarge(e.name, e.uncompressed);
  }
  return entries;
}

/** Inflates `data` without keeping the output, stopping as soon as it passes `max` bytes. */
function inflatedLength(data: Buffer, max: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw();
    let n = 0;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    z.on('data', (c: Buffer) => {
      n += c.length;
      if (n > max) {
        settle(() => resolve(n));
        z.destroy();
      }
    });
    z.on('end', () => settle(() => resolve(n)));
    z.on('error', () => settle(() => reject(broken())));
    z.end(data);
  });
}

/**
 * The zip check every xlsx upload passes before a parser sees it: the declared sizes (above), then each
 * deflated entry inflated into nothing, refused the moment it yields more than it declared — headers can
 * lie, and a streaming reader trusts its local headers alone. The file is never held unpacked.
 */
export async function assertZipWithinLimits(b: Buffer): Promise<void> {
  for (const e of assertZipDeclaredWithinLimits(b)) {
    if (e.method !== 8) continue;
    const n = await inflatedLength(b.subarray(e.dataAt, e.dataAt + e.compressed), e.uncompressed);
    if (n > e.uncompressed) throw new AppError(400, 'zip_size_mismatch', { entry: e.name, size: mb(e.uncompressed) });
  }
}

/** Bytes in megabytes as people write them: 20 MB, 1 MB, 0.5 MB. */
export const mb = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
