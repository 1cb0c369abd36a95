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
  /** The compressed bytes, a view into the input. */
  data: Uint8Array;
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

/** Reads the central directory: the entries in their order in the file. Throws ZipError for a broken archive. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  let end = -1;
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip archive (no end-of-archive record)');
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirStart = u32(bytes, end + 16);
  if (count === 0xffff || dirStart === 0xffffffff) throw new ZipError('a zip64 archive (over 4 GiB or 65,535 parts), which is not supported');
  if (dirStart + dirSize > bytes.length) throw new ZipError('truncated: the part list points past the end of the file');
  const entries: ZipEntry[] = [];
  let p = dirStart;
  for (let n = 0; n < count; n++) {
    if (u32(bytes, p) !== CENTRAL) throw new ZipError('damaged part list');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    if (flags & 1) throw new ZipError(`the part ${name} is encrypted`);
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) throw new ZipError(`damaged: the part ${name} is not where the part list says`);
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + compressedSize > bytes.length) throw new ZipError(`truncated: the part ${name} runs past the end of the file`);
    entries.push({ name, method, crc, compressedSize, size, time, date, flags, data: bytes.subarray(dataStart, dataStart + compressedSize) });
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
export function writeZipChunks(parts: readonly ZipPart[], codec: Codec): Uint8Array[] {
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
  return concatBytes(assembleChunks(entries));
}

/**
 * The archive as the pieces of its file in order: each part's header, then its compressed bytes as a view of
 * where they already are (the input file, for a part copied), then the part list. Written one after another,
 * they are the file; nothing of an untouched part is copied in memory.
 */
function assembleChunks(entries: readonly ZipEntry[]): Uint8Array[] {
  const names = entries.map((e) => (e.flags & 0x800 ? encoder.encode(e.name) : latin1Bytes(e.name)));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i].length + e.data.length + 46 + names[i].length));
  if (entries.length > 0xffff || total > 0xffffffff) throw new ZipError('the workbook would be over 4 GiB or 65,535 parts, which is not supported');
  const chunks: Uint8Array[] = [];
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
    chunks.push(out, e.data);
    offset += out.length + e.data.length;
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
  if (e.method === 0) return utf8.decode(e.data.subarray(0, bytes * 8));
  if (e.data.length <= bytes) return partText(e, codec);
  // A cut UTF-8 sequence at the very end decodes to a replacement character, which nothing reads.
  return utf8.decode(codec.inflateStart(e.data.subarray(0, bytes)));
}

/** Decodes a part's text. */
export function partText(e: ZipEntry, codec: Codec): string {
  return utf8.decode(entryBytes(e, codec));
}

export function textBytes(text: string): Uint8Array {
  return encoder.encode(text);
}
