/**
 * The write transaction of the command line: every file is written beside its target first and renamed into
 * place only when all are complete, so a failed or interrupted run leaves neither a half-written workbook
 * nor a report without its workbook, and a file they replace (the input itself when -o names it) is put back.
 */
import { randomBytes } from 'crypto';
import { copyFileSync, linkSync, promises as fs, renameSync } from 'fs';
import * as path from 'path';
import { InputError } from './cliErrors';
import { onInterrupt, removeNow, removeQuietly } from './interruptCleanup';

export interface PendingFile {
  target: string;
  write: (temp: string) => Promise<void>;
}

/** A hidden name beside the target, so the rename into place stays on one file system and is atomic. */
export function sideName(target: string, what: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.${what}`);
}

/** True for the hidden side files this module makes; tests use it to look for leftovers. */
export function isSideFile(name: string): boolean {
  return /^\..+\.[0-9a-f]{8}\.(tmp|previous)$/.test(path.basename(name));
}

export function writeError(target: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  const reason =
    err.code === 'ENOENT'
      ? 'the folder does not exist'
      : err.code === 'EACCES' || err.code === 'EPERM'
        ? 'permission denied'
        : err.code === 'EISDIR'
          ? 'it is a folder'
          : err.code === 'ENOTDIR'
            ? 'part of the path is a file, not a folder'
            : err.code === 'ENOSPC'
              ? 'the disk is full'
              : err.message;
  return new InputError(`cannot write ${target}: ${reason}`, {});
}

/**
 * Keeps what a target holds now under a side name (a hard link: instant, no copy; a copy where the file
 * system has no links), so a failure after it is replaced can put it back. Null when there is no target yet.
 * Synchronous, as placing is: see writeAll.
 */
function keepPrevious(target: string): string | null {
  const side = sideName(target, 'previous');
  try {
    linkSync(target, side);
    return side;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
  }
  copyFileSync(target, side);
  return side;
}

/** The new file takes the old one's permissions, as saving over it in Excel would leave them. */
async function keepMode(temp: string, target: string): Promise<void> {
  const old = await fs.stat(target).catch(() => null);
  if (old) await fs.chmod(temp, old.mode & 0o777).catch(() => undefined);
}

/**
 * Writes every file beside its target, then places them all. Files are written in the order given and
 * placed in the reverse order: the last written (the workbook) goes in first. A target replaced before a
 * later one fails gets its previous content back. An interrupt at any point does the same, synchronously.
 */
export async function writeAll(files: PendingFile[]): Promise<void> {
  const temps = files.map((f) => sideName(f.target, 'tmp'));
  const previous: (string | null)[] = [];
  /** Indexes of the files already renamed into place, in the order placed. */
  const placed: number[] = [];
  /** Puts back what the placed files replaced; one that cannot be put back does not stop the others. */
  const undoPlaced = (): void => {
    for (const j of placed) {
      const old = previous[j];
      try {
        if (old) renameSync(old, files[j].target);
        else removeNow(files[j].target);
      } catch {
        // Nothing more can be done for this file; its side copy stays for the person to find.
        if (old) previous[j] = null;
      }
    }
    placed.length = 0;
  };
  const undoNow = (): void => {
    undoPlaced();
    for (const t of [...temps, ...previous]) if (t) removeNow(t);
  };
  const unregister = onInterrupt(undoNow);
  try {
    for (let i = 0; i < files.length; i++) {
      await files[i].write(temps[i]).catch((e) => {
        throw writeError(files[i].target, e);
      });
      await keepMode(temps[i], files[i].target);
    }
    // Keeping the previous files and placing the new ones is synchronous on purpose: links and renames are
    // instant, and an interrupt (handled between event-loop turns) then comes before this step or after it,
    // never while a rename is in flight whose outcome the undo could not know.
    for (const f of files) {
      try {
        previous.push(keepPrevious(f.target));
      } catch (e) {
        throw writeError(f.target, e);
      }
    }
    for (let i = files.length - 1; i >= 0; i--) {
      try {
        renameSync(temps[i], files[i].target);
        placed.push(i);
      } catch (e) {
        undoPlaced();
        throw writeError(files[i].target, e);
      }
    }
    placed.length = 0;
  } finally {
    unregister();
    for (const t of [...temps, ...previous]) if (t) await removeQuietly(t);
  }
}
