/**
 * Reads the parts of an .xlsx (a zip archive) with nothing but Node's zlib, so tests can look at the XML
 * Excel will see (is this cell a string or a formula?) rather than at what ExcelJS makes of it.
 */
import { inflateRawSync } from 'zlib';
import { crc32 } from '../../src/xlsx/zip';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** Every file in the archive by its path inside it ("xl/worksheets/sheet1.xml"), as bytes. */
export function unzipBytes(data: Buffer): Map<string, Buffer> {
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = data.readUInt16LE(end + 10);
  let p = data.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (data.readUInt32LE(p) !== CENTRAL_FILE_HEADER) throw new Error(`bad central directory entry at ${p}`);
    const method = data.readUInt16LE(p + 10);
    const compressedSize = data.readUInt32LE(p + 20);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const localOffset = data.readUInt32LE(p + 42);
    const name = data.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    if (data.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) throw new Error(`bad local header for ${name}`);
    const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const raw = data.subarray(start, start + compressedSize);
    if (name.endsWith('/')) continue;
    const bytes = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
    if (!bytes) throw new Error(`${name}: compression method ${method} not supported`);
    files.set(name, bytes);
  }
  return files;
}

/** Every file in the archive as UTF-8 text. */
export function unzipText(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, bytes] of unzipBytes(data)) out.set(name, bytes.toString('utf8'));
  return out;
}

/** Worksheet XML by sheet name, following workbook.xml and its relationships. */
export function sheetXmlByName(data: Buffer): Map<string, string> {
  const files = unzipText(data);
  const workbook = files.get('xl/workbook.xml') ?? '';
  const rels = files.get('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const xml = id ? files.get(targets.get(id) ?? '') : undefined;
    if (xml !== undefined) out.set(name, xml);
  }
  return out;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** One cell element of a worksheet's XML: its type attribute, formula text (unescaped) and raw value. */
export interface XmlCell {
  ref: string;
  type: string | undefined;
  formula: string | undefined;
  value: string | undefined;
}

/** Every <c> element of a worksheet, by address. */
export function xmlCells(sheetXml: string): Map<string, XmlCell> {
  const out = new Map<string, XmlCell>();
  for (const m of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1];
    const body = m[2] ?? '';
    const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
    if (!ref) continue;
    const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1] ?? (/<f\b[^>]*\/>/.test(body) ? '' : undefined);
    const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
    out.set(ref, {
      ref,
      type: /\bt="([^"]+)"/.exec(attrs)?.[1],
      formula: formula === undefined ? undefined : unescapeXml(formula),
      value: value === undefined ? undefined : unescapeXml(value),
    });
  }
  return out;
}

/** The shared strings table, in order, so a cell of type "s" can be read as its text. */
export function sharedStrings(data: Buffer): string[] {
  const xml = unzipText(data).get('xl/sharedStrings.xml') ?? '';
  const out: string[] = [];
  for (const si of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    let text = '';
    for (const t of si[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)) text += unescapeXml(t[1]);
    out.push(text);
  }
  return out;
}

/** A valid zip archive (stored, no compression) of the given files, in the given order. */
export function zipStored(files: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_FILE_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_FILE_HEADER, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, content);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + content.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
