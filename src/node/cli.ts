/**
 * The `scorecard` command line: rate a workbook, run the demo, list the rules. `main` takes its arguments
 * and output writers and returns the exit code, so tests run it in-process.
 */
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Workbook } from 'exceljs';
import { applyRuleText, defaultRules, RULE_FIELDS } from '../engine/rules';
import type { RatingRules } from '../engine/rules';
import type { StatusTable, Summary } from '../engine/summarise';
import { DOT_KEYS, DOT_LABELS, STATUS_KEYS, STATUS_LABELS } from '../engine/types';
import { ownedSheet, userSheets } from '../scorecard/ownedIdentity';
import { buildOwnedSheets, readRulesSheet, ruleHelp } from '../scorecard/ownedSheets';
import { rateWorkbook, toReport } from '../scorecard/rateWorkbook';
import { ScorecardError } from '../scorecard/types';
import type { Location, RedFlag, Report, Warning } from '../scorecard/types';
import type { SheetGrid } from '../workbook/grid';
import { applyRating } from './applyRating';
import { writeXlsxFile } from './writeXlsx';
import { readWorkbookFile } from './readWorkbookFile';
import { writeReportFile } from './reportFile';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** Exit codes: 1 for input the command cannot use, 2 for a command line it does not understand. */
const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;
const EXIT_USAGE = 2;

/** A command line the tool does not understand. */
class UsageError extends Error {}

const USAGE = `Usage:
  scorecard rate <in.xlsx> -o <out.xlsx> [--report <report.json>] [--sheet NAME] [--rule key=value ...]
  scorecard demo
  scorecard rules
  scorecard --help

Commands:
  rate    Rate every measure of the scorecard in <in.xlsx>: write each row's overall status, direction of
          travel and explanation, and the Summary, Red flags and Scorecard rules sheets, into <out.xlsx>.
  demo    Rate the sample scorecard shipped with the package into a temporary folder and print the summary.
  rules   List every rating rule with its default and what it does.

Options for rate:
  -o, --output <file>    Where to write the rated workbook (required; it may be <in.xlsx> itself).
  --report <file>        Also write a JSON report: one entry per rated row, the summary and the red flags.
  --sheet <name>         Rate only this sheet (otherwise every sheet that holds a scorecard).
  --rule <key=value>     Set a rating rule for this run, over the workbook's own Scorecard rules sheet.
                         Repeat for more rules; see "scorecard rules".
  -h, --help             Show this help.
`;

interface RateArgs {
  input: string;
  output: string;
  report?: string;
  sheet?: string;
  rules: Partial<RatingRules>;
}

/** Reads "--flag value" and "--flag=value" alike. */
function takeValue(argv: string[], i: number, flag: string, inline: string | undefined): [string, number] {
  if (inline !== undefined) return [inline, i];
  const v = argv[i + 1];
  if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${flag} needs a value`);
  return [v, i + 1];
}

/** Checks each --rule against RULE_FIELDS now, so a typo fails before any file is read. */
function parseRuleFlag(text: string): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--rule "${text}" must look like key=value (see scorecard rules)`);
  const key = text.slice(0, eq).trim();
  const scratch = defaultRules();
  const error = applyRuleText(scratch, key, text.slice(eq + 1));
  if (error) throw new UsageError(`--rule ${error}`);
  return [key, (scratch as unknown as Record<string, unknown>)[key]];
}

