/**
 * The zip container of an .xlsx, read and written so that every part the tool does not change is copied
 * byte for byte, still compressed as it came: no part is inflated unless someone asks for its text, and
 * none is ever recompressed. Pure: the compressor is handed in (Node's zlib on the command line, fflate in
 * the browser), so the same module serves both.
 */
import { concatBytes } from './concatBytes';


/** Raw deflate both ways, as the host provides it. */
export interface Codec {
  inflate(data: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
  /** As much as `data`, the start of a deflate stream cut anywhere, inflates to. */
  inflateStart(data: Uint8Array): Uint8Array;
  /** Deflate off the page's thread, where the host has it (the browser's CompressionStream). */
  deflateAsync?(data: Uint8Array): Promise<Uint8Array>;
  /** A native CRC-32, where the host has one: a 100 MB sheet takes 200 ms in JavaScript. `seed` is the CRC so far. */
  crc32?(data: Uint8Array, seed?: number): number;
  /**
   * A deflater fed a large part a chunk at a time, where the host has a fast one (Node's zlib): the part is
   * compressed while it is made and its whole text never sits in memory. `final` ends the stream.
   */
  deflater?(): { push(data: Uint8Array, final: boolean): Uint8Array };
}

/** A part compressed as it was made (partSink.ts): its deflate stream, and the CRC and size of its bytes. */
export interface DeflatedPart {
  data: Uint8Array;
  crc: number;
  size: number;
}

/**
 * Random access to an archive's bytes. On the command line it is the file itself, so a large part that is only
 * copied is never held in memory: its bytes go from the input file to the output file a piece at a time.
 */
export interface ByteSource {
  readonly size: number;
  /** `length` bytes from `offset`; fewer only past the end. */
  read(offset: number, length: number): Uint8Array;
  /**
   * The same into `into` (as many bytes as it holds), returning the part of it filled: a copy of a large part
   * then reuses one buffer instead of leaving a new one behind for each piece.
   */
  readInto?(offset: number, into: Uint8Array): Uint8Array;
}

/** Bytes in memory as a source: reads are views, not copies. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

/** Where a copied part's compressed bytes lie in the input, to be read when the output is written. */
export interface SourceRange {
  source: ByteSource;
  offset: number;
  length: number;
}

/** One entry of the archive as it sits in the file. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date words, kept so copied parts keep their dates. */
  time: number;
  date: number;
  /** General purpose flags (bit 11: the name is UTF-8). */
  flags: number;
  /** The compressed bytes: a view into the input, or read from it when asked for (see `at`). */
  data: Uint8Array;
  /** Set when the input is a source read on demand: where `data` lies, so a copy can be streamed from there. */
  at?: SourceRange;
}

/** A piece of an archive's file: bytes, or a range of the input to be copied from where it lies. */
export type FileChunk = Uint8Array | SourceRange;

/** A chunk's bytes, read from the input when it is a range of it. */
export function chunkBytes(c: FileChunk): Uint8Array {
  return c instanceof Uint8Array ? c : c.source.read(c.offset, c.length);
}

/** A part to write: an entry copied as it was, new bytes to compress, or a part already compressed. */
export type ZipPart = { copy: ZipEntry } | { name: string; bytes: Uint8Array } | { name: string; deflated: DeflatedPart };

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** An entry whose compressed bytes are read from the source each time they are asked for, and never kept. */
function entryAt(fields: Omit<ZipEntry, 'data' | 'at'>, at: SourceRange): ZipEntry {
  const entry = { ...fields, at } as ZipEntry;
  Object.defineProperty(entry, 'data', { enumerable: true, get: () => at.source.read(at.offset, at.length) });
  return entry;
}

/**
 * Reads the central directory: the entries in their order in the file. Throws ZipError for a broken archive.
 * From bytes in memory the entries' data are views into them; from a source, only the end record, the part
 * list and each part's local header are read now, and a part's data when it is asked for.
 */
