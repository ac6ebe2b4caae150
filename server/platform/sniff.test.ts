import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import ExcelJS from './exceljs.js';
import { AppError } from './errors.js';
import { MIME } from '../../common/values/files.js';
import { assertContentType, contentMatches, sniffType } from './sniff.js';

/** A ZIP archive with one deflated entry (as Office writes its parts). */
function deflatedZip(name: string, content: Buffer): Buffer {
  const n = Buffer.from(name);
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + data.length, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

describe('sniffType: what a file is, from its bytes', () => {
  it('recognises PDF, PNG, JPEG and a legacy Word file', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n'))).toBe(MIME.pdf);
    expect(sniffType(Buffer.concat([Buffer.from('\ufeff  '), Buffer.from('%PDF-1.4')]))).toBe(MIME.pdf);
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(MIME.png);
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe(MIME.jpeg);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(sniffType(ole)).toBeNull();
    expect(sniffType(Buffer.concat([ole, Buffer.from('WordDocument', 'utf16le')]))).toBe(MIME.doc);
  });

  it('tells a real docx and a real xlsx from each other and from a plain ZIP', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('可行性报告')] }] }));
    expect(sniffType(docx)).toBe(MIME.docx);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('预算').addRow(['经费', 100]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(sniffType(xlsx)).toBe(MIME.xlsx);
    expect(sniffType(deflatedZip('readme.txt', Buffer.from('hello')))).toBe(MIME.zip);
    expect(sniffType(Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]))).toBe(MIME.zip);
  });

  it('reads [Content_Types].xml within a bound: one that inflates past it is not taken for an Office file', () => {
    const huge = Buffer.concat([Buffer.from(`<Types>`), Buffer.alloc(2 * 1024 * 1024, 0x20), Buffer.from(MIME.docx + '.main+xml</Types>')]);
    expect(sniffType(deflatedZip('[Content_Types].xml', huge))).toBe(MIME.zip);
    const small = Buffer.from(`<Types><Override ContentType="${MIME.docx}.main+xml"/></Types>`);
    expect(sniffType(deflatedZip('[Content_Types].xml', small))).toBe(MIME.docx);
  });

  it('finds nothing in text, HTML, truncated or corrupt archives', () => {
    expect(sniffType(Buffer.from('<script>alert(1)</script>'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
    expect(sniffType(Buffer.from('PK\x03\x04garbage', 'latin1'))).toBeNull();
    const zip = deflatedZip('a.txt', Buffer.from('x'));
    expect(sniffType(zip.subarray(0, zip.length - 10))).toBeNull();
  });
});

describe('contentMatches and assertContentType', () => {
  it('an Office file is also a ZIP archive; nothing else stands in for another type', () => {
    expect(contentMatches(MIME.zip, MIME.docx)).toBe(true);
    expect(contentMatches(MIME.zip, MIME.xlsx)).toBe(true);
    expect(contentMatches(MIME.docx, MIME.zip)).toBe(false);
    expect(contentMatches(MIME.docx, MIME.xlsx)).toBe(false);
    expect(contentMatches(MIME.pdf, null)).toBe(false);
  });

  it('a mismatch is a 400 naming the file, the declared and the found type', () => {
    let caught: unknown;
    try {
      assertContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), MIME.pdf, '申报书.pdf');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ status: 400, code: 'attachment_content', field: 'file' });
    expect((caught as AppError).params).toMatchObject({ file: '申报书.pdf', type: 'PDF', actual: 'JPEG' });
    expect(() => assertContentType(Buffer.from('%PDF-1.4'), MIME.pdf, 'a.pdf')).not.toThrow();
  });
});