function parseRateArgs(argv: string[]): RateArgs {
  const positional: string[] = [];
  let output: string | undefined;
  let report: string | undefined;
  let sheet: string | undefined;
  const rules: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = flag === arg ? undefined : arg.slice(eq + 1);
    switch (flag) {
      case '-o':
      case '--output':
        [output, i] = takeValue(argv, i, flag, inline);
        break;
      case '--report':
        [report, i] = takeValue(argv, i, flag, inline);
        break;
      case '--sheet':
        [sheet, i] = takeValue(argv, i, flag, inline);
        break;
      case '--rule': {
        let text: string;
        [text, i] = takeValue(argv, i, flag, inline);
        const [key, value] = parseRuleFlag(text);
        rules[key] = value;
        break;
      }
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (positional.length === 0) throw new UsageError('rate needs an input workbook: scorecard rate <in.xlsx> -o <out.xlsx>');
  if (positional.length > 1) throw new UsageError(`rate takes one input workbook, got ${positional.length}: ${positional.join(', ')}`);
  if (!output) throw new UsageError('rate needs -o <out.xlsx>, the file to write the rated workbook to');
  if (report !== undefined && path.resolve(report) === path.resolve(output)) {
    throw new UsageError('--report must be a different file from the output workbook');
  }
  return { input: positional[0], output, report, sheet, rules: rules as Partial<RatingRules> };
}

/** Bad input found while rating: printed as one line naming the file, and the sheet and cell when known. */
class InputError extends Error {
  constructor(
    message: string,
    readonly where: Location,
  ) {
    super(message);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function describe(where: Location, file: string): string {
  const parts = [where.file || file];
  if (where.sheet) parts.push(`sheet "${where.sheet}"`);
  if (where.cell) parts.push(`cell ${where.cell}`);
  if (where.ref) parts.push(`ref ${where.ref}`);
  return parts.join(', ');
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a workbook' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new InputError(reason, {});
  }
}

function findGrid(grids: SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name === name) ?? grids.find((g) => g.name.toLowerCase() === name.toLowerCase());
}

/**
 * Finds the sheet asked for (as Excel does, whatever the case) and refuses a protected scorecard before any
 * rating: the sheet asked for, or every user sheet when none is asked for and all are protected. A protected
 * sheet among writable ones is left to the rating itself. Returns the sheet's name as the workbook spells it.
 */
function checkSheets(grids: SheetGrid[], sheet: string | undefined): string | undefined {
  if (sheet !== undefined) {
    const grid = findGrid(grids, sheet);
    if (!grid) {
      const names = grids.map((g) => `"${g.name}"`).join(', ');
      throw new InputError(`there is no sheet "${sheet}" (sheets: ${names})`, {});
    }
    if (grid.protected) throw new InputError('the sheet is protected: unprotect it in Excel to rate it', { sheet: grid.name });
    return grid.name;
  }
  const users = userSheets(grids);
  if (users.length > 0 && users.every((g) => g.protected)) {
    throw new InputError('the sheet is protected: unprotect it in Excel to rate it', { sheet: users[0].name });
  }
  return undefined;
}

/**
 * The workbook's own Scorecard rules sheet (found by its mark, whatever it is called now), overridden by
 * the command line. A bad cell stops the run.
 */
function workbookRules(grids: SheetGrid[], flags: Partial<RatingRules>): Partial<RatingRules> {
  const sheet = ownedSheet(grids, 'rules');
  if (!sheet) return { ...flags };
  const { rules, errors } = readRulesSheet(sheet);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new InputError(`${errors[0]}${more}`, {});
  }
  return { ...rules, ...flags };
}

