/**
 * `scorecard rate a.xlsx folder … --out-dir DIR`: each workbook rated on its own, one failure never stopping
 * the others, a results table at the end and exit 1 if any failed. In-process through `main`, on workbooks
 * generated into a temporary folder.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/cliIo';
import { generateScorecard } from '../support/generateScorecard';
import type { Report } from '../../src/scorecard/types';
import { buildScorecard } from '../hardening/corpus';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...io });
  return { code, stdout, stderr };
}

let root: string;
let input: string;
let out: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-folder-'));
  input = path.join(root, 'q2');
  out = path.join(root, 'rated');
  fs.mkdirSync(input);
  fs.mkdirSync(out);
});
afterEach(() => {
  for (const f of fs.readdirSync(out)) fs.chmodSync(path.join(out, f), 0o644);
  fs.rmSync(root, { recursive: true, force: true });
});

function put(folder: string, name: string, data: Buffer | string): string {
  fs.writeFileSync(path.join(folder, name), data);
  return path.join(folder, name);
}

/** The row of the results table for `file`, split into its columns. */
function tableRow(stdout: string, file: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`${file} `));
  if (!line) throw new Error(`no row for ${file} in:\n${stdout}`);
  const [measures, on, sat, off, other, flags, ...problems] = line.slice(file.length).trim().split(/\s{2,}/);
  return [measures, on, sat, off, other, flags, problems.join('  ')];
}

function expectRowMatchesReport(stdout: string, file: string, report: Report): void {
  const s = report.summary.statuses;
  const rated = s['on-target'].count + s.satisfactory.count + s['off-target'].count;
  expect(tableRow(stdout, file).slice(0, 6)).toEqual(
    [report.summary.total, s['on-target'].count, s.satisfactory.count, s['off-target'].count, report.summary.total - rated, report.redFlags.length].map(String),
  );
}

function readReport(name: string): Report {
  return JSON.parse(fs.readFileSync(path.join(out, name), 'utf8')) as Report;
}

