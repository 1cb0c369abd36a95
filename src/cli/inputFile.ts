/**
 * The input workbook as a file read where it is needed, not as one buffer: the part list, the parts the
 * rating reads, and at the end the untouched parts, a piece at a time, straight into the output. A workbook
 * with a large sheet the rating never reads (a million-row data sheet) then costs no more memory than one
 * without it. The file must not be changed in place while a run reads it; Excel and LibreOffice save by
 * writing a new file, which leaves the one open here as it was.
 */
import { closeSync, fstatSync, openSync, readSync } from 'fs';
import type { FileHandle } from 'fs/promises';
import type { ByteSource, FileChunk } from '../xlsx/zip';
import { InputError } from './cliErrors';

export interface InputFile {
  source: ByteSource;
  close(): void;
}

function readReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a workbook' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
}

/** Opens the input for reading. Throws InputError saying why it cannot be read. */
export function openInput(file: string): InputFile {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new InputError(readReason(e), {});
  }
  let size: number;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    size = stat.size;
  } catch (e) {
    closeSync(fd);
    throw new InputError(readReason(e), {});
  }
  let open = true;
  const readInto = (offset: number, out: Uint8Array): Uint8Array => {
    const n = Math.max(0, Math.min(out.length, size - offset));
    let got = 0;
    try {
      while (got < n) {
        const r = readSync(fd, out, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
    } catch (e) {
      throw new InputError(`cannot read the file: ${readReason(e)}`, {});
    }
    // Shorter than the file said: it was cut while being read.
    if (got < n) throw new InputError('the file changed while it was being read: run again once it is saved', {});
    return out.subarray(0, n);
  };
  const source: ByteSource = {
    size,
    read: (offset, length) => readInto(offset, Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)))),
    readInto,
  };
  return {
    source,
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** A range copied in pieces of this size: the untouched part is never held whole. */
const COPY_PIECE = 1 << 20;

/**
 * Writes an archive's chunks to an open file, copying ranges of the input a piece at a time through one
 * buffer: each write is awaited before the buffer is filled again.
 */
export async function writeChunks(out: FileHandle, chunks: readonly FileChunk[]): Promise<void> {
  let piece: Uint8Array | undefined;
  for (const c of chunks) {
    if (c instanceof Uint8Array) {
      await out.write(c);
      continue;
    }
    for (let at = 0; at < c.length; at += COPY_PIECE) {
      const n = Math.min(COPY_PIECE, c.length - at);
      if (c.source.readInto) {
        piece ??= new Uint8Array(COPY_PIECE);
        await out.write(c.source.readInto(c.offset + at, piece.subarray(0, n)));
      } else {
        await out.write(c.source.read(c.offset + at, n));
      }
    }
  }
}
