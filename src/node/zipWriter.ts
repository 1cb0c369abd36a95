/**
 * A small zip writer on Node's own zlib, for the workbooks the command line writes. ExcelJS packs its output
 * with JSZip, whose deflate is JavaScript on the main thread: for a 100,000-row scorecard that is about six
 * of the sixteen seconds a write takes. Here each part is compressed by zlib in libuv's thread pool while
 * ExcelJS renders the next part, and the parts go to the file one by one instead of being gathered into one
 * buffer first.
 *
 * Plain zip only (no zip64): a part or archive past 4 GiB, or more than 65,535 parts, is refused with a
 * message rather than written wrong. Workbooks that large do not open in Excel anyway.
 */
import { promises as fs } from 'fs';
import type { FileHandle } from 'fs/promises';
import { promisify } from 'util';
import * as zlib from 'zlib';

const deflateRaw = promisify(zlib.deflateRaw);

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20;
const UTF8_NAMES = 0x0800;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** Below this, deflate's header costs more than it saves and a thread-pool hop costs more than it takes. */
const STORE_BELOW = 64;

/** CRC-32 as zip needs it: zlib's own where Node has it (20.15 and later), else a table in JavaScript. */
export const crc32: (data: Buffer) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data) => (zlib as unknown as { crc32(d: Buffer): number }).crc32(data)
    : tableCrc32;

let crcTable: Uint32Array | undefined;

export function tableCrc32(data: Buffer): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A date as the two 16-bit MS-DOS fields zip stores (local time, two-second steps, from 1980). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** One part, compressed and ready to go into the file. */
interface PackedEntry {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

interface WrittenEntry extends Omit<PackedEntry, 'data'> {
  compressedSize: number;
  offset: number;
}

export class ZipTooLargeError extends Error {}

async function pack(name: string, content: string | Buffer, level: number): Promise<PackedEntry> {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const nameBytes = Buffer.from(name, 'utf8');
  if (raw.length > MAX_32) throw new ZipTooLargeError(`the part ${name} is larger than 4 GiB, which a plain zip cannot hold`);
  const crc = crc32(raw);
  if (raw.length < STORE_BELOW) return { name: nameBytes, method: METHOD_STORE, crc, size: raw.length, data: raw };
  const data = await deflateRaw(raw, { level });
  return { name: nameBytes, method: METHOD_DEFLATE, crc, size: raw.length, data };
}

/**
 * Writes a zip archive to an open file. `add` starts compressing at once and returns; parts reach the file
 * in the order they were added; `finish` waits for every part and writes the central directory.
 */
export class ZipWriter {
  private readonly written: WrittenEntry[] = [];
  private readonly level: number;
  private readonly stamp: { time: number; date: number };
  private offset = 0;
  /** Parts added so far: they reach `written` only once compressed, so the limit is checked on this. */
  private added = 0;
  /** The chain of writes: each part is written after the one before it, whatever order they compress in. */
  private tail: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly file: FileHandle,
    options: { level?: number; date?: Date } = {},
  ) {
    this.level = options.level ?? zlib.constants.Z_DEFAULT_COMPRESSION;
    this.stamp = dosDateTime(options.date ?? new Date());
  }

  add(name: string, content: string | Buffer): void {
    if (++this.added > MAX_ENTRIES) throw new ZipTooLargeError('more than 65,535 parts, which a plain zip cannot hold');
    const packed = pack(name, content, this.level);
    // A rejection is kept and rethrown by finish(); marking it handled here keeps Node from reporting it early.
    packed.catch((e: unknown) => {
      this.failure ??= e;
    });
    this.tail = this.tail.then(async () => {
      if (this.failure) return;
      await this.writeEntry(await packed);
    });
  }

  /** Waits for every part, then writes the central directory and the end record. */
  async finish(): Promise<void> {
    await this.settle();
    if (this.failure) throw this.failure;
    const start = this.offset;
    const central = Buffer.concat(this.written.map((e) => this.centralHeader(e)));
    await this.write(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }

  /**
   * Stops after a failure elsewhere: parts not yet in the file are dropped, and the part being written is
   * waited for, so the file can be closed under no pending write.
   */
  async abort(reason: unknown): Promise<void> {
    this.failure ??= reason;
    await this.settle();
  }

  private async settle(): Promise<void> {
    await this.tail.catch((e: unknown) => {
      this.failure ??= e;
    });
  }

  private async writeEntry(entry: PackedEntry): Promise<void> {
    if (this.offset + 30 + entry.name.length + entry.data.length > MAX_32) {
      throw new ZipTooLargeError('the workbook would be larger than 4 GiB, which a plain zip cannot hold');
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    this.describe(header, 4, { ...entry, compressedSize: entry.data.length });
    // Extra field length: zero.
    const offset = this.offset;
    await this.write(Buffer.concat([header, entry.name]));
    await this.write(entry.data);
    this.written.push({ name: entry.name, method: entry.method, crc: entry.crc, size: entry.size, compressedSize: entry.data.length, offset });
  }

  private centralHeader(e: WrittenEntry): Buffer {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(CENTRAL_HEADER, 0);
    h.writeUInt16LE(VERSION, 4);
    this.describe(h, 6, e);
    // Extra field, comment, disk number, internal and external attributes: all zero.
    h.writeUInt32LE(e.offset, 42);
    return Buffer.concat([h, e.name]);
  }

  /**
   * The fields the local and central headers share, in the same order in both: version needed, flags,
   * method, time, date, CRC, compressed size, size, name length.
   */
  private describe(h: Buffer, at: number, e: Omit<WrittenEntry, 'offset'>): void {
    h.writeUInt16LE(VERSION, at);
    h.writeUInt16LE(UTF8_NAMES, at + 2);
    h.writeUInt16LE(e.method, at + 4);
    h.writeUInt16LE(this.stamp.time, at + 6);
    h.writeUInt16LE(this.stamp.date, at + 8);
    h.writeUInt32LE(e.crc, at + 10);
    h.writeUInt32LE(e.compressedSize, at + 14);
    h.writeUInt32LE(e.size, at + 18);
    h.writeUInt16LE(e.name.length, at + 22);
  }

  private async write(data: Buffer): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.file.write(data, done, data.length - done);
      done += bytesWritten;
    }
    this.offset += data.length;
  }
}

/** Opens `file` for writing, lets `fill` add the parts, and finishes the archive; the file is closed either way. */
export async function writeZipFile(file: string, fill: (zip: ZipWriter) => Promise<void>, options?: { level?: number; date?: Date }): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    const zip = new ZipWriter(handle, options);
    try {
      await fill(zip);
    } catch (e) {
      await zip.abort(e);
      throw e;
    }
    await zip.finish();
  } finally {
    await handle.close();
  }
}
