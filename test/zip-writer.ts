import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for tests: entries stored or deflated, with the sizes their headers declare
 * optionally overridden (to build a zip that lies), and "bomb" entries whose data is one chunk repeated
 * many times, deflated once: a gigabyte of XML costs a megabyte of memory and a few milliseconds.
 */
export interface ZipInput {
  name: string;
  /** The content, or a repeated chunk between a head and a tail. */
  data: Buffer | { head: Buffer; chunk: Buffer; times: number; tail: Buffer };
  /** Claimed uncompressed size in the headers (default: the true size). */
  declare?: number;
}

function deflated(data: ZipInput['data']): { bytes: Buffer; size: number; crc: number } {
  if (Buffer.isBuffer(data)) return { bytes: deflateRawSync(data), size: data.length, crc: crc32(data) };
  // Each part ends with a full flush (no back-references across it), so repeating the chunk's
  // compressed bytes decodes to the chunk repeated; an empty final block ends the stream.
  const part = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const chunk = part(data.chunk);
  const bytes = Buffer.concat([part(data.head), ...Array<Buffer>(data.times).fill(chunk), part(data.tail), Buffer.from([0x03, 0x00])]);
  let crc = crc32(data.head);
  for (let i = 0; i < data.times; i++) crc = crc32(data.chunk, crc);
  crc = crc32(data.tail, crc);
  return { bytes, size: data.head.length + data.chunk.length * data.times + data.tail.length, crc };
}

export function writeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { bytes, size, crc } = deflated(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declare ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, bytes);
    centrals.push(central, name);
    offset += 30 + name.length + bytes.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * An xlsx whose first sheet holds `rows` (strings, through the shared strings), with the shared strings
 * part padded by `padding` (a chunk repeated, inside the XML) and optionally declared smaller than it is.
 */
export function xlsxWith(rows: string[][], opts: { padding?: { chunk: string; times: number }; declareStrings?: number } = {}): Buffer {
  const strings: string[] = [];
  const cells = rows
    .map((row, r) => {
      const cs = row.map((v, c) => {
        strings.push(v);
        return `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>${strings.length - 1}</v></c>`;
      });
      return `<row r="${r + 1}">${cs.join('')}</row>`;
    })
    .join('');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const head = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}`;
  const tail = '</sst>';
  const sst: ZipInput['data'] = opts.padding
    ? { head: Buffer.from(head), chunk: Buffer.from(opts.padding.chunk.repeat(1)), times: opts.padding.times, tail: Buffer.from(tail) }
    : Buffer.from(head + tail);
  const x = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: x(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: x(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="导入" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/sharedStrings.xml', data: sst, ...(opts.declareStrings !== undefined ? { declare: opts.declareStrings } : {}) },
    { name: 'xl/worksheets/sheet1.xml', data: x(`<worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`) },
  ]);
}
