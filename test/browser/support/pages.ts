/**
 * The production build of the pages for the browser tests, made once per change of the sources: the
 * build is kept under test-output/ keyed by a hash of everything that goes into it, so a second test file
 * (or a second run) reuses it, and two test workers never build at once.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { buildPages } from '../../../scripts/buildPages';

const ROOT = path.resolve(__dirname, '../../..');
const BUILDS = path.join(ROOT, 'test-output', 'browser-build');
const INPUTS = ['src', 'test/browser/harness', 'test/excel/support', 'webpack.config.js', 'webpack.csp.js', 'package-lock.json'];
/** A build that takes longer than this has died: its lock is taken over. */
const STALE_LOCK_MS = 10 * 60 * 1000;

function filesUnder(p: string): string[] {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((name) => filesUnder(path.join(p, name)));
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((i) => filesUnder(path.join(ROOT, i)))) {
    hash.update(path.relative(ROOT, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The folder holding the production build (with the task pane test page), built if the sources changed. */
export async function builtPages(): Promise<string> {
  const key = sourceHash();
  const done = path.join(BUILDS, key);
  const lock = path.join(BUILDS, `${key}.lock`);
  fs.mkdirSync(BUILDS, { recursive: true });
  for (;;) {
    if (fs.existsSync(path.join(done, 'workbench.html'))) return done;
    try {
      fs.mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
      continue;
    }
    try {
      const temp = path.join(BUILDS, `${key}.tmp-${process.pid}`);
      await buildPages({ outputPath: temp, harness: true });
      fs.rmSync(done, { recursive: true, force: true });
      fs.renameSync(temp, done);
      // Older builds are of sources that no longer exist.
      for (const name of fs.readdirSync(BUILDS)) if (name !== key && name !== `${key}.lock`) fs.rmSync(path.join(BUILDS, name), { recursive: true, force: true });
      return done;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}
