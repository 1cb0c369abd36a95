/**
 * Which files a rate command reads and writes, checked before anything is rated: a folder becomes its
 * workbooks, each input gets its output (and report) name, and no output may clobber what it must not (the
 * report over the input, two workbooks over one output, a read-only file, a folder that cannot be written).
 */
import { constants, promises as fs } from 'fs';
import type { Stats } from 'fs';
import * as path from 'path';
import { InputError, UsageError } from './cliErrors';
import type { RateArgs } from './cliArgs';

/** One workbook's run: what is read and what is written. */
export interface RateJob {
  input: string;
  output: string;
  report?: string;
}

/** Excel's lock file for an open workbook, "~$name.xlsx": a few bytes, never a workbook. */
function isLockFile(name: string): boolean {
  return name.startsWith('~$');
}

/** A stat or its error, told apart by shape: errors from fs need not be instances of this realm's Error. */
async function stat(file: string): Promise<{ stats: Stats } | { error: NodeJS.ErrnoException }> {
  return fs.stat(file).then(
    (stats) => ({ stats }),
    (error: NodeJS.ErrnoException) => ({ error }),
  );
}

async function statOrNull(file: string): Promise<Stats | null> {
  return fs.stat(file).catch(() => null);
}

/** Two names for one file: the same path, or (for files that exist) a link, a symlink or another case of it. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [x, y] = await Promise.all([statOrNull(a), statOrNull(b)]);
  return Boolean(x && y && x.dev === y.dev && x.ino === y.ino);
}

async function writable(file: string, mode: number): Promise<boolean> {
  return fs.access(file, mode).then(
    () => true,
    () => false,
  );
}

/**
 * Why `target` cannot be written, or null. The write bits are read as well as access(): a file someone made
 * read-only is meant to stay as it is, even for an administrator whom the system would let replace it.
 */
export async function writeProblem(target: string): Promise<string | null> {
  const existing = await stat(target);
  if ('error' in existing && existing.error.code !== 'ENOENT' && existing.error.code !== 'ENOTDIR') {
    return `cannot write ${target}: ${existing.error.message}`;
  }
  if ('stats' in existing) {
    if (existing.stats.isDirectory()) return `cannot write ${target}: it is a folder`;
    if ((existing.stats.mode & 0o222) === 0 || !(await writable(target, constants.W_OK))) return `cannot write ${target}: the file is read-only`;
  }
  const dir = path.dirname(path.resolve(target));
  const folder = await stat(dir);
  if ('error' in folder) {
    const { code, message } = folder.error;
    if (code === 'ENOENT') return `cannot write ${target}: the folder does not exist`;
    if (code === 'ENOTDIR') return `cannot write ${target}: part of the path is a file, not a folder`;
    return `cannot write ${target}: ${message}`;
  }
  if (!folder.stats.isDirectory()) return `cannot write ${target}: part of the path is a file, not a folder`;
  // The temporary file is made in the target's folder, so the folder must take new files even to replace one.
  if ((folder.stats.mode & 0o222) === 0 || !(await writable(dir, constants.W_OK | constants.X_OK))) {
    return `cannot write ${target}: the folder ${dir} is read-only`;
  }
  return null;
}

/** Refuses the first target that cannot be written, naming it. */
export async function checkWritable(targets: readonly string[]): Promise<void> {
  for (const t of targets) {
    const problem = await writeProblem(t);
    if (problem) throw new InputError(problem, {});
  }
}

/** The one job of `rate in -o out [--report r]`, its paths checked. */
export async function planSingle(args: RateArgs): Promise<RateJob> {
  const input = args.inputs[0];
  const output = args.output as string;
  const { report } = args;
  if ((await statOrNull(input))?.isDirectory()) throw new UsageError(`${input} is a folder: rate a folder with --out-dir <folder>`);
  if (report !== undefined) {
    if (await sameFile(report, output)) throw new UsageError('--report must be a different file from the output workbook');
    if (await sameFile(report, input)) throw new UsageError(`--report names the input workbook ${input}: the report would overwrite it`);
  }
  await checkWritable(report === undefined ? [output] : [output, report]);
  return { input, output, report };
}

/** Every .xlsx directly in `folder`, in name order. Not recursive: a subfolder is often last year's copies. */
async function workbooksIn(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith('.xlsx') && !isLockFile(e.name))
    .map((e) => path.join(folder, e.name))
    .sort();
}

function withoutExtension(name: string): string {
  return name.replace(/\.xlsx$/i, '');
}

/**
 * The jobs of `rate a.xlsx folder … --out-dir DIR [--reports]`: DIR/<name>.xlsx and DIR/<name>.report.json.
 * Refuses a run in which two inputs would be written to one output, whatever the case, since on Windows and
 * macOS A.xlsx and a.xlsx are one file: the second would silently replace the first.
 */
export async function planFolder(args: RateArgs): Promise<RateJob[]> {
  const outDir = args.outDir as string;
  const dirStat = await statOrNull(outDir);
  if (!dirStat) throw new InputError('the folder does not exist (create it first)', { file: `--out-dir ${outDir}` });
  if (!dirStat.isDirectory()) throw new InputError('not a folder', { file: `--out-dir ${outDir}` });
  const inputs: string[] = [];
  for (const given of args.inputs) {
    if (!(await statOrNull(given))?.isDirectory()) {
      inputs.push(given);
      continue;
    }
    const found = await workbooksIn(given);
    if (found.length === 0) throw new InputError('the folder holds no .xlsx workbooks', { file: given });
    inputs.push(...found);
  }
  const byOutput = new Map<string, string>();
  const jobs: RateJob[] = [];
  for (const input of inputs) {
    const name = path.basename(input);
    const output = path.join(outDir, name);
    const key = output.toLowerCase();
    const earlier = byOutput.get(key);
    if (earlier !== undefined) throw new UsageError(`${earlier} and ${input} would both be written to ${output}: rate them into different folders`);
    byOutput.set(key, input);
    jobs.push({ input, output, report: args.reports ? path.join(outDir, `${withoutExtension(name)}.report.json`) : undefined });
  }
  return jobs;
}