function sideName(target: string, what: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.${what}`);
}

async function removeQuietly(file: string): Promise<void> {
  await fs.rm(file, { force: true }).catch(() => undefined);
}

function writeError(target: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  const reason =
    err.code === 'ENOENT'
      ? 'the folder does not exist'
      : err.code === 'EACCES' || err.code === 'EPERM'
        ? 'permission denied'
        : err.code === 'EISDIR'
          ? 'it is a folder'
          : err.code === 'ENOSPC'
            ? 'the disk is full'
            : err.message;
  return new InputError(`cannot write ${target}: ${reason}`, {});
}

interface PendingFile {
  target: string;
  write: (temp: string) => Promise<void>;
}

/**
 * Keeps what a target holds now under a side name (a hard link: instant, no copy; a copy where the file
 * system has no links), so a failure after it is replaced can put it back. Null when there is no target yet.
 */
async function keepPrevious(target: string): Promise<string | null> {
  const side = sideName(target, 'previous');
  try {
    await fs.link(target, side);
    return side;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
  }
  await fs.copyFile(target, side);
  return side;
}

/** The new file takes the old one's permissions, as saving over it in Excel would leave them. */
async function keepMode(temp: string, target: string): Promise<void> {
  const old = await fs.stat(target).catch(() => null);
  if (old) await fs.chmod(temp, old.mode & 0o777).catch(() => undefined);
}

/**
 * Writes every file beside its target first and renames them into place only when all are complete, so a
 * failed run leaves neither a half-written workbook nor a report without its workbook. Files are written in
 * the order given and placed in the reverse order: the last written (the workbook) goes in first. A target
 * replaced before a later one fails gets its previous content back: rating a workbook in place (-o the
 * input) never loses the input.
 */
async function writeAll(files: PendingFile[]): Promise<void> {
  const temps = files.map((f) => sideName(f.target, 'tmp'));
  const previous: (string | null)[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      await files[i].write(temps[i]).catch((e) => {
        throw writeError(files[i].target, e);
      });
      await keepMode(temps[i], files[i].target);
    }
    for (const f of files) previous.push(await keepPrevious(f.target).catch((e) => Promise.reject(writeError(f.target, e))));
    for (let i = files.length - 1; i >= 0; i--) {
      try {
        await fs.rename(temps[i], files[i].target);
      } catch (e) {
        for (let j = files.length - 1; j > i; j--) {
          const old = previous[j];
          await (old ? fs.rename(old, files[j].target) : removeQuietly(files[j].target)).catch(() => undefined);
        }
        throw writeError(files[i].target, e);
      }
    }
  } finally {
    for (const t of [...temps, ...previous]) if (t) await removeQuietly(t);
  }
}

/** What a run prints. The rated rows are not kept: they are in the workbook and the report. */
interface RateOutcome {
  sheets: string[];
  summary: Summary;
  rules: RatingRules;
  redFlags: RedFlag[];
  warnings: Warning[];
}

/** Bad input from the workbook or the engine, named after the input file as the user typed it. */
function asInputError(e: unknown, file: string): unknown {
  if (e instanceof InputError) return e.where.file ? e : new InputError(e.message, { ...e.where, file });
  if (e instanceof ScorecardError) return new InputError(e.message, { ...e.where, file: e.where.file || file });
  return e;
}

/**
 * Reads, rates and applies the rating in memory. What the rating needed (grids, measures, planned writes)
 * is unreachable once this returns, so the workbook is written with little beside ExcelJS's own model in
 * memory: writing is where a large workbook's memory peaks.
 */
async function rateInMemory(args: RateArgs): Promise<{ workbook: Workbook; outcome: RateOutcome; report?: Report }> {
  const { workbook, grids } = await readWorkbookFile(await readInput(args.input));
  const sheet = checkSheets(grids, args.sheet);
  const rules = workbookRules(grids, args.rules);
  const result = rateWorkbook(grids, { rules, sheet, file: args.input });
  const applyWarnings = applyRating(workbook, result, buildOwnedSheets(result));
  const warnings = [...result.warnings, ...applyWarnings];
  const outcome: RateOutcome = { sheets: result.sheets.map((s) => s.sheet), summary: result.summary, rules: result.rules, redFlags: result.redFlags, warnings };
  if (!args.report) return { workbook, outcome };
  return { workbook, outcome, report: { ...toReport(result), warnings } };
}

/** Reads the input once, rates it, applies the rating and writes the workbook (and report) in one go. */
async function rateFile(args: RateArgs): Promise<RateOutcome> {
  try {
    const prepared: { workbook: Workbook; outcome: RateOutcome; report?: Report } = await rateInMemory(args);
    const files: PendingFile[] = [];
    const reportFile = args.report;
    if (reportFile && prepared.report) {
      // Written first and then let go of, so its rows are not held while the workbook is written.
      files.push({
        target: reportFile,
        write: async (temp) => {
          const report = prepared.report as Report;
          prepared.report = undefined;
          await writeReportFile(temp, report);
        },
      });
    }
    const { workbook } = prepared;
    files.push({ target: args.output, write: (temp) => writeXlsxFile(workbook, temp) });
    await writeAll(files);
    return prepared.outcome;
  } catch (e) {
    throw asInputError(e, args.input);
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function padStart(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

function countsTable(title: string, rows: { symbol: string; label: string; count: number; percent: number }[]): string {
  const lines = [`${pad(title, 24)}${padStart('Measures', 9)}${padStart('%', 8)}`];
  for (const r of rows) lines.push(`${pad(`${r.symbol} ${r.label}`, 24)}${padStart(String(r.count), 9)}${padStart(r.percent.toFixed(1), 8)}`);
  return lines.join('\n');
}

function statusLines(t: StatusTable, rules: RatingRules): string {
  return countsTable(
    'Overall status',
    STATUS_KEYS.map((k) => ({ symbol: rules.symbols[k], label: STATUS_LABELS[k], ...t.statuses[k] })),
  );
}

function dotLines(t: StatusTable, rules: RatingRules): string {
  return countsTable(
    'Direction of travel',
    DOT_KEYS.map((k) => ({ symbol: rules.dotSymbols[k], label: DOT_LABELS[k], ...t.dot[k] })),
  );
}

function ratedWhat(result: RateOutcome, input: string): string {
  const sheets = result.sheets.map((s) => `"${s}"`).join(', ');
  const n = result.summary.total;
  return `Rated ${n} ${n === 1 ? 'measure' : 'measures'} on ${result.sheets.length === 1 ? 'sheet' : 'sheets'} ${sheets} of ${input}`;
}

/** How many kept cells the summary lists one by one; the report always lists them all. */
const KEPT_SHOWN = 10;

/**
 * The status and DOT cells left as they were (formulas, people's own entries, merged cells), one line each,
 * so nobody has to open the report to learn that a cell they own was not rated over.
 */
function keptLines(warnings: readonly Warning[], withReport: boolean): string[] {
  const kept = warnings.filter((w) => w.kept);
  if (kept.length === 0) return [];
  const lines = [`Left as they were: ${kept.length} ${kept.length === 1 ? 'cell' : 'cells'} (a formula, someone's own entry or a merged cell)`];
  for (const w of kept.slice(0, KEPT_SHOWN)) lines.push(`  sheet "${w.where.sheet ?? ''}" cell ${w.where.cell ?? '?'}: ${oneLine(w.message)}`);
  if (kept.length > KEPT_SHOWN) lines.push(`  … and ${kept.length - KEPT_SHOWN} more${withReport ? ' (listed in the report)' : ''}`);
  return lines;
}

function shortSummary(result: RateOutcome, args: RateArgs): string {
  const { warnings } = result;
  const lines = [
    ratedWhat(result, args.input),
    '',
    statusLines(result.summary, result.rules),
    '',
    dotLines(result.summary, result.rules),
    '',
    `Red flags: ${result.redFlags.length}`,
    `Warnings: ${warnings.length}${warnings.length > 0 && args.report ? ' (listed in the report)' : ''}`,
    ...keptLines(warnings, Boolean(args.report)),
    // Where the tool's sheets went when the user's own sheets hold their names: said every run.
    ...warnings.filter((w) => w.keptSheet !== undefined).map((w) => `Note: ${w.message}`),
    `Wrote ${args.output}${args.report ? ` and ${args.report}` : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}

async function rate(argv: string[], io: CliIo, ctx: { file: string }): Promise<number> {
  const args = parseRateArgs(argv);
  ctx.file = args.input;
  const outcome = await rateFile(args);
  io.stdout(shortSummary(outcome, args));
  return EXIT_OK;
}

/** The package folder, found from this file whether it runs compiled (dist/node/node) or from src. */
async function packageRoot(): Promise<string> {
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'scorecard') return dir;
    } catch {
      // no package.json here: keep climbing
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the scorecard package folder');
    dir = parent;
  }
}

async function demo(argv: string[], io: CliIo, ctx: { file: string }): Promise<number> {
  if (argv.length > 0) throw new UsageError(`demo takes no arguments, got ${argv.join(' ')}`);
  const input = path.join(await packageRoot(), 'assets', 'sample-scorecard.xlsx');
  ctx.file = input;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scorecard-demo-'));
  const args: RateArgs = {
    input,
    output: path.join(dir, 'sample-scorecard-rated.xlsx'),
    report: path.join(dir, 'sample-scorecard-report.json'),
    rules: {},
  };
  const result = await rateFile(args);
  const flags = result.redFlags.map((f) => `  ${f.ref}  ${f.measure}${f.leadOfficer ? ` (${f.leadOfficer})` : ''}\n      ${f.reason}`);
  const lines = [
    ratedWhat(result, 'the sample scorecard'),
    '',
    statusLines(result.summary, result.rules),
    '',
    dotLines(result.summary, result.rules),
    '',
    `Red flags (${result.redFlags.length}): off target this period and the previous one`,
    ...(flags.length > 0 ? flags : ['  none']),
    '',
    'Summary for the report:',
    `  ${result.summary.text}`,
    '',
    `Rated workbook: ${args.output}`,
    `Report: ${args.report}`,
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

function rulesText(): string {
  const defaults = defaultRules();
  const lines = ['Rating rules (set with --rule key=value, or in the workbook\'s "Scorecard rules" sheet):', ''];
  for (const f of RULE_FIELDS) {
    lines.push(`  ${f.key} = ${String(defaults[f.key])}`, `      ${f.label}. ${ruleHelp(f)}`);
  }
  lines.push('', 'Status symbols (symbols.<status> in the Scorecard rules sheet):');
  for (const k of STATUS_KEYS) lines.push(`  ${pad(k, 20)} ${defaults.symbols[k]}  ${STATUS_LABELS[k]}`);
  lines.push('', 'Direction of travel symbols (dotSymbols.<direction>):');
  for (const k of DOT_KEYS) lines.push(`  ${pad(k, 20)} ${defaults.dotSymbols[k]}  ${DOT_LABELS[k]}`);
  return `${lines.join('\n')}\n`;
}

/** Runs one command. Expected problems print one line on stderr; the exit code says which kind. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const ctx = { file: '' };
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case 'rules':
        if (rest.length > 0) throw new UsageError(`rules takes no arguments, got ${rest.join(' ')}`);
        io.stdout(rulesText());
        return EXIT_OK;
      case 'demo':
        return await demo(rest, io, ctx);
      case 'rate':
        if (rest.includes('-h') || rest.includes('--help')) {
          io.stdout(USAGE);
          return EXIT_OK;
        }
        return await rate(rest, io, ctx);
      default:
        throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`scorecard: ${oneLine(e.message)} (see scorecard --help)\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      io.stderr(`scorecard: ${describe(e.where, ctx.file)}: ${oneLine(e.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    // Not expected: still one line, with the stack only when asked for.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`scorecard: ${ctx.file ? `${ctx.file}: ` : ''}unexpected error: ${oneLine(message)}\n`);
    if (process.env.SCORECARD_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_BAD_INPUT;
  }
}