export function readZip(input: Uint8Array | ByteSource): ZipEntry[] {
  const inMemory = input instanceof Uint8Array;
  const source = inMemory ? bytesSource(input) : input;
  const total = source.size;
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  const tailStart = Math.max(0, total - 22 - 65535);
  const tail = source.read(tailStart, total - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip archive (no end-of-archive record)');
  const count = u16(tail, end + 10);
  const dirSize = u32(tail, end + 12);
  const dirStart = u32(tail, end + 16);
  if (count === 0xffff || dirStart === 0xffffffff) throw new ZipError('a zip64 archive (over 4 GiB or 65,535 parts), which is not supported');
  if (dirStart + dirSize > total) throw new ZipError('truncated: the part list points past the end of the file');
  const dir = source.read(dirStart, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || u32(dir, p) !== CENTRAL) throw new ZipError('damaged part list');
    const flags = u16(dir, p + 8);
    const method = u16(dir, p + 10);
    const time = u16(dir, p + 12);
    const date = u16(dir, p + 14);
    const crc = u32(dir, p + 16);
    const compressedSize = u32(dir, p + 20);
    const size = u32(dir, p + 24);
    const nameLen = u16(dir, p + 28);
    const extraLen = u16(dir, p + 30);
    const commentLen = u16(dir, p + 32);
    const local = u32(dir, p + 42);
    const nameBytes = dir.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    if (flags & 1) throw new ZipError(`the part ${name} is encrypted`);
    const header = local + 30 <= total ? source.read(local, 30) : new Uint8Array(0);
    if (header.length < 30 || u32(header, 0) !== LOCAL) throw new ZipError(`damaged: the part ${name} is not where the part list says`);
    const dataStart = local + 30 + u16(header, 26) + u16(header, 28);
    if (dataStart + compressedSize > total) throw new ZipError(`truncated: the part ${name} runs past the end of the file`);
    const fields = { name, method, crc, compressedSize, size, time, date, flags };
    entries.push(
      inMemory ? { ...fields, data: input.subarray(dataStart, dataStart + compressedSize) } : entryAt(fields, { source, offset: dataStart, length: compressedSize }),
    );
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's uncompressed bytes. */
export function entryBytes(e: ZipEntry, codec: Codec): Uint8Array {
  if (e.method === 0) return e.data;
  if (e.method !== 8) throw new ZipError(`the part ${e.name} uses compression method ${e.method}, which is not supported`);
  return codec.inflate(e.data, e.size);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of bytes, as zip stores it; `seed` is the CRC of the bytes before these. */
export function crc32(data: Uint8Array, seed = 0): number {
  let c = (seed ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const encoder = new TextEncoder();

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Parts below this size are stored: deflate gains nothing on them. */
const STORE_BELOW = 64;

/** A new part as an entry: compressed unless it is too small to gain. */
function newEntry(name: string, bytes: Uint8Array, deflated: Uint8Array | null, now: { time: number; date: number }, codec: Codec): ZipEntry {
  const data = deflated ?? bytes;
  return entryOf(name, { data, crc: codec.crc32 ? codec.crc32(bytes) : crc32(bytes), size: bytes.length }, deflated ? 8 : 0, now);
}

function entryOf(name: string, part: DeflatedPart, method: number, now: { time: number; date: number }): ZipEntry {
  const nonAscii = /[^\x20-\x7e]/.test(name);
  return { name, method, crc: part.crc, compressedSize: part.data.length, size: part.size, time: now.time, date: now.date, flags: nonAscii ? 0x800 : 0, data: part.data };
}

/** A part as its entry, given how to compress new bytes. */
function partEntry(p: ZipPart, now: { time: number; date: number }, codec: Codec, deflate: (bytes: Uint8Array) => Uint8Array): ZipEntry {
  if ('copy' in p) return p.copy;
  if ('deflated' in p) return entryOf(p.name, p.deflated, 8, now);
  return newEntry(p.name, p.bytes, p.bytes.length >= STORE_BELOW ? deflate(p.bytes) : null, now, codec);
}

/**
 * Writes an archive: copied entries keep their compressed bytes, method, CRC and dates; new parts are
 * deflated. Returns the file's bytes in one array.
 */
export function writeZip(parts: readonly ZipPart[], codec: Codec): Uint8Array {
  const now = dosNow();
  return assemble(parts.map((p) => partEntry(p, now, codec, (b) => codec.deflate(b))));
}

/** The same archive as the pieces of its file, to be written one after another (assembleChunks says why). */
export function writeZipChunks(parts: readonly ZipPart[], codec: Codec): FileChunk[] {
  const now = dosNow();
  return assembleChunks(parts.map((p) => partEntry(p, now, codec, (b) => codec.deflate(b))));
}

/** The same, with the new parts compressed by the host's asynchronous deflate where it has one. */
export async function writeZipAsync(parts: readonly ZipPart[], codec: Codec): Promise<Uint8Array> {
  const now = dosNow();
  const deflate = codec.deflateAsync ? (b: Uint8Array) => (codec.deflateAsync as (d: Uint8Array) => Promise<Uint8Array>)(b) : async (b: Uint8Array) => codec.deflate(b);
  const entries = await Promise.all(
    parts.map(async (p) => ('bytes' in p && p.bytes.length >= STORE_BELOW ? newEntry(p.name, p.bytes, await deflate(p.bytes), now, codec) : partEntry(p, now, codec, (b) => codec.deflate(b)))),
  );
  return assemble(entries);
}

/** The archive's bytes in one array. */
function assemble(entries: readonly ZipEntry[]): Uint8Array {
  return concatBytes(assembleChunks(entries).map(chunkBytes));
}

/**
 * The archive as the pieces of its file in order: each part's header, then its compressed bytes as a view of
 * where they already are (the input, for a part copied: in memory, or a range of the file), then the part list. Written one after another,
 * they are the file; nothing of an untouched part is copied in memory.
 */
function assembleChunks(entries: readonly ZipEntry[]): FileChunk[] {
  const names = entries.map((e) => (e.flags & 0x800 ? encoder.encode(e.name) : latin1Bytes(e.name)));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i].length + e.compressedSize + 46 + names[i].length));
  if (entries.length > 0xffff || total > 0xffffffff) throw new ZipError('the workbook would be over 4 GiB or 65,535 parts, which is not supported');
  const chunks: FileChunk[] = [];
  const offsets: number[] = [];
  let offset = 0;
  let out = new Uint8Array(0);
  let p = 0;
  const put16 = (v: number) => {
    out[p++] = v & 0xff;
    out[p++] = (v >>> 8) & 0xff;
  };
  const put32 = (v: number) => {
    put16(v & 0xffff);
    put16((v >>> 16) & 0xffff);
  };
  // Data descriptors are never written: sizes and CRC go in the headers, so bit 3 is cleared.
  const common = (e: ZipEntry, name: Uint8Array) => {
    put16(20);
    put16(e.flags & 0x800);
    put16(e.method);
    put16(e.time);
    put16(e.date);
    put32(e.crc);
    put32(e.compressedSize);
    put32(e.size);
    put16(name.length);
  };
  entries.forEach((e, i) => {
    offsets.push(offset);
    out = new Uint8Array(30 + names[i].length);
    p = 0;
    put32(LOCAL);
    common(e, names[i]);
    put16(0);
    out.set(names[i], p);
    // A part read from a source is copied from there when the file is written, never held here.
    chunks.push(out, e.at ?? e.data);
    offset += out.length + e.compressedSize;
  });
  const dirStart = offset;
  out = new Uint8Array(total - dirStart);
  p = 0;
  entries.forEach((e, i) => {
    put32(CENTRAL);
    put16(20);
    common(e, names[i]);
    put16(0); // extra
    put16(0); // comment
    put16(0); // disk
    put16(0); // internal attributes
    put32(0); // external attributes
    put32(offsets[i]);
    out.set(names[i], p);
    p += names[i].length;
  });
  const dirSize = p;
  put32(EOCD);
  put16(0);
  put16(0);
  put16(entries.length);
  put16(entries.length);
  put32(dirSize);
  put32(dirStart);
  put16(0);
  chunks.push(out);
  return chunks;
}

function latin1Bytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

/**
 * The first part of an entry's text, at least `bytes` of compressed data's worth: enough to look at the top
 * of a large sheet without inflating the whole of it.
 */
export function partTextStart(e: ZipEntry, codec: Codec, bytes: number): string {
  const start = (n: number): Uint8Array => (e.at ? e.at.source.read(e.at.offset, Math.min(n, e.at.length)) : e.data.subarray(0, n));
  if (e.method === 0) return utf8.decode(start(bytes * 8));
  if (e.compressedSize <= bytes) return partText(e, codec);
  // A cut UTF-8 sequence at the very end decodes to a replacement character, which nothing reads.
  return utf8.decode(codec.inflateStart(start(bytes)));
}

/** Decodes a part's text. */
export function partText(e: ZipEntry, codec: Codec): string {
  return utf8.decode(entryBytes(e, codec));
}

export function textBytes(text: string): Uint8Array {
  return encoder.encode(text);
}