describe('a folder of workbooks, one of them bad', () => {
  let result: Run;
  let files: { a: string; b: string; bad: string };

  beforeEach(async () => {
    files = {
      a: put(input, 'adults.xlsx', await generateScorecard(12, 1)),
      b: put(input, 'children.xlsx', await generateScorecard(20, 2)),
      bad: put(input, 'export.xlsx', 'Ref,Measure,Target\n1.A1,Referrals,336.9\n'),
    };
    // Not rated: Excel's lock file of an open workbook, a text file, and a subfolder's workbook.
    put(input, '~$adults.xlsx', 'owner');
    put(input, 'notes.txt', 'minutes');
    fs.mkdirSync(path.join(input, 'archive'));
    put(path.join(input, 'archive'), 'old.xlsx', await buildScorecard());
    result = await run(['rate', input, '--out-dir', out, '--reports']);
  });

  it('rates every good workbook into the folder, each with its report, and exits 1 for the bad one', () => {
    expect(result.code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(['adults.report.json', 'adults.xlsx', 'children.report.json', 'children.xlsx']);
  });

  it('says on stderr, in one line naming it, why the bad one failed; no progress lines when stderr is not a terminal', () => {
    expect(result.stderr).toBe(`scorecard: ${files.bad}: a text (CSV) file, not a workbook: open it in Excel and save it as .xlsx\n`);
  });

  it('ends with a table of every workbook: measures, statuses, red flags and problems', () => {
    const header = result.stdout.split('\n')[0];
    expect(header.split(/\s{2,}/)).toEqual(['File', 'Measures', 'On', 'Sat', 'Off', 'Other', 'Red flags', 'Problems']);
    expectRowMatchesReport(result.stdout, files.a, readReport('adults.report.json'));
    expectRowMatchesReport(result.stdout, files.b, readReport('children.report.json'));
    expect(tableRow(result.stdout, files.bad)).toEqual(['-', '-', '-', '-', '-', '-', 'failed: a text (CSV) file, not a workbook: open it in Excel and save it as .xlsx']);
    expect(result.stdout).toContain(`Rated 2 of 3 workbooks into ${out}; 1 failed`);
    expect(result.stdout).not.toContain('old.xlsx');
  });

  it('rates each workbook as a run of its own would', async () => {
    const alone = path.join(root, 'alone.json');
    const r = await run(['rate', files.b, '-o', path.join(root, 'alone.xlsx'), '--report', alone]);
    expect(r.code).toBe(0);
    const single = JSON.parse(fs.readFileSync(alone, 'utf8')) as Report;
    const inFolder = readReport('children.report.json');
    expect(inFolder.rows).toEqual(single.rows);
    expect(inFolder.summary).toEqual(single.summary);
  });
});

describe('inputs and outputs of a folder run', () => {
  it('files and folders together, no reports unless asked, a progress line per file on a terminal', async () => {
    const one = put(root, 'single.xlsx', await buildScorecard());
    const two = put(input, 'quarter.xlsx', await generateScorecard(8, 3));
    const r = await run(['rate', one, input, '--out-dir', out], { stderrIsTerminal: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`[1/2] ${one}\n[2/2] ${two}\n`);
    expect(fs.readdirSync(out).sort()).toEqual(['quarter.xlsx', 'single.xlsx']);
    expect(r.stdout).toContain(`Rated 2 of 2 workbooks into ${out}\n`);
    expect(tableRow(r.stdout, one)[0]).toBe('6');
  });

  it('an output that cannot be written fails that workbook only, before it is rated', async () => {
    const a = put(input, 'a.xlsx', await buildScorecard());
    const b = put(input, 'b.xlsx', await buildScorecard());
    const locked = put(out, 'a.xlsx', 'last quarter');
    fs.chmodSync(locked, 0o444);
    const r = await run(['rate', a, b, '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`scorecard: ${a}: cannot write ${locked}: the file is read-only\n`);
    expect(fs.readFileSync(locked, 'utf8')).toBe('last quarter');
    expect(fs.existsSync(path.join(out, 'b.xlsx'))).toBe(true);
    expect(tableRow(r.stdout, b)[0]).toBe('6');
  });

  it('a missing input fails alone', async () => {
    const a = put(input, 'a.xlsx', await buildScorecard());
    const missing = path.join(root, 'missing.xlsx');
    const r = await run(['rate', missing, a, '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`scorecard: ${missing}: file not found\n`);
    expect(fs.readdirSync(out)).toEqual(['a.xlsx']);
  });

  it('two inputs of one name are refused before anything is rated', async () => {
    const a = put(input, 'Scorecard.xlsx', await buildScorecard());
    fs.mkdirSync(path.join(root, 'other'));
    const b = put(path.join(root, 'other'), 'scorecard.xlsx', await buildScorecard());
    const r = await run(['rate', a, b, '--out-dir', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^scorecard: [^\n]*Scorecard\.xlsx and [^\n]*scorecard\.xlsx would both be written to [^\n]+\n$/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('an --out-dir that does not exist, and a folder with no workbooks, are refused naming them', async () => {
    put(input, 'a.xlsx', await buildScorecard());
    const nowhere = path.join(root, 'nowhere');
    const r = await run(['rate', input, '--out-dir', nowhere]);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', `scorecard: --out-dir ${nowhere}: the folder does not exist (create it first)\n`]);
    expect(fs.existsSync(nowhere)).toBe(false);
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    const e = await run(['rate', empty, '--out-dir', out]);
    expect([e.code, e.stdout, e.stderr]).toEqual([1, '', `scorecard: ${empty}: the folder holds no .xlsx workbooks\n`]);
  });

  it('--out-dir the input folder rates the workbooks in place, each replaced only when complete', async () => {
    const data = await buildScorecard();
    const a = put(input, 'a.xlsx', data);
    const r = await run(['rate', input, '--out-dir', input]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(fs.readdirSync(input)).toEqual(['a.xlsx']);
    expect(fs.readFileSync(a).equals(data)).toBe(false);
  });
});
