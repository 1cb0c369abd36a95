/**
 * Undo work in progress when the process is interrupted (Ctrl+C, or SIGTERM from a service manager): a
 * signal ends Node without running `finally` blocks, so temporary files would otherwise stay beside the
 * user's workbook. Cleanups are synchronous because nothing asynchronous runs once the handler returns.
 */
import { promises as fs, rmSync } from 'fs';

type Cleanup = () => void;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const cleanups = new Set<Cleanup>();

function onSignal(signal: NodeJS.Signals): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // One failed cleanup must not keep the others from running.
    }
  }
  cleanups.clear();
  uninstall();
  // Raised again with no handler left, so the process ends as the signal asked and its parent sees which.
  process.kill(process.pid, signal);
}

function install(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
}

/**
 * Runs `cleanup` if the process is interrupted before the returned function is called. The handlers are
 * only installed while a cleanup is registered: otherwise Ctrl+C keeps its default, immediate effect.
 */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (cleanups.size === 0) install();
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0) uninstall();
  };
}

/** How many cleanups are registered: lets tests check that a run leaves none behind. */
export function pendingCleanups(): number {
  return cleanups.size;
}

/** Removes a file, ignoring one that is not there. */
export function removeNow(file: string): void {
  rmSync(file, { force: true });
}

export async function removeQuietly(file: string): Promise<void> {
  await fs.rm(file, { force: true }).catch(() => undefined);
}
